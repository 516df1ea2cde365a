// First inquiries: the list, registering one, and the steps of a hand-over.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { InquiryDto, RegisterInquiryBody } from "../../../../../server/src/contracts/inquiries.ts";
import { apiPost, type QueryParams } from "../../../lib/apiClient.ts";
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

export const registerPath = "/api/inquiries";
export type { RegisterInquiryBody };
