// The hall display (1920×1080 landscape): header with the center, the time and today's satisfaction;
// every window grouped by zone, its state in words and a shape (not by colour alone) and who is on
// duty; the quarter's honours when #8 has named any; a ticker of the center's promised time limits.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { DisplayPromiseDto, DisplaySnapshotDto, DisplayWindowDto } from "../../server/src/contracts/display.ts";
import type { WindowStateKind } from "../../server/src/contracts/liveHall.ts";
import { startHallFeed, type FeedState } from "./hallFeed.ts";
import { PAGE_SECONDS, TILE_GAP, ZONE_GAP, planDisplay } from "./layout.ts";

const STATE_TEXT: Record<WindowStateKind, { zh: string; en: string; mark: string }> = {
  SERVING: { zh: "办理中", en: "Serving", mark: "●" },
  IDLE: { zh: "请到此窗口", en: "Available", mark: "○" },
  PAUSED: { zh: "暂停服务", en: "Paused", mark: "❚❚" },
  CLOSED: { zh: "未开放", en: "Closed", mark: "—" },
  UNATTENDED: { zh: "暂无人员", en: "No staff", mark: "!" },
};
const REASON_TEXT: Record<string, string> = {
  BREAK: "休息",
  MEETING: "会议",
  TRAINING: "培训",
  OUTSIDE_BUSINESS: "外出办事",
  OTHER: "暂离",
  INACTIVE: "停用",
  NON_WORKING_DAY: "非工作日",
  BEFORE_HOURS: "未到办公时间",
  AFTER_HOURS: "已下班",
  LUNCH: "午休",
  ABSENCE: "请假",
};

/** The size of the element the tiles are laid out in, kept up to date as the screen resizes. */
function useArea(): [(el: HTMLElement | null) => void, { width: number; height: number } | null] {
  const [area, setArea] = useState<{ width: number; height: number } | null>(null);
  const observer = useMemo(
    () =>
      new ResizeObserver(([entry]) => {
        if (!entry) return;
        const { width, height } = entry.contentRect;
        setArea((prev) => (prev && prev.width === Math.round(width) && prev.height === Math.round(height) ? prev : { width: Math.round(width), height: Math.round(height) }));
      }),
    [],
  );
  useEffect(() => () => observer.disconnect(), [observer]);
  const ref = useCallback(
    (el: HTMLElement | null) => {
      observer.disconnect();
      if (el) observer.observe(el);
    },
    [observer],
  );
  return [ref, area];
}

/** Which page is on the screen when the zones do not fit on one: the next one every PAGE_SECONDS. */
function usePage(pages: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setTick((t) => t + 1), PAGE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [pages]);
  return pages <= 1 ? 0 : tick % pages;
}

/** Height of a zone's heading line above its tiles. */
const ZONE_HEADING_HEIGHT = 32;

/** A zone heading's type size so its whole name fits the zone's width (CJK glyphs are about one em wide). */
function headingSize(name: string, width: number): number {
  const ems = [...name].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 0.55 : 1), 0);
  return Math.max(14, Math.min(22, Math.floor((width - 4) / Math.max(1, ems))));
}

