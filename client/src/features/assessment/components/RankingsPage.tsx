// Rankings (考核排名) of windows, staff and departments for a week, month or quarter: who ranks where,
// with what score and why (each score opens its explanation), a trend of the chosen row over the last
// periods, and the ranking as an Excel sheet. Kind, period, subject kind and department live in the URL.
import { Alert, Button, Card, Col, Flex, Form, Row, Segmented, Select, Tag, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  ASSESSMENT_PERIOD_KINDS,
  ASSESSMENT_SUBJECT_KINDS,
  type AssessmentPeriodKind,
  type AssessmentSubjectKind,
  type RankingRowDto,
} from "../../../../../server/src/contracts/assessmentApi.ts";
import { NAV_BY_ROLE, NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { rankingExportHref, useRanking, type ScoreRef } from "../api/assessment.ts";
import { useCenterScope } from "../api/centerScope.ts";
import { useAssessmentText } from "../text.ts";
import { ExplanationDrawer } from "./ExplanationDrawer.tsx";
import { CenterSelect } from "./CenterSelect.tsx";
import { PeriodSelect, useSelectedPeriod } from "./PeriodSelect.tsx";
import { RankingTable } from "./RankingTable.tsx";
import { SubjectTrend } from "./SubjectTrend.tsx";

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

export function RankingsPage() {
  const { lang, at } = useAssessmentText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const kind: AssessmentPeriodKind = pick(params.get("kind"), ASSESSMENT_PERIOD_KINDS, "MONTH");
  const subjectKind: AssessmentSubjectKind = pick(params.get("subject"), ASSESSMENT_SUBJECT_KINDS, "WINDOW");
  const departmentId = params.get("departmentId") ?? undefined;
  const selected = useSelectedPeriod(kind);
  const ranking = useRanking(selected.status?.status === "NOT_COMPUTED" ? undefined : selected.label, subjectKind, departmentId);
  const departments = useDepartmentNames();
  const [chosen, setChosen] = useState<RankingRowDto | null>(null);
  const [explaining, setExplaining] = useState<ScoreRef | null>(null);
  const canRun = NAV_BY_ROLE[user.role].includes("assessmentRuns");
  const scope = useCenterScope();

  const setParam = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const rows = ranking.data?.rows ?? [];
  const trendRow = (chosen && rows.find((r) => r.subjectId === chosen.subjectId && r.subjectKind === chosen.subjectKind)) ?? rows[0];
  const notComputed = selected.status?.status === "NOT_COMPUTED";

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="rankings-heading">{pickLabel(NAV_LABELS.rankings, lang)}</PageTitle>
        {selected.label && !notComputed ? (
          <Button icon={<DownloadOutlined />} href={rankingExportHref(selected.label, subjectKind, departmentId, scope.query.centerId)} data-testid="rankings-export">
            {at.exportExcel}
          </Button>
        ) : null}
      </Flex>
      <Form layout="inline" component="div" style={{ rowGap: 12 }}>
        <CenterSelect />
        <Form.Item>
          <Segmented<AssessmentPeriodKind>
            data-testid="rankings-kind"
            value={kind}
            options={ASSESSMENT_PERIOD_KINDS.map((k) => ({ value: k, label: at.periodKinds[k] }))}
            onChange={(k) => setParam({ kind: k, period: undefined })}
          />
        </Form.Item>
        <PeriodSelect selected={selected} testId="rankings-period" />
        <Form.Item>
          <Segmented<AssessmentSubjectKind>
            data-testid="rankings-subject"
            value={subjectKind}
            options={ASSESSMENT_SUBJECT_KINDS.map((k) => ({ value: k, label: at.subjectKinds[k] }))}
            onChange={(k) => {
              setChosen(null);
              setParam({ subject: k });
            }}
          />
        </Form.Item>
        {departments.options.length > 0 && subjectKind !== "DEPARTMENT" ? (
          <Form.Item label={at.department}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={at.allDepartments}
              data-testid="rankings-department"
              style={{ width: 200 }}
              value={departmentId}
              options={departments.options.map((d) => ({ value: String(d.value), label: d.label }))}
              onChange={(v) => setParam({ departmentId: v })}
            />
          </Form.Item>
        ) : null}
      </Form>
      {selected.error ? <ErrorAlert error={selected.error} onRetry={() => void selected.refetch()} /> : null}
      {notComputed ? (
        <Alert type="info" showIcon title={at.noRun} action={canRun ? <Link to="/assessment-runs">{at.computeNow}</Link> : undefined} data-testid="rankings-not-computed" />
      ) : null}
      {ranking.error ? <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
      {ranking.data ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{at.computedWith(ranking.data.ruleSetVersion, formatShanghaiDateTime(ranking.data.computedAt))}</Typography.Text>
          {ranking.data.frozen ? <Tag color="purple">{at.frozen}</Tag> : null}
        </Flex>
      ) : null}
      {notComputed ? null : (
        <Row gutter={[16, 16]}>
          <Col xs={{ span: 24, order: 2 }} xxl={{ span: 16, order: 1 }}>
            <RankingTable
              rows={rows}
              quarter={kind === "QUARTER"}
              loading={ranking.isFetching}
              selectedId={trendRow?.subjectId}
              onSelect={setChosen}
              onExplain={(row) => selected.label && setExplaining({ label: selected.label, subjectKind: row.subjectKind, subjectId: row.subjectId })}
            />
          </Col>
          <Col xs={{ span: 24, order: 1 }} xxl={{ span: 8, order: 2 }}>
            <Card size="small" title={trendRow ? at.trendOf(trendRow.name) : at.trend} style={{ position: "sticky", top: 16 }} data-testid="rankings-trend">
              {trendRow ? <SubjectTrend subjectKind={trendRow.subjectKind} subjectId={trendRow.subjectId} periodKind={kind} /> : <Typography.Text type="secondary">{at.trendHint}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {at.trendHint}
              </Typography.Text>
            </Card>
          </Col>
        </Row>
      )}
      <ExplanationDrawer scoreRef={explaining} onClose={() => setExplaining(null)} />
    </Flex>
  );
}
