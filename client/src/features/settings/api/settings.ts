// The center's settings (opening hours, lunch break, deadlines): read and replace.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { centerSettingsSchema, type CenterSettings } from "../../../../../server/src/contracts/settings.ts";
import { apiGet, apiRequest } from "../../../lib/apiClient.ts";

export const useSettings = () => useQuery({ queryKey: ["settings"], queryFn: ({ signal }) => apiGet("/api/settings", centerSettingsSchema, { signal }) });

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CenterSettings) => centerSettingsSchema.parse(await apiRequest("PUT", "/api/settings", { body })),
    onSuccess: (data) => queryClient.setQueryData(["settings"], data),
  });
}
