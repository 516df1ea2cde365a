// A morning's hall for pictures and map tests: most windows staffed, some serving a queue ticket, a few paused,
// some empty — written straight to the database at `at` (a ManualClock's now, during opening hours).
import type { PrismaClient } from "../../server/src/generated/prisma/client.ts";

export async function staffTheHall(prisma: PrismaClient, at: Date): Promise<void> {
  const posts = await prisma.windowStaff.findMany({ where: { backup: false, window: { active: true } }, include: { window: true }, orderBy: { windowId: "asc" } });
  const taken = new Set<number>();
  const now = at.getTime();
  const serviceDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at);
  for (const post of posts) {
    const n = post.window.number;
    if (taken.has(post.windowId) || taken.has(-post.staffId) || n % 9 === 4) continue;
    taken.add(post.windowId).add(-post.staffId);
    const shift = await prisma.shift.create({ data: { centerId: post.window.centerId, windowId: post.windowId, staffId: post.staffId, startedAt: new Date(now - 55 * 60_000) } });
    if (n % 11 === 7) await prisma.shiftPause.create({ data: { shiftId: shift.id, reason: n % 2 ? "MEETING" : "BREAK", startedAt: new Date(now - 6 * 60_000) } });
    else if (n % 3 !== 0) {
      await prisma.queueTicket.create({
        data: { centerId: post.window.centerId, windowId: post.windowId, staffId: post.staffId, ticketNo: `A${String(n).padStart(3, "0")}`, serviceDate, issuedAt: new Date(now - 20 * 60_000), calledAt: new Date(now - 4 * 60_000), waitSeconds: 16 * 60 },
      });
    }
  }
}
