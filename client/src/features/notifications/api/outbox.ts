// The SMS outbox: the paged list and sending a failed message again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { OutboxDto } from "../../../../../server/src/contracts/notifications.ts";
import { apiPost, type QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

const outboxSchema = z.custom<OutboxDto>((v) => typeof v === "object" && v !== null && "recipientMasked" in v);

export const useOutboxPage = (query: QueryParams) => usePagedList("notifications", "/api/notifications", outboxSchema, query);

export function useRetryNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiPost(`/api/notifications/${id}/retry`, {}, outboxSchema),
    onSuccess: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
