// One error type for the whole server. Codes are the closed set in contracts/errors.ts.
import { ZodError } from "zod";
import { ERROR_CATALOG, type ErrorCode, type ErrorIssue, type ErrorBody } from "./contracts/errors.ts";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues?: ErrorIssue[];
  readonly messageEn: string;

  constructor(code: ErrorCode, opts: { message?: string; messageEn?: string; issues?: ErrorIssue[]; cause?: unknown } = {}) {
    const entry = ERROR_CATALOG[code];
    super(opts.message ?? entry.zh, { cause: opts.cause });
    this.code = code;
    this.status = entry.status;
    this.messageEn = opts.messageEn ?? entry.en;
    this.issues = opts.issues;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageEn: this.messageEn,
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

const ZOD_MESSAGES: Record<string, { zh: string; en: string }> = {
  invalid_type: { zh: "类型不正确或缺少该项", en: "Wrong type or missing" },
  unrecognized_keys: { zh: "包含不允许的字段", en: "Contains fields that are not allowed" },
  too_big: { zh: "超出允许的最大值或长度", en: "Too large or too long" },
  too_small: { zh: "小于允许的最小值或长度", en: "Too small or too short" },
  invalid_format: { zh: "格式不正确", en: "Wrong format" },
  invalid_value: { zh: "不是允许的取值", en: "Not an allowed value" },
  not_multiple_of: { zh: "取值不正确", en: "Wrong value" },
  custom: { zh: "取值不正确", en: "Wrong value" },
};

export function issuesFromZod(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const text = ZOD_MESSAGES[issue.code] ?? { zh: "取值不正确", en: "Wrong value" };
    const keys = issue.code === "unrecognized_keys" ? `: ${issue.keys.join(", ")}` : "";
    return {
      path: issue.path.map(String).join("."),
      code: issue.code,
      message: text.zh + keys,
      messageEn: `${text.en}${keys} (${issue.message})`,
    };
  });
}

export const errors = {
  validation: (error: ZodError) => new AppError("VALIDATION_FAILED", { issues: issuesFromZod(error) }),
  unauthorized: () => new AppError("UNAUTHORIZED"),
  forbidden: () => new AppError("FORBIDDEN"),
  notFound: () => new AppError("NOT_FOUND"),
  conflict: (field?: string) =>
    new AppError("CONFLICT", field ? { issues: [{ path: field, code: "duplicate", message: "该值已存在", messageEn: "Already exists" }] } : {}),
};
