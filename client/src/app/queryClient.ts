// Fetching policy for the whole app. Any request that finds the session gone flips the cached session
// to "signed out" (remembering whether it expired), which makes the guard show the login page.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isRetryable, isSignedOutError } from "../lib/apiError.ts";
import { setSignedOut } from "../features/auth/api/session.ts";

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  const onError = (error: Error) => {
    if (isSignedOutError(error)) setSignedOut(queryClient, error.code === "SESSION_EXPIRED");
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => isRetryable(error) && failureCount < MAX_RETRIES,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
