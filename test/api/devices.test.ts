// Pairing a rating pad over HTTP: a one-time code (only its hash stored) that expires, a device token
// that connects to /kiosk, a new code ending the old token, and `npm run kiosk:token` for provisioning.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PairedDto, PairingCodeDto } from "../../server/src/contracts/devices.ts";
import { ManualClock } from "../../server/src/lib/clock.ts";
import { sha256 } from "../../server/src/lib/tokens.ts";
import { ApiClient } from "../support/apiClient.ts";
import { demoAccounts } from "../support/demoUsers.ts";
import { openPad } from "../support/pads.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

const clock = new ManualClock("2026-11-30T02:00:00.000Z");
let server: TestServer;
let admin: ApiClient;
let windowId: number;

const connects = (token: string) =>
  new Promise<string>((resolve) => {
    const s = openPad(server.url, token);
    s.once("connect", () => {
      s.close();
      resolve("connected");
    });
    s.once("connect_error", (e) => {
      s.close();
      resolve(e.message);
    });
  });

beforeAll(async () => {
  server = await startTestServer({ clock });
  const center = await server.services.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
  const accounts = await demoAccounts(server, center.id);
  admin = new ApiClient(server.url);
  await admin.login(accounts.ADMIN.username, accounts.ADMIN.password);
  windowId = (await server.services.prisma.window.findFirstOrThrow({ where: { centerId: center.id, number: 1 } })).id;
});
afterAll(async () => {
  await server?.stop();
});

describe("pairing", () => {
  it("trades a one-time code for a device token, storing only hashes, and audits it", async () => {
    const created = await admin.post<PairingCodeDto>("/api/devices", { windowId, name: "1号窗口评价器" });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^\d{8}$/);
    expect(created.body.device.state).toBe("PAIRING");
    const row = await server.services.prisma.kioskDevice.findUniqueOrThrow({ where: { id: created.body.device.id } });
    expect(row.pairingCodeHash).toBe(sha256(created.body.code));

    const pad = new ApiClient(server.url);
    const paired = await pad.post<PairedDto>("/api/devices/pair", { code: created.body.code.replace(/(\d{4})/, "$1-") });
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({ deviceId: row.id, windowId, windowNumber: 1 });
    const after = await server.services.prisma.kioskDevice.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ tokenHash: sha256(paired.body.token), pairingCodeHash: null });
    expect(await connects(paired.body.token)).toBe("connected");
    expect((await pad.post("/api/devices/pair", { code: created.body.code })).status).toBe(400); // once only
    const audit = await server.services.prisma.auditEntry.findMany({ where: { entity: "KioskDevice", entityId: String(row.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create.device", "pair.device"]);
    expect(JSON.stringify(audit)).not.toContain(paired.body.token);
  });

  it("refuses an expired code, and a new code ends the old token", async () => {
    const created = await admin.post<PairingCodeDto>("/api/devices", { windowId, name: "过期" });
    clock.advance(11 * 60_000);
    const pad = new ApiClient(server.url);
    const late = await pad.post<{ error: { code: string } }>("/api/devices/pair", { code: created.body.code });
    expect([late.status, late.body.error.code]).toEqual([400, "PAIRING_CODE_INVALID"]);

    const renewed = await admin.post<PairingCodeDto>(`/api/devices/${created.body.device.id}/pairing-code`, {});
    const first = await pad.post<PairedDto>("/api/devices/pair", { code: renewed.body.code });
    expect(await connects(first.body.token)).toBe("connected");
    const again = await admin.post<PairingCodeDto>(`/api/devices/${created.body.device.id}/pairing-code`, {});
    expect(again.status).toBe(200);
    expect(await connects(first.body.token)).toBe("UNAUTHORIZED");
  });

  it("refuses malformed codes as validation errors", async () => {
    const pad = new ApiClient(server.url);
    for (const code of ["", "1234", "abcdefgh", 12345678, "1".repeat(30)]) {
      const res = await pad.post<{ error: { code: string } }>("/api/devices/pair", { code });
      expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    }
  });
});

describe("npm run kiosk:token", () => {
  it("prints a token for a window of the first center that connects to /kiosk", async () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "server/src/domain/devices/tokenCli.ts", "--window", "2"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: server.services.config.DATABASE_URL },
    });
    const token = stdout.trim();
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(await connects(token)).toBe("connected");
  }, 60_000);
});
