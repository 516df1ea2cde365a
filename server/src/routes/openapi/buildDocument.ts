// Builds the OpenAPI 3.1 document by walking the live routers (so every route is listed, including
// ones added later) and attaching the zod schemas of describe.ts, converted with z.toJSONSchema.
import { z } from "zod";
import { ERROR_CODES, errorBodySchema } from "../../contracts/errors.ts";
import type { AppRouter } from "../router.ts";
import { ROUTE_DESCRIPTIONS, type RouteDescription } from "./describe.ts";

type Json = Record<string, unknown>;

/** Input side for bodies and queries (before defaults and transforms), output side for answers. */
const schemaOf = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
};

/** Koa's "/api/items/:id" is OpenAPI's "/api/items/{id}". */
export const openApiPath = (koaPath: string): string => koaPath.replace(/:([A-Za-z_]+)/g, "{$1}");

function operation(method: string, path: string, d: RouteDescription | undefined): Json {
  const params = [...path.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: m[1] === "kind" ? "string" : "integer" } }));
  const query = d?.query ? schemaOf(d.query, "input") : undefined;
  const queryParams = query && typeof query.properties === "object" && query.properties !== null
    ? Object.entries(query.properties as Record<string, Json>).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
    : [];
  const ok: Json = d?.produces
    ? { description: "OK", content: { [d.produces]: { schema: { type: "string", format: "binary" } } } }
    : d?.response
      ? { description: "OK", content: { "application/json": { schema: schemaOf(d.response, "output") } } }
      : { description: "OK" };
  const error = { description: `Error envelope; code is one of ${ERROR_CODES.length} documented codes`, content: { "application/json": { schema: schemaOf(errorBodySchema, "output") } } };
  return {
    tags: [d?.tag ?? path.split("/")[2] ?? "api"],
    summary: d?.summary ?? `${method.toUpperCase()} ${path}`,
    ...(params.length + queryParams.length > 0 ? { parameters: [...params, ...queryParams] } : {}),
    ...(d?.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(d.body, "input") } } } } : {}),
    ...(d?.consumes ? { requestBody: { required: true, content: Object.fromEntries(d.consumes.map((type) => [type, { schema: { type: "string", format: "binary" } }])) } } : {}),
    ...(d?.public || path.startsWith("/api/public/") || path === "/api/health" ? { security: [] } : {}),
    responses: { 200: ok, 400: error, 401: error, 403: error, 404: error },
  };
}

export function buildOpenApiDocument(routers: readonly AppRouter[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const router of routers) {
    for (const layer of router.stack) {
      if (typeof layer.path !== "string" || layer.methods.length === 0) continue;
      const path = openApiPath(layer.path);
      for (const method of layer.methods) {
        if (method === "HEAD") continue;
        (paths[path] ??= {})[method.toLowerCase()] = operation(method.toLowerCase(), path, ROUTE_DESCRIPTIONS[`${method} ${path}`]);
      }
    }
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: "3.1.0",
    info: {
      title: "hallwatch API",
      version: "1",
      description:
        "Signed-in routes use the session cookie (hw_session) and, on writes, the CSRF header x-csrf-token echoing the hw_csrf cookie. " +
        "Bodies are JSON except the listed binary uploads. Errors: { error: { code, message (zh-CN), messageEn, issues? } }.",
    },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "hw_session" } } },
    security: [{ session: [] }],
    paths: sorted,
  };
}
