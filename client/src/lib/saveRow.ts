// Create (POST /api/<resource>) or edit (PATCH /api/<resource>/<id>) one master-data row, then
// refresh every cached list of that resource. The body is already checked with the shared schema.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ZodType } from "zod";
import { apiPost, apiRequest } from "./apiClient.ts";

export function useSaveRow<T>(resource: "departments" | "windows" | "staff", dto: ZodType<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: number | null; body: unknown }) =>
      input.id === null ? apiPost(`/api/${resource}`, input.body, dto) : dto.parse(await apiRequest("PATCH", `/api/${resource}/${input.id}`, { body: input.body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [resource] }),
  });
}
