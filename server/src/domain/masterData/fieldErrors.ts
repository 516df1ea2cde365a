// Master-data refusals that belong to one form field, so the admin form shows them beside it.
import { AppError } from "../../errors.ts";

export const duplicate = (path: string, zh: string, en: string) =>
  new AppError("CONFLICT", { issues: [{ path, code: "duplicate", message: zh, messageEn: en }] });

export const badReference = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });
