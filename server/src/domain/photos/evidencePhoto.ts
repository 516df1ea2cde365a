// Evidence photos (an inspection's, an appeal's): decoded by sharp — anything else is NOT_AN_IMAGE, as for
// staff photos — shrunk to fit 1600 px and re-encoded as WebP, which also drops EXIF (e.g. location).
import { AppError } from "../../errors.ts";
import { loadSharp } from "../../lib/lazyModules.ts";

const MAX_SIDE = 1600;
const MAX_INPUT_PIXELS = 40_000_000;

export async function evidenceWebp(input: Buffer): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate().resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  } catch (cause) {
    throw new AppError("NOT_AN_IMAGE", { cause });
  }
}
