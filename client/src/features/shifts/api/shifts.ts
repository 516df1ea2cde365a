// The signed-in staff member's own shift: what it is, and sign in / pause / resume / sign out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { myShiftDtoSchema, shiftDtoSchema, type PauseBody } from "../../../../../server/src/contracts/shifts.ts";
import { apiGet, apiPost } from "../../../lib/apiClient.ts";

const KEY = ["shifts", "me"];

export const useMyShift = () => useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiGet("/api/shifts/me", myShiftDtoSchema, { signal }) });

type Action = { kind: "sign-in"; windowId: number } | { kind: "pause"; body: PauseBody } | { kind: "resume" } | { kind: "sign-out" };

export function useShiftAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => {
      const path = `/api/shifts/me/${action.kind}`;
      if (action.kind === "sign-in") return apiPost(path, { windowId: action.windowId }, shiftDtoSchema);
      if (action.kind === "pause") return apiPost(path, action.body, shiftDtoSchema);
      return apiPost(path, undefined, shiftDtoSchema);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
