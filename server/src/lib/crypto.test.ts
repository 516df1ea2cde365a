import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../config.ts";
import { cipherFor, dataKeyFile, fieldCipher, maskCitizenId, maskPhone } from "./crypto.ts";

describe("field encryption", () => {
  it("round-trips and never stores the plain text", () => {
    const c = fieldCipher(Buffer.alloc(32, 7));
    const stored = c.encrypt("13800138000");
    expect(stored).not.toContain("13800138000");
    expect(c.encrypt("13800138000")).not.toBe(stored); // random IV
    expect(c.decrypt(stored)).toBe("13800138000");
  });

  it("refuses a tampered value", () => {
    const c = fieldCipher(Buffer.alloc(32, 7));
    const stored = c.encrypt("13800138000");
    const raw = Buffer.from(stored.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => c.decrypt(`v1:${raw.toString("base64")}`)).toThrow();
  });

  it("generates a key file with mode 600 beside the database when DATA_KEY is unset, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-key-"));
    const config = configSchema.parse({ DATABASE_URL: `file:${path.join(dir, "x.db")}` });
    const stored = cipherFor(config).encrypt("secret");
    const file = dataKeyFile(config);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = configSchema.parse({ DATABASE_URL: `file:${path.join(dir, "x.db")}` });
    expect(cipherFor(again).decrypt(stored)).toBe("secret");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("masks ID and phone numbers", () => {
    expect(maskCitizenId("51010119900101123X")).toBe("5101**********123X");
    expect(maskPhone("13800138000")).toBe("138****8000");
  });
});
