// The rating page's words, zh-CN first with an English switch (a citizen's own phone, not the pad).
export type Lang = "zh-CN" | "en";

const dict = {
  title: { "zh-CN": "政务服务评价", en: "Rate our service" },
  loading: { "zh-CN": "正在打开评价页面…", en: "Opening…" },
  item: { "zh-CN": "办理事项", en: "Service" },
  caseNo: { "zh-CN": "办件编号", en: "Case no." },
  window: { "zh-CN": "窗口", en: "Window" },
  windowSuffix: { "zh-CN": "号窗口", en: "" },
  until: { "zh-CN": "评价有效期至", en: "Rate before" },
  chooseLevel: { "zh-CN": "您对本次服务满意吗？", en: "How satisfied are you with this service?" },
  reasons: { "zh-CN": "请选择原因（可多选，可不选）", en: "Why? (choose any, or none)" },
  comment: { "zh-CN": "意见建议（可不填，最多 500 字）", en: "Comments (optional, up to 500 characters)" },
  submit: { "zh-CN": "提交评价", en: "Submit" },
  submitting: { "zh-CN": "正在提交…", en: "Submitting…" },
  back: { "zh-CN": "返回", en: "Back" },
  thanks: { "zh-CN": "感谢您的评价！", en: "Thank you for your rating!" },
  thanksSub: { "zh-CN": "您的意见是我们改进工作的动力。每个办件只能评价一次。", en: "Your opinion helps us improve. Each case can be rated once." },
  noToken: { "zh-CN": "链接不完整，请直接点击短信中的评价链接", en: "The link is incomplete; open the link in the SMS directly" },
  network: { "zh-CN": "网络连接失败，请稍后重试", en: "Could not reach the server; try again shortly" },
  retry: { "zh-CN": "重试", en: "Try again" },
  otherLang: { "zh-CN": "English", en: "中文" },
  voluntary: { "zh-CN": "评价自愿，工作人员不会看到您的手机号码。", en: "Rating is voluntary; staff do not see your phone number." },
} as const;

export type Key = keyof typeof dict;
export const t = (lang: Lang, key: Key): string => dict[key][lang];
