// The records behind one explanation line (this rating, that overdue case, this inspection finding)
// with the points each contributed, paged by the server; their sum over all pages is the server's
// `recordsSum`, shown against the line's contribution.
import { Alert, Flex, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import type { DrillDownRecordDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useDrillDown, type ScoreRef } from "../api/assessment.ts";
import { componentLabel, formatSigned } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";

const PAGE_SIZE = 20;

export function DrillDownRecords({ scoreRef, component }: { scoreRef: ScoreRef; component: string }) {
  const { lang, at } = useAssessmentText();
  const [page, setPage] = useState(1);
  const drill = useDrillDown(scoreRef, component, page, PAGE_SIZE);
  const data = drill.data;

  const columns: TableColumnsType<DrillDownRecordDto> = [
    {
      title: at.recordWhat,
      key: "label",
      render: (_: unknown, r) => (
        <Flex gap={6} align="center" wrap>
          <span>{lang === "en" ? r.labelEn : r.label}</span>
          {r.recordId ? <Typography.Text type="secondary">#{r.recordId}</Typography.Text> : null}
          {r.counted ? null : <Tag>{at.componentLabels["satisfaction.excluded"]}</Tag>}
        </Flex>
      ),
    },
    { title: at.recordAt, dataIndex: "at", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    {
      title: at.recordPoints,
      dataIndex: "points",
      align: "right",
      render: (p: number) => <Typography.Text type={p < 0 ? "danger" : undefined}>{formatSigned(p)}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="drill-down">
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {at.recordsOf(componentLabel(component, lang))}
      </Typography.Title>
      {drill.error ? <ErrorAlert error={drill.error} onRetry={() => void drill.refetch()} /> : null}
      {data ? (
        <Typography.Text>
          {at.contribution} <Typography.Text strong>{formatSigned(data.contribution)}</Typography.Text>
          {" · "}
          {at.sum} <Typography.Text strong data-testid="drill-records-sum">{formatSigned(data.recordsSum)}</Typography.Text>
        </Typography.Text>
      ) : null}
      {data && !data.matchesStored ? <Alert type="info" showIcon title={at.recordsChanged} /> : null}
      <Table<DrillDownRecordDto>
        size="small"
        data-testid="drill-records"
        rowKey={(r) => `${r.kind}-${r.recordId ?? r.label}`}
        columns={columns}
        dataSource={data?.records ?? []}
        loading={drill.isFetching}
        locale={{ emptyText: at.noRecords }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: "max-content" }}
      />
    </Flex>
  );
}
