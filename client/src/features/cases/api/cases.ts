// Cases: the paged list, the acceptance form's options, accepting, moving a case on, the notice.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { AcceptCaseBody, CaseActionBody, CaseDto } from "../../../../../server/src/contracts/cases.ts";
import { apiGet, apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

// The server's presenters are the contract; the client checks the shape it relies on.
const caseSchema = z.custom<CaseDto>((v) => typeof v === "object" && v !== null && "caseNo" in v && "state" in v);

export const useCasesPage = (query: QueryParams) => usePagedList("cases", "/api/cases", caseSchema, query);

export interface IntakeOptions {
  /** The window the staff member is signed in at (cases are accepted there only), or null. */
  signedInWindowId: number | null;
  windows: { id: number; number: number; name: string; items: { id: number; name: string; promisedLimitDays: number }[] }[];
}
const intakeSchema = z.custom<IntakeOptions>((v) => typeof v === "object" && v !== null && "windows" in v);
export const useIntakeOptions = (enabled: boolean) =>
  useQuery({ queryKey: ["cases", "intake"], queryFn: ({ signal }) => apiGet("/api/cases/intake-options", intakeSchema, { signal }), enabled });

export function useAcceptCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptCaseBody) => apiPost("/api/cases", body, caseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["cases"] }),
  });
}

export function useCaseAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CaseActionBody }) => apiPost(`/api/cases/${id}/actions`, body, caseSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["cases"] }),
  });
}

export interface CaseNotice {
  case: CaseDto;
  centerName: string;
  lookupUrl: string;
  qrSvg: string;
}
const noticeSchema = z.custom<CaseNotice>((v) => typeof v === "object" && v !== null && "qrSvg" in v);
export const useCaseNotice = (id: number) =>
  useQuery({ queryKey: ["cases", "notice", id], queryFn: ({ signal }) => apiGet(`/api/cases/${id}/notice`, noticeSchema, { signal }) });
