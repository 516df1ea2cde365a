// After a commit: the ticket as the lists show it, to the center's supervisors and the rated window's
// departments' liaisons (`rectification.changed`).
import { cipherFor } from "../../lib/crypto.ts";
import { departmentIdsOf, presentRectificationItem, rectificationInclude } from "../../presenters/rectifications.ts";
import type { Services } from "../../services.ts";

export async function announceRectification(services: Services, id: string): Promise<void> {
  const row = await services.prisma.rectification.findUnique({ where: { id }, include: rectificationInclude });
  if (!row) return;
  services.events.emit("rectification.changed", { ...presentRectificationItem(row, services.clock.now(), cipherFor(services.config)), departmentIds: departmentIdsOf(row) });
}
