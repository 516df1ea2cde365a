// Appeals (申诉复核): the bad reviews in the user's scope with their appeal state, the appeals list, filing
// an appeal (staff, own bad reviews) and deciding one (center leaders).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { io } from "socket.io-client";
import { z } from "zod";
import type { AppealDto, BadReviewDto, DecideAppealBody, FileAppealBody } from "../../../../../server/src/contracts/appeals.ts";
import { apiPost, apiUpload, type QueryParams } from "../../../lib/apiClient.ts";
import { fetchPage, usePagedList } from "../../../lib/pagedList.ts";
import { unpackSupervisorBatches } from "../../../lib/supervisorBatches.ts";

const appealSchema = z.custom<AppealDto>((v) => typeof v === "object" && v !== null && "state" in v && "rating" in v);
const badReviewSchema = z.custom<BadReviewDto>((v) => typeof v === "object" && v !== null && "rating" in v && "canAppeal" in v);

export const useBadReviewsPage = (query: QueryParams) => usePagedList("appealBadReviews", "/api/appeals/bad-reviews", badReviewSchema, query);
export const useAppealsPage = (query: QueryParams) => usePagedList("appeals", "/api/appeals", appealSchema, query);

/** Decides an appeal ("/api/appeals/:id/decide"); it changes both lists. */
function useAppealMutation<B>() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: B }) => apiPost(path, body, appealSchema),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["appeals"] }), client.invalidateQueries({ queryKey: ["appealBadReviews"] })]),
  });
}

/** Files an appeal, then attaches its photo if one was chosen (the appeal stands if only the photo fails). */
export function useFileAppeal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photo }: { body: FileAppealBody; photo: File | null }): Promise<{ appeal: AppealDto; photoError: unknown }> => {
      const appeal = await apiPost("/api/appeals", body, appealSchema);
      if (!photo) return { appeal, photoError: null };
      try {
        return { appeal: await apiUpload(`/api/appeals/${appeal.id}/photo`, photo, appealSchema), photoError: null };
      } catch (photoError) {
        return { appeal, photoError };
      }
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ["appeals"] }), client.invalidateQueries({ queryKey: ["appealBadReviews"] })]),
  });
}

/** Attaches (or replaces) the evidence photo of one's pending appeal. */
export function useAttachAppealPhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, photo }: { id: number; photo: File }) => apiUpload(`/api/appeals/${id}/photo`, photo, appealSchema),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["appeals"] }), client.invalidateQueries({ queryKey: ["appealBadReviews"] })]),
  });
}
export const useDecideAppeal = () => useAppealMutation<DecideAppealBody>();


/** Live: an appeal filed or decided refreshes both lists (roles on the /supervisor socket only). */
export function useAppealLive(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = io("/supervisor", { transports: ["websocket"], withCredentials: true });
    unpackSupervisorBatches(socket);
    const refresh = () => void Promise.all([client.invalidateQueries({ queryKey: ["appeals"] }), client.invalidateQueries({ queryKey: ["appealBadReviews"] })]);
    socket.on("appeal.changed", refresh);
    return () => {
      socket.close();
    };
  }, [client, enabled]);
}
