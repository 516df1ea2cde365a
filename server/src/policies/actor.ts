// Who is acting. Policies take an Actor and the resource; they never look at Koa or the database.
import type { Role } from "../contracts/roles.ts";

export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** null for city-level accounts */
  centerId: number | null;
  staffId: number | null;
  departmentId: number | null;
}
