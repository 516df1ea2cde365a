// The only place that talks HTTP to the server: same-origin cookies, the CSRF double-submit header on
// writes, the error envelope turned into ApiError, and answers checked against the shared contracts.
import type { ZodType } from "zod";
import { CSRF_COOKIE, CSRF_HEADER } from "../../../server/src/contracts/auth.ts";
import { errorBodySchema } from "../../../server/src/contracts/errors.ts";
import { ApiError } from "./apiError.ts";
import { DICTIONARIES } from "./i18n.ts";

export type QueryValue = string | number | boolean | undefined;
export type QueryParams = Record<string, QueryValue>;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function clientSideError(code: string, status: number, key: "networkError" | "badResponse"): ApiError {
  return new ApiError({ status, code, message: DICTIONARIES["zh-CN"][key], messageEn: DICTIONARIES.en[key] });
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return clientSideError(`HTTP_${status}`, status, "badResponse");
  const { code, message, messageEn, issues } = parsed.data.error;
  return new ApiError({ status, code, message, messageEn, issues });
}

/** Sends one request; resolves to the parsed JSON body (undefined for 204) or rejects with ApiError. */
export async function apiRequest(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw clientSideError("NETWORK", 0, "networkError");
  }

  if (response.status === 204) return undefined;
  const body = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body;
}

function parseWith<T>(schema: ZodType<T>, body: unknown, status: number): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw clientSideError("BAD_RESPONSE", status, "badResponse");
  return parsed.data;
}

export async function apiGet<T>(path: string, schema: ZodType<T>, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
  return parseWith(schema, await apiRequest("GET", path, options), 200);
}

export async function apiPost<T>(path: string, body: unknown, schema: ZodType<T>): Promise<T> {
  return parseWith(schema, await apiRequest("POST", path, { body }), 200);
}

/** For writes answered with 204 No Content. */
export async function apiPostNoContent(path: string, body?: unknown): Promise<void> {
  await apiRequest("POST", path, { body });
}

/**
 * Fetches a file (a bulletin's PDF) so a refusal shows as the server's message instead of the browser
 * saving the JSON error as the file; `filename` is the one Content-Disposition names, if any.
 */
export async function apiDownload(path: string): Promise<{ blob: Blob; filename: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch {
    throw clientSideError("NETWORK", 0, "networkError");
  }
  if (!response.ok) throw errorFromResponse(response.status, await readJson(response));
  return { blob: await response.blob(), filename: filenameOf(response.headers.get("content-disposition")) };
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name below
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/**
 * Sends a file as the raw request body (spreadsheet imports), or a multipart form (photos, as a file
 * input posts them): same cookies, CSRF and errors as JSON calls.
 */
export async function apiUpload<T>(path: string, file: Blob | FormData, schema: ZodType<T>): Promise<T> {
  // A form's Content-Type (with its boundary) is set by fetch itself
  const headers: Record<string, string> = { accept: "application/json", ...(file instanceof FormData ? {} : { "content-type": file.type }) };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, credentials: "same-origin", body: file });
  } catch {
    throw clientSideError("NETWORK", 0, "networkError");
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, body);
  return parseWith(schema, body, response.status);
}
