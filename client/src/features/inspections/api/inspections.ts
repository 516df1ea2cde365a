// Inspections: the checklist, the windows and who is on duty at each (for the form), saving a record
// from a tablet on a flaky network (one id per record, retried until the server answers; the server
// stores it once), its evidence photo, the list, and proposing accountability from a failed item.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { ChecklistDto, CreateInspectionBody, InspectionDto } from "../../../../../server/src/contracts/inspections.ts";
import { windowDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { dutyBoardDtoSchema } from "../../../../../server/src/contracts/shifts.ts";
import { apiGet, apiPost, apiRequest, apiUpload, type QueryParams } from "../../../lib/apiClient.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { pageSchema, usePagedList } from "../../../lib/pagedList.ts";

const checklistSchema = z.custom<ChecklistDto>((v) => typeof v === "object" && v !== null && "version" in v && "items" in v);
const inspectionSchema = z.custom<InspectionDto>((v) => typeof v === "object" && v !== null && "findings" in v && "totalDeduction" in v);
const proposalSchema = z.object({ accountabilityId: z.number().int(), state: z.string(), kind: z.string(), proposedPoints: z.number() });

export const useChecklist = () => useQuery({ queryKey: ["inspections", "checklist"], queryFn: ({ signal }) => apiGet("/api/inspections/checklist", checklistSchema, { signal }) });

export const useHallWindows = () =>
  useQuery({ queryKey: ["inspections", "windows"], queryFn: ({ signal }) => apiGet("/api/windows", pageSchema(windowDtoSchema), { query: { pageSize: 500 }, signal }), staleTime: 5 * 60_000 });

export const useOnDuty = () => useQuery({ queryKey: ["inspections", "onDuty"], queryFn: ({ signal }) => apiGet("/api/shifts/board", dutyBoardDtoSchema, { signal }), refetchInterval: 30_000 });

export const useInspectionsPage = (query: QueryParams) => usePagedList("inspections", "/api/inspections", inspectionSchema, query);

/** Network trouble, a server restart or overload: try again with the same id. A 4xx answer is final. */
const worthRetrying = (error: unknown): boolean => !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];

async function withRetries<T>(attempt: (tries: number) => Promise<T>, onRetry: (tries: number) => void): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(tries);
    } catch (error) {
      if (!worthRetrying(error) || tries >= RETRY_DELAYS_MS.length) throw error;
      onRetry(tries + 1);
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[tries]));
    }
  }
}

export function useSaveInspection(onRetry: (tries: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photo }: { body: CreateInspectionBody; photo: File | null }) => {
      // Retries carry the time of the first try, so a save that gets through late keeps when it was made
      const firstTriedAt = new Date().toISOString();
      let saved = await withRetries((tries) => apiPost("/api/inspections", tries === 0 ? body : { ...body, at: firstTriedAt }, inspectionSchema), onRetry);
      if (photo) saved = await withRetries(() => apiUpload(`/api/inspections/${body.id}/photo`, photo, inspectionSchema), onRetry);
      return saved;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["inspections"] }),
  });
}

export function useProposeFromFinding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ inspectionId, code }: { inspectionId: string; code: string }) => apiPost(`/api/inspections/${inspectionId}/findings/${code}/accountability`, {}, proposalSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["inspections"] }),
  });
}

export const sheetHref = (date: string, period: "day" | "week", lang: "zh-CN" | "en") => `/api/inspections/sheet?date=${date}&period=${period}&lang=${lang === "en" ? "en" : "zh"}`;

export const useInspection = (id: string | null) =>
  useQuery({ queryKey: ["inspections", "one", id], queryFn: ({ signal }) => apiGet(`/api/inspections/${id}`, inspectionSchema, { signal }), enabled: id !== null });

export function useSaveChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: ChecklistDto["items"]) => apiRequest("PUT", "/api/inspections/checklist", { body: { items } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["inspections", "checklist"] }),
  });
}
