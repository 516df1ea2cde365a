// City leaders read one center's assessment at a time and name it (?centerId= in the page's URL, sent
// on every read); everyone else reads their own center and sends nothing. Until a city leader's
// center is known the reads wait.
import { useSearchParams } from "react-router";
import { isCityRole } from "../../../../../server/src/contracts/roles.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";

export interface CenterScope {
  /** Added to each read's query */
  query: { centerId?: string };
  ready: boolean;
}

export function useCenterScope(): CenterScope {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  if (!isCityRole(user.role)) return { query: {}, ready: true };
  const centerId = params.get("centerId");
  return centerId ? { query: { centerId }, ready: true } : { query: {}, ready: false };
}
