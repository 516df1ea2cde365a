// What a pad's idle screen shows (window.updated): the window, its departments, whether it is open,
// paused or closed, and the staff member on duty — read from the shifts #3 records, never written here.
import type { WindowUpdated } from "../../contracts/kiosk.ts";
import type { Services } from "../../services.ts";

export async function padWindowView(services: Services, windowId: number): Promise<WindowUpdated | null> {
  const { prisma } = services;
  const window = await prisma.window.findUnique({
    where: { id: windowId },
    include: { departments: { include: { department: { select: { name: true } } } } },
  });
  if (!window) return null;
  const shift = await prisma.shift.findFirst({
    where: { windowId, endedAt: null },
    orderBy: { startedAt: "desc" },
    include: { staff: true, pauses: { where: { endedAt: null }, take: 1 } },
  });
  const state: WindowUpdated["state"] = !window.active || !shift ? "CLOSED" : shift.pauses.length > 0 ? "PAUSED" : "OPEN";
  return {
    windowId: window.id,
    number: window.number,
    name: window.name,
    departments: window.departments.map((d) => d.department.name),
    state,
    staff: shift
      ? {
          id: shift.staff.id,
          name: shift.staff.name,
          staffNo: shift.staff.staffNo,
          // #3's public photo route (answers only for staff on duty); the pad shows initials if it fails.
          photoUrl: shift.staff.photoPath ? `/api/public/staff/${shift.staff.id}/photo` : null,
        }
      : null,
  };
}
