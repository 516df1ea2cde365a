// The bulletin API (contracts/bulletins.ts) as react-query hooks: a month's bulletins, one bulletin with
// its content, generating a month (a run whose progress is polled), the center's comment, releasing,
// resending, the PDF, and the mails with their retry. Answers are checked for their shape's key fields.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type {
  BulletinCommentBody,
  BulletinDeliveryDto,
  BulletinDto,
  BulletinRunDto,
  BulletinSummaryDto,
  GenerateBulletinsBody,
  ReleaseBulletinsBody,
  ReleaseResultDto,
  ResendBulletinBody,
} from "../../../../../server/src/contracts/bulletins.ts";
import { apiDownload, apiGet, apiPost, apiRequest, type QueryParams } from "../../../lib/apiClient.ts";
import { fetchPage } from "../../../lib/pagedList.ts";
import { saveDownload } from "../../../lib/saveDownload.ts";

const BASE = "/api/bulletins";
const RUN_POLL_MS = 1_000;

/** A zod check that the answer is an object carrying the given keys (the contract types the rest). */
const shaped = <T,>(...keys: string[]) => z.custom<T>((v) => typeof v === "object" && v !== null && keys.every((k) => k in v));

const summarySchema = shaped<BulletinSummaryDto>("id", "month", "state", "department", "deliveries");
const bulletinSchema = shaped<BulletinDto>("id", "state", "content");
const runSchema = shaped<BulletinRunDto>("id", "state", "progress");
const releaseSchema = shaped<ReleaseResultDto>("released", "deliveriesQueued");
const deliverySchema = shaped<BulletinDeliveryDto>("id", "recipient", "state");

export function useBulletinPage(query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ["bulletins", "page", query],
    queryFn: ({ signal }) => fetchPage(BASE, summarySchema, query, signal),
    placeholderData: keepPreviousData,
    enabled,
    // Released bulletins' mails are sent by the server's job: the counts follow while any is pending.
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.deliveries.pending > 0) ? 3_000 : false),
  });
}

export const useBulletin = (id: number) =>
  useQuery({
    queryKey: ["bulletins", "one", id],
    queryFn: ({ signal }) => apiGet(`${BASE}/${id}`, bulletinSchema, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });

export function useGenerateBulletins() {
  return useMutation({ mutationFn: (body: GenerateBulletinsBody) => apiPost(`${BASE}/generate`, body, runSchema) });
}

/** A generating run, polled until it is done or failed; the month's list is refreshed when it ends. */
export function useBulletinRun(id: number | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ["bulletins", "run", id],
    queryFn: async ({ signal }) => {
      const run = await apiGet(`${BASE}/runs/${id ?? 0}`, runSchema, { signal });
      if (run.state !== "RUNNING") await client.invalidateQueries({ queryKey: ["bulletins", "page"] });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data === undefined || q.state.data.state === "RUNNING" ? RUN_POLL_MS : false),
  });
}

/** The month's latest run, looked up once (a run the schedule started, or one started on another screen). */
export function useLatestBulletinRun(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ["bulletins", "runs", month],
    queryFn: async ({ signal }) => (await apiGet(`${BASE}/runs?month=${month}`, z.array(runSchema), { signal }))[0] ?? null,
    enabled,
  });
}

function useRefreshBulletins() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["bulletins"] });
}

export function useSaveBulletinComment(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: BulletinCommentBody) => bulletinSchema.parse(await apiRequest("PUT", `${BASE}/${id}/comment`, { body })),
    onSuccess: (bulletin) => client.setQueryData(["bulletins", "one", id], bulletin),
  });
}

export function useReleaseBulletins() {
  const refresh = useRefreshBulletins();
  return useMutation({ mutationFn: (body: ReleaseBulletinsBody) => apiPost(`${BASE}/release`, body, releaseSchema), onSuccess: refresh });
}

export function useResendBulletin(id: number) {
  const refresh = useRefreshBulletins();
  return useMutation({ mutationFn: (body: ResendBulletinBody) => apiPost(`${BASE}/${id}/resend`, body, bulletinSchema), onSuccess: refresh });
}

export function useDeliveryPage(query: QueryParams) {
  return useQuery({
    queryKey: ["bulletins", "deliveries", query],
    queryFn: ({ signal }) => fetchPage(`${BASE}/deliveries`, deliverySchema, query, signal),
    placeholderData: keepPreviousData,
    // Mails still waiting are sent by the server's job: the list follows them while any is pending.
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.state === "PENDING") ? 3_000 : false),
  });
}

export function useRetryDelivery() {
  const refresh = useRefreshBulletins();
  return useMutation({ mutationFn: (id: number) => apiPost(`${BASE}/deliveries/${id}/retry`, {}, deliverySchema), onSuccess: refresh });
}

/** Downloads the bulletin's PDF (for a released one: the very bytes that were mailed) under the server's file name. */
export function useDownloadPdf() {
  return useMutation({
    mutationFn: async ({ id, fallbackName }: { id: number; fallbackName: string }) => {
      const { blob, filename } = await apiDownload(`${BASE}/${id}/pdf`);
      saveDownload(blob, filename ?? fallbackName);
    },
  });
}
