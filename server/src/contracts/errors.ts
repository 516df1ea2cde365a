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
