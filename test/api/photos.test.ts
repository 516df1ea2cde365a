// Staff photos (#3): a raw image body or a browser's multipart form, validated by the file's magic
// bytes (not its declared type) and by sharp decoding it, capped in size, resized to 256 and 64 px
// WebP, stored under the data folder, served with an ETag; the public variant answers only for staff
// on duty. A refused upload writes nothing: no row change, no file.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts, type DemoAccount } from "../support/demoUsers.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";
import { uploadFile } from "../support/uploadFile.ts";
import type { Role } from "../../server/src/contracts/roles.ts";
import { CSRF_COOKIE, CSRF_HEADER } from "../../server/src/contracts/auth.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";

let server: TestServer;
let accounts: Record<Role, DemoAccount>;
let admin: ApiClient;
const clock = new ManualClock("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai: the hall is open

beforeAll(async () => {
  server = await startTestServer({ clock });
  const centerId = (await server.services.prisma.center.findFirstOrThrow()).id;
  accounts = await demoAccounts(server, centerId);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** Posts a form the way a browser's <input type=file> does (fetch builds the multipart body). */
async function uploadForm(client: ApiClient, pathname: string, parts: { name: string; bytes: Uint8Array<ArrayBuffer>; type: string; filename: string }[]) {
  if (!client.cookies.has(CSRF_COOKIE)) await client.get("/healthz");
  const form = new FormData();
  for (const p of parts) form.append(p.name, new Blob([p.bytes], { type: p.type }), p.filename);
  const res = await fetch(new URL(pathname, client.baseUrl), {
    method: "POST",
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), [CSRF_HEADER]: client.cookies.get(CSRF_COOKIE) ?? "" },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

const photoFiles = (): string[] => (fs.existsSync(path.join(server.dir, "photos")) ? fs.readdirSync(path.join(server.dir, "photos")).sort() : []);

const portrait = async (format: "png" | "jpeg" | "webp" | "gif") =>
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

  it("accepts a browser form upload (multipart/form-data) and stores the same renditions", async () => {
    const staff = await server.services.prisma.staff.findFirstOrThrow({ where: { photoPath: null, active: true } });
    const res = await uploadForm(admin, `/api/staff/${staff.id}/photo`, [{ name: "file", bytes: await portrait("webp"), type: "image/webp", filename: "张三.webp" }]);
    expect(res.status).toBe(200);
    const row = await server.services.prisma.staff.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.photoPath).toMatch(new RegExp(`^${staff.id}-[0-9a-f]{16}$`));
    expect(photoFiles()).toEqual(expect.arrayContaining([`${row.photoPath}-256.webp`, `${row.photoPath}-64.webp`]));
  });

  it("refuses a form whose file is not what it claims, is too large, or is missing, writing nothing", async () => {
    const staff = await server.services.prisma.staff.findFirstOrThrow({ where: { photoPath: null, active: true } });
    const files = photoFiles();
    const url = `/api/staff/${staff.id}/photo`;
    const gif = await uploadForm(admin, url, [{ name: "file", bytes: await portrait("gif"), type: "image/gif", filename: "a.gif" }]);
    expect([gif.status, gif.body.error?.code]).toEqual([400, "NOT_AN_IMAGE"]);
    const html = await uploadForm(admin, url, [{ name: "file", bytes: new TextEncoder().encode("<html><script>alert(1)</script>"), type: "image/jpeg", filename: "a.jpg" }]);
    expect([html.status, html.body.error?.code]).toEqual([400, "NOT_AN_IMAGE"]);
    // A PNG labelled as JPEG: the bytes decide, and they disagree with the label
    const lying = await uploadForm(admin, url, [{ name: "file", bytes: await portrait("png"), type: "image/jpeg", filename: "a.jpg" }]);
    expect([lying.status, lying.body.error?.code]).toEqual([400, "NOT_AN_IMAGE"]);
    expect(lying.body.error?.message).toContain("image/png");
    // A real JPEG header on garbage: sharp cannot decode it
    const truncated = await uploadForm(admin, url, [{ name: "file", bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), type: "image/jpeg", filename: "a.jpg" }]);
    expect([truncated.status, truncated.body.error?.code]).toEqual([400, "NOT_AN_IMAGE"]);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await uploadForm(admin, url, [{ name: "file", bytes: big, type: "image/jpeg", filename: "big.jpg" }])).status).toBe(413);
    const none = await uploadForm(admin, url, []);
    expect(none.status).toBe(400);
    const two = await uploadForm(admin, url, [
      { name: "file", bytes: await portrait("png"), type: "image/png", filename: "a.png" },
      { name: "file", bytes: await portrait("png"), type: "image/png", filename: "b.png" },
    ]);
    expect([two.status, two.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    // A raw body is sniffed the same way
    expect((await uploadFile(admin, url, await portrait("png"), "image/jpeg")).status).toBe(400);
    expect((await server.services.prisma.staff.findUniqueOrThrow({ where: { id: staff.id } })).photoPath).toBeNull();
    expect(photoFiles()).toEqual(files);
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
