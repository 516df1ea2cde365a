// 季度考评: the engine's proposal of red flag windows (红旗窗口) and service models (服务标兵), with
// party-member posts beside them; a leader grants or withdraws with a written reason, then publishes,
// which freezes the results. Below, the quarter's full ranking, from which a leader may also grant an
// honour the engine did not propose. Every score opens its explanation.
import { Alert, Button, Card, Descriptions, Flex, Form, Segmented, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import type { HonourKindDto, HonourRowDto, RankingRowDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useProposal, useRanking, type ScoreRef } from "../api/assessment.ts";
import { useAssessmentText } from "../text.ts";
import { ExplanationDrawer } from "./ExplanationDrawer.tsx";
import { HonourTable } from "./HonourTable.tsx";
import { OverrideModal, type OverrideTarget } from "./OverrideModal.tsx";
import { CenterSelect } from "./CenterSelect.tsx";
import { PeriodSelect, useSelectedPeriod } from "./PeriodSelect.tsx";
import { QuarterActions } from "./QuarterActions.tsx";
import { RankingTable } from "./RankingTable.tsx";

type RankedKind = "WINDOW" | "STAFF";
const HONOUR_OF: Record<RankedKind, HonourKindDto> = { WINDOW: "RED_FLAG_WINDOW", STAFF: "SERVICE_MODEL" };
const SUBJECT_OF: Record<HonourKindDto, RankedKind> = { RED_FLAG_WINDOW: "WINDOW", SERVICE_MODEL: "STAFF" };

export function QuarterEvaluationPage() {
  const { lang, at } = useAssessmentText();
  const user = useCurrentUser();
  const selected = useSelectedPeriod("QUARTER");
  const computed = selected.status?.status !== "NOT_COMPUTED";
  const label = computed ? selected.label : undefined;
  const proposal = useProposal(label);
  const [rankedKind, setRankedKind] = useState<RankedKind>("WINDOW");
  const ranking = useRanking(label, rankedKind, undefined);
  const [explaining, setExplaining] = useState<ScoreRef | null>(null);
  const [target, setTarget] = useState<OverrideTarget | null>(null);

  const data = proposal.data;
  const published = data?.state === "PUBLISHED";
  const canDecide = user.role === "LEADER";
  const mayOverride = canDecide && !published;

  const explain = (subjectKind: RankedKind, subjectId: number) => label && setExplaining({ label, subjectKind, subjectId });
  const overrideHonour = (row: HonourRowDto) => setTarget({ kind: row.kind, subjectId: row.subjectId, name: row.name, grant: !row.granted });
  const honourRows = (kind: HonourKindDto) => (kind === "RED_FLAG_WINDOW" ? data?.redFlagWindows : data?.serviceModels) ?? [];
  const grantedOf = (kind: HonourKindDto, subjectId: number) => honourRows(kind).some((h) => h.subjectId === subjectId && h.granted);

  const rankingAction = (row: RankingRowDto) => {
    if (!mayOverride) return null;
    const kind = HONOUR_OF[row.subjectKind as RankedKind];
    const granted = grantedOf(kind, row.subjectId);
    return (
      <Button size="small" danger={granted} onClick={() => setTarget({ kind, subjectId: row.subjectId, name: row.name, grant: !granted })} data-testid={`ranking-override-${row.subjectId}`}>
        {granted ? at.overrideRevoke : at.overrideGrant}
      </Button>
    );
  };

  const honourCard = (kind: HonourKindDto) => (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{kind === "RED_FLAG_WINDOW" ? at.redFlagWindows : at.serviceModels}</span>
          {data ? <Tag>{at.quota(data.quota[kind])}</Tag> : null}
        </Flex>
      }
      data-testid={`quarter-${kind === "RED_FLAG_WINDOW" ? "red-flags" : "service-models"}`}
    >
      <HonourTable
        rows={honourRows(kind)}
        testId={kind === "RED_FLAG_WINDOW" ? "red-flag" : "service-model"}
        onExplain={(row) => explain(SUBJECT_OF[row.kind], row.subjectId)}
        onOverride={mayOverride ? overrideHonour : undefined}
      />
    </Card>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="quarter-heading">{pickLabel(NAV_LABELS.quarterEvaluation, lang)}</PageTitle>
        {data && canDecide && label ? <QuarterActions label={label} published={published} /> : null}
      </Flex>
      <Form layout="inline" component="div">
        <CenterSelect />
        <PeriodSelect selected={selected} testId="quarter-period" />
      </Form>
      {selected.error ? <ErrorAlert error={selected.error} onRetry={() => void selected.refetch()} /> : null}
      {!computed ? <Alert type="info" showIcon title={at.noRun} /> : null}
      {proposal.error ? <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} /> : null}
      {proposal.isPending && label ? <Skeleton active /> : null}
      {data ? (
        <>
          {published ? (
            <Alert
              type="success"
              showIcon
              data-testid="quarter-frozen"
              title={at.frozen}
              description={at.frozenAt(data.publishedAt ? formatShanghaiDateTime(data.publishedAt) : "", data.publishedByName ?? "")}
            />
          ) : (
            <Alert type="warning" showIcon data-testid="quarter-proposed" title={at.notPublished} description={canDecide ? at.proposedHintLeader : at.proposedHint} />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              { key: "state", label: at.runState, children: <Tag color={published ? "purple" : "gold"} data-testid="quarter-state">{published ? at.frozen : at.notPublished}</Tag> },
              { key: "rules", label: at.runRuleVersion, children: data.ruleSetVersion },
              { key: "generation", label: at.runGeneration, children: at.generationValue(data.generation) },
              { key: "snapshots", label: at.snapshots, children: data.snapshots.length },
            ]}
          />
          {/* One above the other: each row carries the engine's reason, which needs the width */}
          {honourCard("RED_FLAG_WINDOW")}
          {honourCard("SERVICE_MODEL")}
          <Card
            size="small"
            title={at.fullRanking}
            extra={
              <Segmented<RankedKind>
                value={rankedKind}
                onChange={setRankedKind}
                options={(["WINDOW", "STAFF"] as const).map((k) => ({ value: k, label: at.subjectKinds[k] }))}
                data-testid="quarter-ranking-kind"
              />
            }
          >
            {ranking.error ? <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
            <RankingTable
              rows={ranking.data?.rows ?? []}
              quarter
              loading={ranking.isFetching}
              onExplain={(row) => explain(row.subjectKind as RankedKind, row.subjectId)}
              actions={mayOverride ? rankingAction : undefined}
              testId="quarter-ranking"
            />
          </Card>
          {data.snapshots.length > 0 ? (
            <Typography.Text type="secondary">
              {data.snapshots.map((s) => at.snapshotLine(s.id, formatShanghaiDateTime(s.publishedAt), s.publishedByName, s.supersedesId)).join("；")}
            </Typography.Text>
          ) : null}
        </>
      ) : null}
      {label ? <OverrideModal label={label} target={target} onClose={() => setTarget(null)} /> : null}
      <ExplanationDrawer scoreRef={explaining} onClose={() => setExplaining(null)} />
    </Flex>
  );
}
