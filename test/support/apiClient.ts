// A tiny HTTP client for tests that behaves like a browser: keeps cookies, echoes the CSRF cookie.
import { CSRF_COOKIE, CSRF_HEADER } from "../../server/src/contracts/auth.ts";

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request<T = unknown>(
    method: string,
    pathname: string,
    opts: { json?: unknown; raw?: string; contentType?: string; csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    if (!this.cookies.has(CSRF_COOKIE) && method !== "GET") await this.request("GET", "/healthz");
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = opts.csrf ?? true;
    if (csrf !== false && method !== "GET") headers[CSRF_HEADER] = typeof csrf === "string" ? csrf : (this.cookies.get(CSRF_COOKIE) ?? "");
    let body: string | undefined;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers["content-type"] = "application/json";
    } else if (opts.raw !== undefined) {
      body = opts.raw;
      headers["content-type"] = opts.contentType ?? "application/json";
    }
    const res = await fetch(new URL(pathname, this.baseUrl), { method, headers, body, redirect: "manual" });
    this.remember(res.headers);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // non-JSON bodies (static files) stay text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(p: string) {
    return this.request<T>("GET", p);
  }
  post<T = unknown>(p: string, json?: unknown) {
    return this.request<T>("POST", p, json === undefined ? {} : { json });
  }
  patch<T = unknown>(p: string, json?: unknown) {
    return this.request<T>("PATCH", p, { json });
  }

  async login(username: string, password: string): Promise<ApiResponse> {
    const res = await this.post("/api/auth/login", { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}
