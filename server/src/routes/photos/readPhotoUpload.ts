// The uploaded photo's bytes, from either a raw image body (Content-Type image/*) or a browser form
// (multipart/form-data with one file field, as <input type=file> and antd's Upload send). Both are
// read under a hard size cap, and the bytes must be a JPEG, PNG or WebP by their magic number; the
// declared type (header or form part) must agree with it. Nothing is written here.
import { PHOTO_TYPES, sniffImageType } from "../../domain/photos/sniffImage.ts";
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";
import { readRawBody } from "../imports/readRawBody.ts";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** A form adds its boundaries and part headers around the file. */
export const PHOTO_FORM_OVERHEAD_BYTES = 64 * 1024;

const notAnImage = (message: string, messageEn: string) => new AppError("NOT_AN_IMAGE", { message, messageEn });

async function fileFromForm(ctx: AppContext): Promise<{ bytes: Buffer; declared: string }> {
  const raw = await readRawBody(ctx, PHOTO_MAX_BYTES + PHOTO_FORM_OVERHEAD_BYTES);
  let form: FormData;
  try {
    // The platform's own multipart parser (undici), on a body already capped above
    form = await new Request("http://upload.invalid/", { method: "POST", headers: { "content-type": ctx.get("content-type") }, body: Uint8Array.from(raw) }).formData();
  } catch {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: "file", code: "invalid_multipart", message: "上传的表单格式不正确", messageEn: "The multipart form is malformed" }] });
  }
  const files = [...form.values()].filter((v): v is File => typeof v !== "string");
  if (files.length !== 1) {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: "file", code: "one_file", message: "请上传且只上传一张照片", messageEn: "Send exactly one photo file" }] });
  }
  const file = files[0]!;
  if (file.size > PHOTO_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  return { bytes: Buffer.from(await file.arrayBuffer()), declared: file.type };
}

export async function readPhotoUpload(ctx: AppContext): Promise<Buffer> {
  let upload: { bytes: Buffer; declared: string };
  if (ctx.is("multipart/form-data")) upload = await fileFromForm(ctx);
  else if (ctx.is(...PHOTO_TYPES)) upload = { bytes: await readRawBody(ctx, PHOTO_MAX_BYTES), declared: ctx.get("content-type").split(";")[0]!.trim().toLowerCase() };
  else throw new AppError("UNSUPPORTED_MEDIA_TYPE");

  const actual = sniffImageType(upload.bytes);
  if (!actual) throw notAnImage("文件不是 JPEG、PNG 或 WebP 图片", "The file is not a JPEG, PNG or WebP image");
  // An empty part type is a browser that could not tell; anything else must match the bytes
  if (upload.declared !== "" && upload.declared !== "application/octet-stream" && upload.declared !== actual) {
    throw notAnImage(`文件内容是 ${actual}，与声明的类型 ${upload.declared} 不符`, `The file is ${actual}, not the declared ${upload.declared}`);
  }
  return upload.bytes;
}
