// The assessment API (contracts/assessmentApi.ts) as react-query hooks: periods, rankings, trends,
// explanations and drill-downs, the weekly review, the quarter's proposal and its leader's acts, rule
// versions, runs and a staff member's own scores. Answers are checked for their shape's key fields.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type {
  AssessmentPeriodKind,
  AssessmentRunDto,
  AssessmentSubjectKind,
  DrillDownDto,
  MyScoresDto,
  PeriodListDto,
  PublishWeeklyBody,
  PutRulesBody,
  QuarterOverrideBody,
  QuarterProposalDto,
  RankingDto,
  RecomputeResultDto,
  RuleSetDto,
  ScoreExplanationDto,
  StartRunBody,
  TrendDto,
  WeeklyReviewDto,
  WeeklyWindowDigestDto,
} from "../../../../../server/src/contracts/assessmentApi.ts";
import { apiGet, apiPost, apiRequest } from "../../../lib/apiClient.ts";
import { fetchPage } from "../../../lib/pagedList.ts";
import { useCenterScope } from "./centerScope.ts";

const BASE = "/api/assessment";

/** A zod check that the answer is an object carrying the given keys (the contract types the rest). */
const shaped = <T,>(...keys: string[]) => z.custom<T>((v) => typeof v === "object" && v !== null && keys.every((k) => k in v));

const periodListSchema = shaped<PeriodListDto>("items");
const rankingSchema = shaped<RankingDto>("rows", "period", "frozen");
const trendSchema = shaped<TrendDto>("points", "name");
const explanationSchema = shaped<ScoreExplanationDto>("lines", "score", "period");
const drillDownSchema = shaped<DrillDownDto>("records", "recordsSum", "total");
const weeklySchema = shaped<WeeklyReviewDto>("windows", "period");
const digestSchema = shaped<WeeklyWindowDigestDto>("windowId", "comment");
const proposalSchema = shaped<QuarterProposalDto>("redFlagWindows", "serviceModels", "state");
const recomputeSchema = shaped<RecomputeResultDto>("changes", "proposal");
const ruleSetSchema = shaped<RuleSetDto>("version", "rules");
const ruleSetListSchema = z.array(ruleSetSchema);
const runSchema = shaped<AssessmentRunDto>("id", "state", "progress");
const myScoresSchema = shaped<MyScoresDto>("periods", "trend", "weeklyComments");

const enc = encodeURIComponent;

export function usePeriods(kind: AssessmentPeriodKind, count = 12, enabled = true) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "periods", kind, count, scope.query],
    queryFn: ({ signal }) => apiGet(`${BASE}/periods`, periodListSchema, { query: { kind, count, ...scope.query }, signal }),
    enabled: enabled && scope.ready,
    staleTime: 30_000,
  });
}

export function useRanking(label: string | undefined, subjectKind: AssessmentSubjectKind, departmentId: string | undefined) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "ranking", label, subjectKind, departmentId, scope.query],
    queryFn: ({ signal }) => apiGet(`${BASE}/periods/${enc(label ?? "")}/ranking`, rankingSchema, { query: { subjectKind, departmentId, ...scope.query }, signal }),
    enabled: label !== undefined && scope.ready,
    placeholderData: keepPreviousData,
  });
}

/** The ranking as filtered, as an Excel sheet (a plain link: the browser downloads it with the session cookie). */
export const rankingExportHref = (label: string, subjectKind: AssessmentSubjectKind, departmentId: string | undefined, centerId?: string): string =>
  `${BASE}/periods/${enc(label)}/ranking.xlsx?${new URLSearchParams({ subjectKind, ...(departmentId ? { departmentId } : {}), ...(centerId ? { centerId } : {}) }).toString()}`;

export function useTrend(subjectKind: AssessmentSubjectKind, subjectId: number | undefined, periodKind: AssessmentPeriodKind, count = 8) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "trend", subjectKind, subjectId, periodKind, count, scope.query],
    queryFn: ({ signal }) => apiGet(`${BASE}/trends/${subjectKind}/${subjectId ?? 0}`, trendSchema, { query: { periodKind, count, ...scope.query }, signal }),
    enabled: subjectId !== undefined && scope.ready,
    staleTime: 30_000,
  });
}

export interface ScoreRef {
  label: string;
  subjectKind: AssessmentSubjectKind;
  subjectId: number;
}

const scorePath = (ref: ScoreRef) => `${BASE}/periods/${enc(ref.label)}/scores/${ref.subjectKind}/${ref.subjectId}`;

export function useExplanation(ref: ScoreRef | null) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "explanation", ref, scope.query],
    queryFn: ({ signal }) => apiGet(scorePath(ref!), explanationSchema, { query: scope.query, signal }),
    enabled: ref !== null && scope.ready,
  });
}

export function useDrillDown(ref: ScoreRef | null, component: string | null, page: number, pageSize: number) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "drill", ref, component, page, pageSize, scope.query],
    queryFn: ({ signal }) => apiGet(`${scorePath(ref!)}/components/${enc(component ?? "")}`, drillDownSchema, { query: { page, pageSize, ...scope.query }, signal }),
    enabled: ref !== null && component !== null && scope.ready,
    placeholderData: keepPreviousData,
  });
}

