// Reads a raw upload body (see RAW_UPLOADS in middleware/requireJson.ts) with a hard size cap, so a
// missing or lying Content-Length cannot make the server buffer more than the cap.
import { AppError } from "../../errors.ts";
import type { AppContext } from "../../koa.ts";

export async function readRawBody(ctx: AppContext, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) {
      ctx.req.destroy();
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
