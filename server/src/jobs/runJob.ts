// One run of a scheduled job, recorded as a JobRun row whose unique runKey names the period or tick
// it covers: a second process or a repeated tick finds the key taken and skips; a failed run is
// retried by the next tick with the same key.
import os from "node:os";
import type { Services } from "../services.ts";

export async function runJob<T>(services: Services, opts: { job: string; runKey: string }, work: () => Promise<T>): Promise<{ ran: boolean; result?: T }> {
  const { prisma, clock } = services;
  const runKey = `${opts.job}:${opts.runKey}`;
  const existing = await prisma.jobRun.findUnique({ where: { runKey } });
  if (existing && existing.state !== "FAILED") return { ran: false };
  const startedAt = clock.now();
  const data = { job: opts.job, node: os.hostname(), state: "RUNNING" as const, startedAt, error: null, finishedAt: null };
  try {
    if (existing) await prisma.jobRun.update({ where: { id: existing.id, state: "FAILED" }, data });
    else await prisma.jobRun.create({ data: { ...data, runKey } });
  } catch {
    return { ran: false }; // another process took this run
  }
  try {
    const result = await work();
    await prisma.jobRun.update({ where: { runKey }, data: { state: "DONE", progress: 1, finishedAt: clock.now(), result: JSON.parse(JSON.stringify(result ?? null)) } });
    return { ran: true, result };
  } catch (err) {
    await prisma.jobRun.update({ where: { runKey }, data: { state: "FAILED", finishedAt: clock.now(), error: String(err instanceof Error ? err.stack : err).slice(0, 2000) } });
    services.logger.error({ err, job: opts.job, runKey }, "job failed");
    return { ran: false };
  }
}
