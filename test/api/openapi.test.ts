// The API description (#3): /api/openapi.json lists every route of every router, with the zod
// contracts' JSON Schemas where described; /api/docs serves Swagger UI from local files (no CDN).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/src/app.ts";
import { openApiPath, routeDescription } from "../../server/src/routes/openapi/buildDocument.ts";
import { ROUTE_DESCRIPTIONS } from "../../server/src/routes/openapi/describe.ts";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
type Operation = {
  summary: string;
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };
let doc: Doc;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists the routes of every router, including other areas'", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/api/auth/login", "post"],
      ["/api/items/{id}", "patch"],
      ["/api/imports/{kind}", "post"],
      ["/api/shifts/me/pause", "post"],
      ["/api/public/catalog/items/{id}", "get"],
      ["/api/staff/{id}/photo", "post"],
      ["/api/audit", "get"],
      ["/api/openapi.json", "get"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(60);
    for (const op of operations) expect(op.responses["400"]).toBeDefined();
  });

  it("carries the request schemas the routes validate with", () => {
    const body = doc.paths["/api/items"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(body?.properties ?? {})).toEqual(expect.arrayContaining(["code", "name", "departmentId", "procedure", "materials", "promisedLimitDays"]));
    expect(Object.keys(doc.paths["/api/imports/{kind}"]?.post?.requestBody?.content ?? {})).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
  });

  it("describes every route of every router the app mounts, with its path parameters and, for writes, its request body", () => {
    // The routers as Koa has them: each router's middleware carries its router (@koa/router), so a
    // router added to app.ts by anyone is walked here without this test knowing about it
    const app = buildApp(server.services);
    const routers = app.middleware.map((mw) => (mw as unknown as { router?: { stack: { path: string | RegExp; methods: string[]; stack: unknown[] }[] } }).router).filter((r) => r !== undefined);
    expect(routers.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const router of routers) {
      for (const layer of router.stack) {
        if (typeof layer.path !== "string") continue;
        const path = openApiPath(layer.path);
        for (const method of layer.methods.filter((m) => m !== "HEAD")) {
          const key = `${method} ${path}`;
          seen.add(key);
          const op = doc.paths[path]?.[method.toLowerCase()];
          const described = routeDescription(layer, method, path);
          if (!op) problems.push(`${key}: missing from /api/openapi.json`);
          if (!described) {
            problems.push(`${key}: no description — add spec({ summary, params?, query?, body?, response? }) to the route`);
            continue;
          }
          const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
          for (const name of pathParams) {
            if (!op?.parameters?.some((p) => p.in === "path" && p.name === name && p.required)) problems.push(`${key}: path parameter ${name} not documented`);
          }
          const write = ["POST", "PUT", "PATCH", "DELETE"].includes(method);
          if (write && !described.body && !described.consumes && !described.noBody) problems.push(`${key}: a write without body schema (declare body, consumes or noBody)`);
          if (described.body && !op?.requestBody) problems.push(`${key}: body schema not in the document`);
        }
      }
    }
    // A table entry whose route is gone is a description nobody reads
    for (const key of Object.keys(ROUTE_DESCRIPTIONS)) if (!seen.has(key)) problems.push(`${key}: described in describe.ts but no such route`);
    expect(problems).toEqual([]);
  });

  it("carries query parameters and path parameters from the zod contracts", () => {
    const users = doc.paths["/api/users"]?.get?.parameters ?? [];
    expect(users.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(["query:q", "query:role", "query:active", "query:page"]));
    expect(users.find((p) => p.name === "role")?.schema).toMatchObject({ enum: expect.arrayContaining(["ADMIN", "STAFF"]) });
    const kind = doc.paths["/api/imports/{kind}"]?.post?.parameters?.find((p) => p.name === "kind");
    expect(kind).toMatchObject({ in: "path", required: true, schema: { enum: ["departments", "items", "staff"] } });
    const board = doc.paths["/api/windows/{id}/staff"]?.put?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(board?.properties ?? {})).toEqual(["staff"]);
    expect(Object.keys(doc.paths["/api/staff/{id}/photo"]?.post?.requestBody?.content ?? {})).toContain("multipart/form-data");
  });

  it("serves a browsable page from local assets", async () => {
    const page = await fetch(`${server.url}/api/docs`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("/api/docs/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await fetch(`${server.url}/api/docs/..%2Fpackage.json`)).status).toBe(404);
  });
});
