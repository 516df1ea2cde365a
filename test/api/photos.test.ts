// Staff photos (#3): validated by content (sharp decodes it), resized to 256 and 64 px WebP, stored
// under the data folder, served with an ETag; the public variant answers only for staff on duty.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { uploadFile } from "../support/uploadFile.ts";
import type { Role } from "../../server/src/contracts/roles.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  const centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const portrait = async (format: "png" | "jpeg") =>
  Uint8Array.from(await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 200, g: 30, b: 40 } } })[format]().toBuffer());

describe("staff photos", () => {
  it("stores two square WebP renditions next to the database and serves them with an ETag", async () => {
    const staffId = accounts.STAFF.staffId!;
    const res = await uploadFile(admin, `/api/staff/${staffId}/photo`, await portrait("jpeg"), "image/jpeg");
    expect(res.status).toBe(200);
    const row = await server.services.prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
    expect(row.photoPath).toMatch(new RegExp(`^${staffId}-[0-9a-f]{16}$`));
    expect(fs.existsSync(path.join(server.dir, "photos", `${row.photoPath}-256.webp`))).toBe(true);

    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const got = await fetch(`${server.url}/api/staff/${staffId}/photo?size=64`, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([64, 64, "webp"]);
    const etag = got.headers.get("etag")!;
    const again = await fetch(`${server.url}/api/staff/${staffId}/photo?size=64`, { headers: { cookie, "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/api/staff/${staffId}/photo`)).status).toBe(401);
  });

  it("refuses what is not an image whatever its type says, and writes nothing", async () => {
    const staff = await server.services.prisma.staff.findFirstOrThrow({ where: { photoPath: null } });
    const res = await uploadFile<{ error: { code: string } }>(admin, `/api/staff/${staff.id}/photo`, new TextEncoder().encode("<svg onload=alert(1)>"), "image/png");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("NOT_AN_IMAGE");
    expect((await server.services.prisma.staff.findUniqueOrThrow({ where: { id: staff.id } })).photoPath).toBeNull();
    expect((await uploadFile(admin, `/api/staff/${staff.id}/photo`, new Uint8Array(6 * 1024 * 1024), "image/png")).status).toBe(413);
    expect((await uploadFile(admin, `/api/staff/${staff.id}/photo`, await portrait("png"), "image/gif")).status).toBe(415);
  });

  it("the public photo is there only while the staff member is signed in to a window", async () => {
    const staffId = accounts.STAFF.staffId!;
    expect((await fetch(`${server.url}/api/public/staff/${staffId}/photo`)).status).toBe(404);
    const staff = new ApiClient(server.url);
    await staff.login(accounts.STAFF.username, accounts.STAFF.password);
    const windowId = (await staff.get<{ windows: { id: number }[] }>("/api/shifts/me")).body.windows[0]!.id;
    expect((await staff.post("/api/shifts/me/sign-in", { windowId })).status).toBe(201);
    const res = await fetch(`${server.url}/api/public/staff/${staffId}/photo`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    await staff.post("/api/shifts/me/sign-out");
    expect((await fetch(`${server.url}/api/public/staff/${staffId}/photo`)).status).toBe(404);
  });

  it("only administrators upload", async () => {
    const sup = new ApiClient(server.url);
    await sup.login(accounts.SUPERVISOR.username, accounts.SUPERVISOR.password);
    expect((await uploadFile(sup, `/api/staff/${accounts.STAFF.staffId}/photo`, await portrait("png"), "image/png")).status).toBe(403);
  });
});
