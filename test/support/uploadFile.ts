// Sends a binary body (a spreadsheet, a photo) the way the browser's upload does: the session
// cookie, the CSRF header and the file's own Content-Type. Issue #3's upload tests use it.
import { CSRF_COOKIE, CSRF_HEADER } from "../../server/src/contracts/auth.ts";
import type { ApiClient, ApiResponse } from "./apiClient.ts";

export async function uploadFile<T = unknown>(client: ApiClient, pathname: string, body: Uint8Array<ArrayBuffer>, contentType: string): Promise<ApiResponse<T>> {
  if (!client.cookies.has(CSRF_COOKIE)) await client.get("/healthz");
  const headers: Record<string, string> = {
    "content-type": contentType,
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    [CSRF_HEADER]: client.cookies.get(CSRF_COOKIE) ?? "",
  };
  const res = await fetch(new URL(pathname, client.baseUrl), { method: "POST", headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // binary answers stay text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function downloadFile(client: ApiClient, pathname: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(new URL(pathname, client.baseUrl), { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  return { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
}