/** The server's time (shown in Asia/Shanghai), kept ticking here from the offset the last snapshot gave. */
function useServerClock(offsetMs: number): Date {
  const [now, setNow] = useState(() => new Date(Date.now() + offsetMs));
  useEffect(() => {
    setNow(new Date(Date.now() + offsetMs));
    const timer = setInterval(() => setNow(new Date(Date.now() + offsetMs)), 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}

const shanghai = (d: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", ...opts }).format(d);

function promiseText(p: DisplayPromiseDto): string {
  const promised = p.promisedLimitDays === 0 ? "即办件，当场办结" : `承诺 ${p.promisedLimitDays} 个工作日办结`;
  return `${p.departmentName} · ${p.itemName} · ${promised}（法定 ${p.statutoryLimitDays} 个工作日）`;
}

function WindowTile({ w }: { w: DisplayWindowDto }) {
  const text = STATE_TEXT[w.state.kind];
  const reason = w.state.reason ? REASON_TEXT[w.state.reason] : null;
  return (
    <li className={`tile tile-${w.state.kind.toLowerCase()}`} data-window={w.number} data-state={w.state.kind} aria-label={`${w.number} 号窗口 ${w.name} ${text.zh}${reason ? `（${reason}）` : ""}`}>
      <div className="tile-head">
        <span className="tile-number">{w.number}</span>
        <span className="tile-state">
          <span className="tile-mark" aria-hidden="true">
            {text.mark}
          </span>
          {text.zh}
        </span>
      </div>
      <div className="tile-name" title={w.name}>
        {w.name}
      </div>
      {w.onDuty ? (
        <div className="tile-staff">
          {w.onDuty.photoUrl ? <img src={w.onDuty.photoUrl} alt="" width={24} height={24} /> : <span className="tile-nophoto" aria-hidden="true" />}
          {reason ? <span className="tile-reason">{reason} · </span> : null}
          <span className="tile-person">{w.onDuty.name}</span>
          {/* a paused window's line carries the reason instead: name and reason are what the hall needs */}
          {reason ? null : <small>{w.onDuty.staffNo}</small>}
        </div>
      ) : reason ? (
        <div className="tile-staff tile-reason">{reason}</div>
      ) : null}
    </li>
  );
}

function Honours({ snapshot }: { snapshot: DisplaySnapshotDto }) {
  const { redFlagWindows, serviceModels, quarter } = snapshot.honours;
  if (redFlagWindows.length === 0 && serviceModels.length === 0) return null;
  return (
    <section className="honours" aria-label="本季度红旗窗口和服务标兵">
      <h2>{quarter.replace("-Q", " 年第 ")} 季度</h2>
      {redFlagWindows.length > 0 ? (
        <p>
          <strong>红旗窗口</strong> {redFlagWindows.map((w) => `${w.number} 号 ${w.name}`).join("、")}
        </p>
      ) : null}
      {serviceModels.length > 0 ? (
        <p>
          <strong>服务标兵</strong> {serviceModels.map((m) => `${m.name}（工号 ${m.staffNo}）`).join("、")}
        </p>
      ) : null}
    </section>
  );
}

export function App() {
  const [feed, setFeed] = useState<FeedState>({ snapshot: null, connected: false, clockOffsetMs: 0 });
  const now = useServerClock(feed.clockOffsetMs);
  const [areaRef, area] = useArea();
  useEffect(() => startHallFeed(new URLSearchParams(window.location.search).get("center"), setFeed), []);
  const snapshot = feed.snapshot;
  const zones = useMemo(() => {
    const byZone = new Map<string, DisplayWindowDto[]>();
    for (const w of snapshot?.windows ?? []) byZone.set(w.zone, [...(byZone.get(w.zone) ?? []), w]);
    return [...byZone].map(([zone, windows]) => ({ zone, windows, count: windows.length }));
  }, [snapshot]);
  const plan = useMemo(() => (area ? planDisplay(zones, { width: area.width, height: area.height - ZONE_HEADING_HEIGHT }) : null), [zones, area]);
  const pageIndex = usePage(plan?.pages.length ?? 0);
  const page = plan?.pages[Math.min(pageIndex, plan.pages.length - 1)] ?? [];
  const pageCols = page.reduce((sum, z) => sum + z.cols, 0);
  const colWidth = area && pageCols > 0 ? (area.width - ZONE_GAP * (page.length - 1) - TILE_GAP * (pageCols - page.length)) / pageCols : 0;
  const open = snapshot?.windows.filter((w) => w.state.kind === "SERVING" || w.state.kind === "IDLE").length ?? 0;

  if (!snapshot) {
    return (
      <main className="loading" role="status">
        正在连接大厅数据… <small>Connecting</small>
      </main>
    );
  }
  const s = snapshot.satisfaction;
  return (
    <main className="display">
      <header>
        <div className="title">
          <h1>{snapshot.center.name}</h1>
          <p>
            窗口服务实时状态 <small>Service windows now</small> · 开放窗口 <strong>{open}</strong> / {snapshot.windows.length}
          </p>
          <ul className="legend" aria-label="图例 Legend">
            {(Object.keys(STATE_TEXT) as WindowStateKind[]).map((k) => (
              <li key={k} className={`legend-${k.toLowerCase()}`}>
                <span aria-hidden="true">{STATE_TEXT[k].mark}</span> {STATE_TEXT[k].zh}
                <small>{STATE_TEXT[k].en}</small>
              </li>
            ))}
          </ul>
        {plan && plan.pages.length > 1 ? (
          <p className="pages" data-testid="pages" aria-live="off">
            {plan.pages.map((p, i) => (
              <span key={i} className={i === pageIndex ? "page-on" : undefined}>
                {p.map((z) => z.zone.split(" ")[0]).join(" ")}
              </span>
            ))}
            <small>
              第 {pageIndex + 1}/{plan.pages.length} 屏
            </small>
          </p>
        ) : null}
        </div>
        <div className="satisfaction" data-testid="satisfaction">
          <span>
            今日大厅满意度 <small>Satisfaction today</small>
          </span>
          <strong>{s.share === null ? "—" : `${(s.share * 100).toFixed(1)}%`}</strong>
          <span className="satisfaction-counts">
            好评 {s.good} / 评价 {s.total}
          </span>
        </div>
        <div className="clock" data-testid="clock">
          <strong>{shanghai(now, { hour: "2-digit", minute: "2-digit", hour12: false })}</strong>
          <span className="clock-date">{shanghai(now, { year: "numeric", month: "long", day: "numeric", weekday: "long" })}</span>
        </div>
      </header>
      {!feed.connected ? (
        <div className="offline" role="status" data-testid="offline">
          网络连接中断，正在重新连接… 画面可能不是最新 <small>Reconnecting</small>
        </div>
      ) : null}
      <div className="zones" ref={areaRef} data-testid="zones" style={{ gridTemplateColumns: page.map((z) => `${z.cols}fr`).join(" ") || "1fr" }}>
        {plan
          ? page.map(({ zone, index, cols }) => (
              <section key={zone} className="zone">
                <h2 style={{ fontSize: headingSize(zone, colWidth * cols + TILE_GAP * (cols - 1)) }}>{zone}</h2>
                <ul style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
                  {zones[index]!.windows.map((w) => (
                    <WindowTile key={w.id} w={w} />
                  ))}
                </ul>
              </section>
            ))
          : null}
      </div>
      <Honours snapshot={snapshot} />
      <footer className="ticker" aria-label="服务承诺">
        <span className="ticker-label">服务承诺</span>
        <div className="ticker-track">
          <div className="ticker-run" style={{ animationDuration: `${Math.max(60, snapshot.promises.length * 6)}s` }}>
            {[...snapshot.promises, ...snapshot.promises].map((p, i) => (
              <span key={i}>{promiseText(p)}</span>
            ))}
          </div>
        </div>
      </footer>
    </main>
  );
}
