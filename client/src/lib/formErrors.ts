// Server-side validation issues belong next to the field they are about, not in a banner.
import type { FormInstance } from "antd";
import { ApiError } from "./apiError.ts";
import type { Language } from "./i18n.ts";

/**
 * Puts each issue whose `path` names one of `fields` onto that form field.
 * Returns true when at least one issue found its field.
 */
export function showFieldIssues(form: FormInstance, error: unknown, fields: readonly string[], lang: Language): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const field = issue.path.split(".")[0] ?? issue.path;
    if (!fields.includes(field)) continue;
    const message = lang === "en" ? issue.messageEn : issue.message;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}
