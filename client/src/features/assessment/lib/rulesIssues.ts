// The rules form is checked with the very schema the API uses (putRulesBodySchema) before sending;
// each issue, the client's or the server's, lands on the field its path names, and the rules that are
// about a whole group (weights add up to 1, level points in order) on that group.
import type { ZodError } from "zod";
import type { ErrorIssue } from "../../../../../server/src/contracts/errors.ts";
import type { Language } from "../../../lib/i18n.ts";
import { ASSESSMENT_TEXT } from "../text.ts";

export interface PlacedIssues {
  /** Form field name path (["rules", "weights", "satisfaction"]) → messages */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Group path ("rules.weights") → messages shown under the group */
  groups: Record<string, string[]>;
}

const GENERIC: Record<string, { zh: string; en: string }> = {
  invalid_type: { zh: "请填写该项", en: "Required" },
  too_big: { zh: "超出允许的最大值或长度", en: "Too large or too long" },
  too_small: { zh: "小于允许的最小值或过短", en: "Too small or too short" },
  not_multiple_of: { zh: "最多保留两位小数", en: "At most two decimals" },
  invalid_format: { zh: "格式不正确", en: "Wrong format" },
};

function messageFor(path: string, code: string, lang: Language, fallback: string): string {
  const t = ASSESSMENT_TEXT[lang];
  if (path === "rules.weights") return t.weightsMustSum;
  if (path === "rules.levelPoints") return t.levelOrder;
  if (/^rules\.honours\.\w+\.min$/.test(path) && code === "custom") return t.minExceedsMax;
  const generic = GENERIC[code];
  return generic ? (lang === "en" ? generic.en : generic.zh) : fallback;
}

/** Group paths whose issues are about the group as a whole */
export const GROUP_PATHS = ["rules.weights", "rules.levelPoints", "rules.vetoes.accountabilityKinds", "rules.honours.redFlagWindows", "rules.honours.serviceModels"];

function place(items: { path: string; code: string; fallback: string }[], fieldPaths: ReadonlySet<string>, lang: Language): PlacedIssues {
  const fields = new Map<string, string[]>();
  const groups: Record<string, string[]> = {};
  for (const item of items) {
    const message = messageFor(item.path, item.code, lang, item.fallback);
    if (fieldPaths.has(item.path)) fields.set(item.path, [...new Set([...(fields.get(item.path) ?? []), message])]);
    else {
      const group = GROUP_PATHS.find((g) => item.path === g || item.path.startsWith(`${g}.`)) ?? "";
      groups[group] = [...new Set([...(groups[group] ?? []), message])];
    }
  }
  return {
    fields: [...fields].map(([path, errors]) => ({ name: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors })),
    groups,
  };
}

export function placeZodIssues(issues: ZodError["issues"], fieldPaths: ReadonlySet<string>, lang: Language): PlacedIssues {
  return place(issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, fallback: i.message })), fieldPaths, lang);
}

/** The server's issues already carry zh and en messages; they are shown as sent. */
export function placeServerIssues(issues: readonly ErrorIssue[], fieldPaths: ReadonlySet<string>, lang: Language): PlacedIssues {
  return place(issues.map((i) => ({ path: i.path, code: "server", fallback: lang === "en" ? i.messageEn : i.message })), fieldPaths, lang);
}
