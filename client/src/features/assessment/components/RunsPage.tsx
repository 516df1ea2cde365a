// 考核计算: the runs that computed each period (by schedule or on demand), with their progress polled
// while they compute, and a way to start one now. Starting is idempotent on the server: a period whose
// inputs have not changed answers with its current run.
import { Alert, App, Button, Card, Checkbox, Flex, Form, Progress, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { ASSESSMENT_PERIOD_KINDS, RUN_STATES, type AssessmentPeriodKind, type AssessmentRunDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { usePeriods, useRun, useRuns, useStartRun } from "../api/assessment.ts";
import { periodName } from "../lib/periodName.ts";
import { useAssessmentText } from "../text.ts";

const STATE_COLORS: Record<(typeof RUN_STATES)[number], string> = { RUNNING: "processing", DONE: "success", FAILED: "error" };
const PAGE_SIZE = 20;

function RunProgress({ run }: { run: AssessmentRunDto }) {
  const percent = Math.round(run.progress * 100);
  return <Progress percent={percent} size="small" status={run.state === "FAILED" ? "exception" : run.state === "DONE" ? "success" : "active"} style={{ width: 160, margin: 0 }} />;
}

export function RunsPage() {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canStart = user.role === "ADMIN" || user.role === "LEADER" || user.role === "SUPERVISOR";
  const [page, setPage] = useState(1);
  const [filterKind, setFilterKind] = useState<AssessmentPeriodKind | undefined>(undefined);
  const runs = useRuns({ page, pageSize: PAGE_SIZE, periodKind: filterKind });
  const [kind, setKind] = useState<AssessmentPeriodKind>("WEEK");
  const periods = usePeriods(kind, 12, canStart);
  const [label, setLabel] = useState<string | undefined>(undefined);
  const start = useStartRun();
  const [fresh, setFresh] = useState(false);
  const [startedId, setStartedId] = useState<number | null>(null);
  const started = useRun(startedId);

  const chosen = periods.data?.items.find((p) => p.period.label === label) ?? periods.data?.items[0];
  const submit = () => {
    if (!chosen) return;
    start.mutate(
      { periodKind: kind, periodStart: chosen.period.firstDay, fresh },
      {
        onSuccess: (run) => {
          setStartedId(run.id);
          void message.success(at.runStartedOk);
        },
      },
    );
  };

  const columns: TableColumnsType<AssessmentRunDto> = [
    { title: "#", dataIndex: "id", width: 64 },
    { title: at.period, key: "period", render: (_: unknown, r) => periodName(r.period, lang) },
    {
      title: at.runState,
      key: "state",
      render: (_: unknown, r) => (
        <Tag color={STATE_COLORS[r.state]} data-testid={`run-state-${r.id}`}>
          {at.runStates[r.state]}
        </Tag>
      ),
    },
    { title: at.runProgress, key: "progress", render: (_: unknown, r) => <RunProgress run={r} /> },
    { title: at.runRuleVersion, dataIndex: "ruleSetVersion", align: "right" },
    { title: at.runGeneration, dataIndex: "generation", align: "right" },
    { title: at.runScoreCount, dataIndex: "scoreCount", align: "right" },
    { title: at.runStarted, dataIndex: "startedAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: at.runFinished, dataIndex: "finishedAt", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    { title: at.runRequestedBy, dataIndex: "requestedByName", render: (n: string | null) => n ?? <Tag>{at.scheduled}</Tag> },
    { title: at.runError, dataIndex: "error", render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : null) },
  ];

  return (
    <Flex vertical gap={16}>
      <PageTitle testId="runs-heading">{pickLabel(NAV_LABELS.assessmentRuns, lang)}</PageTitle>
      {canStart ? (
        <Card size="small" title={at.startRunTitle}>
          <Form layout="inline" component="div" style={{ rowGap: 12 }}>
            <Form.Item label={at.runPeriodKind}>
              <Segmented<AssessmentPeriodKind>
                value={kind}
                options={ASSESSMENT_PERIOD_KINDS.map((k) => ({ value: k, label: at.periodKinds[k] }))}
                onChange={(k) => {
                  setKind(k);
                  setLabel(undefined);
                }}
                data-testid="run-kind"
              />
            </Form.Item>
            <Form.Item label={at.period}>
              <Select<string>
                style={{ width: 320 }}
                loading={periods.isPending}
                value={chosen?.period.label}
                onChange={setLabel}
                options={(periods.data?.items ?? []).map((p) => ({ value: p.period.label, label: `${periodName(p.period, lang)}${p.status === "NOT_COMPUTED" ? ` · ${at.notComputed}` : ""}` }))}
                data-testid="run-period"
              />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={fresh} onChange={(e) => setFresh(e.target.checked)} data-testid="run-fresh">
                {at.runFresh}
              </Checkbox>
            </Form.Item>
            <Button type="primary" onClick={submit} loading={start.isPending} disabled={!chosen} data-testid="run-start">
              {at.startRun}
            </Button>
          </Form>
          {start.error ? <ErrorAlert error={start.error} /> : null}
          {periods.error ? <ErrorAlert error={periods.error} /> : null}
          {started.data ? (
            <Alert
              style={{ marginTop: 12 }}
              type={started.data.state === "FAILED" ? "error" : started.data.state === "DONE" ? "success" : "info"}
              showIcon
              data-testid="run-started"
              title={`${periodName(started.data.period, lang)} · ${at.runStates[started.data.state]}`}
              description={
                <Flex gap={12} align="center" wrap>
                  <RunProgress run={started.data} />
                  <span>{at.runSummary(started.data.generation, started.data.ruleSetVersion, started.data.scoreCount)}</span>
                  {started.data.error ? <Typography.Text type="danger">{started.data.error}</Typography.Text> : null}
                </Flex>
              }
            />
          ) : null}
        </Card>
      ) : null}
      <Form layout="inline" component="div">
        <Form.Item label={at.runPeriodKind}>
          <Select<AssessmentPeriodKind>
            allowClear
            style={{ width: 140 }}
            value={filterKind}
            onChange={(k) => {
              setFilterKind(k);
              setPage(1);
            }}
            options={ASSESSMENT_PERIOD_KINDS.map((k) => ({ value: k, label: at.periodKinds[k] }))}
          />
        </Form.Item>
      </Form>
      {runs.error ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Table<AssessmentRunDto>
        size="middle"
        data-testid="runs-table"
        rowKey={(r) => r.id}
        columns={columns}
        dataSource={runs.data?.items ?? []}
        loading={runs.isPending}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Flex>
  );
}
