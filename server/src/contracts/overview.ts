// The home page's figures: what the signed-in user may see, counted.
import { z } from "zod";

export const overviewSchema = z.object({
  centerName: z.string().nullable(),
  centers: z.number().int(),
  departments: z.number().int().nullable(),
  items: z.number().int().nullable(),
  windows: z.number().int().nullable(),
  staff: z.number().int().nullable(),
  users: z.number().int().nullable(),
  lockedUsers: z.number().int().nullable(),
  auditEntries: z.number().int().nullable(),
  // For window staff: their own record
  self: z
    .object({
      staffNo: z.string(),
      name: z.string(),
      departmentName: z.string(),
      partyMember: z.boolean(),
      windows: z.array(z.object({ number: z.number().int(), name: z.string(), backup: z.boolean() })),
    })
    .nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;
