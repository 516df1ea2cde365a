// 月度简报 for the center (leaders, supervisors, administrators): one month's bulletins, a department
// each, with their state and mails. A leader generates the month (a run whose progress is polled),
// previews and comments each draft, and releases the chosen drafts after a confirmation. The month is
// kept in the URL (?month=, last month by default), and so is a run being watched (?run=), so a reload
// or the browser's back button still shows its progress.
import { Alert, Button, Flex, Form, Progress, Select, Space, Table, Typography, type TableColumnsType } from "antd";
import { MailOutlined, SendOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { useMemo, useState, type Key } from "react";
import { Link, useSearchParams } from "react-router";
import type { BulletinRunDto, BulletinSummaryDto, ReleaseResultDto } from "../../../../../server/src/contracts/bulletins.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useBulletinPage, useBulletinRun, useGenerateBulletins, useLatestBulletinRun } from "../api/bulletins.ts";
import { isMonth, pastMonths } from "../lib/months.ts";
import { useBulletinText } from "../text.ts";
import { BulletinStateTag } from "./BulletinStateTag.tsx";
import { DeliveryCounts } from "./DeliveryCounts.tsx";
import { DownloadPdfButton } from "./DownloadPdfButton.tsx";
import { ReleaseModal } from "./ReleaseModal.tsx";

const PAGE_SIZE = 100;
const MONTHS_OFFERED = 24;

export function BulletinsPage() {
  const { lang, bt } = useBulletinText();
  const user = useCurrentUser();
  const isLeader = user.role === "LEADER";
  const [searchParams, setSearchParams] = useSearchParams();
  const months = useMemo(() => pastMonths(new Date(), MONTHS_OFFERED), []);
  const asked = searchParams.get("month");
  const month = isMonth(asked) ? asked : months[0]!;
  const [page, setPage] = useState(1);
  const list = useBulletinPage({ month, page, pageSize: PAGE_SIZE });
  const [selected, setSelected] = useState<Key[]>([]);
  const [releasing, setReleasing] = useState(false);
  const [released, setReleased] = useState<ReleaseResultDto | null>(null);
  const generate = useGenerateBulletins();
  const askedRun = Number(searchParams.get("run"));
  const watchesRun = Number.isInteger(askedRun) && askedRun > 0;
  const seesRuns = isLeader || user.role === "SUPERVISOR";
  // Without a run in the URL, a generation still under way for the month (the schedule's, another
  // leader's) is followed all the same
  const latestRun = useLatestBulletinRun(month, seesRuns && !watchesRun);
  const runningId = latestRun.data?.state === "RUNNING" ? latestRun.data.id : null;
  const run = useBulletinRun(seesRuns ? (watchesRun ? askedRun : runningId) : null);

  const setParams = (changes: Record<string, string | undefined>) =>
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) params.delete(key);
        else params.set(key, value);
      }
      return params;
    });

  const chooseMonth = (next: string) => {
    setParams({ month: next, run: undefined });
    setPage(1);
    setSelected([]);
    setReleased(null);
    generate.reset();
  };

  const items = list.data?.items ?? [];
  const drafts = items.filter((b) => b.state === "DRAFT");
  const selectedDrafts = drafts.filter((b) => selected.includes(b.id));

  const columns: TableColumnsType<BulletinSummaryDto> = [
    { title: bt.department, key: "department", render: (_: unknown, b) => b.department.name },
    { title: bt.state, key: "state", render: (_: unknown, b) => <BulletinStateTag state={b.state} testId={`bulletin-state-${b.id}`} /> },
    { title: bt.revision, dataIndex: "revision", align: "right", render: (n: number) => bt.revisionValue(n) },
    { title: bt.staffCount, dataIndex: "staffCount", align: "right" },
    { title: bt.deliveries, key: "deliveries", render: (_: unknown, b) => (b.state === "RELEASED" ? <DeliveryCounts bulletin={b} /> : "—") },
    { title: bt.generatedAt, dataIndex: "generatedAt", render: (d: string) => formatShanghaiDateTime(d) },
    { title: bt.releasedAt, key: "releasedAt", render: (_: unknown, b) => (b.releasedAt ? `${formatShanghaiDateTime(b.releasedAt)}${b.releasedByName ? ` · ${b.releasedByName}` : ""}` : "—") },
    {
      title: bt.actions,
      key: "actions",
      render: (_: unknown, b) => (
        <Space size={4}>
          <Link to={`/bulletins/${b.id}`} data-testid={`bulletin-preview-${b.id}`} style={{ padding: "0 7px" }}>
            {b.state === "DRAFT" ? bt.preview : bt.view}
          </Link>
          <DownloadPdfButton bulletin={b} size="small" type="link" />
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <PageTitle testId="bulletins-heading">{pickLabel(NAV_LABELS.bulletins, lang)}</PageTitle>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Form layout="inline" component="div" style={{ rowGap: 12 }}>
          <Form.Item label={bt.month}>
            <Select<string>
              style={{ width: 160 }}
              value={month}
              onChange={chooseMonth}
              data-testid="bulletin-month"
              options={(months.includes(month) ? months : [month, ...months]).map((m) => ({ value: m, label: bt.monthName(m) }))}
            />
          </Form.Item>
          {isLeader ? (
            <Space wrap>
              <Button
                icon={<ThunderboltOutlined />}
                loading={generate.isPending || run.data?.state === "RUNNING"}
                data-testid="bulletin-generate"
                title={bt.generateHint(bt.monthName(month))}
                onClick={() => generate.mutate({ month }, { onSuccess: (started) => setParams({ month, run: String(started.id) }) })}
              >
                {bt.generate}
              </Button>
              <Button type="primary" icon={<SendOutlined />} disabled={selectedDrafts.length === 0} data-testid="bulletin-release" onClick={() => setReleasing(true)}>
                {selectedDrafts.length > 0 ? `${bt.release}（${selectedDrafts.length}）` : bt.release}
              </Button>
            </Space>
          ) : null}
        </Form>
        <Link to={`/bulletins/deliveries?month=${month}`} data-testid="bulletin-deliveries-link">
          <MailOutlined /> {bt.deliveriesLink}
        </Link>
      </Flex>

      {generate.error ? <ErrorAlert error={generate.error} /> : null}
      {run.error ? <ErrorAlert error={run.error} onRetry={() => void run.refetch()} /> : null}
      {run.data ? <RunAlert run={run.data} /> : null}
      {released ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setReleased(null) }}
          data-testid="bulletin-release-result"
          title={bt.releaseOk(released.released, released.deliveriesQueued)}
          description={released.withoutRecipients.length > 0 ? bt.withoutRecipients(released.withoutRecipients.join("、")) : undefined}
        />
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}

      <Table<BulletinSummaryDto>
        size="middle"
        data-testid="bulletins-table"
        rowKey={(b) => b.id}
        columns={columns}
        dataSource={items}
        loading={list.isFetching && list.data === undefined}
        locale={{ emptyText: bt.noBulletins }}
        scroll={{ x: "max-content" }}
        rowSelection={
          isLeader
            ? {
                selectedRowKeys: selected,
                onChange: setSelected,
                // Only drafts can be released; the header box selects every draft on the page
                getCheckboxProps: (b) => ({ disabled: b.state !== "DRAFT", "aria-label": b.department.name }),
              }
            : undefined
        }
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        footer={isLeader && drafts.length > 0 ? () => <Typography.Text type="secondary">{bt.draftsSelected(selectedDrafts.length)}</Typography.Text> : undefined}
      />

      <ReleaseModal
        open={releasing}
        month={month}
        bulletins={selectedDrafts}
        onClose={() => setReleasing(false)}
        onReleased={(result) => {
          setReleasing(false);
          setSelected([]);
          setReleased(result);
        }}
      />
    </Flex>
  );
}

function RunAlert({ run }: { run: BulletinRunDto }) {
  const { bt } = useBulletinText();
  const percent = Math.round(run.progress * 100);
  return (
    <Alert
      type={run.state === "FAILED" ? "error" : run.state === "DONE" ? "success" : "info"}
      showIcon
      data-testid="bulletin-run"
      data-state={run.state}
      title={`${bt.monthName(run.month)} · ${bt.runStates[run.state]}`}
      description={
        <Flex gap={12} align="center" wrap>
          <Progress percent={percent} size="small" status={run.state === "FAILED" ? "exception" : run.state === "DONE" ? "success" : "active"} style={{ width: 240, margin: 0 }} data-testid="bulletin-run-progress" />
          <span>{bt.runSummary(run.generated, run.departments)}</span>
          {run.error ? <Typography.Text type="danger">{run.error}</Typography.Text> : null}
        </Flex>
      }
    />
  );
}
