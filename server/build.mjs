// Bundles the server (server/src/main.ts) into dist/server/main.mjs for `npm start`: one file of our
// own code, loaded by plain node. Running the TypeScript through tsx costs every server process the
// loader and its transform cache (~26 MB RSS); `npm run dev` keeps tsx for edit-and-reload.
// Every npm package stays external (resolved from node_modules at run time): native modules
// (better-sqlite3, argon2, sharp), Prisma's runtime and its WebAssembly query compiler, and the lazily
// imported exceljs/sharp load exactly as they do under tsx. The generated Prisma client is our source
// (server/src/generated) and is bundled.
//
// The start script runs it as `node --v8-pool-size=1 --max-semi-space-size=8 dist/server/main.mjs`: one V8
// background thread instead of one per core keeps one glibc heap of compile memory instead of three (~35 MB idle),
// and 8 MB semi-spaces keep scavenges at ~5 % of the event loop under the rating load instead of 16 % with 1 MB
// (measured with `npm run bench`, see docs/kiosk-protocol.md "Throughput" and "Memory"). After changing server code,
// `npm run build` (or `node server/build.mjs`, under a second) refreshes the bundle; `npm run dev` runs
// the sources directly.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "dist", "server", "main.mjs");

// Source files find repository files relative to their own folder (import.meta.dirname: the built
// client, prisma/migrations). In the bundle that folder is dist/server, so each use is rewritten to
// the source file's folder, expressed relative to the bundle: the same path as under tsx.
const sourceDirname = {
  name: "source-dirname",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const fs = await import("node:fs/promises");
      let contents = await fs.readFile(file, "utf8");
      if (contents.includes("import.meta.dirname")) {
        const rel = path.relative(path.dirname(outfile), path.dirname(file)).split(path.sep).join("/");
        contents = contents.replaceAll("import.meta.dirname", `(import.meta.dirname + ${JSON.stringify(`/${rel}`)})`);
      }
      return { contents, loader: "ts" };
    });
  },
};

const started = performance.now();
await build({
  entryPoints: [path.join(root, "server", "src", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  plugins: [sourceDirname],
});
console.log(`server bundle: ${path.relative(root, outfile)} in ${Math.round(performance.now() - started)} ms`);
