// A minimal React host for an ECharts instance: created on mount, given each new option, resized with
// its box, disposed on unmount. (echarts-for-react 3.0.6 imports `tslib` without declaring it, and the
// lockfile has no top-level tslib, so the build cannot resolve it; this is the part of it we need.)
import type { EChartsCoreOption } from "echarts/core";
import * as echarts from "echarts/core";
import { useEffect, useRef, type CSSProperties } from "react";

export function EChart({ option, style, testId }: { option: EChartsCoreOption; style?: CSSProperties; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} style={style} data-testid={testId} />;
}
