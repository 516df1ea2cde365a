// The checkpointer's thread (see checkpointer.ts): its own connection to the database file, copying the
// WAL back into the database (a PASSIVE checkpoint: it never waits for, nor blocks, readers or writers)
// every few hundred milliseconds. Plain JavaScript, so that node runs it as it is, from the sources and
// from the bundle alike.
import { parentPort, workerData } from "node:worker_threads";
import Sqlite from "better-sqlite3";

const { file, everyMs } = workerData;
const db = new Sqlite(file, { timeout: 0 });
// Under NORMAL a checkpoint syncs the WAL before copying and the database file after.
db.pragma("synchronous = NORMAL");

const stats = { runs: 0, framesCopied: 0, busy: 0, errors: 0, lastError: null };
const checkpoint = () => {
  try {
    const [row] = db.pragma("wal_checkpoint(PASSIVE)");
    stats.runs++;
    if (row.busy) stats.busy++;
    if (row.checkpointed > 0) stats.framesCopied += row.checkpointed;
  } catch (err) {
    stats.errors++;
    stats.lastError = String(err instanceof Error ? err.message : err);
  }
};
const timer = setInterval(checkpoint, everyMs);
// The query planner's statistics (database.ts refreshPlannerStatistics) kept current as the tables grow,
// here, off the event loop; a busy database skips a round.
const OPTIMIZE_EVERY_MS = 60 * 60_000;
const optimizer = setInterval(() => {
  try {
    db.pragma("analysis_limit = 400");
    db.pragma("optimize = 0x10002");
  } catch {
    // SQLITE_BUSY: next hour
  }
}, OPTIMIZE_EVERY_MS);

parentPort.on("message", (message) => {
  if (message === "stats") parentPort.postMessage({ type: "stats", stats: { ...stats } });
  if (message === "stop") {
    clearInterval(timer);
    clearInterval(optimizer);
    checkpoint();
    db.close();
    parentPort.postMessage({ type: "stopped", stats: { ...stats } });
    parentPort.close();
  }
});
