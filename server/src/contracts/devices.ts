// Rating pads (评价器) as the administrator manages them: add one for a window (a one-time pairing
// code comes back), pair (the pad trades the code for its device token), renew the code, revoke.
import { z } from "zod";

export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_TTL_MINUTES = 10;

export const createDeviceBodySchema = z.strictObject({
  windowId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
});
export type CreateDeviceBody = z.infer<typeof createDeviceBodySchema>;

/** The pad sends the code it was shown; digits only, spaces and dashes tolerated. */
export const pairDeviceBodySchema = z.strictObject({
  code: z
    .string()
    .max(20)
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(new RegExp(`^\\d{${PAIRING_CODE_LENGTH}}$`))),
});
export type PairDeviceBody = z.infer<typeof pairDeviceBodySchema>;

export const deviceListQuerySchema = z.object({
  windowId: z.coerce.number().int().positive().optional(),
});

export const DEVICE_STATES = ["PAIRING", "PAIRED", "REVOKED", "UNPAIRED"] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const deviceDtoSchema = z.object({
  id: z.number().int(),
  centerId: z.number().int(),
  windowId: z.number().int(),
  windowNumber: z.number().int(),
  name: z.string(),
  state: z.enum(DEVICE_STATES),
  pairingExpiresAt: z.string().nullable(),
  pairedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Connected to the server right now */
  online: z.boolean(),
  /** Last connect, disconnect or rating, written at most once a minute while the pad is in use */
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeviceDto = z.infer<typeof deviceDtoSchema>;
export const deviceListSchema = z.object({ items: z.array(deviceDtoSchema) });

/** Shown once, to the administrator who created or renewed it; only its hash is stored. */
export const pairingCodeDtoSchema = z.object({ device: deviceDtoSchema, code: z.string(), expiresAt: z.string() });
export type PairingCodeDto = z.infer<typeof pairingCodeDtoSchema>;

/** What the pad keeps after pairing. */
export interface PairedDto {
  token: string;
  deviceId: number;
  windowId: number;
  windowNumber: number;
}
