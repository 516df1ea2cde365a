// The signed-in user for everything rendered behind the session guard, without null checks everywhere.
import { createContext, use } from "react";
import type { Me } from "../../../../../server/src/contracts/auth.ts";

export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const user = use(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser must be used behind <RequireSession>");
  return user;
}
