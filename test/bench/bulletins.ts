// The bulletin benchmark (issue #9): `npm run bench:bulletins`. Not part of npm test.
// Seeds the demo hall into a temp database (its assessment runs included, as at first start), then
// measures in the same process, for every department of the demo's last complete month:
//   1. the bulletin as generation makes it: collectBulletinContent + renderBulletinPdf (charts, tables);
//   2. two baselines over the same departments: the bare SQL of collecting (the month's ratings and
//      cases grouped by staff and level / on-time, through the raw driver), and a plain-text PDF of
//      the same length in the same font without charts or tables; and the ratios.
// Target: all 33 departments ≤ 20 s. Prints `uptime` so the machine's load is on record; `--out DIR`
// keeps the PDFs.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { configSchema } from "../../server/src/config.ts";
import { openDatabase, sqliteTime } from "../../server/src/db/database.ts";
import { periodContaining, previousPeriod } from "../../server/src/domain/assessment/periods.ts";
import { bootstrapDatabase } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { collectBulletinContent } from "../../server/src/domain/bulletins/collectBulletinContent.ts";
import { cjkFont } from "../../server/src/domain/bulletins/pdf/cjkFont.ts";
import { renderBulletinPdf } from "../../server/src/domain/bulletins/pdf/renderBulletinPdf.ts";
import { systemClock } from "../../server/src/lib/clock.ts";
import { DomainEvents } from "../../server/src/lib/events.ts";
import { createLogger } from "../../server/src/lib/logger.ts";
import type { Services } from "../../server/src/services.ts";

const TARGET_MS = 20_000;
const outAt = process.argv.indexOf("--out");
const OUT = outAt > 0 ? process.argv[outAt + 1] : undefined;

