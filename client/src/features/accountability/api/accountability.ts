// Accountability records: the review queue and a leader's decision.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { AccountabilityDto, DecideAccountabilityBody } from "../../../../../server/src/contracts/accountability.ts";
import { apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

const recordSchema = z.custom<AccountabilityDto>((v) => typeof v === "object" && v !== null && "kind" in v && "state" in v);

export const useAccountabilityPage = (query: QueryParams) => usePagedList("accountability", "/api/accountability", recordSchema, query);

export function useDecideAccountability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: DecideAccountabilityBody }) => apiPost(`/api/accountability/${id}/decision`, body, recordSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["accountability"] }),
  });
}
