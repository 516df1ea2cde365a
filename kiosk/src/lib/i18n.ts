// The pad's words, zh-CN first with an English switch.
export type Lang = "zh-CN" | "en";

const dict = {
  title: { "zh-CN": "服务评价", en: "Rate our service" },
  window: { "zh-CN": "号窗口", en: "Window " },
  onDuty: { "zh-CN": "当班工作人员", en: "On duty" },
  staffNo: { "zh-CN": "工号", en: "Staff no." },
  nobody: { "zh-CN": "暂无工作人员", en: "Nobody on duty" },
  open: { "zh-CN": "服务中", en: "Open" },
  paused: { "zh-CN": "暂停服务", en: "Paused" },
  closed: { "zh-CN": "未开放", en: "Closed" },
  prompt: { "zh-CN": "请您对本次服务作出评价", en: "Please rate the service you just received" },
  invited: { "zh-CN": "工作人员邀请您评价本次服务", en: "You are invited to rate this service" },
  caseNo: { "zh-CN": "办件编号", en: "Case no." },
  chooseLevel: { "zh-CN": "请选择满意程度", en: "How satisfied are you?" },
  reasons: { "zh-CN": "请选择原因（可多选，可不选）", en: "Why? (choose any, or none)" },
  comment: { "zh-CN": "意见建议（可不填，最多 500 字）", en: "Comments (optional, up to 500 characters)" },
  submit: { "zh-CN": "提交评价", en: "Submit" },
  back: { "zh-CN": "返回", en: "Back" },
  thanks: { "zh-CN": "感谢您的评价！", en: "Thank you for your rating!" },
  thanksSub: { "zh-CN": "您的意见是我们改进工作的动力", en: "Your opinion helps us improve" },
  voiceOn: { "zh-CN": "语音提示：开", en: "Voice: on" },
  voiceOff: { "zh-CN": "语音提示：关", en: "Voice: off" },
  otherLang: { "zh-CN": "English", en: "中文" },
  unsent: { "zh-CN": "待发送", en: "Unsent" },
  rejected: { "zh-CN": "被拒收", en: "Rejected" },
  rejectedTitle: { "zh-CN": "被服务器拒收的评价（供工作人员查看）", en: "Ratings the server refused (for staff)" },
  close: { "zh-CN": "关闭", en: "Close" },
  offline: { "zh-CN": "离线", en: "Offline" },
  pairTitle: { "zh-CN": "评价器配对", en: "Pair this pad" },
  pairHelp: { "zh-CN": "请输入管理员提供的 8 位配对码", en: "Enter the 8-digit pairing code from the administrator" },
  pairCode: { "zh-CN": "配对码", en: "Pairing code" },
  pairButton: { "zh-CN": "配对", en: "Pair" },
  revoked: { "zh-CN": "本评价器已停用，请联系管理员", en: "This pad has been revoked; contact the administrator" },
  repair: { "zh-CN": "重新配对", en: "Pair again" },
  // A bad review's optional callback number (#6); {n} is the center's retention in days
  callbackTitle: { "zh-CN": "是否需要我们回访？", en: "Would you like a call back?" },
  callbackHelp: { "zh-CN": "留下手机号，我们核实整改后会致电告知处理结果（可不填）", en: "Leave a mobile number and we will call you with the outcome once we have looked into it (optional)" },
  callbackPhone: { "zh-CN": "手机号", en: "Mobile number" },
  callbackConsent: {
    "zh-CN": "我同意：您的手机号仅用于本次差评的回访核实，整改结束后 {n} 天删除",
    en: "I agree: my number is used only to call me back about this review, and is deleted {n} days after the matter is closed",
  },
  callbackInvalid: { "zh-CN": "请输入 11 位手机号", en: "Enter an 11-digit mobile number" },
  callbackSubmit: { "zh-CN": "提交", en: "Submit" },
  callbackSkip: { "zh-CN": "不需要，跳过", en: "No thanks, skip" },
  digitDelete: { "zh-CN": "删除", en: "Delete" },
  digitClear: { "zh-CN": "清空", en: "Clear" },
} as const;

export type Key = keyof typeof dict;
export const t = (lang: Lang, key: Key): string => dict[key][lang];
