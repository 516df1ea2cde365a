// Inquiries as JSON; the asker's phone never leaves the server.
import type { InquiryDto } from "../contracts/inquiries.ts";
import type { Inquiry, InquiryHandover } from "../generated/prisma/client.ts";

export const presentInquiry = (i: Inquiry & { firstStaff: { name: string }; handovers: InquiryHandover[] }): InquiryDto => ({
  id: i.id,
  centerId: i.centerId,
  windowId: i.windowId,
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
    toWindowId: h.toWindowId,
    at: h.at.toISOString(),
    note: h.note,
    acknowledgedAt: h.acknowledgedAt?.toISOString() ?? null,
  })),
});
