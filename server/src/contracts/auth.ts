// Sign-in, the signed-in user, password change.
import { z } from "zod";
import { roleSchema } from "./roles.ts";

export const CSRF_HEADER = "x-csrf-token";
export const CSRF_COOKIE = "hw_csrf";
export const SESSION_COOKIE = "hw_session";

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  centerId: z.number().int().nullable(),
  centerName: z.string().nullable(),
  staffId: z.number().int().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** The minimum password policy; the server checks it, the form shows it before sending. */
export function passwordMeetsPolicy(password: string, username: string): boolean {
  return (
    password.length >= 10 &&
    /[A-Za-z]/.test(password) &&
    /[0-9]/.test(password) &&
    password.toLowerCase() !== username.toLowerCase()
  );
}
