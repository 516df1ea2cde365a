// The queue system's API keys: the list, creating one (the key comes back once), revoking.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { createdQueueKeySchema, queueKeyDtoSchema } from "../../../../../server/src/contracts/queue.ts";
import { apiGet, apiPost } from "../../../lib/apiClient.ts";

const keyListSchema = z.object({ items: z.array(queueKeyDtoSchema) });

export const useQueueKeys = () => useQuery({ queryKey: ["queue", "keys"], queryFn: () => apiGet("/api/queue/keys", keyListSchema) });

export function useQueueKeyMutations() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ["queue", "keys"] });
  return {
    create: useMutation({ mutationFn: (name: string) => apiPost("/api/queue/keys", { name }, createdQueueKeySchema), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: number) => apiPost(`/api/queue/keys/${id}/revoke`, {}, queueKeyDtoSchema), onSuccess: refresh }),
  };
}
