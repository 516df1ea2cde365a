// Sign-in, sessions, CSRF, lockout, idle timeout and password changes, against a real server and
// SQLite file; the clock is the only thing moved by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T01:00:00Z");
let server: TestServer;

interface ErrorBody {
  error: { code: string; message: string; messageEn: string };
}

beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server?.stop();
});

describe("signing in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and a readable CSRF cookie", async () => {
    const c = new ApiClient(server.url);
    const res = await c.login("leader", DEMO_PASSWORD);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((l) => l.startsWith("hw_session="))!;
    expect(session).toMatch(/httponly/i);
    expect(session).toMatch(/samesite=lax/i);
    const csrf = cookies.find((l) => l.startsWith("hw_csrf="))!;
    expect(csrf).not.toMatch(/httponly/i);
    expect((res.body as { user: { role: string } }).user.role).toBe("LEADER");
    const me = await c.get<{ user: { username: string } }>("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe("leader");
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const c = new ApiClient(server.url);
    const wrong = await c.post<ErrorBody>("/api/auth/login", { username: "supervisor", password: "nope-nope-1" });
    const unknown = await c.post<ErrorBody>("/api/auth/login", { username: "nobody-here", password: "nope-nope-1" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.body).toEqual(wrong.body);
  });

  it("rotates the session at login: the cookie held before signing in stops working", async () => {
    const c = new ApiClient(server.url);
    await c.login("supervisor", DEMO_PASSWORD);
    const first = c.cookies.get("hw_session")!;
    await c.login("supervisor", DEMO_PASSWORD);
    const second = c.cookies.get("hw_session")!;
    expect(second).not.toBe(first);
    const stale = new ApiClient(server.url);
    stale.cookies.set("hw_session", first);
    expect((await stale.get("/api/auth/me")).status).toBe(401);
  });

  it("logs out: the session is revoked on the server, not only forgotten by the browser", async () => {
    const c = new ApiClient(server.url);
    await c.login("auditor", DEMO_PASSWORD);
    const token = c.cookies.get("hw_session")!;
    expect((await c.post("/api/auth/logout")).status).toBe(204);
    const replay = new ApiClient(server.url);
    replay.cookies.set("hw_session", token);
    expect((await replay.get("/api/auth/me")).status).toBe(401);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request without the token, with a wrong token, and with the anonymous token after login", async () => {
    const c = new ApiClient(server.url);
    await c.get("/healthz");
    const anonymousToken = c.cookies.get("hw_csrf")!;
    await c.login("admin", TEST_ADMIN_PASSWORD);
    const body = { username: "csrf-victim", displayName: "x", role: "SUPERVISOR", password: "a-good-password-1" };
    const none = await c.request<ErrorBody>("POST", "/api/users", { json: body, csrf: false });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe("CSRF_FAILED");
    expect((await c.request("POST", "/api/users", { json: body, csrf: "forged-token" })).status).toBe(403);
    expect((await c.request("POST", "/api/users", { json: body, csrf: anonymousToken })).status).toBe(403);
    expect(await server.services.prisma.user.count({ where: { username: "csrf-victim" } })).toBe(0);
    expect((await c.request("POST", "/api/users", { json: body })).status).toBe(201);
  });

  it("protects the login form itself (login CSRF)", async () => {
    const c = new ApiClient(server.url);
    const res = await c.request<ErrorBody>("POST", "/api/auth/login", { json: { username: "leader", password: DEMO_PASSWORD }, csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("CSRF_FAILED");
  });
});

describe("lockout", () => {
  it("locks an account after 5 failures, even against the right password, until it expires or is unlocked", async () => {
    const c = new ApiClient(server.url);
    for (let i = 0; i < 4; i++) {
      expect((await c.post<ErrorBody>("/api/auth/login", { username: "security", password: `wrong-${i}-xx` })).body.error.code).toBe("INVALID_CREDENTIALS");
    }
    const fifth = await c.post<ErrorBody>("/api/auth/login", { username: "security", password: "wrong-5-xx" });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe("ACCOUNT_LOCKED");
    expect(fifth.body.error.message).toContain("锁定");
    const right = await c.post<ErrorBody>("/api/auth/login", { username: "security", password: DEMO_PASSWORD });
    expect(right.status).toBe(423);

    clock.advance(16 * 60_000);
    expect((await c.post("/api/auth/login", { username: "security", password: DEMO_PASSWORD })).status).toBe(200);

    const actions = (await server.services.prisma.auditEntry.findMany({ where: { action: { startsWith: "login." } }, select: { action: true } })).map((a) => a.action);
    expect(actions).toContain("login.locked");
    expect(actions).toContain("login.refused");
  });

  it("an administrator can unlock a locked account at once", async () => {
    const c = new ApiClient(server.url);
    for (let i = 0; i < 5; i++) await c.post("/api/auth/login", { username: "supervisor", password: `bad-${i}-password` });
    expect((await c.post("/api/auth/login", { username: "supervisor", password: DEMO_PASSWORD })).status).toBe(423);
    const admin = new ApiClient(server.url);
    await admin.login("admin", TEST_ADMIN_PASSWORD);
    const user = await server.services.prisma.user.findUniqueOrThrow({ where: { username: "supervisor" } });
    const unlocked = await admin.post<{ locked: boolean }>(`/api/users/${user.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect((await c.post("/api/auth/login", { username: "supervisor", password: DEMO_PASSWORD })).status).toBe(200);
  });

  it("throttles one address that tries too many sign-ins", async () => {
    const c = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await c.post("/api/auth/login", { username: `spray-${i}`, password: "x-password-1" })).status);
    expect(statuses).toContain(429);
    clock.advance(6 * 60_000);
  });
});

describe("idle timeout", () => {
  it("ends a session after 30 idle minutes with SESSION_EXPIRED, and keeps an active one alive", async () => {
    const c = new ApiClient(server.url);
    await c.login("leader", DEMO_PASSWORD);
    for (let i = 0; i < 3; i++) {
      clock.advance(20 * 60_000);
      expect((await c.get("/api/auth/me")).status).toBe(200);
    }
    clock.advance(31 * 60_000);
    const res = await c.get<ErrorBody>("/api/overview");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("SESSION_EXPIRED");
  });
});

describe("changing the password", () => {
  it("enforces the policy, needs the current password, and revokes the account's other sessions", async () => {
    const a = new ApiClient(server.url);
    const b = new ApiClient(server.url);
    await a.login("s0002", DEMO_PASSWORD);
    await b.login("s0002", DEMO_PASSWORD);
    const weak = await a.post<ErrorBody>("/api/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: "short1" });
    expect(weak.body.error.code).toBe("PASSWORD_POLICY");
    const noDigit = await a.post<ErrorBody>("/api/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: "onlyletterslong" });
    expect(noDigit.body.error.code).toBe("PASSWORD_POLICY");
    const wrongCurrent = await a.post<ErrorBody>("/api/auth/password", { currentPassword: "not-it-123", newPassword: "a-new-password-9" });
    expect(wrongCurrent.body.error.code).toBe("INVALID_CREDENTIALS");
    expect((await a.post("/api/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: "a-new-password-9" })).status).toBe(204);
    expect((await a.get("/api/auth/me")).status).toBe(200);
    expect((await b.get("/api/auth/me")).status).toBe(401);
    const fresh = new ApiClient(server.url);
    expect((await fresh.post("/api/auth/login", { username: "s0002", password: DEMO_PASSWORD })).status).toBe(401);
    expect((await fresh.post("/api/auth/login", { username: "s0002", password: "a-new-password-9" })).status).toBe(200);
  });
});
