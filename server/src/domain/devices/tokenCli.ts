// `npm run kiosk:token -- --window <number> [--name <text>]`: provisions a paired pad for that window
// of the first center in DATABASE_URL's database (migrating it if needed) and prints its device token
// once — for setting up many pads without typing pairing codes. Audited as SYSTEM.
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/database.ts";
import { systemClock } from "../../lib/clock.ts";
import { DomainEvents } from "../../lib/events.ts";
import { createLogger } from "../../lib/logger.ts";
import type { Services } from "../../services.ts";
import { issueDeviceToken } from "./manageDevices.ts";

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { window: { type: "string" }, name: { type: "string" } } });
  const number = Number(values.window);
  if (!Number.isInteger(number) || number < 1) throw new Error("usage: npm run kiosk:token -- --window <number> [--name <text>]");
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const services: Services = { config, db, prisma: db.prisma, clock: systemClock, logger: createLogger("silent"), events: new DomainEvents() };
    const center = await db.prisma.center.findFirst({ orderBy: { id: "asc" } });
    if (!center) throw new Error("The database has no center yet: start the server once (npm start).");
    const window = await db.prisma.window.findUnique({ where: { centerId_number: { centerId: center.id, number } } });
    if (!window) throw new Error(`Center ${center.name} has no window ${number}.`);
    const { device, token } = await issueDeviceToken(services, {
      centerId: center.id,
      windowId: window.id,
      name: values.name ?? `${number}号窗口评价器`,
      auditActor: { userId: null, role: "SYSTEM", centerId: center.id },
    });
    process.stderr.write(`device ${device.id} for window ${number} (${window.name}) of ${center.name}; open /kiosk/#token=<token> on the pad or enter it there\n`);
    process.stdout.write(`${token}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
