// Field encryption for citizens' personal data (phone, ID number): AES-256-GCM with a random IV per
// value, stored as "v1:<base64 iv|tag|ciphertext>". The key is DATA_KEY, or a key generated on first
// start into "data-key" beside the SQLite file (mode 600), so a fresh install is never unencrypted.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { sqliteFile } from "../db/database.ts";

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function fieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error("DATA_KEY must be 32 bytes");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(stored) {
      if (!stored.startsWith("v1:")) throw new Error("unknown ciphertext version");
      const raw = Buffer.from(stored.slice(3), "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** The key file used when DATA_KEY is unset: beside the SQLite file. */
export function dataKeyFile(config: Config): string {
  const db = sqliteFile(config.DATABASE_URL);
  return path.join(db === ":memory:" ? process.cwd() : path.dirname(db), "data-key");
}

function loadOrCreateKey(config: Config): Buffer {
  if (config.DATA_KEY) return Buffer.from(config.DATA_KEY, "hex");
  const file = dataKeyFile(config);
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // "wx": two processes starting together must not each write a different key.
    fs.writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex");
  }
}

const ciphers = new WeakMap<Config, FieldCipher>();
export function cipherFor(config: Config): FieldCipher {
  let cipher = ciphers.get(config);
  if (!cipher) {
    cipher = fieldCipher(loadOrCreateKey(config));
    ciphers.set(config, cipher);
  }
  return cipher;
}

export const maskCitizenId = (id: string): string => `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
