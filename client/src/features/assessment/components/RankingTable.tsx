// One ranking (windows, staff or departments of a period): rank, subject, score — which opens its
// explanation — a summary of the components, counted ratings and the decision. Honours are awarded
// per quarter only, so weeks and months show "eligible" where a quarter shows the honour.
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from "antd";
import type { ReactNode } from "react";
import type { RankingRowDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { componentLabel, formatPoints, formatSigned } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";
import { DecisionBadge } from "./DecisionBadge.tsx";
import { SubjectCell } from "./SubjectCell.tsx";

export function RankingTable({ rows, quarter, loading, selectedId, onSelect, onExplain, actions, testId = "ranking-table" }: {
  rows: readonly RankingRowDto[];
  /** A quarter's ranking carries the honours; weeks and months do not */
  quarter: boolean;
  loading: boolean;
  selectedId?: number;
  onSelect?: (row: RankingRowDto) => void;
  onExplain: (row: RankingRowDto) => void;
  /** A last column of buttons for the row (the quarter's overrides) */
  actions?: (row: RankingRowDto) => ReactNode;
  testId?: string;
}) {
  const { lang, at } = useAssessmentText();
  const decisionOf = (row: RankingRowDto) => {
    const reason = lang === "en" ? row.decisionReasonEn : row.decisionReason;
    if (!quarter && (row.decision === "HONOURED" || row.decision === "OUTSIDE_QUOTA")) {
      return (
        <Tag color="green" title={reason}>
          {at.eligible}
        </Tag>
      );
    }
    // The engine's decision stays as computed; a leader's override shows beside it.
    const withdrawn = row.decision === "HONOURED" && row.honour === null;
    const added = row.decision !== "HONOURED" && row.honour !== null;
    return (
      <Flex gap={4} wrap>
        <DecisionBadge decision={row.decision} reason={reason} honourLabel={row.honour && !added ? at.honours[row.honour] : undefined} testId={`decision-${row.subjectId}`} />
        {withdrawn ? <Tag color="orange">{at.overrideWithdrawn}</Tag> : null}
        {added && row.honour ? <Tag color="orange">{at.overrideAdded(at.honours[row.honour])}</Tag> : null}
      </Flex>
    );
  };

  const columns: TableColumnsType<RankingRowDto> = [
    { title: at.rank, dataIndex: "rank", width: 64, align: "right", render: (rank: number, row) => <span data-testid={`rank-${row.subjectId}`}>{rank}</span> },
    {
      title: at.subject,
      key: "subject",
      render: (_: unknown, row) => (
        <SubjectCell name={row.name} partyMemberPost={row.partyMemberPost} departmentName={row.subjectKind === "DEPARTMENT" ? null : row.departmentName} />
      ),
    },
    {
      title: at.score,
      dataIndex: "score",
      align: "right",
      render: (score: number, row) => (
        <Button
          type="link"
          style={{ paddingInline: 0, fontWeight: 600 }}
          title={at.explain}
          data-testid={`score-${row.subjectId}`}
          onClick={(event) => {
            event.stopPropagation();
            onExplain(row);
          }}
        >
          {formatPoints(score)}
        </Button>
      ),
    },
    {
      title: at.components,
      key: "components",
      render: (_: unknown, row) => (
        <Flex gap={4} wrap style={{ maxWidth: 560 }}>
          {row.components
            .filter((c) => c.contribution !== 0)
            .map((c) => (
              <Tag key={c.component} color={c.contribution < 0 ? "red" : undefined} style={{ marginInlineEnd: 0 }}>
                {`${componentLabel(c.component, lang)} ${formatSigned(c.contribution)}`}
              </Tag>
            ))}
        </Flex>
      ),
    },
    { title: at.samples, dataIndex: "sampleSize", align: "right" },
    {
      title: at.decision,
      key: "decision",
      render: (_: unknown, row) => (
        <Flex vertical gap={2} align="start">
          {decisionOf(row)}
          {row.vetoes.map((v) => (
            <Typography.Text key={v.code} type="danger" style={{ fontSize: 12 }}>
              {lang === "en" ? v.reasonEn : v.reason}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    ...(actions ? [{ title: "", key: "actions", render: (_: unknown, row: RankingRowDto) => actions(row) }] : []),
  ];

  return (
    <Table<RankingRowDto>
      size="middle"
      data-testid={testId}
      rowKey={(row) => `${row.subjectKind}-${row.subjectId}`}
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: "max-content" }}
      onRow={(row) => ({
        onClick: onSelect ? () => onSelect(row) : undefined,
        style: onSelect ? { cursor: "pointer", background: row.subjectId === selectedId ? "#fff1f0" : undefined } : undefined,
      })}
    />
  );
}
