// Bulletin rows as the contract's DTOs. Lists select no content and no PDF bytes; delivery counts and
// the releasing leader's name are read once per page, not per row.
import type { BulletinDeliveryDto, BulletinDto, BulletinRunDto, BulletinSummaryDto } from "../../contracts/bulletins.ts";
import { contentFromJson } from "../../domain/bulletins/storedContent.ts";
import type { BulletinDelivery, BulletinRun, Prisma } from "../../generated/prisma/client.ts";
import type { Services } from "../../services.ts";

export const summarySelect = {
  id: true,
  centerId: true,
  departmentId: true,
  month: true,
  revision: true,
  state: true,
  staffCount: true,
  generatedAt: true,
  releasedAt: true,
  releasedById: true,
  pdfSha256: true,
  department: { select: { id: true, name: true, shortName: true } },
} satisfies Prisma.BulletinSelect;

export type SummaryRow = Prisma.BulletinGetPayload<{ select: typeof summarySelect }>;

export async function presentSummaries(services: Services, rows: SummaryRow[]): Promise<BulletinSummaryDto[]> {
  const { prisma } = services;
  const ids = rows.map((r) => r.id);
  const userIds = [...new Set(rows.map((r) => r.releasedById).filter((id): id is number => id !== null))];
  const [counts, users] = await Promise.all([
    ids.length ? prisma.bulletinDelivery.groupBy({ by: ["bulletinId", "state"], where: { bulletinId: { in: ids } }, _count: { _all: true } }) : Promise.resolve([]),
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : Promise.resolve([]),
  ]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const deliveries = new Map<number, BulletinSummaryDto["deliveries"]>();
  for (const c of counts) {
    const d = deliveries.get(c.bulletinId) ?? { pending: 0, sent: 0, failed: 0 };
    if (c.state === "PENDING") d.pending += c._count._all;
    else if (c.state === "SENT") d.sent += c._count._all;
    else d.failed += c._count._all;
    deliveries.set(c.bulletinId, d);
  }
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    revision: r.revision,
    state: r.state,
    department: r.department,
    staffCount: r.staffCount,
    generatedAt: r.generatedAt.toISOString(),
    releasedAt: r.releasedAt?.toISOString() ?? null,
    releasedByName: r.releasedById === null ? null : (names.get(r.releasedById) ?? null),
    deliveries: deliveries.get(r.id) ?? { pending: 0, sent: 0, failed: 0 },
    pdfSha256: r.pdfSha256,
  }));
}

export async function presentBulletin(services: Services, id: number): Promise<BulletinDto> {
  const row = await services.prisma.bulletin.findUniqueOrThrow({ where: { id }, select: { ...summarySelect, content: true } });
  const [summary] = await presentSummaries(services, [row]);
  return { ...summary!, content: contentFromJson(row.content) };
}

export const presentRun = (r: BulletinRun): BulletinRunDto => ({
  id: r.id,
  month: r.month,
  state: r.state,
  progress: r.progress,
  departments: r.departments,
  generated: r.generated,
  error: r.error,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export type DeliveryRow = BulletinDelivery & { bulletin: { month: string; department: { name: string } } };
export const deliveryInclude = { bulletin: { select: { month: true, department: { select: { name: true } } } } } satisfies Prisma.BulletinDeliveryInclude;

export const presentDelivery = (d: DeliveryRow): BulletinDeliveryDto => ({
  id: d.id,
  bulletinId: d.bulletinId,
  month: d.bulletin.month,
  departmentName: d.bulletin.department.name,
  recipient: d.recipient,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  lastError: d.lastError,
  sentAt: d.sentAt?.toISOString() ?? null,
  resend: d.resend,
  transport: d.transport,
});
