// The hall display (1920×1080 landscape): header with the center, the time and today's satisfaction;
// every window grouped by zone, its state in words and a shape (not by colour alone) and who is on
// duty; the quarter's honours when #8 has named any; a ticker of the center's promised time limits.
import { useEffect, useMemo, useState } from "react";
import type { DisplayPromiseDto, DisplaySnapshotDto, DisplayWindowDto } from "../../server/src/contracts/display.ts";
import type { WindowStateKind } from "../../server/src/contracts/liveHall.ts";
import { startHallFeed, type FeedState } from "./hallFeed.ts";

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

/** Tile rows that fit the screen's height (header, ticker and margins take about 230 px; a tile row 92). */
function useRows(): number {
  const [rows, setRows] = useState(() => Math.max(4, Math.floor((window.innerHeight - 230) / 92)));
  useEffect(() => {
    const onResize = () => setRows(Math.max(4, Math.floor((window.innerHeight - 230) / 92)));
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return rows;
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
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
    <li className={`tile tile-${w.state.kind.toLowerCase()}`} data-window={w.number} data-state={w.state.kind} aria-label={`${w.number} 号窗口 ${text.zh}`}>
      <div className="tile-head">
        <span className="tile-number">{w.number}</span>
        <span className="tile-name">{w.name}</span>
      </div>
      <div className="tile-state">
        <span className="tile-mark" aria-hidden="true">
          {text.mark}
        </span>
        {text.zh}
        {reason ? `（${reason}）` : ""}
      </div>
      {w.onDuty ? (
        <div className="tile-staff">
          {w.onDuty.photoUrl ? <img src={w.onDuty.photoUrl} alt="" width={44} height={44} /> : <span className="tile-nophoto" aria-hidden="true" />}
          <span>
            {w.onDuty.name}
            <small>工号 {w.onDuty.staffNo}</small>
          </span>
        </div>
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
        <ul>
          {serviceModels.map((m) => (
            <li key={m.staffNo}>
              {m.photoUrl ? <img src={m.photoUrl} alt="" width={56} height={56} /> : null}
              <span>
                {m.name}
                <small>工号 {m.staffNo}</small>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function App() {
  const [feed, setFeed] = useState<FeedState>({ snapshot: null, connected: false });
  const now = useClock();
  const rows = useRows();
  useEffect(() => startHallFeed(new URLSearchParams(window.location.search).get("center"), setFeed), []);
  const snapshot = feed.snapshot;
  const zones = useMemo(() => {
    const byZone = new Map<string, DisplayWindowDto[]>();
    for (const w of snapshot?.windows ?? []) byZone.set(w.zone, [...(byZone.get(w.zone) ?? []), w]);
    // Each zone takes as many tile columns as it needs at this height, so all windows fit on one screen
    return [...byZone].map(([zone, windows]) => ({ zone, windows, cols: Math.ceil(windows.length / rows) }));
  }, [snapshot, rows]);
  const totalCols = zones.reduce((sum, z) => sum + z.cols, 0);
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
        <div>
          <h1>{snapshot.center.name}</h1>
          <p>
            窗口服务实时状态 <small>Service windows now</small> · 开放窗口 <strong>{open}</strong> / {snapshot.windows.length}
          </p>
        </div>
        <div className="satisfaction" data-testid="satisfaction">
          <span>今日满意度</span>
          <strong>{s.share === null ? "—" : `${(s.share * 100).toFixed(1)}%`}</strong>
          <small>
            好评 {s.good} / 评价 {s.total}
          </small>
        </div>
        <div className="clock">
          <strong>{shanghai(now, { hour: "2-digit", minute: "2-digit", hour12: false })}</strong>
          <small>{shanghai(now, { year: "numeric", month: "long", day: "numeric", weekday: "long" })}</small>
        </div>
      </header>
      <ul className="legend" aria-label="图例 Legend">
        {(Object.keys(STATE_TEXT) as WindowStateKind[]).map((k) => (
          <li key={k} className={`legend-${k.toLowerCase()}`}>
            <span aria-hidden="true">{STATE_TEXT[k].mark}</span> {STATE_TEXT[k].zh}
            <small>{STATE_TEXT[k].en}</small>
          </li>
        ))}
      </ul>
      {!feed.connected ? (
        <div className="offline" role="status" data-testid="offline">
          网络连接中断，正在重新连接… 画面可能不是最新 <small>Reconnecting</small>
        </div>
      ) : null}
      <div className="zones" style={{ gridTemplateColumns: `repeat(${Math.max(1, totalCols)}, minmax(0, 1fr))` }}>
        {zones.map(({ zone, windows, cols }) => (
          <section key={zone} className="zone" style={{ gridColumn: `span ${cols}` }}>
            <h2>{zone}</h2>
            <ul style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
              {windows.map((w) => (
                <WindowTile key={w.id} w={w} />
              ))}
            </ul>
          </section>
        ))}
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
