// The rating page's two requests. The token goes in the JSON body, never in a URL; the CSRF header
// echoes the cookie the server set when it served this page (as every write to /api must).
import type { RatingLinkContextDto, RatingLinkRatedDto } from "../../../../server/src/contracts/ratingLinks.ts";

export interface ApiFailure {
  code: string;
  message: string;
  messageEn: string;
}

// contracts/auth.ts's names, repeated: importing it would bring zod into the pad's small bundle
const CSRF_COOKIE = "hw_csrf";
const CSRF_HEADER = "x-csrf-token";

export type Answer<T> = { ok: true; body: T } | { ok: false; error: ApiFailure };

function csrfToken(): string | null {
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : null;
}

async function post<T>(path: string, body: unknown): Promise<Answer<T>> {
  // A page restored from the browser's cache may have lost the cookie: any GET brings a fresh one
  if (!csrfToken()) await fetch("/healthz", { credentials: "same-origin" });
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrfToken() ?? "" },
    body: JSON.stringify(body),
  });
  const parsed = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, body: parsed as T };
  const error = (parsed as { error?: ApiFailure } | null)?.error;
  return { ok: false, error: error ?? { code: "NETWORK", message: "网络连接失败，请稍后重试", messageEn: "Could not reach the server" } };
}

export const lookupLink = (token: string) => post<RatingLinkContextDto>("/api/rating-links/lookup", { token });
export const rateLink = (body: { token: string; level: number; reasons: string[]; comment: string }) => post<RatingLinkRatedDto>("/api/rating-links/rate", body);
