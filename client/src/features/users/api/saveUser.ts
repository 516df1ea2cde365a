// Creating an account, or renaming / (de)activating one; both refresh the cached account lists.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { userDtoSchema, type CreateUserBody, type UpdateUserBody } from "../../../../../server/src/contracts/users.ts";
import { apiPost, apiRequest } from "../../../lib/apiClient.ts";

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: null; body: CreateUserBody } | { id: number; body: UpdateUserBody }) =>
      input.id === null ? apiPost("/api/users", input.body, userDtoSchema) : userDtoSchema.parse(await apiRequest("PATCH", `/api/users/${input.id}`, { body: input.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