const ms = (t: number) => `${t.toFixed(0)} ms`;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The baseline PDF: the bulletin's figures as plain lines of text, same font, no charts or tables. */
async function plainPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 48, bottom: 56, left: 40, right: 40 } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("cjk", await cjkFont("regular"));
  doc.font("cjk").fontSize(9);
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-bench-bulletins-"));
  const config = configSchema.parse({ NODE_ENV: "production", DATABASE_URL: `file:${path.join(dir, "bench.db")}`, ADMIN_PASSWORD: "bench-admin-password-1", DEMO: "1", DEMO_HALLS: "1", LOG_LEVEL: "silent" });
  const db = await openDatabase(config.DATABASE_URL);
  const services: Services = { config, db, prisma: db.prisma, clock: systemClock, logger: createLogger("silent"), events: new DomainEvents() };
  if (OUT) fs.mkdirSync(OUT, { recursive: true });
  try {
    let t = performance.now();
    await bootstrapDatabase(services);
    console.log(`seeded the demo hall with its assessment runs in ${ms(performance.now() - t)} (not measured below)`);

    const now = systemClock.now();
    const month = previousPeriod(periodContaining("MONTH", now));
    const center = await db.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const departments = await db.prisma.department.findMany({ where: { centerId: center.id, active: true }, orderBy: { id: "asc" }, select: { id: true, shortName: true } });
    // Warm-up outside the measurement: the engine's first query, the font conversion (once per process)
    await db.prisma.center.count();
    await cjkFont("regular");
    await cjkFont("bold");

    // 1. The bulletins
    const collectMs: number[] = [];
    const renderMs: number[] = [];
    const lengths: number[] = [];
    const texts: string[][] = [];
    let pages = 0;
    let cpu = process.cpuUsage();
    t = performance.now();
    for (const d of departments) {
      const c0 = performance.now();
      const content = await collectBulletinContent(db.prisma, { centerId: center.id, departmentId: d.id, month: month.label, now });
      const c1 = performance.now();
      const pdf = await renderBulletinPdf(content);
      renderMs.push(performance.now() - c1);
      collectMs.push(c1 - c0);
      lengths.push(pdf.length);
      pages += Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0);
      if (OUT) fs.writeFileSync(path.join(OUT, `${month.label}-${d.id}-${d.shortName}.pdf`), pdf);
      // The same figures as plain lines, for the baseline PDF
      texts.push([
        `${content.center.name} 月度简报 ${content.month} ${content.department.name}`,
        ...content.staff.map((s) => `${s.name} ${s.staffNo} ${s.windows.join(",")} ${s.score ?? "—"} ${s.rankInHall ?? "—"}/${s.rankedInHall} ${s.ratings.level5} ${s.ratings.level4} ${s.ratings.level3} ${s.ratings.level2} ${s.ratings.level1} ${s.casesCompleted} ${s.onTimeRate ?? "—"}`),
        ...content.badReviews.map((b) => `${b.ratedAt} ${b.windowNo} ${b.staffName ?? ""} ${b.level} ${b.reasons.join("、")} ${b.comment ?? ""} ${b.rectificationState ?? ""}`),
        ...content.accountability.map((a) => `${a.occurredAt} ${a.staffName ?? ""} ${a.kind} ${a.summary}`),
        content.comment ?? "",
      ]);
    }
    const totalMs = performance.now() - t;
    const totalCpu = process.cpuUsage(cpu);

    // 2a. Baseline: the bare SQL of collecting
    cpu = process.cpuUsage();
    t = performance.now();
    const ratings = db.raw.prepare(
      `SELECT e."staffId", e."level", e."bound", e."defaulted", COUNT(*) AS n FROM "Evaluation" e JOIN "Staff" s ON s."id" = e."staffId"
       WHERE e."centerId" = ? AND s."departmentId" = ? AND e."ratedAt" >= ? AND e."ratedAt" < ? GROUP BY e."staffId", e."level", e."bound", e."defaulted"`,
    );
    const cases = db.raw.prepare(
      `SELECT c."handledById", COUNT(*) AS n, SUM(CASE WHEN c."completedAt" <= c."dueAt" THEN 1 ELSE 0 END) AS onTime FROM "Case" c JOIN "Staff" s ON s."id" = c."handledById"
       WHERE c."centerId" = ? AND s."departmentId" = ? AND c."completedAt" >= ? AND c."completedAt" < ? GROUP BY c."handledById"`,
    );
    let groups = 0;
    for (const d of departments) {
      groups += ratings.all(center.id, d.id, sqliteTime(month.start), sqliteTime(month.end)).length;
      groups += cases.all(center.id, d.id, sqliteTime(month.start), sqliteTime(month.end)).length;
    }
    const bareMs = performance.now() - t;
    const bareCpu = process.cpuUsage(cpu);

    // 2b. Baseline: plain-text PDFs of the same figures
    cpu = process.cpuUsage();
    t = performance.now();
    for (const lines of texts) await plainPdf(lines);
    const plainMs = performance.now() - t;
    const plainCpu = process.cpuUsage(cpu);

    const n = departments.length;
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const collectTotal = sum(collectMs);
    const renderTotal = sum(renderMs);
    console.log("");
    console.log(`bulletins of ${month.label}: ${n} departments, ${pages} pages, ${(sum(lengths) / 1024).toFixed(0)} KiB of PDF`);
    console.log(`total ${(totalMs / 1000).toFixed(2)} s (CPU ${(cpuMs(totalCpu) / 1000).toFixed(2)} s)  target ≤ ${TARGET_MS / 1000} s: ${totalMs <= TARGET_MS ? "met" : "MISSED"}`);
    console.log(`per bulletin: ${ms(totalMs / n)} = collect ${ms(collectTotal / n)} + render ${ms(renderTotal / n)}  [render min ${ms(Math.min(...renderMs))}, max ${ms(Math.max(...renderMs))}]`);
    console.log(`baseline, bare SQL of collecting (${groups} groups): ${ms(bareMs)} for all (${ms(bareMs / n)} each); collect / bare = ${(collectTotal / bareMs).toFixed(1)}×`);
    console.log(`baseline, plain-text PDF of the same figures, same font: ${ms(plainMs)} for all (${ms(plainMs / n)} each, CPU ${ms(cpuMs(plainCpu) / n)}); render / plain = ${(renderTotal / plainMs).toFixed(1)}×`);
    console.log(`bare SQL CPU ${ms(cpuMs(bareCpu))}`);
    console.log(`machine: ${os.cpus().length} cores; ${execSync("uptime").toString().trim()}`);
    if (OUT) console.log(`PDFs written to ${OUT}`);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
