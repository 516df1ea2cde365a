// 好差评统计: the figures of a date range by day, week or month for the hall, departments, windows or
// staff, as a chart and two tables, with the Excel export of what is shown and the national-standard
// export (GB/T 39046) of the rating records behind it. The filters live in the URL. A liaison's
// figures are their own department's (the server narrows them); a city-level account picks the center.
import { App, Button, Flex, Form, Input, Segmented, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useSearchParams } from "react-router";
import { LEVELS, LEVEL_LABELS } from "../../../../../server/src/contracts/indicators.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import {
  REPORT_GRANULARITIES,
  REPORT_GRANULARITY_LABELS,
  REPORT_SCOPES,
  REPORT_SCOPE_LABELS,
  TOTAL_PERIOD,
  type RatingReportRow,
  type ReportGranularity,
  type ReportScope,
} from "../../../../../server/src/contracts/ratingReports.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCenterScope } from "../../assessment/api/centerScope.ts";
import { CenterSelect } from "../../assessment/components/CenterSelect.tsx";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDownloadReport, useRatingReport } from "../api/ratingReports.ts";
import { useReportText } from "../text.ts";
import { RatingReportChart } from "./RatingReportChart.tsx";

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const percent = (rate: number | null): string => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);
const isGranularity = (v: string | null): v is ReportGranularity => (REPORT_GRANULARITIES as readonly string[]).includes(v ?? "");
const isScope = (v: string | null): v is ReportScope => (REPORT_SCOPES as readonly string[]).includes(v ?? "");

export function RatingReportsPage() {
  const { lang, rt } = useReportText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const liaison = user.role === "LIAISON";
  const scopes: readonly ReportScope[] = liaison ? REPORT_SCOPES.filter((s) => s !== "HALL") : REPORT_SCOPES;
  const [params, setParams] = useSearchParams();
  const today = shanghaiToday();
  const from = params.get("from") ?? `${today.slice(0, 8)}01`;
  const to = params.get("to") ?? today;
  const granularityParam = params.get("granularity");
  const granularity: ReportGranularity = isGranularity(granularityParam) ? granularityParam : "DAY";
  const scopeParam = params.get("scope");
  const scope: ReportScope = isScope(scopeParam) && scopes.includes(scopeParam) ? scopeParam : scopes[0]!;
  const center = useCenterScope();
  const rangeOk = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const query = { ...center.query, from, to, granularity, scope };
  const report = useRatingReport(query, center.ready && rangeOk);
  const download = useDownloadReport();

  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const exportFile = (file: "export.xlsx" | "gbt39046.csv") =>
    download.mutate(
      { file, query: file === "export.xlsx" ? query : { ...center.query, from, to }, fallbackName: file === "export.xlsx" ? `好差评统计_${from}_${to}.xlsx` : `好差评数据_GBT39046_${from}_${to}.csv` },
      { onError: (e) => void message.error(e instanceof ApiError ? e.localized(lang) : rt.downloadFailed) },
    );

  const columns = (withPeriod: boolean): TableColumnsType<RatingReportRow> => [
    ...(withPeriod ? [{ title: rt.period, dataIndex: "period", key: "period", fixed: "left" as const, width: 110 }] : []),
    { title: rt.subject, dataIndex: "subjectName", key: "subject", width: 200 },
    ...LEVELS.map((level) => ({ title: pickLabel(LEVEL_LABELS[level], lang), key: `l${level}`, align: "right" as const, render: (_: unknown, r: RatingReportRow) => r.levels[level] })),
    { title: rt.ratings, dataIndex: "total", key: "total", align: "right" },
    { title: rt.goodRate, key: "goodRate", align: "right", render: (_: unknown, r) => percent(r.goodRate) },
    { title: rt.defaulted, dataIndex: "defaulted", key: "defaulted", align: "right" },
    { title: rt.badReviews, dataIndex: "badReviews", key: "badReviews", align: "right" },
    { title: rt.rectification, key: "rectification", render: (_: unknown, r) => `${r.rectification.none} / ${r.rectification.open} / ${r.rectification.closed} / ${r.rectification.overdue}` },
    { title: rt.callbackRate, key: "callbackRate", align: "right", render: (_: unknown, r) => percent(r.callbackRate) },
    { title: rt.onTimeRate, key: "onTimeRate", align: "right", render: (_: unknown, r) => percent(r.onTimeRate) },
  ];
  const rowKey = (r: RatingReportRow) => `${r.period}|${r.subjectId ?? "hall"}`;
  const data = report.data;

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle testId="rating-reports-heading">{pickLabel(NAV_LABELS.ratingReports, lang)}</PageTitle>
        <Typography.Text type="secondary">{liaison ? `${user.departmentName ?? ""} ${rt.liaisonIntro}` : rt.intro}</Typography.Text>
      </div>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <CenterSelect />
        <Form.Item label={rt.from}>
          <Input type="date" value={from} max={to} onChange={(e) => set("from", e.target.value)} data-testid="rating-report-from" />
        </Form.Item>
        <Form.Item label={rt.to}>
          <Input type="date" value={to} min={from} onChange={(e) => set("to", e.target.value)} data-testid="rating-report-to" />
        </Form.Item>
        <Form.Item label={rt.granularity}>
          <Segmented<ReportGranularity>
            value={granularity}
            onChange={(v) => set("granularity", v)}
            options={REPORT_GRANULARITIES.map((g) => ({ value: g, label: pickLabel(REPORT_GRANULARITY_LABELS[g], lang) }))}
            data-testid="rating-report-granularity"
          />
        </Form.Item>
        <Form.Item label={rt.scope}>
          <Select<ReportScope>
            style={{ width: 140 }}
            value={scope}
            onChange={(v) => set("scope", v)}
            options={scopes.map((s) => ({ value: s, label: pickLabel(REPORT_SCOPE_LABELS[s], lang) }))}
            data-testid="rating-report-scope"
          />
        </Form.Item>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => exportFile("export.xlsx")} disabled={!rangeOk} loading={download.isPending && download.variables?.file === "export.xlsx"} data-testid="rating-report-export-excel">
            {rt.exportExcel}
          </Button>
          <Tooltip title={rt.exportStandardHint}>
            <Button icon={<DownloadOutlined />} onClick={() => exportFile("gbt39046.csv")} disabled={!rangeOk} loading={download.isPending && download.variables?.file === "gbt39046.csv"} data-testid="rating-report-export-standard">
              {rt.exportStandard}
            </Button>
          </Tooltip>
        </Space>
      </Form>
      {!rangeOk ? <Typography.Text type="danger">{rt.rangeInvalid}</Typography.Text> : null}
      {report.error ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data ? (
        <>
          <section aria-label={rt.chartTitle}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {rt.chartTitle}
            </Typography.Title>
            <RatingReportChart report={data} />
          </section>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {rt.totalsTable}
          </Typography.Title>
          <Table<RatingReportRow>
            size="small"
            data-testid="rating-report-totals"
            rowKey={rowKey}
            columns={columns(false)}
            dataSource={data.totals.filter((r) => r.period === TOTAL_PERIOD)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: rt.empty }}
          />
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {rt.periodTable}
          </Typography.Title>
          <Table<RatingReportRow>
            size="small"
            data-testid="rating-report-rows"
            rowKey={rowKey}
            columns={columns(true)}
            dataSource={data.rows}
            loading={report.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: rt.empty }}
          />
        </>
      ) : null}
    </Flex>
  );
}
