// Bad input gets a 4xx with a documented code and a message in Chinese and English — never a 500,
// never a partial write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../server/src/contracts/errors.ts";
import { ApiClient } from "../support/apiClient.ts";
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from "../support/testServer.ts";

let server: TestServer;
let admin: ApiClient;

interface ErrorBody {
  error: { code: string; message: string; messageEn: string; issues?: { path: string; code: string; message: string }[] };
}

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  admin = new ApiClient(server.url);
  await admin.login("admin", TEST_ADMIN_PASSWORD);
});
afterAll(async () => {
  await server?.stop();
});

const validUser = { username: "new.supervisor", displayName: "张督查", role: "SUPERVISOR", password: "a-good-password-1" };

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(ERROR_CODES).toContain(body.error.code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.messageEn.length).toBeGreaterThan(0);
}

describe("malformed requests", () => {
  it("rejects a body that is not JSON", async () => {
    expectError(await admin.request("POST", "/api/users", { raw: "{ not json" }), 400, "MALFORMED_JSON");
  });

  it("rejects a wrong content type", async () => {
    expectError(await admin.request("POST", "/api/users", { raw: "username=x", contentType: "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(await admin.request("POST", "/api/users", { raw: "<user/>", contentType: "text/xml" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("rejects an oversize payload", async () => {
    const huge = JSON.stringify({ ...validUser, displayName: "长".repeat(400_000) });
    expectError(await admin.request("POST", "/api/users", { raw: huge }), 413, "PAYLOAD_TOO_LARGE");
  });

  it("rejects top-level values that are not objects", async () => {
    for (const raw of ["[]", "42", '"text"', "null", "true"]) {
      const res = await admin.request("POST", "/api/users", { raw });
      expect(res.status, raw).toBe(400);
      expect(["VALIDATION_FAILED", "MALFORMED_JSON"]).toContain((res.body as ErrorBody).error.code);
    }
  });

  it("names unknown fields, wrong types and out-of-range values in its issues", async () => {
    const unknown = await admin.post<ErrorBody>("/api/users", { ...validUser, isRoot: true });
    expectError(unknown, 400, "VALIDATION_FAILED");
    expect(unknown.body.error.issues?.[0]?.code).toBe("unrecognized_keys");
    expect(unknown.body.error.issues?.[0]?.message).toContain("isRoot");

    const wrongType = await admin.post<ErrorBody>("/api/users", { ...validUser, displayName: 42 });
    expectError(wrongType, 400, "VALIDATION_FAILED");
    expect(wrongType.body.error.issues?.map((i) => i.path)).toEqual(["displayName"]);

    const badRole = await admin.post<ErrorBody>("/api/users", { ...validUser, role: "ROOT" });
    expectError(badRole, 400, "VALIDATION_FAILED");
    expect(badRole.body.error.issues?.[0]?.path).toBe("role");

    const tooLong = await admin.post<ErrorBody>("/api/users", { ...validUser, username: "x".repeat(200) });
    expectError(tooLong, 400, "VALIDATION_FAILED");

    const missing = await admin.post<ErrorBody>("/api/users", {});
    expectError(missing, 400, "VALIDATION_FAILED");
    expect(missing.body.error.issues!.length).toBeGreaterThanOrEqual(4);
  });

  it("rejects bad query strings and path ids", async () => {
    expectError(await admin.get("/api/departments?page=0"), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments?pageSize=100000"), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments?page=abc"), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments/abc"), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments/-1"), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments/99999999999"), 400, "VALIDATION_FAILED");
    expectError(await admin.get(`/api/departments?q=${"x".repeat(500)}`), 400, "VALIDATION_FAILED");
    expectError(await admin.get("/api/departments/424242"), 404, "NOT_FOUND");
    expectError(await admin.get("/api/no-such-route"), 404, "NOT_FOUND");
  });

  it("treats SQL-looking and unicode-edge input as plain data", async () => {
    for (const q of ["' OR 1=1 --", "%", "_", "\u0000", "😀\u202e", "窗口'; DROP TABLE User; --"]) {
      const res = await admin.get(`/api/departments?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBeLessThan(500);
    }
    expect(await server.services.prisma.user.count()).toBeGreaterThan(0);
  });
});

// Every route that takes a body, with the kinds of garbage a careless or hostile client sends.
const BODY_ROUTES: [string, string][] = [
  ["POST", "/api/auth/login"],
  ["POST", "/api/auth/password"],
  ["POST", "/api/users"],
  ["PATCH", "/api/users/1"],
  ["POST", "/api/users/1/password"],
];
const GARBAGE: { raw: string; contentType?: string }[] = [
  { raw: "{" },
  { raw: "[1,2,3]" },
  { raw: "123" },
  { raw: '{"a":' + "[".repeat(5000) + "]".repeat(5000) + "}" },
  { raw: JSON.stringify({ username: { $ne: null }, password: ["x"] }) },
  { raw: JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: {} } }) },
  { raw: JSON.stringify({ username: "a\u0000b", password: "\ud800" }) },
  { raw: "username=admin&password=x", contentType: "application/x-www-form-urlencoded" },
  { raw: "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nb\r\n--x--", contentType: "multipart/form-data; boundary=x" },
];

describe("every body route", () => {
  it("answers garbage with a documented 4xx, never a 5xx", async () => {
    for (const [method, route] of BODY_ROUTES) {
      for (const g of GARBAGE) {
        const res = await admin.request(method, route, { raw: g.raw, contentType: g.contentType });
        expect(res.status, `${method} ${route} ${g.raw.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${route} ${g.raw.slice(0, 40)}`).toBeLessThan(500);
        expect(ERROR_CODES).toContain((res.body as ErrorBody).error.code);
      }
    }
    expect((await admin.get("/api/auth/me")).status).toBe(200);
  });
});

describe("nothing half-written", () => {
  it("a refused request writes no row and no audit entry", async () => {
    const { prisma } = server.services;
    const [users, audit] = [await prisma.user.count(), await prisma.auditEntry.count()];
    await admin.post("/api/users", { ...validUser, role: "STAFF" }); // staff account without a staff record
    await admin.post("/api/users", { ...validUser, password: "short" }); // password policy
    await admin.post("/api/users", { ...validUser, departmentId: 1 }); // department on a non-liaison
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.auditEntry.count()).toBe(audit);
  });

  it("a duplicate username is a 409 CONFLICT, and the first account stays as it was", async () => {
    expect((await admin.post("/api/users", validUser)).status).toBe(201);
    const dup = await admin.post<ErrorBody>("/api/users", { ...validUser, displayName: "另一个人" });
    expectError(dup, 409, "CONFLICT");
    const user = await server.services.prisma.user.findUniqueOrThrow({ where: { username: validUser.username } });
    expect(user.displayName).toBe("张督查");
  });
});
