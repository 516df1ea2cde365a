// The API description: /api/openapi.json (generated from the zod contracts and the live routers) and
// a browsable page at /api/docs served from the installed swagger-ui-dist (no CDN: the hall's
// network may have no internet). Public: it describes the API, it holds no data.
import fs from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { AppError } from "../../errors.ts";
import { createRouter, type AppRouter } from "../router.ts";
import { buildOpenApiDocument } from "./buildDocument.ts";

const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>hallwatch API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"><link rel="icon" href="/api/docs/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true, withCredentials: true });`;

export function openapiRouter(routers: () => readonly AppRouter[]) {
  const router = createRouter("/api");
  let cached: string | undefined;

  router.get("/openapi.json", (ctx) => {
    cached ??= JSON.stringify(buildOpenApiDocument(routers()));
    ctx.type = "application/json";
    ctx.body = cached;
  });

  router.get("/docs", (ctx) => {
    ctx.type = "text/html; charset=utf-8";
    ctx.body = PAGE;
  });

  router.get("/docs/:file", async (ctx) => {
    const file = ctx.params.file ?? "";
    if (file === "init.js") {
      ctx.type = "text/javascript; charset=utf-8";
      ctx.body = INIT;
      return;
    }
    const type = ASSETS[file];
    if (!type) throw new AppError("NOT_FOUND");
    ctx.set("Cache-Control", "public, max-age=86400");
    ctx.type = type;
    ctx.body = await fs.readFile(path.join(SWAGGER_DIR, file));
  });

  return router;
}
