// Rating pads: the list, adding one (its pairing code comes back once), a new code, revoking.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { deviceDtoSchema, deviceListSchema, pairingCodeDtoSchema, type CreateDeviceBody } from "../../../../../server/src/contracts/devices.ts";
import { apiGet, apiPost } from "../../../lib/apiClient.ts";

/** Online state changes without anyone touching the page: poll it, gently. */
const PRESENCE_REFRESH_MS = 15_000;

export const useDevices = () => useQuery({ queryKey: ["devices"], queryFn: () => apiGet("/api/devices", deviceListSchema), refetchInterval: PRESENCE_REFRESH_MS });

export function useDeviceMutations() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ["devices"] });
  return {
    add: useMutation({ mutationFn: (body: CreateDeviceBody) => apiPost("/api/devices", body, pairingCodeDtoSchema), onSuccess: refresh }),
    newCode: useMutation({ mutationFn: (id: number) => apiPost(`/api/devices/${id}/pairing-code`, {}, pairingCodeDtoSchema), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: number) => apiPost(`/api/devices/${id}/revoke`, {}, deviceDtoSchema), onSuccess: refresh }),
  };
}
