// The API description (#3): /api/openapi.json lists every route of every router, with the zod
// contracts' JSON Schemas where described; /api/docs serves Swagger UI from local files (no CDN).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/testServer.ts";

let server: TestServer;
type Doc = { openapi: string; paths: Record<string, Record<string, { summary: string; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> }>> };
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
