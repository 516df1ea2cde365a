// Inquiries as JSON, with the window numbers and names a list needs; the asker's phone never leaves
// the server.
import type { InquiryDto } from "../contracts/inquiries.ts";
import type { Inquiry, InquiryHandover } from "../generated/prisma/client.ts";

export const inquiryInclude = {
  firstStaff: { select: { name: true } },
  window: { select: { number: true } },
  handovers: { orderBy: { id: "asc" }, include: { toStaff: { select: { name: true } }, toWindow: { select: { number: true } } } },
} as const;

export type InquiryRow = Inquiry & {
  firstStaff: { name: string };
  window: { number: number };
  handovers: (InquiryHandover & { toStaff: { name: string } | null; toWindow: { number: number } })[];
};

export const presentInquiry = (i: InquiryRow): InquiryDto => ({
  id: i.id,
  centerId: i.centerId,
  windowId: i.windowId,
  windowNumber: i.window.number,
  firstStaffId: i.firstStaffId,
  firstStaffName: i.firstStaff.name,
  topic: i.topic,
  itemId: i.itemId,
  askerName: i.askerName,
  state: i.state,
  openedAt: i.openedAt.toISOString(),
  closedAt: i.closedAt?.toISOString() ?? null,
  outcome: i.outcome,
  warnedAt: i.warnedAt?.toISOString() ?? null,
  handovers: i.handovers.map((h) => ({
    id: h.id,
    fromStaffId: h.fromStaffId,
    toStaffId: h.toStaffId,
    toStaffName: h.toStaff?.name ?? null,
    toWindowId: h.toWindowId,
    toWindowNumber: h.toWindow.number,
    at: h.at.toISOString(),
    note: h.note,
    acknowledgedAt: h.acknowledgedAt?.toISOString() ?? null,
  })),
});
