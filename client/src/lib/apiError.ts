// One error type for everything that can go wrong talking to the server, carrying both languages of
// the server's message so the UI can switch language without asking again.
import type { ErrorIssue } from "../../../server/src/contracts/errors.ts";
import type { Language } from "./i18n.ts";

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  messageEn: string;
  issues?: ErrorIssue[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly issues: ErrorIssue[];

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.messageEn = init.messageEn;
    this.issues = init.issues ?? [];
  }

  localized(lang: Language): string {
    return lang === "en" ? this.messageEn : this.message;
  }
}

/** Codes meaning "this browser no longer has a session", as opposed to a wrong password. */
const SIGNED_OUT_CODES = new Set(["UNAUTHORIZED", "SESSION_EXPIRED"]);

export const isSignedOutError = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 401 && SIGNED_OUT_CODES.has(error.code);

/** Client mistakes (4xx) will not get better by retrying; network and server failures might. */
export const isRetryable = (error: unknown): boolean =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500);
