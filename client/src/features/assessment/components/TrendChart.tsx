// A subject's score over its recent periods, as a line (ECharts). Only the line chart and the pieces
// it uses are registered, so the charting code the rankings pull in stays small.
import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { Empty } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { formatPoints } from "../lib/componentLabel.ts";
import { EChart } from "./EChart.tsx";
import { useAssessmentText, type AssessmentText } from "../text.ts";

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  /** Period label: 2026-W47, 2026-11, 2026-Q3 */
  period: string;
  /** null: no score that period (not computed, or the subject was not active) */
  score: number | null;
  rank: number | null;
}

export function TrendChart({ points, height = 240, testId }: { points: readonly TrendPoint[]; height?: number; testId?: string }) {
  const { at } = useAssessmentText();
  // Callers map their DTOs afresh on each render; the chart is redrawn only when the points change.
  const key = JSON.stringify(points);
  const option = useMemo(() => trendOption(JSON.parse(key) as TrendPoint[], at), [key, at]);
  if (option === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={at.noTrend} />;
  return <EChart option={option} style={{ height, width: "100%" }} testId={testId} />;
}

function trendOption(points: readonly TrendPoint[], at: AssessmentText): EChartsCoreOption | null {
  const scores = points.map((p) => p.score);
  const known = scores.filter((s): s is number => s !== null);
  if (known.length === 0) return null;
  // A band a little wider than the scores, cut into at most 5 whole-point steps so the ticks never
  // crowd (echarts' own bounds start far below a single score, or add an extra tick at the top).
  const low = Math.floor(Math.min(...known) - 2);
  const step = Math.max(1, Math.ceil((Math.ceil(Math.max(...known) + 2) - low) / 5));
  const high = low + step * Math.ceil((Math.max(...known) + 2 - low) / step);
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 28, bottom: 32 },
    tooltip: {
      trigger: "axis",
      formatter: (params: { dataIndex: number }[]) => {
        const p = points[params[0]?.dataIndex ?? 0];
        if (!p) return "";
        return `${p.period}<br/>${p.score === null ? at.notComputed : `${at.score} ${formatPoints(p.score)}`}${p.rank === null ? "" : `<br/>${at.rank} ${p.rank}`}`;
      },
    },
    xAxis: { type: "category", data: points.map((p) => p.period), boundaryGap: false },
    yAxis: { type: "value", min: low, max: high, interval: step },
    series: [
      {
        type: "line",
        data: scores,
        symbolSize: 7,
        lineStyle: { width: 2 },
        itemStyle: { color: "#c41d1d" },
        connectNulls: false,
        label: { show: points.length <= 8, position: "top", formatter: (p: { value: number }) => formatPoints(p.value) },
      },
    ],
  };
}
