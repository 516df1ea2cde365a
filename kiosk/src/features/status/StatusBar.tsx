// The discreet corner for staff: unsent count, offline mark, the rejected list (never emptied by the
// pad), the language and voice switches.
import { useState } from "react";
import { t, type Lang } from "../../lib/i18n.ts";
import type { Outbox, RejectedRating } from "../../lib/outbox.ts";

export interface PadStatus {
  connected: boolean;
  unsent: number;
  rejected: number;
}

export function StatusBar(props: { lang: Lang; status: PadStatus; outbox: Outbox | null; voice: boolean; onLang: () => void; onVoice: () => void }) {
  const [list, setList] = useState<RejectedRating[] | null>(null);
  const { lang, status } = props;
  return (
    <footer className="status-bar">
      <span className="status-left">
        {!status.connected ? <span className="offline">{t(lang, "offline")}</span> : null}
        {status.unsent > 0 ? (
          <span className="unsent" data-testid="unsent">
            {t(lang, "unsent")} {status.unsent}
          </span>
        ) : null}
        {status.rejected > 0 ? (
          <button type="button" className="link" onClick={() => void props.outbox?.rejected().then(setList)}>
            {t(lang, "rejected")} {status.rejected}
          </button>
        ) : null}
      </span>
      <span className="status-right">
        <button type="button" className="small" aria-pressed={props.voice} onClick={props.onVoice}>
          {props.voice ? t(lang, "voiceOn") : t(lang, "voiceOff")}
        </button>
        <button type="button" className="small" lang={lang === "zh-CN" ? "en" : "zh-CN"} onClick={props.onLang}>
          {t(lang, "otherLang")}
        </button>
      </span>
      {list ? (
        <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t(lang, "rejectedTitle")}</h2>
          <ul>
            {list.map((r) => (
              <li key={r.rating.id}>
                {new Date(r.rating.ratedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} · {r.rating.level} · {r.code} · {r.message}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => setList(null)}>
            {t(lang, "close")}
          </button>
        </div>
      ) : null}
    </footer>
  );
}
