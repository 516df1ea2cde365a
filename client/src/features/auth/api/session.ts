// Who is signed in, as one cached query. A 401 here is an answer ("nobody"), not an error; the reason
// is kept so the login page can say the session expired.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { sessionResponseSchema, type Me } from "../../../../../server/src/contracts/auth.ts";
import { apiGet } from "../../../lib/apiClient.ts";
import { ApiError } from "../../../lib/apiError.ts";

export const SESSION_KEY = ["session"] as const;

export interface SessionState {
  user: Me | null;
  /** True when the server said SESSION_EXPIRED rather than "never signed in". */
  expired: boolean;
}

async function fetchSession(signal: AbortSignal): Promise<SessionState> {
  try {
    const { user } = await apiGet("/api/auth/me", sessionResponseSchema, { signal });
    return { user, expired: false };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return { user: null, expired: error.code === "SESSION_EXPIRED" };
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
  });
}

/** Forgets everything fetched for the previous user, so a new sign-in never sees it. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function setSignedIn(queryClient: QueryClient, user: Me): void {
  forgetUserData(queryClient);
  queryClient.setQueryData<SessionState>(SESSION_KEY, { user, expired: false });
}

export function setSignedOut(queryClient: QueryClient, expired: boolean): void {
  queryClient.setQueryData<SessionState>(SESSION_KEY, { user: null, expired });
}