// -- weekly review ---------------------------------------------------------------------------

export function useWeeklyReview(label: string | undefined) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "weekly", label, scope.query],
    queryFn: ({ signal }) => apiGet(`${BASE}/weekly/${enc(label ?? "")}`, weeklySchema, { query: scope.query, signal }),
    enabled: label !== undefined && scope.ready,
  });
}

export function useSaveWeeklyComment(label: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ windowId, text }: { windowId: number; text: string }) =>
      digestSchema.parse(await apiRequest("PUT", `${BASE}/weekly/${enc(label)}/windows/${windowId}/comment`, { body: { text } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["assessment", "weekly", label] }),
  });
}

export function usePublishWeekly(label: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishWeeklyBody) => apiPost(`${BASE}/weekly/${enc(label)}/publish`, body, weeklySchema),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["assessment", "weekly", label] }), client.invalidateQueries({ queryKey: ["assessment", "periods"] })]),
  });
}

// -- quarterly evaluation --------------------------------------------------------------------

export function useProposal(label: string | undefined) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "proposal", label, scope.query],
    queryFn: ({ signal }) => apiGet(`${BASE}/quarters/${enc(label ?? "")}/proposal`, proposalSchema, { query: scope.query, signal }),
    enabled: label !== undefined && scope.ready,
  });
}

/** After an act on the quarter, the rankings and explanations of it may have changed too. */
function useQuarterRefresh(label: string) {
  const client = useQueryClient();
  // Only center leaders act on a quarter: their own center, so the cached proposal has no centerId.
  return (proposal: QuarterProposalDto) => {
    client.setQueryData(["assessment", "proposal", label, {}], proposal);
    return Promise.all([
      client.invalidateQueries({ queryKey: ["assessment", "ranking", label] }),
      client.invalidateQueries({ queryKey: ["assessment", "explanation"] }),
      client.invalidateQueries({ queryKey: ["assessment", "periods"] }),
      client.invalidateQueries({ queryKey: ["assessment", "runs"] }),
    ]);
  };
}

export function useOverrideHonour(label: string) {
  const refresh = useQuarterRefresh(label);
  return useMutation({
    mutationFn: (body: QuarterOverrideBody) => apiPost(`${BASE}/quarters/${enc(label)}/overrides`, body, proposalSchema),
    onSuccess: refresh,
  });
}

export function usePublishQuarter(label: string) {
  const refresh = useQuarterRefresh(label);
  return useMutation({
    mutationFn: (note: string | undefined) => apiPost(`${BASE}/quarters/${enc(label)}/publish`, note ? { note } : {}, proposalSchema),
    onSuccess: refresh,
  });
}

export function useRecomputeQuarter(label: string) {
  const refresh = useQuarterRefresh(label);
  return useMutation({
    mutationFn: (reason: string) => apiPost(`${BASE}/quarters/${enc(label)}/recompute`, { reason }, recomputeSchema),
    onSuccess: (result) => refresh(result.proposal),
  });
}

// -- rules -----------------------------------------------------------------------------------

export const useRulesInForce = () =>
  useQuery({ queryKey: ["assessment", "rules", "current"], queryFn: ({ signal }) => apiGet(`${BASE}/rules`, ruleSetSchema, { signal }) });

export const useRuleVersions = () =>
  useQuery({ queryKey: ["assessment", "rules", "versions"], queryFn: ({ signal }) => apiGet(`${BASE}/rules/versions`, ruleSetListSchema, { signal }) });

export function useSaveRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: PutRulesBody) => ruleSetSchema.parse(await apiRequest("PUT", `${BASE}/rules`, { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["assessment", "rules"] }),
  });
}

// -- runs ------------------------------------------------------------------------------------

const RUN_POLL_MS = 1_000;

export function useRuns(query: { page: number; pageSize: number; periodKind?: string; state?: string }) {
  const scope = useCenterScope();
  return useQuery({
    queryKey: ["assessment", "runs", query, scope.query],
    queryFn: ({ signal }) => fetchPage(`${BASE}/runs`, runSchema, { ...query, ...scope.query }, signal),
    enabled: scope.ready,
    placeholderData: keepPreviousData,
    // While any run on the page is still computing, its progress is polled.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.state === "RUNNING") ? RUN_POLL_MS : false),
  });
}

export const useRun = (id: number | null) =>
  useQuery({
    queryKey: ["assessment", "runs", "one", id],
    queryFn: ({ signal }) => apiGet(`${BASE}/runs/${id ?? 0}`, runSchema, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === "RUNNING" || q.state.data === undefined ? RUN_POLL_MS : false),
  });

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRunBody) => apiPost(`${BASE}/runs`, body, runSchema),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ["assessment", "runs"] }), client.invalidateQueries({ queryKey: ["assessment", "periods"] })]),
  });
}

// -- a staff member's own page ---------------------------------------------------------------

export const useMyScores = (periodKind: AssessmentPeriodKind, count = 6) =>
  useQuery({
    queryKey: ["assessment", "me", periodKind, count],
    queryFn: ({ signal }) => apiGet(`${BASE}/me`, myScoresSchema, { query: { periodKind, count }, signal }),
    placeholderData: keepPreviousData,
  });
