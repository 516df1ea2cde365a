// Builds the OpenAPI 3.1 document by walking the live routers (so every route is listed, including
// ones added later) and attaching each route's zod schemas — from the spec() it carries, else from
// describe.ts — converted with z.toJSONSchema.
import { z } from "zod";
import { ERROR_CODES, errorBodySchema } from "../../contracts/errors.ts";
import type { AppRouter } from "../router.ts";
import { ROUTE_DESCRIPTIONS } from "./describe.ts";
import { specOf, type RouteDescription } from "./routeSpec.ts";

type Json = Record<string, unknown>;

/** Input side for bodies and queries (before defaults and transforms), output side for answers. */
const schemaOf = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  return rest;
};

/** Koa's "/api/items/:id" is OpenAPI's "/api/items/{id}". */
export const openApiPath = (koaPath: string): string => koaPath.replace(/:([A-Za-z_]+)/g, "{$1}");

/** The properties of an object schema as OpenAPI parameters of one location. */
function parametersOf(schema: z.ZodType, where: "path" | "query"): Json[] {
  const json = schemaOf(schema, "input");
  const props = typeof json.properties === "object" && json.properties !== null ? (json.properties as Record<string, Json>) : {};
  const required = Array.isArray(json.required) ? (json.required as string[]) : [];
  return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === "path" || required.includes(name), schema: s }));
}

function operation(method: string, path: string, d: RouteDescription | undefined): Json {
  const names = [...path.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1]!);
  const declared = d?.params ? parametersOf(d.params, "path") : [];
  const params = names.map((name) => declared.find((p) => p.name === name) ?? { name, in: "path", required: true, schema: { type: "integer", minimum: 1 } });
  const queryParams = d?.query ? parametersOf(d.query, "query") : [];
  const ok: Json = d?.produces
    ? { description: "OK", content: { [d.produces]: { schema: { type: "string", format: "binary" } } } }
    : d?.response
      ? { description: "OK", content: { "application/json": { schema: schemaOf(d.response, "output") } } }
      : { description: "OK" };
  const error = { description: `Error envelope; code is one of ${ERROR_CODES.length} documented codes`, content: { "application/json": { schema: schemaOf(errorBodySchema, "output") } } };
  return {
    tags: [d?.tag ?? (path.startsWith("/api/") ? (path.split("/")[2] ?? "api") : "health")],
    summary: d?.summary ?? `${method.toUpperCase()} ${path}`,
    ...(params.length + queryParams.length > 0 ? { parameters: [...params, ...queryParams] } : {}),
    ...(d?.noBody ? { description: "Takes no request body." } : {}),
    ...(d?.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(d.body, "input") } } } } : {}),
    ...(d?.consumes ? { requestBody: { required: true, content: Object.fromEntries(d.consumes.map((type) => [type, type === "multipart/form-data" ? { schema: { type: "object", properties: { file: { type: "string", format: "binary" } }, required: ["file"] } } : { schema: { type: "string", format: "binary" } }])) } } : {}),
    ...(d?.public || path.startsWith("/api/public/") || !path.startsWith("/api/") ? { security: [] } : {}),
    responses: { 200: ok, 400: error, 401: error, 403: error, 404: error },
  };
}

/** What a route says about itself (spec()), else what describe.ts says about it. */
export const routeDescription = (layer: { stack: readonly unknown[] }, method: string, path: string): RouteDescription | undefined =>
  specOf(layer) ?? ROUTE_DESCRIPTIONS[`${method} ${path}`];

export function buildOpenApiDocument(routers: readonly AppRouter[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const router of routers) {
    for (const layer of router.stack) {
      if (typeof layer.path !== "string" || layer.methods.length === 0) continue;
      const path = openApiPath(layer.path);
      for (const method of layer.methods) {
        if (method === "HEAD") continue;
        (paths[path] ??= {})[method.toLowerCase()] = operation(method.toLowerCase(), path, routeDescription(layer, method, path));
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
