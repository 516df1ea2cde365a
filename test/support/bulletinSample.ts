// A demo bulletin for the README (#9): `npm run bulletin:sample -- [DIR] [--department CODE]` seeds the
// demo hall into a temp database, collects and renders the last complete month's bulletin of one
// department (default scjg, 区市场监督管理局) with a sample center comment, and writes
// DIR/bulletin-sample.pdf and DIR/bulletin-sample.png (page 1 at 80 dpi, pdftoppm from poppler-utils).
// DIR defaults to test/artifacts; the lead copies the PNG into docs/.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { configSchema } from "../../server/src/config.ts";
import { openDatabase } from "../../server/src/db/database.ts";
import { periodContaining, previousPeriod } from "../../server/src/domain/assessment/periods.ts";
import { bootstrapDatabase } from "../../server/src/domain/bootstrap/bootstrapDatabase.ts";
import { collectBulletinContent } from "../../server/src/domain/bulletins/collectBulletinContent.ts";
import { renderBulletinPdf } from "../../server/src/domain/bulletins/pdf/renderBulletinPdf.ts";
import { systemClock } from "../../server/src/lib/clock.ts";
import { DomainEvents } from "../../server/src/lib/events.ts";
import { createLogger } from "../../server/src/lib/logger.ts";

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const deptAt = args.indexOf("--department");
const departmentCode = deptAt >= 0 ? args[deptAt + 1] : "scjg";
const positional = args.filter((a, i) => !a.startsWith("--") && (deptAt < 0 || i !== deptAt + 1));
const outDir = path.resolve(positional[0] ?? path.join(root, "test", "artifacts"));
const SAMPLE_COMMENT = "本月该部门窗口服务总体平稳，满意度保持在较高水平。请督促差评整改按期办结，加强对临近时限办件的跟踪，杜绝超期办结。";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hallwatch-bulletin-sample-"));
  const config = configSchema.parse({ NODE_ENV: "production", DATABASE_URL: `file:${path.join(dir, "sample.db")}`, ADMIN_PASSWORD: "sample-admin-password-1", DEMO: "1", DEMO_HALLS: "1", LOG_LEVEL: "silent" });
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await bootstrapDatabase({ config, db, prisma: db.prisma, clock: systemClock, logger: createLogger("silent"), events: new DomainEvents() });
    const now = systemClock.now();
    const month = previousPeriod(periodContaining("MONTH", now)).label;
    const center = await db.prisma.center.findFirstOrThrow({ orderBy: { id: "asc" } });
    const department = await db.prisma.department.findFirstOrThrow({ where: { centerId: center.id, code: departmentCode } });
    const content = await collectBulletinContent(db.prisma, { centerId: center.id, departmentId: department.id, month, now });
    content.comment = SAMPLE_COMMENT;
    const pdf = await renderBulletinPdf(content);
    fs.mkdirSync(outDir, { recursive: true });
    const pdfFile = path.join(outDir, "bulletin-sample.pdf");
    fs.writeFileSync(pdfFile, pdf);
    // pdftoppm appends the page number to the prefix; -singlefile keeps the name as given
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfFile, path.join(outDir, "bulletin-sample")]);
    console.log(`${department.name} ${month}: ${content.staff.length} staff, ${pdf.length} bytes`);
    console.log(`wrote ${pdfFile} and ${path.join(outDir, "bulletin-sample.png")}`);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
