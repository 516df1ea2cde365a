// How each window state looks: colour AND icon AND words, so it reads without colour (print, colour
// blindness) and at a glance.
import type { ReactNode } from "react";
import { CheckCircleOutlined, MinusCircleOutlined, PauseCircleOutlined, SyncOutlined, WarningFilled } from "@ant-design/icons";
import { CLOSED_REASON_LABELS, WINDOW_STATE_LABELS, type WindowState, type WindowStateKind } from "../../../../../server/src/contracts/liveHall.ts";
import { PAUSE_REASON_LABELS } from "../../../../../server/src/contracts/shifts.ts";
import { pickLabel, type Language } from "../../../lib/i18n.ts";

export interface StateLook {
  color: string;
  background: string;
  border: string;
  icon: ReactNode;
}

export const STATE_LOOKS: Record<WindowStateKind, StateLook> = {
  SERVING: { color: "#237804", background: "#f6ffed", border: "#95de64", icon: <SyncOutlined /> },
  IDLE: { color: "#0958d9", background: "#e6f4ff", border: "#91caff", icon: <CheckCircleOutlined /> },
  PAUSED: { color: "#ad4e00", background: "#fff7e6", border: "#ffc069", icon: <PauseCircleOutlined /> },
  CLOSED: { color: "#595959", background: "#fafafa", border: "#d9d9d9", icon: <MinusCircleOutlined /> },
  UNATTENDED: { color: "#a8071a", background: "#fff1f0", border: "#ff4d4f", icon: <WarningFilled /> },
};

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The short words on a tile: "暂停·开会", "无人值守", "午休". */
export function stateShortText(state: WindowState, lang: Language): string {
  return state.kind === "UNATTENDED" ? pickLabel(WINDOW_STATE_LABELS[state.kind], lang) : stateText(state, lang);
}

/** "09:05起" / "since 09:05" for an unattended window. */
export const sinceText = (iso: string, lang: Language): string => (lang === "en" ? `since ${hhmm(iso)}` : `${hhmm(iso)}起`);

/** The words for a state: "暂停·开会", "无人值守 10:05起", "午休". */
export function stateText(state: WindowState, lang: Language): string {
  const name = pickLabel(WINDOW_STATE_LABELS[state.kind], lang);
  switch (state.kind) {
    case "PAUSED":
      return `${name}·${pickLabel(PAUSE_REASON_LABELS[state.reason], lang)}`;
    case "CLOSED":
      return state.reason === "BEFORE_HOURS" || state.reason === "AFTER_HOURS" ? name : pickLabel(CLOSED_REASON_LABELS[state.reason], lang);
    case "UNATTENDED":
      return lang === "en" ? `${name} since ${hhmm(state.since)}` : `${name} ${hhmm(state.since)}起`;
    default:
      return name;
  }
}

export const formatHhmm = hhmm;
