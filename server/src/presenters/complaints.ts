// Complaints as JSON, with the names a list needs; the complainant's phone never leaves the server.
import type { ComplaintDto } from "../contracts/complaints.ts";
import type { Complaint } from "../generated/prisma/client.ts";

export const complaintInclude = {
  window: { select: { number: true } },
  staff: { select: { name: true } },
  case: { select: { caseNo: true } },
  accountability: { select: { id: true }, orderBy: { id: "asc" }, take: 1 },
} as const;

export type ComplaintRow = Complaint & {
  window: { number: number } | null;
  staff: { name: string } | null;
  case: { caseNo: string } | null;
  accountability: { id: number }[];
};

/** Late: not answered and past the deadline, or answered after it. */
export const isComplaintOverdue = (c: Pick<Complaint, "dueAt" | "answeredAt">, now: Date): boolean =>
  c.answeredAt ? c.answeredAt.getTime() > c.dueAt.getTime() : now.getTime() > c.dueAt.getTime();

export const presentComplaint = (c: ComplaintRow, now: Date, userNames: ReadonlyMap<number, string>): ComplaintDto => ({
  id: c.id,
  centerId: c.centerId,
  channel: c.channel,
  complainantName: c.complainantName,
  content: c.content,
  windowId: c.windowId,
  windowNumber: c.window?.number ?? null,
  staffId: c.staffId,
  staffName: c.staff?.name ?? null,
  caseId: c.caseId,
  caseNo: c.case?.caseNo ?? null,
  assignedToId: c.assignedToId,
  assignedToName: c.assignedToId === null ? null : (userNames.get(c.assignedToId) ?? null),
  state: c.state,
  receivedAt: c.receivedAt.toISOString(),
  dueAt: c.dueAt.toISOString(),
  overdue: isComplaintOverdue(c, now),
  answer: c.answer,
  answeredAt: c.answeredAt?.toISOString() ?? null,
  substantiated: c.substantiated,
  closedAt: c.closedAt?.toISOString() ?? null,
  accountabilityRecordId: c.accountability[0]?.id ?? null,
});
