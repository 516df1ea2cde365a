// Creating and editing service items; both refresh every cached item list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { itemDtoSchema, type CreateItemBody, type UpdateItemBody } from "../../../../../server/src/contracts/masterData.ts";
import { apiPost, apiRequest } from "../../../lib/apiClient.ts";

export function useSaveItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: number; body: UpdateItemBody } | { id: null; body: CreateItemBody }) =>
      input.id === null ? apiPost("/api/items", input.body, itemDtoSchema) : itemDtoSchema.parse(await apiRequest("PATCH", `/api/items/${input.id}`, { body: input.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["items"] }),
  });
}
