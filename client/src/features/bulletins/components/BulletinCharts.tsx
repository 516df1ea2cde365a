// The bulletin's two charts, drawn in the browser from the same ECharts options the PDF renders on the
// server (contracts/bulletinCharts.ts), so both show the same picture: the department's score and
// satisfaction over the last six months, and the month's ratings by level. The options carry their own
// titles; the figures are labelled for screen readers.
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { bulletinRatingsChartOption, bulletinTrendChartOption } from "../../../../../server/src/contracts/bulletinCharts.ts";
import type { BulletinContent } from "../../../../../server/src/contracts/bulletins.ts";
import { EChart } from "../../assessment/components/EChart.tsx";
import { useBulletinText } from "../text.ts";

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

const CHART_HEIGHT = 230;

export function BulletinCharts({ content }: { content: BulletinContent }) {
  const { lang, bt } = useBulletinText();
  const chartLang = lang === "en" ? "en" : "zh";
  const trend = useMemo<EChartsCoreOption>(() => bulletinTrendChartOption(content, chartLang), [content, chartLang]);
  const ratings = useMemo<EChartsCoreOption>(() => bulletinRatingsChartOption(content, chartLang), [content, chartLang]);
  return (
    <div className="bulletin-charts">
      <figure className="bulletin-chart" aria-label={bt.trendChart}>
        <EChart option={trend} style={{ height: CHART_HEIGHT, width: "100%" }} testId="bulletin-trend-chart" />
      </figure>
      <figure className="bulletin-chart" aria-label={bt.ratingsChart}>
        <EChart option={ratings} style={{ height: CHART_HEIGHT, width: "100%" }} testId="bulletin-ratings-chart" />
      </figure>
    </div>
  );
}
