// The idle screen: window, departments, the staff member on duty (photo, name, 工号), live from the
// server; the five choices are always there (walk-up rating), highlighted when staff invited one.
import { useState } from "react";
import type { InvitationMessage, WindowUpdated } from "../../../../server/src/contracts/kiosk.ts";
import type { Level } from "../../../../server/src/contracts/indicators.ts";
import { t, type Lang } from "../../lib/i18n.ts";
import { LevelButtons } from "./LevelButtons.tsx";

function StaffCard(props: { lang: Lang; view: WindowUpdated | null }) {
  const [photoFailed, setPhotoFailed] = useState(false);
  const staff = props.view?.staff ?? null;
  if (!staff) return <p className="staff-none">{t(props.lang, "nobody")}</p>;
  return (
    <div className="staff">
      {staff.photoUrl && !photoFailed ? (
        <img className="photo" src={staff.photoUrl} alt={staff.name} onError={() => setPhotoFailed(true)} />
      ) : (
        <div className="photo initials" aria-hidden="true">
          {staff.name.slice(0, 1)}
        </div>
      )}
      <div>
        <p className="staff-caption">{t(props.lang, "onDuty")}</p>
        <p className="staff-name">{staff.name}</p>
        <p className="staff-no">
          {t(props.lang, "staffNo")} {staff.staffNo}
        </p>
      </div>
    </div>
  );
}

export function IdleScreen(props: { lang: Lang; view: WindowUpdated | null; invitation: InvitationMessage | null; onChoose: (level: Level) => void }) {
  const { lang, view, invitation } = props;
  const stateKey = view?.state === "OPEN" ? "open" : view?.state === "PAUSED" ? "paused" : "closed";
  return (
    <section className={`screen idle${invitation ? " invited" : ""}`} aria-labelledby="prompt">
      <header className="window-head">
        <div>
          <p className="window-number">{view ? (lang === "zh-CN" ? `${view.number}${t(lang, "window")}` : `${t(lang, "window")}${view.number}`) : "…"}</p>
          <p className="window-name">{view?.name}</p>
          <p className="departments">{view?.departments.join("、")}</p>
          <p className={`window-state state-${stateKey}`}>{t(lang, stateKey)}</p>
        </div>
        <StaffCard lang={lang} view={view} />
      </header>
      <h1 id="prompt" aria-live="polite">
        {invitation ? t(lang, "invited") : t(lang, "prompt")}
      </h1>
      {invitation?.caseNo || invitation?.itemName ? (
        <p className="invitation-detail">
          {invitation.itemName}
          {invitation.caseNo ? ` · ${t(lang, "caseNo")} ${invitation.caseNo}` : ""}
        </p>
      ) : null}
      <LevelButtons lang={lang} onChoose={props.onChoose} labelledBy="prompt" />
    </section>
  );
}
