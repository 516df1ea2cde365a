// Serves the built supervisor client at /, the kiosk at /kiosk/ and the hall display at /display/, with history-API fallback to each
// app's index.html. Hashed assets are cached for a year; index.html never is.
import fs from "node:fs";
import path from "node:path";
import type { Next } from "koa";
import serve from "koa-static";
import type { AppContext } from "../koa.ts";

export function staticApps(root: string) {
  const apps = [
    { prefix: "/kiosk", dir: path.join(root, "kiosk", "dist") },
    // The public hall display (#7): no login, its own small bundle
    { prefix: "/display", dir: path.join(root, "display", "dist") },
    { prefix: "", dir: path.join(root, "client", "dist") },
  ];
  const servers = apps.map((app) => ({
    ...app,
    serve: serve(app.dir, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader("Cache-Control", file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  }));

  return async (ctx: AppContext, next: Next) => {
    if (ctx.path.startsWith("/api/") || ctx.path.startsWith("/socket.io/") || !["GET", "HEAD"].includes(ctx.method)) {
      return next();
    }
    const app = servers.find((s) => s.prefix === "" || ctx.path === s.prefix || ctx.path.startsWith(`${s.prefix}/`));
    if (!app) return next();
    const originalPath = ctx.path;
    ctx.path = originalPath.slice(app.prefix.length) || "/";
    await app.serve(ctx, async () => undefined);
    ctx.path = originalPath;
    if (ctx.body !== undefined || ctx.status !== 404) return;
    const index = path.join(app.dir, "index.html");
    if (path.extname(originalPath) === "" && fs.existsSync(index)) {
      ctx.type = "html";
      ctx.set("Cache-Control", "no-cache");
      ctx.body = fs.createReadStream(index);
      return;
    }
    await next();
  };
}
