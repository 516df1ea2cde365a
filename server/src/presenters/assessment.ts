// Assessment results as JSON: stored PeriodScore rows with the subjects' names, and runs. Stored
// lines are the engine's ExplanationLine objects; a row that does not parse (never written by this
// code) is shown without lines rather than guessed at.
import { z } from "zod";
import type { AssessmentRunDto, DecisionCodeDto, ExplanationLineDto, HonourKindDto, PeriodDto, RankingRowDto, RunStateDto } from "../contracts/assessmentApi.ts";
import { DECISION_CODES } from "../contracts/assessmentApi.ts";
import type { AssessmentRun, PeriodScore } from "../generated/prisma/client.ts";
import type { Period } from "../domain/assessment/periods.ts";

export const presentPeriod = (p: Period): PeriodDto => ({ kind: p.kind, label: p.label, firstDay: p.firstDay, lastDay: p.lastDay });

const storedLineSchema = z.object({
  component: z.string(),
  rawValue: z.number(),
  points: z.number(),
  weight: z.number(),
  contribution: z.number(),
  reason: z.string(),
  reasonEn: z.string(),
});
const storedVetoSchema = z.object({ code: z.string(), reason: z.string(), reasonEn: z.string() });

export function storedLines(components: unknown): ExplanationLineDto[] {
  const parsed = z.array(storedLineSchema).safeParse(components);
  return parsed.success ? parsed.data.map((l) => ({ ...l, drillable: true })) : [];
}

export function storedVetoes(vetoes: unknown): RankingRowDto["vetoes"] {
  const parsed = z.array(storedVetoSchema).safeParse(vetoes ?? []);
  return parsed.success ? parsed.data : [];
}

export const asDecision = (d: string): DecisionCodeDto => ((DECISION_CODES as readonly string[]).includes(d) ? (d as DecisionCodeDto) : "NOT_HONOURED_KIND");

/** What the ranking shows of a subject: its name, code and department, looked up once per request. */
export interface SubjectLabel {
  name: string;
  code: string | null;
  departmentName: string | null;
  /** For the liaison limit: STAFF its department, DEPARTMENT itself, WINDOW the departments stationed there */
  departmentIds: number[];
}

export type SubjectLabels = Map<string, SubjectLabel>;
export const subjectKey = (kind: string, id: number): string => `${kind}:${id}`;

export function presentRankingRow(row: PeriodScore, label: SubjectLabel | undefined, honour: HonourKindDto | null): RankingRowDto {
  const lines = storedLines(row.components);
  return {
    subjectKind: row.subjectKind,
    subjectId: row.subjectId,
    name: label?.name ?? `#${row.subjectId}`,
    code: label?.code ?? null,
    departmentName: label?.departmentName ?? null,
    rank: row.rank,
    score: row.score,
    satisfaction: row.satisfaction,
    deductions: row.deductions,
    sampleSize: row.sampleSize,
    meetsMinSamples: row.meetsMinSamples,
    eligible: row.eligible,
    partyMemberPost: row.partyMemberPost,
    decision: asDecision(row.decision),
    decisionReason: row.decisionReason,
    decisionReasonEn: row.decisionReasonEn,
    vetoes: storedVetoes(row.vetoes),
    honour,
    components: lines.map((l) => ({ component: l.component, contribution: l.contribution })),
  };
}

export function presentRun(run: AssessmentRun, period: Period, ruleSetVersion: number, requestedByName: string | null, scoreCount: number): AssessmentRunDto {
  return {
    id: run.id,
    period: presentPeriod(period),
    ruleSetVersion,
    state: run.state as RunStateDto,
    progress: run.progress,
    generation: run.generation,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
    requestedByName,
    scoreCount,
  };
}
