// A center's settings and working-day calendar, which every deadline rule needs together.
import { centerSettingsSchema, DEFAULT_CENTER_SETTINGS, type CenterSettings } from "../../contracts/settings.ts";
import type { PrismaClient } from "../../db/database.ts";
import type { Services } from "../../services.ts";
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

/**
 * The center's hours and working-day calendar change a few times a year but cost more to read than all
 * of a tile's queries together, and the live feeds (the map's tiles, the display's windows) read them many
 * times a second in a busy hall: kept for a while.
 */
const CONTEXT_TTL_MS = 30_000;
const contexts = new WeakMap<Services, Map<number, { until: number; context: Promise<CenterContext> }>>();

export function cachedCenterContext(services: Services, centerId: number): Promise<CenterContext> {
  const now = services.clock.now().getTime();
  const cache = contexts.get(services) ?? new Map<number, { until: number; context: Promise<CenterContext> }>();
  contexts.set(services, cache);
  const hit = cache.get(centerId);
  // A clock moved back (tests) is treated as expiry too
  if (hit && now < hit.until && now >= hit.until - CONTEXT_TTL_MS) return hit.context;
  const context = loadCenterContext(services.prisma, centerId);
  cache.set(centerId, { until: now + CONTEXT_TTL_MS, context });
  context.catch(() => cache.delete(centerId));
  return context;
}
