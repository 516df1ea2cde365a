// Alerts that other sweeps raise in their own transactions (case deadlines and unclosed inquiries, #4)
// are published here from those sweeps' events; a case or inquiry that finishes resolves its alerts,
// and a case turning red resolves its yellow one (the red alert replaces it in the feed).
import type { AlertKind } from "../../contracts/alerts.ts";
import type { Services } from "../../services.ts";
import { publishRaisedAlert, resolveAlerts } from "./raiseAlert.ts";

const FINISHED_CASE_STATES = new Set(["COMPLETED", "REJECTED", "TRANSFERRED"]);

async function publishBySourceKey(services: Services, sourceKey: string): Promise<void> {
  const row = await services.prisma.alert.findUnique({ where: { sourceKey }, select: { id: true, resolvedAt: true } });
  if (row && row.resolvedAt === null) await publishRaisedAlert(services, row.id);
}

async function resolveSubject(services: Services, centerId: number, kinds: AlertKind[], subjectId: string): Promise<void> {
  const open = await services.prisma.alert.findMany({ where: { centerId, kind: { in: kinds }, subjectId, resolvedAt: null }, select: { id: true } });
  await resolveAlerts(services, open.map((a) => a.id), services.clock.now());
}

export function attachAlertEvents(services: Services): () => void {
  const guard = (work: Promise<void>, what: string) => void work.catch((err: unknown) => services.logger.error({ err }, `alert ${what} failed`));
  const offs = [
    services.events.on("case.warning", (e) =>
      guard(
        (async () => {
          if (e.level === "RED") await resolveSubject(services, e.centerId, ["CASE_NEAR_DEADLINE"], String(e.caseId));
          await publishBySourceKey(services, `case:${e.caseId}:${e.level.toLowerCase()}`);
        })(),
        "case.warning",
      ),
    ),
    services.events.on("inquiry.warning", (e) => guard(publishBySourceKey(services, `inquiry:${e.inquiryId}:unclosed`), "inquiry.warning")),
    services.events.on("case.changed", (e) => {
      if (FINISHED_CASE_STATES.has(e.state)) guard(resolveSubject(services, e.centerId, ["CASE_NEAR_DEADLINE", "CASE_OVERDUE"], String(e.caseId)), "case.changed");
    }),
    services.events.on("inquiry.changed", (e) => {
      if (e.state === "CLOSED") guard(resolveSubject(services, e.centerId, ["INQUIRY_UNCLOSED"], String(e.inquiryId)), "inquiry.changed");
    }),
  ];
  return () => offs.forEach((off) => off());
}
