// Signing in: on success the session cache holds the new user and nothing from before survives.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sessionResponseSchema, type LoginBody } from "../../../../../server/src/contracts/auth.ts";
import { apiPost } from "../../../lib/apiClient.ts";
import { setSignedIn } from "./session.ts";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiPost("/api/auth/login", body, sessionResponseSchema),
    onSuccess: ({ user }) => setSignedIn(queryClient, user),
  });
}
