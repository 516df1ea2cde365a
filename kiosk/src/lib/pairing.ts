// Pairing: the pad trades the administrator's one-time code for its device token, kept in
// localStorage. A token can also be handed over in the address (#token=…, from npm run kiosk:token).
import type { PairedDto } from "../../../server/src/contracts/devices.ts";

const TOKEN_KEY = "hallwatch.kiosk.token";
// The server's double-submit CSRF cookie and header (contracts/auth.ts), named here to keep zod out of the pad.
const CSRF_COOKIE = "hw_csrf";
const CSRF_HEADER = "x-csrf-token";

export function storedToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromHash) {
    localStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, "", location.pathname);
  }
  return localStorage.getItem(TOKEN_KEY);
}

export const forgetToken = (): void => localStorage.removeItem(TOKEN_KEY);

function csrf(): string {
  const m = document.cookie.match(new RegExp(`(?:^|; )${CSRF_COOKIE}=([^;]*)`));
  return m ? decodeURIComponent(m[1]!) : "";
}

export async function pair(code: string): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  if (!csrf()) await fetch("/healthz", { credentials: "same-origin" });
  const res = await fetch("/api/devices/pair", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", [CSRF_HEADER]: csrf() },
    body: JSON.stringify({ code }),
  });
  const body = (await res.json()) as PairedDto | { error: { message: string } };
  if (!res.ok || !("token" in body)) return { ok: false, message: "error" in body ? body.error.message : "配对失败" };
  localStorage.setItem(TOKEN_KEY, body.token);
  return { ok: true, token: body.token };
}
