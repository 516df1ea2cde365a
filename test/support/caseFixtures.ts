// Finds, in a demo hall, a window the STAFF demo account works at, an item it serves and an item it
// does not serve, so case tests do not hard-code ids. The served item's limits are set to 5 / 20
// working days so deadline tests have room for a yellow phase. The staff member is signed in at that
// window (cases are accepted only on shift), as they would have done at the start of the day.
import type { RunningServer } from "../../server/src/server.ts";

const PROMISED_LIMIT_DAYS = 5;

export interface CaseFixture {
  windowId: number;
  itemId: number;
  promisedLimitDays: number;
  notServedItemId: number;
  foreignWindowId: number;
}

export async function caseFixture(server: RunningServer, staffId: number): Promise<CaseFixture> {
  const { prisma } = server.services;
  const staff = await prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
  const assignments = await prisma.windowStaff.findMany({ where: { staffId }, include: { window: { include: { items: { include: { item: true } } } } } });
  for (const a of assignments) {
    const item = a.window.items.map((wi) => wi.item).find((i) => i.active);
    if (!item) continue;
    await prisma.serviceItem.update({ where: { id: item.id }, data: { promisedLimitDays: PROMISED_LIMIT_DAYS, statutoryLimitDays: 20 } });
    const notServed = await prisma.serviceItem.findFirstOrThrow({ where: { centerId: staff.centerId, active: true, windows: { none: { windowId: a.windowId } } } });
    const foreign = await prisma.window.findFirstOrThrow({ where: { centerId: staff.centerId, staff: { none: { staffId } } } });
    await signInAt(server, staffId, a.windowId);
    return { windowId: a.windowId, itemId: item.id, promisedLimitDays: PROMISED_LIMIT_DAYS, notServedItemId: notServed.id, foreignWindowId: foreign.id };
  }
  throw new Error(`staff ${staffId} serves no active item`);
}

/**
 * Puts the staff member on shift at the window, ending whatever shift was open for them or there. The
 * row is written directly rather than through signIn(): tests run at any hour of a real or manual
 * clock, and the sign-in rules (opening hours, eligibility) are the shift tests' subject, not these.
 */
export async function signInAt(server: RunningServer, staffId: number, windowId: number): Promise<void> {
  const { prisma, clock } = server.services;
  const now = clock.now();
  const open = await prisma.shift.findMany({ where: { endedAt: null, OR: [{ staffId }, { windowId }] } });
  if (open.some((s) => s.staffId === staffId && s.windowId === windowId)) return;
  for (const s of open) await prisma.shift.update({ where: { id: s.id }, data: { endedAt: now } });
  const staff = await prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
  await prisma.shift.create({ data: { centerId: staff.centerId, windowId, staffId, startedAt: now } });
}

export const citizen = (n = 1) => ({
  citizenName: `张${"三四五六七八"[n % 6]}`,
  citizenId: `51010119900101${String(1000 + n).slice(-4)}`,
  citizenPhone: `1380013${String(8000 + n).slice(-4)}`,
});
