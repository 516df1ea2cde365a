// The items a window handles, and replacing that set (only items its departments offer).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { itemDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet, apiRequest } from "../../../lib/apiClient.ts";
import { pageSchema } from "../../../lib/pagedList.ts";

const itemIdsSchema = z.object({ itemIds: z.array(z.number().int()) });

export const useWindowItems = (windowId: number | null) =>
  useQuery({
    queryKey: ["windows", "items", windowId],
    queryFn: ({ signal }) => apiGet(`/api/windows/${windowId}/items`, itemIdsSchema, { signal }),
    enabled: windowId !== null,
  });

/** Active items of the given departments: the only ones the window may handle. */
export const useItemsOfDepartments = (departmentIds: number[]) =>
  useQuery({
    queryKey: ["items", "ofDepartments", departmentIds],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(departmentIds.map((departmentId) => apiGet("/api/items", pageSchema(itemDtoSchema), { query: { departmentId, active: "true", pageSize: 500 }, signal })));
      return pages.flatMap((p) => p.items);
    },
    enabled: departmentIds.length > 0,
  });

export function useAssignWindowItems(windowId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (itemIds: number[]) => itemIdsSchema.parse(await apiRequest("PUT", `/api/windows/${windowId}/items`, { body: { itemIds } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["windows", "items", windowId] }),
  });
}
