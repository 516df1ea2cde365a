// Rating pads and invitations as JSON: never a token or a code hash.
import type { DeviceDto, DeviceState } from "../contracts/devices.ts";
import type { InvitationDto } from "../contracts/evaluations.ts";
import type { Invitation, KioskDevice } from "../generated/prisma/client.ts";

export function deviceState(d: KioskDevice, now: Date): DeviceState {
  if (d.revokedAt) return "REVOKED";
  if (d.tokenHash) return "PAIRED";
  if (d.pairingExpiresAt && d.pairingExpiresAt > now) return "PAIRING";
  return "UNPAIRED";
}

export function presentDevice(d: KioskDevice & { window: { number: number } }, now: Date, online: boolean): DeviceDto {
  return {
    id: d.id,
    centerId: d.centerId,
    windowId: d.windowId,
    windowNumber: d.window.number,
    name: d.name,
    state: deviceState(d, now),
    pairingExpiresAt: d.pairingExpiresAt?.toISOString() ?? null,
    pairedAt: d.pairedAt?.toISOString() ?? null,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    online: online && d.revokedAt === null,
    lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export const presentInvitation = (i: Invitation): InvitationDto => ({
  id: i.id,
  windowId: i.windowId,
  staffId: i.staffId,
  source: i.source,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  cancelledAt: i.cancelledAt?.toISOString() ?? null,
});
