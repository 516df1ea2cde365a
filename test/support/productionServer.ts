// The server exactly as `npm start` runs it: the command line of package.json's "start" script (the
// prebuilt bundle and its node flags), rebuilt first so it is the code of this checkout. The bench
// measures this process, never a tsx-run copy of the source; test/start.test.ts starts it the same way.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/** `node <flags> dist/server/main.mjs` from the start script, with this node binary. */
export function startCommand(): { command: string; args: string[] } {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [bin, ...args] = (scripts.start ?? "").trim().split(/\s+/);
  if (bin !== "node" || args.length === 0) throw new Error(`package.json "start" must be "node [flags] <bundle>", found "${scripts.start}"`);
  return { command: process.execPath, args };
}

export function buildServerBundle(): void {
  const r = spawnSync(process.execPath, [path.join(root, "server", "build.mjs")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("server bundle build failed");
}

/** /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, after the "(comm)" field. */
export function procCpuMs(file: string): number {
  const stat = fs.readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface ProductionServer {
  child: ChildProcess;
  url: string;
  /** Resident memory of the server process from /proc (Linux): current and peak. */
  rss(): { rss: number; peak: number };
  /** CPU time the server process has used so far (user + system, ms): a figure a busy machine does not skew. */
  cpuMs(): number;
  /** CPU time of the server's main thread alone (its event loop): the figure that caps one process's rate. */
  mainThreadCpuMs(): number;
  stop(): Promise<number | null>;
}

/** `extraNodeArgs` go before the start script's own flags (a profiler's, for instance). */
export async function startProductionServer(env: Record<string, string>, readyTimeoutMs = 120_000, extraNodeArgs: string[] = []): Promise<ProductionServer> {
  const { command, args } = startCommand();
  const child = spawn(command, [...extraNodeArgs, ...args], { cwd: root, env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  // BENCH_SERVER_STDERR=1 shows the server's own diagnostics (warnings, a debugging line) while a bench runs
  child.stderr!.on("data", (d: Buffer) => {
    out += d.toString();
    if (process.env.BENCH_SERVER_STDERR) process.stderr.write(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + readyTimeoutMs;
  let url: string | undefined;
  while (!url) {
    url = /supervisor & admin client\s+(http:\/\/\S+?)\/\s/.exec(out)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const kb = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return {
    child,
    url,
    rss() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return { rss: kb(status, "VmRSS"), peak: kb(status, "VmHWM") };
    },
    cpuMs() {
      return procCpuMs(`/proc/${child.pid}/stat`);
    },
    mainThreadCpuMs() {
      return procCpuMs(`/proc/${child.pid}/task/${child.pid}/stat`);
    },
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
