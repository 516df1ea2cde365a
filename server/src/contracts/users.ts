// User accounts as the administrator manages them.
import { z } from "zod";
import { pageQuerySchema } from "./common.ts";
import { roleSchema } from "./roles.ts";

export const userDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  staffId: z.number().int().nullable(),
  departmentId: z.number().int().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

const username = z.string().trim().min(3).max(32).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, . _ -");

export const createUserBodySchema = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  role: roleSchema,
  password: z.string().min(1).max(256),
  staffId: z.number().int().positive().optional(),
  departmentId: z.number().int().positive().optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/**
 * Edit an account. A new role brings its own link: STAFF needs staffId, LIAISON needs departmentId;
 * any other role drops both (the server refuses a link the role does not take).
 */
export const updateUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  active: z.boolean().optional(),
  role: roleSchema.optional(),
  staffId: z.number().int().positive().nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const resetPasswordBodySchema = z.strictObject({ newPassword: z.string().min(1).max(256) });

/** The account list's filters (also what its Excel export takes). */
export const userListQuerySchema = pageQuerySchema.extend({
  role: roleSchema.optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
