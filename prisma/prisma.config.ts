// Prisma CLI configuration (used with `--config prisma/prisma.config.ts`).
// The CLI insists on a native schema engine it would download; we point it at the WebAssembly shim in
// prisma/tools so generation and migration authoring work offline. The running product needs neither:
// it applies committed migrations itself (server/src/db/migrator.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "tools", "schema-engine.mjs");

export default defineConfig({
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  datasource: {
    // env("DATABASE_URL") would throw on a fresh clone where it is unset
    url: process.env.DATABASE_URL ?? `file:${path.join(here, "..", "data", "dev-authoring.db")}`,
  },
});
