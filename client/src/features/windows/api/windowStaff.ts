// A window's regular staff and AB岗 backups, and replacing them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { windowStaffDtoSchema, type WindowStaffBody } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet, apiRequest } from "../../../lib/apiClient.ts";

export const useWindowStaff = (windowId: number) =>
  useQuery({ queryKey: ["windows", "staff", windowId], queryFn: ({ signal }) => apiGet(`/api/windows/${windowId}/staff`, windowStaffDtoSchema, { signal }) });

export function useAssignWindowStaff(windowId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WindowStaffBody) => windowStaffDtoSchema.parse(await apiRequest("PUT", `/api/windows/${windowId}/staff`, { body })),
    onSuccess: (data) => {
      queryClient.setQueryData(["windows", "staff", windowId], data);
      // Who may sign in where has changed
      void queryClient.invalidateQueries({ queryKey: ["shifts"] });
    },
  });
}
