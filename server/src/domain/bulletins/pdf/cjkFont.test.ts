// The WOFF → sfnt conversion of the bulletin's Chinese font: a well-formed sfnt (directory fields,
// sorted tags, aligned tables whose checksums match the directory), converted once per process.
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cjkFont, woffToSfnt } from "./cjkFont.ts";

const tagOf = (n: number) => String.fromCharCode((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);

/** The OpenType table checksum: the sum of big-endian uint32s, the last one zero-padded. */
function tableChecksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function readSfnt(sfnt: Buffer) {
  const numTables = sfnt.readUInt16BE(4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    return { tag: tagOf(sfnt.readUInt32BE(at)), checksum: sfnt.readUInt32BE(at + 4), offset, length, data: sfnt.subarray(offset, offset + length) };
  });
  return { flavor: sfnt.readUInt32BE(0), numTables, searchRange: sfnt.readUInt16BE(6), entrySelector: sfnt.readUInt16BE(8), rangeShift: sfnt.readUInt16BE(10), tables };
}

/** A WOFF 1.0 file around the given tables, compressing those that shrink (as the format allows). */
function makeWoff(tables: { tag: string; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(44 + tables.length * 20);
  header.write("wOFF", 0, "latin1");
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt16BE(tables.length, 12);
  let offset = header.length;
  const blobs: Buffer[] = [];
  tables.forEach((t, i) => {
    const packed = deflateSync(t.data);
    const stored = packed.length < t.data.length ? packed : t.data;
    const at = 44 + i * 20;
    header.write(t.tag, at, "latin1");
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(stored.length, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    header.writeUInt32BE(tableChecksum(t.data), at + 16);
    const padded = Buffer.concat([stored, Buffer.alloc((4 - (stored.length % 4)) % 4)]);
    blobs.push(padded);
    offset += padded.length;
  });
  header.writeUInt32BE(offset, 8);
  return Buffer.concat([header, ...blobs]);
}

describe("woffToSfnt", () => {
  it("restores compressed and stored tables byte for byte, sorted, aligned, with the search fields", () => {
    const tables = [
      { tag: "name", data: Buffer.from("hallwatch ".repeat(40)) }, // compresses
      { tag: "OS/2", data: Buffer.from([1, 2, 3, 4, 5, 6, 7]) }, // stored as is (deflate would grow it); odd length
      { tag: "cmap", data: Buffer.from("abcdefgh".repeat(20)) },
      { tag: "head", data: Buffer.alloc(54, 7) },
      { tag: "glyf", data: Buffer.from([9, 8, 7]) },
    ];
    const sfnt = readSfnt(woffToSfnt(makeWoff(tables)));
    expect(sfnt.flavor).toBe(0x00010000);
    expect(sfnt.numTables).toBe(5);
    // 5 tables: the largest power of two not above it is 4
    expect([sfnt.searchRange, sfnt.entrySelector, sfnt.rangeShift]).toEqual([64, 2, 16]);
    expect(sfnt.tables.map((t) => t.tag)).toEqual(["OS/2", "cmap", "glyf", "head", "name"]);
    for (const t of sfnt.tables) {
      const original = tables.find((x) => x.tag === t.tag)!;
      expect(t.data.equals(original.data)).toBe(true);
      expect(t.offset % 4).toBe(0);
      expect(t.checksum).toBe(tableChecksum(original.data));
    }
  });

  it("rejects what is not a WOFF 1.0 file, or is cut short", () => {
    expect(() => woffToSfnt(Buffer.from("wOF2 not this one, thanks".padEnd(60)))).toThrow(/WOFF/);
    const whole = makeWoff([{ tag: "name", data: Buffer.from("x".repeat(400)) }]);
    expect(() => woffToSfnt(whole.subarray(0, whole.length - 8))).toThrow(/truncated/);
  });

  it("converts the package's Noto Sans SC to a TrueType font whose tables check out, once per process", async () => {
    const started = performance.now();
    const font = await cjkFont("regular");
    const sfnt = readSfnt(font);
    expect(sfnt.flavor).toBe(0x00010000);
    expect(sfnt.tables.map((t) => t.tag)).toEqual(expect.arrayContaining(["cmap", "glyf", "head", "hmtx", "loca", "name"]));
    for (const t of sfnt.tables.filter((x) => x.tag !== "head")) expect(t.checksum).toBe(tableChecksum(t.data));
    expect(await cjkFont("regular")).toBe(font);
    expect(performance.now() - started).toBeLessThan(5_000);
    const bold = await cjkFont("bold");
    expect(bold).not.toBe(font);
    expect(readSfnt(bold).numTables).toBeGreaterThan(5);
  });
});
