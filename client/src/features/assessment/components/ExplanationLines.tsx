// A score's explanation as a table: each line's measurement, points, weight and contribution, and a
// total row whose sum is added up here from the lines (in hundredths) — shown beside the score so a
// reader can check that the lines make the score.
import { Button, Table, Typography, type TableColumnsType } from "antd";
import type { ExplanationLineDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { componentLabel, formatPoints, formatSigned, sumPoints } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";

const isCount = (component: string) => component.includes(".");
const formatRaw = (line: ExplanationLineDto) => (isCount(line.component) ? String(line.rawValue) : formatPoints(line.rawValue));

export function ExplanationLines({ lines, score, onDrill, testId = "explanation" }: {
  lines: readonly ExplanationLineDto[];
  score: number;
  /** Opens the records behind a drillable line; without it lines do not open */
  onDrill?: (component: string) => void;
  testId?: string;
}) {
  const { lang, at } = useAssessmentText();
  const sum = sumPoints(lines.map((l) => l.contribution));
  const columns: TableColumnsType<ExplanationLineDto> = [
    {
      title: at.component,
      key: "component",
      render: (_: unknown, line) => (
        <div style={{ maxWidth: 360 }}>
          <Typography.Text strong>{componentLabel(line.component, lang)}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === "en" ? line.reasonEn : line.reason}
          </Typography.Text>
        </div>
      ),
    },
    { title: at.rawValue, key: "raw", align: "right", render: (_: unknown, line) => formatRaw(line) },
    { title: at.points, key: "points", align: "right", render: (_: unknown, line) => (isCount(line.component) ? formatSigned(line.points) : formatPoints(line.points)) },
    { title: at.weight, dataIndex: "weight", align: "right" },
    {
      title: at.contribution,
      key: "contribution",
      align: "right",
      render: (_: unknown, line) => (
        <Typography.Text strong type={line.contribution < 0 ? "danger" : undefined} data-testid={`${testId}-contribution`} data-value={line.contribution}>
          {formatSigned(line.contribution)}
        </Typography.Text>
      ),
    },
    ...(onDrill
      ? [
          {
            title: at.records,
            key: "drill",
            render: (_: unknown, line: ExplanationLineDto) =>
              line.drillable ? (
                <Button size="small" type="link" onClick={() => onDrill(line.component)} data-testid={`${testId}-drill-${line.component}`}>
                  {at.records}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<ExplanationLineDto>
      size="small"
      data-testid={`${testId}-lines`}
      rowKey={(line) => line.component}
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
      scroll={{ x: "max-content" }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{at.sum}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {at.sumEqualsScore}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} colSpan={3} />
          <Table.Summary.Cell index={4} align="right">
            <Typography.Text strong data-testid={`${testId}-sum`} data-value={sum} style={{ fontSize: 16 }}>
              {formatPoints(sum)}
            </Typography.Text>
            {Math.round(sum * 100) === Math.round(score * 100) ? null : (
              <Typography.Text type="danger" style={{ display: "block" }}>
                ≠ {formatPoints(score)}
              </Typography.Text>
            )}
          </Table.Summary.Cell>
          {onDrill ? <Table.Summary.Cell index={5} /> : null}
        </Table.Summary.Row>
      )}
    />
  );
}
