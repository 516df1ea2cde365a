// Complaints: the paged list, who may be assigned, each handling step, and the windows and staff a
// complaint can be linked to.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { ComplaintAssigneeDto, ComplaintDto } from "../../../../../server/src/contracts/complaints.ts";
import { staffDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet, apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { fetchPage, usePagedList } from "../../../lib/pagedList.ts";

const complaintSchema = z.custom<ComplaintDto>((v) => typeof v === "object" && v !== null && "channel" in v && "dueAt" in v);
const assigneesSchema = z.object({ items: z.array(z.custom<ComplaintAssigneeDto>((v) => typeof v === "object" && v !== null && "displayName" in v)) });

export const useComplaintsPage = (query: QueryParams) => usePagedList("complaints", "/api/complaints", complaintSchema, query);

export const useComplaintAssignees = (enabled: boolean) =>
  useQuery({ queryKey: ["complaints", "assignees"], queryFn: ({ signal }) => apiGet("/api/complaints/assignees", assigneesSchema, { signal }), enabled, staleTime: 60_000 });

/** Records a complaint (path "/api/complaints") or takes a step on one ("/api/complaints/:id/<step>"). */
export function useComplaintStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => apiPost(path, body, complaintSchema),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["complaints"] }), client.invalidateQueries({ queryKey: ["accountability"] })]),
  });
}

/** Staff found by name or 工号 as the user types (a hall has ~180, a city thousands). */
export const useStaffSearch = (q: string) =>
  useQuery({
    queryKey: ["staff", "search", q],
    queryFn: ({ signal }) => fetchPage("/api/staff", staffDtoSchema, { page: 1, pageSize: 30, q: q || undefined, active: true }, signal),
    staleTime: 60_000,
    select: (page) => page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.staffNo}）` })),
  });
