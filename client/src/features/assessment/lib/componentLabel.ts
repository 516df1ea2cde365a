// The readable name of an explanation line's component key: "satisfaction", "inspection.ON_POST",
// "accountability.SLOW_ACTION", "bonus.PRAISE_LETTER" … (the keys scoreSubject.ts writes).
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_KINDS } from "../../../../../server/src/contracts/accountability.ts";
import { DEFAULT_CHECKLIST } from "../../../../../server/src/contracts/inspections.ts";
import type { Language } from "../../../lib/i18n.ts";
import { ASSESSMENT_TEXT } from "../text.ts";

const isAccountabilityKind = (k: string): k is (typeof ACCOUNTABILITY_KINDS)[number] => (ACCOUNTABILITY_KINDS as readonly string[]).includes(k);

export function componentLabel(component: string, lang: Language): string {
  const text = ASSESSMENT_TEXT[lang];
  const whole = text.componentLabels[component];
  if (whole) return whole;
  const [head = component, tail = ""] = component.split(/\.(.*)/s);
  const group = text.componentLabels[head] ?? head;
  if (head === "inspection") {
    const item = DEFAULT_CHECKLIST.find((i) => i.code === tail);
    return `${group} · ${item ? (lang === "en" ? item.labelEn : item.label) : tail}`;
  }
  if (head === "accountability" && isAccountabilityKind(tail)) {
    const label = ACCOUNTABILITY_KIND_LABELS[tail];
    return `${group} · ${lang === "en" ? label.en : label.zh}`;
  }
  if (head === "bonus" && tail in text.commendationKinds) {
    return `${group} · ${text.commendationKinds[tail as keyof typeof text.commendationKinds]}`;
  }
  return tail ? `${group} · ${tail}` : group;
}

/** Hundredths of a point, so a column of contributions adds up to the total exactly. */
export const cents = (n: number): number => Math.round(n * 100);
export const sumPoints = (values: readonly number[]): number => values.reduce((s, v) => s + cents(v), 0) / 100;

/** 94.8 → "94.80": scores always with two decimals, so a column lines up. */
export const formatPoints = (n: number): string => (cents(n) / 100).toFixed(2);

/** A contribution with its sign, as a deduction or bonus reads: "+2.00", "−2.00". */
export const formatSigned = (n: number): string => (n > 0 ? `+${formatPoints(n)}` : n < 0 ? `−${formatPoints(-n)}` : formatPoints(0));
