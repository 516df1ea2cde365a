// The bad-review loop (差评整改): the worklist, one ticket with its history, each step, the audited reveal
// of the callback number, and the live refresh when a ticket opens or moves (/supervisor
// `rectification.changed`; roles without that socket poll instead).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { z } from "zod";
import { staffDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import type { RectificationDto, RectificationListItemDto, RectificationPhoneDto, RectificationStep } from "../../../../../server/src/contracts/rectifications.ts";
import { apiGet, apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { fetchPage, usePagedList } from "../../../lib/pagedList.ts";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

const itemSchema = z.custom<RectificationListItemDto>((v) => typeof v === "object" && v !== null && "state" in v && "evaluation" in v);
const detailSchema = z.custom<RectificationDto>((v) => typeof v === "object" && v !== null && "events" in v && "can" in v);
const phoneSchema = z.custom<RectificationPhoneDto>((v) => typeof v === "object" && v !== null && "phone" in v);

/** Without the /supervisor socket (staff, auditors) the list is refetched this often instead. */
const POLL_MS = 30_000;

export const useRectificationsPage = (query: QueryParams) => usePagedList("rectifications", "/api/rectifications", itemSchema, query);

export const useRectification = (id: string | null) =>
  useQuery({
    queryKey: ["rectifications", "one", id],
    queryFn: ({ signal }) => apiGet(`/api/rectifications/${id}`, detailSchema, { signal }),
    enabled: id !== null,
  });

export function useRectificationStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: RectificationStep; body: unknown }) => apiPost(`/api/rectifications/${id}/${step}`, body, detailSchema),
    onSuccess: (detail) => {
      client.setQueryData(["rectifications", "one", id], detail);
      return client.invalidateQueries({ queryKey: ["rectifications", "page"] });
    },
  });
}

/** The full number, fetched only when asked for (the server audits each reveal). */
export function useRevealPhone(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiGet(`/api/rectifications/${id}/phone`, phoneSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["rectifications", "one", id] }),
  });
}

/** Live refresh for roles on the /supervisor socket; a poll for the rest. Returns whether live. */
export function useRectificationLive(socketAllowed: boolean): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: ["rectifications"] });
    if (!socketAllowed) {
      const timer = setInterval(refresh, POLL_MS);
      return () => clearInterval(timer);
    }
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    socket.on("connect", () => {
      setConnected(true);
      refresh(); // whatever happened while away
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("rectification.changed", refresh);
    return () => {
      socket.close();
    };
  }, [client, socketAllowed]);
  return connected;
}


/** Owners found by name or 工号 as the user types. */
export const useOwnerSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ["staff", "search", q],
    queryFn: ({ signal }) => fetchPage("/api/staff", staffDtoSchema, { page: 1, pageSize: 30, q: q || undefined, active: true }, signal),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.staffNo}）` })),
  });
