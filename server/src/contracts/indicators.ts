// The 好差评 levels and the versioned indicator set (reasons per level), as plain data without zod so
// the pad app can import it and stay small. contracts/kiosk.ts re-exports it with the protocol.
/** Levels as the provincial 好差评 interfaces encode them: 5 = 非常满意 … 1 = 非常不满意 (GB/T 39046 is the reverse). */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, { zh: string; en: string }> = {
  5: { zh: "非常满意", en: "Very satisfied" },
  4: { zh: "满意", en: "Satisfied" },
  3: { zh: "基本满意", en: "Basically satisfied" },
  2: { zh: "不满意", en: "Dissatisfied" },
  1: { zh: "非常不满意", en: "Very dissatisfied" },
};
/** 好评 = levels 5, 4, 3; 差评 = 2, 1. */
export const isBadReview = (level: number): boolean => level <= 2;

export type IndicatorCategory = "EFFICIENCY" | "SERVICE" | "ATTITUDE";
export interface Indicator {
  code: string;
  level: Level;
  category: IndicatorCategory;
  zh: string;
  en: string;
}

/**
 * The indicator set: eight reasons per level under efficiency, service level and attitude. Localities
 * may not add or remove items, so the set changes only as a whole, under a new version string that is
 * stored on every rating (Evaluation.indicatorVersion).
 */
export const INDICATOR_VERSION = "hcp-hall-2026.1";

const set = (level: Level, rows: [IndicatorCategory, string, string][]): Indicator[] =>
  rows.map(([category, zh, en], i) => ({ code: `L${level}-${String(i + 1).padStart(2, "0")}`, level, category, zh, en }));

export const INDICATORS: readonly Indicator[] = [
  ...set(5, [
    ["EFFICIENCY", "一次办成", "Done in one visit"],
    ["EFFICIENCY", "办理速度快", "Very quick"],
    ["EFFICIENCY", "材料精简", "Few documents needed"],
    ["SERVICE", "指引清晰", "Clear guidance"],
    ["SERVICE", "业务熟练", "Highly skilled"],
    ["SERVICE", "主动告知进度", "Kept me informed"],
    ["ATTITUDE", "热情周到", "Warm and attentive"],
    ["ATTITUDE", "耐心细致", "Patient and careful"],
  ]),
  ...set(4, [
    ["EFFICIENCY", "办理及时", "Done on time"],
    ["EFFICIENCY", "等候时间短", "Short wait"],
    ["EFFICIENCY", "流程简便", "Simple procedure"],
    ["SERVICE", "解答清楚", "Clear answers"],
    ["SERVICE", "业务熟悉", "Knows the job"],
    ["SERVICE", "环境整洁", "Clean and tidy"],
    ["ATTITUDE", "态度友好", "Friendly"],
    ["ATTITUDE", "文明礼貌", "Polite"],
  ]),
  ...set(3, [
    ["EFFICIENCY", "等候稍长", "The wait was a bit long"],
    ["EFFICIENCY", "材料稍多", "Rather many documents"],
    ["EFFICIENCY", "办理稍慢", "Rather slow"],
    ["SERVICE", "解答不够详细", "Answers not detailed enough"],
    ["SERVICE", "指引不够清晰", "Guidance not clear enough"],
    ["SERVICE", "告知不够主动", "Had to ask for updates"],
    ["ATTITUDE", "态度一般", "Attitude was so-so"],
    ["ATTITUDE", "耐心不足", "Not very patient"],
  ]),
  ...set(2, [
    ["EFFICIENCY", "办理时间长", "Took too long"],
    ["EFFICIENCY", "多次跑动", "Had to come several times"],
    ["EFFICIENCY", "材料繁琐", "Too many documents"],
    ["SERVICE", "一次性告知不到位", "Not told everything at once"],
    ["SERVICE", "业务不熟练", "Not skilled"],
    ["SERVICE", "标准不统一", "Inconsistent requirements"],
    ["ATTITUDE", "态度冷淡", "Cold attitude"],
    ["ATTITUDE", "解释不耐心", "Impatient explanations"],
  ]),
  ...set(1, [
    ["EFFICIENCY", "超时未办结", "Not done within the time limit"],
    ["EFFICIENCY", "反复要求补材料", "Asked for more documents again and again"],
    ["EFFICIENCY", "窗口无人", "Nobody at the window"],
    ["SERVICE", "推诿扯皮", "Passed from one to another"],
    ["SERVICE", "乱收费", "Charged fees without basis"],
    ["SERVICE", "办事不公开", "Procedure not made public"],
    ["ATTITUDE", "态度恶劣", "Rude"],
    ["ATTITUDE", "吃拿卡要", "Asked for favours"],
  ]),
];

const INDICATOR_CODES = new Map(INDICATORS.map((i) => [i.code, i]));
export const indicatorsFor = (level: number): Indicator[] => INDICATORS.filter((i) => i.level === level);
/** A reason code belongs to the current set and to the chosen level. */
export const reasonFitsLevel = (code: string, level: number): boolean => INDICATOR_CODES.get(code)?.level === level;

export const COMMENT_MAX = 500;
