// Rating pads: add one for a window (with a one-time pairing code), renew the code, pair (code →
// device token), revoke, and issue a token directly (npm run kiosk:token). Only sha256 hashes of
// codes and tokens are stored; each change is audited in the same transaction.
import { randomInt } from "node:crypto";
import { PAIRING_CODE_LENGTH, PAIRING_TTL_MINUTES } from "../../contracts/devices.ts";
import { AppError } from "../../errors.ts";
import type { KioskDevice } from "../../generated/prisma/client.ts";
import { newToken, sha256 } from "../../lib/tokens.ts";
import type { Services } from "../../services.ts";
import { recordAudit, type AuditActor } from "../audit/recordAudit.ts";

const auditView = (d: KioskDevice) => ({
  windowId: d.windowId,
  name: d.name,
  pairedAt: d.pairedAt,
  revokedAt: d.revokedAt,
  pairingExpiresAt: d.pairingExpiresAt,
});

export const newPairingCode = (): string =>
  Array.from({ length: PAIRING_CODE_LENGTH }, () => String(randomInt(10))).join("");

const fieldError = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION_FAILED", { issues: [{ path, code: "invalid_reference", message: zh, messageEn: en }] });

export async function addDevice(
  services: Services,
  opts: { centerId: number; windowId: number; name: string; auditActor: AuditActor },
): Promise<{ device: KioskDevice; code: string }> {
  const { prisma, clock } = services;
  const window = await prisma.window.findUnique({ where: { id: opts.windowId } });
  if (!window || window.centerId !== opts.centerId) throw fieldError("windowId", "窗口不存在", "No such window");
  const now = clock.now();
  const code = newPairingCode();
  const device = await prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.create({
      data: {
        centerId: opts.centerId,
        windowId: opts.windowId,
        name: opts.name,
        pairingCodeHash: sha256(code),
        pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_MINUTES * 60_000),
        createdAt: now,
      },
    });
    await recordAudit(tx, opts.auditActor, { action: "create.device", entity: "KioskDevice", entityId: device.id, centerId: opts.centerId, after: auditView(device) }, now);
    return device;
  });
  return { device, code };
}

/** A new pairing code for a pad not yet paired, or one being replaced (its old token stops working). */
export async function renewPairingCode(services: Services, opts: { device: KioskDevice; auditActor: AuditActor }): Promise<{ device: KioskDevice; code: string }> {
  const { prisma, clock, events } = services;
  if (opts.device.revokedAt) throw new AppError("CONFLICT", { message: "评价器已停用", messageEn: "The pad is revoked" });
  const now = clock.now();
  const code = newPairingCode();
  const device = await prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.update({
      where: { id: opts.device.id },
      data: { pairingCodeHash: sha256(code), pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_MINUTES * 60_000), tokenHash: null, pairedAt: null },
    });
    await recordAudit(tx, opts.auditActor, { action: "renew.pairing", entity: "KioskDevice", entityId: device.id, centerId: device.centerId, before: auditView(opts.device), after: auditView(device) }, now);
    return device;
  });
  // A pad holding the old token must stop: it is as good as revoked.
  if (opts.device.tokenHash) events.emit("device.revoked", { centerId: device.centerId, windowId: device.windowId, deviceId: device.id });
  return { device, code };
}

/** The pad trades a valid, unexpired code for its device token, once. */
export async function pairDevice(services: Services, opts: { code: string; auditActor: AuditActor }): Promise<{ device: KioskDevice; token: string }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const codeHash = sha256(opts.code);
  const token = newToken();
  return prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.findFirst({ where: { pairingCodeHash: codeHash, revokedAt: null, pairingExpiresAt: { gt: now } } });
    if (!device) throw new AppError("PAIRING_CODE_INVALID");
    const paired = await tx.kioskDevice.update({
      where: { id: device.id },
      data: { tokenHash: sha256(token), pairedAt: now, pairingCodeHash: null, pairingExpiresAt: null },
    });
    await recordAudit(tx, { ...opts.auditActor, role: "DEVICE", centerId: device.centerId }, { action: "pair.device", entity: "KioskDevice", entityId: device.id, centerId: device.centerId, before: auditView(device), after: auditView(paired) }, now);
    return { device: paired, token };
  });
}

export async function revokeDevice(services: Services, opts: { device: KioskDevice; auditActor: AuditActor }): Promise<KioskDevice> {
  const { prisma, clock, events } = services;
  if (opts.device.revokedAt) return opts.device;
  const now = clock.now();
  const device = await prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.update({ where: { id: opts.device.id }, data: { revokedAt: now, pairingCodeHash: null, pairingExpiresAt: null } });
    await recordAudit(tx, opts.auditActor, { action: "revoke.device", entity: "KioskDevice", entityId: device.id, centerId: device.centerId, before: auditView(opts.device), after: auditView(device) }, now);
    return device;
  });
  events.emit("device.revoked", { centerId: device.centerId, windowId: device.windowId, deviceId: device.id });
  return device;
}

/** Provisioning without the pairing dance: a new paired pad for a window, its token returned once. */
export async function issueDeviceToken(
  services: Services,
  opts: { centerId: number; windowId: number; name: string; auditActor: AuditActor },
): Promise<{ device: KioskDevice; token: string }> {
  const { prisma, clock } = services;
  const now = clock.now();
  const token = newToken();
  const device = await prisma.$transaction(async (tx) => {
    const device = await tx.kioskDevice.create({
      data: { centerId: opts.centerId, windowId: opts.windowId, name: opts.name, tokenHash: sha256(token), pairedAt: now, createdAt: now },
    });
    await recordAudit(tx, opts.auditActor, { action: "issue.deviceToken", entity: "KioskDevice", entityId: device.id, centerId: opts.centerId, after: auditView(device) }, now);
    return device;
  });
  return { device, token };
}
