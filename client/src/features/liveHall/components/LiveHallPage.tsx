// The supervisors' live window map: every window of the hall (or, for a liaison, of their
// department) on one screen, zone by zone and department by department, kept live over /supervisor.
import { useCallback, useMemo, useState } from "react";
import { Badge, Select, Space, Typography } from "antd";
import { WINDOW_STATE_KINDS, WINDOW_STATE_LABELS, type WindowTile } from "../../../../../server/src/contracts/liveHall.ts";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useHallCenters } from "../api/useHallCenters.ts";
import { useLiveHall } from "../api/useLiveHall.ts";
import type { SyncStatus } from "../lib/hallSync.ts";
import { useLiveHallText } from "../text.ts";
import { STATE_LOOKS } from "./stateLook.tsx";
import { WindowDetailDrawer } from "./WindowDetailDrawer.tsx";
import { minutesText, WindowTileCard } from "./WindowTileCard.tsx";
import "./liveHall.css";

const STATUS_BADGE: Record<SyncStatus, "success" | "processing" | "warning" | "error"> = { live: "success", loading: "processing", resyncing: "warning", offline: "error" };

/** Zones in window-number order; inside a zone, windows of one department stay together. */
function groupByZone(tiles: Iterable<WindowTile>): { zone: string; tiles: WindowTile[] }[] {
  const zones = new Map<string, WindowTile[]>();
  for (const tile of [...tiles].sort((a, b) => a.number - b.number)) zones.set(tile.zone, [...(zones.get(tile.zone) ?? []), tile]);
  return [...zones].map(([zone, list]) => {
    const firstOfDept = new Map<number, number>();
    for (const t of list) {
      const dept = t.departments[0]?.id ?? 0;
      if (!firstOfDept.has(dept)) firstOfDept.set(dept, t.number);
    }
    const order = (t: WindowTile) => firstOfDept.get(t.departments[0]?.id ?? 0) ?? t.number;
    return { zone, tiles: list.sort((a, b) => order(a) - order(b) || a.number - b.number) };
  });
}

/** The hall's queue times today: each window's averages weighted by the services it finished. */
function hallQueueTimes(tiles: Iterable<WindowTile>): { served: number; wait: number | null; service: number | null } {
  let served = 0;
  const sums = { wait: [0, 0], service: [0, 0] };
  for (const { today } of tiles) {
    served += today.served;
    if (today.avgWaitSeconds !== null) sums.wait = [sums.wait[0]! + today.avgWaitSeconds * today.served, sums.wait[1]! + today.served];
    if (today.avgServiceSeconds !== null) sums.service = [sums.service[0]! + today.avgServiceSeconds * today.served, sums.service[1]! + today.served];
  }
  const avg = ([sum, n]: number[]) => (n ? sum! / n : null);
  return { served, wait: avg(sums.wait), service: avg(sums.service) };
}

export function LiveHallPage() {
  const { lang, lt } = useLiveHallText();
  const user = useCurrentUser();
  const isCity = user.role === "CITY_LEADER";
  const centers = useHallCenters(isCity);
  const [centerId, setCenterId] = useState<number | undefined>(undefined);
  const view = useLiveHall(centerId);
  const [openWindowId, setOpenWindowId] = useState<number | null>(null);
  const onOpen = useCallback((windowId: number) => setOpenWindowId(windowId), []);
  const zones = useMemo(() => groupByZone(view.tiles.values()), [view.tiles]);
  const statusText = { live: lt.statusLive, loading: lt.statusLoading, resyncing: lt.statusResyncing, offline: lt.statusOffline }[view.status];
  const openTile = openWindowId !== null ? (view.tiles.get(openWindowId) ?? null) : null;
  const queue = useMemo(() => hallQueueTimes(view.tiles.values()), [view.tiles]);

  return (
    <div data-testid="live-hall">
      <Space align="center" wrap style={{ marginBottom: 8, columnGap: 16 }}>
        <PageTitle testId="live-title">{view.snapshot ? `${lt.title} · ${view.snapshot.centerName}` : lt.title}</PageTitle>
        <Badge status={STATUS_BADGE[view.status]} text={<span data-testid="live-status" data-status={view.status}>{statusText}</span>} />
        <Typography.Text type="secondary">{lt.windows(view.tiles.size)}</Typography.Text>
        {queue.served > 0 && (
          <Typography.Text type="secondary" data-testid="live-hall-queue">
            {lt.hallQueue(minutesText(queue.wait, lang), minutesText(queue.service, lang), queue.served)}
          </Typography.Text>
        )}
        {isCity && (
          <Select
            aria-label={lt.chooseCenter}
            data-testid="live-center"
            style={{ minWidth: 220 }}
            value={centerId ?? view.snapshot?.centerId}
            onChange={(v: number) => setCenterId(v)}
            options={(centers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        <span className="live-legend" aria-label={lt.legend}>
          {WINDOW_STATE_KINDS.map((kind) => {
            const look = STATE_LOOKS[kind];
            return (
              <span key={kind} style={{ color: look.color, background: look.background, borderColor: look.border }}>
                {look.icon}
                {pickLabel(WINDOW_STATE_LABELS[kind], lang)}
              </span>
            );
          })}
        </span>
      </Space>
      <div className="live-grid">
        {zones.map(({ zone, tiles }) => [
          <div key={`zone-${zone}`} className="live-zone" role="heading" aria-level={2}>
            <strong>{zone.split(" ")[0]}</strong>
            <span>{zone.split(" ").slice(1).join(" ")}</span>
          </div>,
          ...tiles.map((tile) => <WindowTileCard key={tile.windowId} tile={tile} lang={lang} onOpen={onOpen} />),
        ])}
      </div>
      <WindowDetailDrawer tile={openTile} onClose={() => setOpenWindowId(null)} />
    </div>
  );
}
