// The quarter's proposed honours of one kind (红旗窗口 or 服务标兵): rank, subject with its
// party-member post, score (opens the explanation), whether the engine proposed it, whether it is
// granted after the leader's overrides, and each override's recorded reason.
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from "antd";
import type { HonourRowDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";
import { SubjectCell } from "./SubjectCell.tsx";

export function HonourTable({ rows, onExplain, onOverride, testId }: {
  rows: readonly HonourRowDto[];
  onExplain: (row: HonourRowDto) => void;
  /** Absent when the quarter is published (frozen) or the user may not override */
  onOverride?: (row: HonourRowDto) => void;
  testId: string;
}) {
  const { lang, at } = useAssessmentText();
  const columns: TableColumnsType<HonourRowDto> = [
    { title: at.rank, dataIndex: "rank", width: 64, align: "right" },
    {
      title: at.subject,
      key: "subject",
      render: (_: unknown, row) => <SubjectCell name={row.name} partyMemberPost={row.partyMemberPost} departmentName={row.departmentName} />,
    },
    {
      title: at.score,
      dataIndex: "score",
      align: "right",
      render: (score: number, row) => (
        <Button type="link" style={{ paddingInline: 0, fontWeight: 600 }} title={at.explain} onClick={() => onExplain(row)} data-testid={`${testId}-score-${row.subjectId}`}>
          {formatPoints(score)}
        </Button>
      ),
    },
    {
      title: at.decision,
      key: "state",
      render: (_: unknown, row) => (
        <Flex vertical gap={4} align="start" style={{ maxWidth: 560 }}>
          <Flex gap={4} wrap>
            {row.proposed ? <Tag color="blue">{at.proposed}</Tag> : null}
            <Tag color={row.granted ? "red" : "default"} data-testid={`${testId}-granted-${row.subjectId}`} data-granted={row.granted}>
              {row.granted ? at.granted : at.notGranted}
            </Tag>
            {row.override ? <Tag color="orange">{at.overridden}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === "en" ? row.proposalReasonEn : row.proposalReason}
          </Typography.Text>
          {row.override ? (
            <Typography.Text style={{ fontSize: 12 }} data-testid={`${testId}-override-${row.subjectId}`}>
              {`${at.overrideReasonShown(row.override.reason)}（${row.override.byName}，${formatShanghaiDateTime(row.override.at)}）`}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...(onOverride
      ? [
          {
            title: "",
            key: "actions",
            render: (_: unknown, row: HonourRowDto) => (
              <Button size="small" danger={row.granted} onClick={() => onOverride(row)} data-testid={`${testId}-override-button-${row.subjectId}`}>
                {row.granted ? at.overrideRevoke : at.overrideGrant}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<HonourRowDto>
      size="middle"
      data-testid={testId}
      rowKey={(row) => `${row.kind}-${row.subjectId}`}
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: "max-content" }}
    />
  );
}
