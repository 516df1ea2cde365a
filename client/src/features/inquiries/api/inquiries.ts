// First inquiries: the list, registering one, and the steps of a hand-over.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { HandoverTargetDto, InquiryDto, RegisterInquiryBody } from "../../../../../server/src/contracts/inquiries.ts";
import { apiGet, apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

const inquirySchema = z.custom<InquiryDto>((v) => typeof v === "object" && v !== null && "topic" in v && "state" in v);

export const useInquiriesPage = (query: QueryParams) => usePagedList("inquiries", "/api/inquiries", inquirySchema, query);

export function useInquiryStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => apiPost(path, body ?? {}, inquirySchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["inquiries"] }),
  });
}

const targetsSchema = z.object({ items: z.array(z.custom<HandoverTargetDto>((v) => typeof v === "object" && v !== null && "windowId" in v && "staff" in v)) });

/** The center's windows and who works at each: where a staff member may hand an inquiry. */
export const useHandoverTargets = (enabled: boolean) =>
  useQuery({ queryKey: ["inquiries", "targets"], queryFn: ({ signal }) => apiGet("/api/inquiries/handover-targets", targetsSchema, { signal }), enabled, staleTime: 5 * 60_000 });

export const registerPath = "/api/inquiries";
export type { RegisterInquiryBody };
