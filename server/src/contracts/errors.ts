// The closed set of error codes every API and socket answer uses, with their messages in zh-CN and English.
// The server maps codes to HTTP statuses; clients show `message` (or `messageEn`) and branch on `code`.
import { z } from "zod";

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, zh: "提交的内容不符合要求", en: "The request is not valid" },
  MALFORMED_JSON: { status: 400, zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: "不支持的内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { status: 413, zh: "提交的内容过大", en: "The request is too large" },
  UNAUTHORIZED: { status: 401, zh: "请先登录", en: "Please sign in" },
  INVALID_CREDENTIALS: { status: 401, zh: "用户名或密码错误", en: "Wrong username or password" },
  ACCOUNT_LOCKED: { status: 423, zh: "登录失败次数过多，账户已临时锁定，请稍后再试", en: "Too many failed sign-ins; the account is locked for a while" },
  ACCOUNT_DISABLED: { status: 403, zh: "账户已停用", en: "The account is disabled" },
  SESSION_EXPIRED: { status: 401, zh: "长时间未操作，请重新登录", en: "Your session expired; please sign in again" },
  CSRF_FAILED: { status: 403, zh: "请求校验失败，请刷新页面后重试", en: "Request verification failed; reload the page and try again" },
  FORBIDDEN: { status: 403, zh: "无权执行此操作", en: "You are not allowed to do this" },
  NOT_FOUND: { status: 404, zh: "未找到请求的资源", en: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, zh: "不支持该请求方法", en: "Method not allowed" },
  CONFLICT: { status: 409, zh: "与现有数据冲突", en: "Conflicts with existing data" },
  TOO_MANY_REQUESTS: { status: 429, zh: "请求过于频繁，请稍后再试", en: "Too many requests; try again later" },
  PASSWORD_POLICY: { status: 400, zh: "新密码不符合要求：至少 10 位，须含字母和数字，且不能与用户名相同", en: "The new password must have at least 10 characters with letters and digits, and differ from the username" },
  PASSWORD_REUSED: { status: 400, zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one" },
  NOT_READY: { status: 503, zh: "服务尚未就绪", en: "The service is not ready" },
  SHUTTING_DOWN: { status: 503, zh: "服务正在停止", en: "The service is shutting down" },
  // #3 master data, imports, shifts, photos
  IMPORT_REJECTED: { status: 400, zh: "表格中有错误，未导入任何数据，请按错误清单修改后重新导入", en: "The spreadsheet has errors; nothing was imported" },
  NOT_A_SPREADSHEET: { status: 400, zh: "文件不是 Excel 表格（.xlsx），未导入任何数据", en: "The file is not an Excel spreadsheet (.xlsx); nothing was imported" },
  TOO_MANY_ROWS: { status: 400, zh: "表格行数超过上限，请拆分后分批导入，未导入任何数据", en: "Too many rows; split the file. Nothing was imported" },
  DEPARTMENT_HAS_ACTIVE_STAFF: { status: 409, zh: "该部门仍有在岗工作人员，不能停用", en: "The department still has active staff and cannot be deactivated" },
  ITEM_NOT_OFFERED: { status: 409, zh: "窗口所属部门不办理该事项", en: "No department of this window offers the item" },
  SHIFT_CONFLICT: { status: 409, zh: "当前签到状态不允许此操作", en: "Not possible in the current sign-in state" },
  OUTSIDE_OPENING_HOURS: { status: 409, zh: "现在不在中心办公时间内，不能签到", en: "The center is not open now; signing in is not possible" },
  STAFF_NOT_AT_WINDOW: { status: 409, zh: "工作人员所在部门未进驻该窗口", en: "The staff member's department is not stationed at this window" },
  ROLE_NOT_GRANTABLE: { status: 403, zh: "无权授予或变更该角色", en: "You may not grant or change this role" },
  NOT_AN_IMAGE: { status: 400, zh: "文件不是可识别的图片", en: "The file is not a readable image" },
  CASE_ILLEGAL_TRANSITION: { status: 409, zh: "办件当前状态不允许此操作", en: "The case's current state does not allow this" },
  CASE_REASON_REQUIRED: { status: 400, zh: "请填写原因", en: "A reason is required" },
  CASE_CLOCK_BACKWARDS: { status: 409, zh: "操作时间早于上一步骤，请检查系统时钟", en: "This is dated before the case's last step; check the clock" },
  CASE_DUPLICATE: { status: 409, zh: "该群众的同一事项刚刚已受理，请勿重复受理", en: "This citizen's case for the item was just accepted; not accepted twice" },
  ITEM_UNKNOWN: { status: 400, zh: "服务事项不存在或已停用", en: "No such active service item" },
  ITEM_NOT_SERVED: { status: 400, zh: "该窗口不办理此事项", en: "This window does not serve the item" },
  WINDOW_NOT_ASSIGNED: { status: 403, zh: "您不在该窗口任职", en: "You do not work at this window" },
  CASE_NOT_ON_SHIFT: { status: 409, zh: "您尚未在该窗口签到，请先签到再受理办件", en: "Sign in at this window before accepting a case" },
  ACCOUNTABILITY_DECIDED: { status: 409, zh: "该责任追究记录已作出决定", en: "This accountability record has been decided already" },
  INQUIRY_CLOSED: { status: 409, zh: "该咨询已办结", en: "This inquiry is closed" },
  INQUIRY_NOT_ACKNOWLEDGED: { status: 409, zh: "上一次转交尚未被接收确认", en: "The last hand-over has not been acknowledged yet" },
  INQUIRY_NOTHING_TO_ACKNOWLEDGE: { status: 409, zh: "没有待您确认接收的转交", en: "No hand-over is waiting for your acknowledgement" },
  COMPLAINT_ILLEGAL_STEP: { status: 409, zh: "投诉当前状态不允许此操作", en: "The complaint's current state does not allow this" },
  NOTIFICATION_NOT_FAILED: { status: 409, zh: "只有发送失败的短信可以重新发送", en: "Only a message that failed can be sent again" },
  LOOKUP_NOT_FOUND: { status: 404, zh: "未查到办件，请核对办件编号和手机号后 4 位", en: "No case found; check the case number and the last 4 digits of the phone" },
  // #7 live hall: alerts, inspections
  ALERT_ALREADY_ACKNOWLEDGED: { status: 409, zh: "该提醒已被确认处理", en: "This alert has been acknowledged already" },
  INSPECTION_CONFLICT: { status: 409, zh: "该督查记录编号已用于另一份不同的记录", en: "This inspection id was already used for a different record" },
  // #7 queue-calling system API (docs/queue-api.md)
  QUEUE_KEY_INVALID: { status: 401, zh: "叫号系统接口密钥无效或已吊销", en: "The queue API key is missing, wrong or revoked" },
  QUEUE_EVENT_CONFLICT: { status: 409, zh: "该事件编号已用于内容不同的另一事件", en: "This event id was already used for a different event" },
  QUEUE_ILLEGAL_STEP: { status: 409, zh: "该号票当前状态不允许此事件", en: "The ticket's current state does not allow this event" },
  QUEUE_UNKNOWN_WINDOW: { status: 400, zh: "窗口号在本中心不存在或已停用", en: "No such active window number in this center" },
  QUEUE_UNKNOWN_STAFF: { status: 400, zh: "工号在本中心不存在", en: "No such staff number in this center" },
  QUEUE_UNKNOWN_ITEM: { status: 400, zh: "事项编码在本中心不存在", en: "No such service item code in this center" },
  // #5 rating pads and invitations
  PAIRING_CODE_INVALID: { status: 400, zh: "配对码无效或已过期，请向管理员重新获取", en: "The pairing code is wrong or expired; ask the administrator for a new one" },
  NOT_SIGNED_IN_AT_WINDOW: { status: 409, zh: "您尚未在窗口签到，无法邀请评价", en: "You are not signed in at a window, so you cannot invite a rating" },
  INVITATION_CLOSED: { status: 409, zh: "该评价邀请已结束（已评价、已过期或已取消）", en: "This invitation is over (rated, expired or cancelled)" },
  // #8 assessment engine
  ASSESSMENT_PERIOD_UNKNOWN: { status: 400, zh: "考评期间不存在（如 2026-W53、2026-13 不是有效期间）", en: "No such assessment period" },
  ASSESSMENT_PERIOD_IN_FUTURE: { status: 400, zh: "该考评期间尚未开始，不能计算", en: "This assessment period has not begun; it cannot be computed" },
  ASSESSMENT_NOT_COMPUTED: { status: 404, zh: "该期间尚未计算考评结果，请先发起计算", en: "This period has not been computed yet; start a run first" },
  ASSESSMENT_PUBLISHED: { status: 409, zh: "考评结果已发布并冻结，不能再修改；如需更正，请执行有记录的重新计算", en: "The results are published and frozen; correct them with an explicit, audited recompute" },
  ASSESSMENT_NOT_IN_RANKING: { status: 400, zh: "该对象不在本期排名中，不能调整荣誉", en: "The subject is not in this period's ranking; its honour cannot be changed" },
  ASSESSMENT_NOTHING_TO_PUBLISH: { status: 409, zh: "没有待发布的点评", en: "There is no draft comment to publish" },
  // #9 bulletins
  BULLETIN_MONTH_IN_FUTURE: { status: 400, zh: "该月份尚未开始，不能生成简报", en: "This month has not begun; no bulletin can be generated" },
  BULLETIN_MONTH_NOT_OVER: { status: 409, zh: "该月份尚未结束，简报不能发布", en: "This month is not over yet; its bulletins cannot be released" },
  BULLETIN_RELEASED: { status: 409, zh: "简报已发布存档，不能再修改", en: "The bulletin is released and archived; it cannot be changed" },
  BULLETIN_NOT_RELEASED: { status: 409, zh: "简报尚未发布，不能重发", en: "The bulletin is not released yet; it cannot be resent" },
  BULLETIN_NO_RECIPIENTS: { status: 409, zh: "该部门没有联络员邮箱，无法发送简报", en: "The department has no liaison address to send the bulletin to" },
  BULLETIN_DELIVERY_NOT_FAILED: { status: 409, zh: "只有发送失败的邮件可以重新发送", en: "Only a mail that failed can be sent again" },
  // #6 bad-review loop (contracts/rectifications.ts)
  RECTIFICATION_ILLEGAL_STEP: { status: 400, zh: "差评整改须按核实、整改、回访、办结的顺序进行，当前不能执行此步骤", en: "Bad-review steps go verify, rectify, call back, close in order; this step is not due now" },
  RECTIFICATION_PLAN_DUE_INVALID: { status: 400, zh: "整改方案的完成时限须晚于现在且不超过 180 天", en: "The plan's deadline must be after now and within 180 days" },
  RECTIFICATION_NO_PHONE: { status: 404, zh: "该差评没有可用的回访电话（未留或已按期删除）", en: "No callback number for this review (none left, or deleted after the retention period)" },
  // #6 appeals (申诉复核)
  APPEAL_NOT_BAD_REVIEW: { status: 400, zh: "只能对差评（不满意、非常不满意）提出申诉", en: "Only a bad review (level 1 or 2) can be appealed" },
  APPEAL_NOT_OWN: { status: 403, zh: "只能对本人受理服务所得的差评提出申诉", en: "You may appeal only a bad review of your own service" },
  APPEAL_EXISTS: { status: 400, zh: "该差评已提出过申诉，每条差评只能申诉一次", en: "This bad review has been appealed already; one appeal per rating" },
  APPEAL_DECIDED: { status: 400, zh: "该申诉已作出复核决定", en: "This appeal has been decided already" },
  // #6 ratings by phone (one-time SMS links) and the report filters
  LINK_NOT_FOUND: { status: 404, zh: "评价链接无效，请核对短信中的链接", en: "This rating link is not valid; check the link in the SMS" },
  LINK_EXPIRED: { status: 400, zh: "评价链接已过期", en: "This rating link has expired" },
  LINK_USED: { status: 400, zh: "该评价链接已使用，感谢您的评价", en: "This rating link has been used already; thank you" },
  ALREADY_RATED: { status: 400, zh: "本次办件已评价过（一事一评）", en: "This case has been rated already (one rating per case)" },
  RATING_BUSY: { status: 503, zh: "服务器繁忙，请稍后再提交", en: "The server is busy; please submit again shortly" },
  REPORT_RANGE_TOO_LONG: { status: 400, zh: "统计期间过长：按日最多 92 天，按周、按月最多 3 年", en: "The period is too long: at most 92 days by day, 3 years by week or month" },
  INTERNAL: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export const errorIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
