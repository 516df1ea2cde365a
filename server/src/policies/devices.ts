// Rating pads are master data of the hall: the administrator adds, pairs and revokes them in their
// own center (三员分立: not the security administrator, not leaders).
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canManageDevices = (actor: Actor): boolean => hasRole(actor, "ADMIN") && actor.centerId !== null;
export const canTouchDevice = (actor: Actor, device: { centerId: number }): boolean =>
  canManageDevices(actor) && actor.centerId === device.centerId;
