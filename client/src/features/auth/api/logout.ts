// Signing out ends the server session first, then drops the cached user so the guard shows the login page.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPostNoContent } from "../../../lib/apiClient.ts";
import { forgetUserData, setSignedOut } from "./session.ts";

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPostNoContent("/api/auth/logout"),
    onSuccess: () => {
      setSignedOut(queryClient, false);
      forgetUserData(queryClient);
    },
  });
}
