// A page exists for a role only if the role's navigation (NAV_BY_ROLE) lists it; otherwise the user
// gets a 403 page instead of a list that the server would refuse anyway.
import type { ReactNode } from "react";
import { NAV_BY_ROLE, type NavKey } from "../../../server/src/contracts/navigation.ts";
import { ForbiddenPage } from "../components/StatusPages.tsx";
import { useCurrentUser } from "../features/auth/hooks/useCurrentUser.ts";

export function RequireNav({ navKey, children }: { navKey: NavKey; children: ReactNode }) {
  const user = useCurrentUser();
  return NAV_BY_ROLE[user.role].includes(navKey) ? children : <ForbiddenPage />;
}
