// Changing one's own password; afterwards the session is re-read so mustChangePassword clears.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChangePasswordBody } from "../../../../../server/src/contracts/auth.ts";
import { apiPostNoContent } from "../../../lib/apiClient.ts";
import { SESSION_KEY } from "./session.ts";

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => apiPostNoContent("/api/auth/password", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
