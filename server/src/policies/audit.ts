// The audit log is read by auditors only (their center; city auditors every center). Nobody edits it.
import type { Actor } from "./actor.ts";
import { hasRole } from "./authorize.ts";

export const canReadAudit = (actor: Actor): boolean => hasRole(actor, "AUDITOR", "CITY_AUDITOR");
