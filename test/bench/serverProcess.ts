// A hallwatch server alone in its own process, for measuring its memory with many connected pads
// (the benchmark process itself holds pad data and earlier phases' garbage). Told the database by
// BENCH_DATABASE_URL; answers {type:"ready", url} and, on "mem", its memory after a GC.
import { configSchema } from "../../server/src/config.ts";
import { createLogger } from "../../server/src/lib/logger.ts";
import { startServer } from "../../server/src/server.ts";

const config = configSchema.parse({
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: "0",
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  ADMIN_PASSWORD: "bench-admin-password-1",
  LOG_LEVEL: "silent",
  WALKUP_MIN_INTERVAL_S: "0",
});
const server = await startServer(config, { logger: createLogger("silent") });
const memory = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
};
process.on("message", (m: { type?: string }) => {
  if (m.type === "mem") process.send?.({ type: "mem", ...memory() });
  if (m.type === "stop") void server.close().then(() => process.exit(0));
});
process.send?.({ type: "ready", url: server.url });
