// Alerts: the feed and history pages, acknowledging one, and the live stream from /supervisor that
// refreshes them (and rings for a new red alert when the user turned the sound on).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import { z } from "zod";
import type { AlertCreatedMessage, AlertDto } from "../../../../../server/src/contracts/alerts.ts";
import { apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

const alertSchema = z.custom<AlertDto>((v) => typeof v === "object" && v !== null && "kind" in v && "severity" in v);

export const useAlertsPage = (query: QueryParams) => usePagedList("alerts", "/api/alerts", alertSchema, query);

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: number; note?: string }) => apiPost(`/api/alerts/${id}/acknowledge`, note ? { note } : {}, alertSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["alerts"] }),
  });
}

/** Live: any alert message refreshes the lists; onCreated hears each new alert. */
export function useAlertStream(onCreated: (alert: AlertDto) => void): { connected: boolean } {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  const listener = useRef(onCreated);
  listener.current = onCreated;
  useEffect(() => {
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    const refresh = () => void client.invalidateQueries({ queryKey: ["alerts"] });
    socket.on("connect", () => {
      setConnected(true);
      refresh(); // whatever happened while away
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("alert.created", (env: { data: AlertCreatedMessage }) => {
      listener.current(env.data.alert);
      refresh();
    });
    socket.on("alert.acknowledged", refresh);
    socket.on("alert.resolved", refresh);
    return () => {
      socket.close();
    };
  }, [client]);
  return { connected };
}
