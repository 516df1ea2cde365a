// One window on the map: number and department, state (colour, icon, words), who is on duty, today's
// served count and satisfaction, warnings and the pad. Memoized: the map re-renders only changed tiles.
import { memo } from "react";
import { ClockCircleOutlined, DisconnectOutlined, ExclamationCircleOutlined, QuestionCircleOutlined, StarFilled, TabletOutlined } from "@ant-design/icons";
import type { WindowTile } from "../../../../../server/src/contracts/liveHall.ts";
import type { Language } from "../../../lib/i18n.ts";
import { LIVE_HALL_TEXT } from "../text.ts";
import { sinceText, STATE_LOOKS, stateShortText, stateText } from "./stateLook.tsx";

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
/** Seconds as minutes with one decimal ("—" when the queue system reported none). */
export const minutesText = (seconds: number | null, lang: Language) => (seconds === null ? "—" : LIVE_HALL_TEXT[lang].minutes(Math.round(seconds / 6) / 10));

function WindowTileCardImpl({ tile, lang, onOpen }: { tile: WindowTile; lang: Language; onOpen: (windowId: number) => void }) {
  const lt = LIVE_HALL_TEXT[lang];
  const look = STATE_LOOKS[tile.state.kind];
  const state = stateText(tile.state, lang);
  const { today, warnings, pads } = tile;
  const satisfaction = today.ratings > 0 ? `${percent(today.satisfied, today.ratings)}(${today.ratings})` : "—";
  const details = [
    `${tile.number} ${tile.name} · ${tile.departments.map((d) => d.shortName).join("/")}`,
    state,
    tile.staff ? `${tile.staff.name}（${tile.staff.staffNo}）` : lt.nobody,
    `${lt.served} ${today.served} · ${lt.casesAccepted} ${today.casesAccepted}`,
    today.avgWaitSeconds !== null || today.avgServiceSeconds !== null ? `${lt.avgWait} ${minutesText(today.avgWaitSeconds, lang)} · ${lt.avgService} ${minutesText(today.avgServiceSeconds, lang)}` : null,
    today.ratings > 0 ? `${lt.satisfaction} ${percent(today.satisfied, today.ratings)} · ${lt.ratings(today.ratings)} · ${lt.bad} ${today.bad}` : lt.noRatings,
    tile.lastRating ? `${lt.lastRating} ${lt.level(tile.lastRating.level)}` : null,
    warnings.casesOverdue ? `${lt.overdue} ${warnings.casesOverdue}` : null,
    warnings.casesNearDeadline ? `${lt.nearDeadline} ${warnings.casesNearDeadline}` : null,
    warnings.openInquiries ? `${lt.openInquiries} ${warnings.openInquiries}` : null,
    pads.paired === 0 ? lt.noPad : pads.online > 0 ? lt.padOnline : lt.padOffline,
    tile.partyPost ? lt.partyPost : null,
  ].filter((x): x is string => x !== null);

  return (
    <button
      type="button"
      className="live-tile"
      data-testid={`live-tile-${tile.number}`}
      data-state={tile.state.kind}
      aria-label={lt.tileLabel(tile.number, state)}
      title={details.join("\n")}
      onClick={() => onOpen(tile.windowId)}
      style={{ color: look.color, background: look.background, borderColor: look.border, borderWidth: tile.state.kind === "UNATTENDED" ? 2 : 1 }}
    >
      <span className="live-tile-row">
        <strong className="live-tile-number">{tile.number}</strong>
        <span className="live-tile-dept">{tile.departments[0]?.shortName}</span>
        {tile.partyPost && <StarFilled className="live-tile-party" aria-label={lt.partyPost} />}
      </span>
      <span className="live-tile-row live-tile-state" data-testid="live-tile-state">
        {look.icon}
        <span className="live-tile-ellipsis">{stateShortText(tile.state, lang)}</span>
      </span>
      <span className="live-tile-row live-tile-staff" data-testid="live-tile-staff">
        {tile.staff ? tile.staff.name : tile.state.kind === "UNATTENDED" ? sinceText(tile.state.since, lang) : "—"}
      </span>
      <span className="live-tile-row live-tile-figures">
        <span data-testid="live-tile-served">{lt.served}{today.served}</span>
        <span data-testid="live-tile-satisfaction">{satisfaction}</span>
        <span className="live-tile-icons">
          {warnings.casesOverdue > 0 && <ExclamationCircleOutlined style={{ color: "#cf1322" }} aria-label={lt.overdue} />}
          {warnings.casesNearDeadline > 0 && <ClockCircleOutlined style={{ color: "#d48806" }} aria-label={lt.nearDeadline} />}
          {warnings.openInquiries > 0 && <QuestionCircleOutlined style={{ color: "#d48806" }} aria-label={lt.openInquiries} />}
          {pads.paired > 0 &&
            (pads.online > 0 ? (
              <TabletOutlined style={{ color: "#389e0d" }} aria-label={lt.padOnline} data-testid="live-tile-pad-online" />
            ) : (
              <DisconnectOutlined style={{ color: "#cf1322" }} aria-label={lt.padOffline} data-testid="live-tile-pad-offline" />
            ))}
        </span>
      </span>
    </button>
  );
}

export const WindowTileCard = memo(WindowTileCardImpl);
