// The bulletin's Chinese font, taken from an npm package (@fontsource/noto-sans-sc) so a fresh machine
// needs no system font. The package ships WOFF; handed to pdfkit as is, fontkit inflates the 1.5 MB
// file again for every document (~4.5 s each), so it is converted once per process to a plain sfnt
// (TrueType/OpenType) buffer, which pdfkit parses in a few ms and subsets per document.
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

const align4 = (n: number) => (n + 3) & ~3;

/**
 * WOFF 1.0 → sfnt: the same tables, each inflated when stored compressed (compLength < origLength),
 * laid out 4-byte aligned behind a table directory with the binary-search fields recomputed.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  if (WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new Error("WOFF table directory is truncated");

  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    if (offset + compLength > woff.length) throw new Error("WOFF table data is truncated");
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error("WOFF table has the wrong length after inflating");
    tables.push({ tag, checksum, data });
  }
  // The sfnt directory must be sorted by tag (WOFF keeps that order, but a broken file may not)
  tables.sort((a, b) => a.tag - b.tag);

  const maxPow2 = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(SFNT_HEADER + numTables * SFNT_ENTRY);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(maxPow2 * 16, 6); // searchRange
  header.writeUInt16BE(Math.log2(maxPow2), 8); // entrySelector
  header.writeUInt16BE(numTables * 16 - maxPow2 * 16, 10); // rangeShift

  let offset = header.length;
  const parts: Buffer[] = [header];
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    header.writeUInt32BE(t.tag, at);
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = align4(t.data.length);
    parts.push(t.data);
    if (padded > t.data.length) parts.push(Buffer.alloc(padded - t.data.length));
    offset += padded;
  });
  return Buffer.concat(parts, offset);
}

const require = createRequire(import.meta.url);

/** The package's files, resolved through node's module resolution so dist/ and tsx both find them. */
export const CJK_FONT_FILES = {
  regular: () => require.resolve("@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff"),
  bold: () => require.resolve("@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff"),
} as const;

export type CjkWeight = keyof typeof CJK_FONT_FILES;

const cache = new Map<CjkWeight, Promise<Buffer>>();

/** The font as sfnt bytes, converted once per process. */
export function cjkFont(weight: CjkWeight = "regular"): Promise<Buffer> {
  let font = cache.get(weight);
  if (!font) {
    font = fs.readFile(CJK_FONT_FILES[weight]()).then(woffToSfnt);
    // A failed read is not cached: the next document tries again
    font.catch(() => cache.delete(weight));
    cache.set(weight, font);
  }
  return font;
}
