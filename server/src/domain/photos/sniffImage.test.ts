import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniffImage.ts";

const image = (format: "jpeg" | "png" | "webp" | "gif") => sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })[format]().toBuffer();

describe("sniffImageType", () => {
  it("recognises real JPEG, PNG and WebP files by their first bytes", async () => {
    expect(sniffImageType(await image("jpeg"))).toBe("image/jpeg");
    expect(sniffImageType(await image("png"))).toBe("image/png");
    expect(sniffImageType(await image("webp"))).toBe("image/webp");
  });

  it("refuses other images, text dressed as an image, and truncated headers", async () => {
    expect(sniffImageType(await image("gif"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("RIFF1234WAVE"))).toBeNull();
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it("never calls a buffer an image unless it starts with that format's signature", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (buf) => {
        const type = sniffImageType(buf);
        if (type === "image/jpeg") expect([...buf.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        if (type === "image/png") expect(buf[0]).toBe(0x89);
        if (type === "image/webp") expect(Buffer.from(buf.slice(8, 12)).toString("latin1")).toBe("WEBP");
      }),
    );
  });
});
