// A center's settings and working-day calendar, which every deadline rule needs together.
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS, type CenterSettings } from "../../contracts/settings.ts";
import type { PrismaClient } from "../../db/database.ts";
import { loadCalendar } from "./officialCalendar.ts";
import type { WorkCalendar } from "./workingDays.ts";

export interface CenterContext {
  settings: CenterSettings;
  calendar: WorkCalendar;
}

export async function loadCenterContext(prisma: PrismaClient, centerId: number): Promise<CenterContext> {
  const center = await prisma.center.findUnique({ where: { id: centerId }, select: { settings: true } });
  const parsed = centerSettingsSchema.safeParse(center?.settings ?? {});
  return { settings: parsed.success ? parsed.data : DEFAULT_CENTER_SETTINGS, calendar: await loadCalendar(prisma, centerId) };
}
