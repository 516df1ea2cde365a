// After the reasons of a bad review: an optional mobile number for the callback, typed on a large number
// pad, and a consent line the citizen must tick (PIPL: what the number is for and when it is deleted).
// Skipping sends the rating without a number; nothing is kept of a number not submitted.
import { useState } from "react";
import { t, type Lang } from "../../lib/i18n.ts";

/** Mainland mobile numbers, as the server checks them (contracts/kiosk.ts). */
const MOBILE = /^1[3-9]\d{9}$/;
const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

export function CallbackScreen(props: { lang: Lang; retentionDays: number; onSubmit: (phone: string | null) => void; onActivity: () => void }) {
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(false);
  const valid = MOBILE.test(phone);
  const type = (next: string) => {
    props.onActivity();
    setPhone(next.slice(0, 11));
  };
  return (
    <section className="screen callback-screen" aria-labelledby="callback-title">
      <h1 id="callback-title">{t(props.lang, "callbackTitle")}</h1>
      <p className="callback-help">{t(props.lang, "callbackHelp")}</p>
      <label className="callback-phone">
        <span>{t(props.lang, "callbackPhone")}</span>
        <input value={phone} readOnly inputMode="none" aria-describedby="callback-hint" placeholder="1__________" />
      </label>
      <p id="callback-hint" className="callback-hint" aria-live="polite">
        {phone.length > 0 && !valid ? t(props.lang, "callbackInvalid") : " "}
      </p>
      <div className="digits" role="group" aria-label={t(props.lang, "callbackPhone")}>
        {DIGITS.map((d) => (
          <button key={d} type="button" className="digit" onClick={() => type(phone + d)}>
            {d}
          </button>
        ))}
        <button type="button" className="digit" onClick={() => type("")}>
          {t(props.lang, "digitClear")}
        </button>
        <button type="button" className="digit" onClick={() => type(phone + "0")}>
          0
        </button>
        <button type="button" className="digit" onClick={() => type(phone.slice(0, -1))}>
          {t(props.lang, "digitDelete")}
        </button>
      </div>
      <label className="consent">
        <input
          type="checkbox"
          checked={consent}
          onChange={(e) => {
            props.onActivity();
            setConsent(e.target.checked);
          }}
        />
        <span>{t(props.lang, "callbackConsent").replace("{n}", String(props.retentionDays))}</span>
      </label>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => props.onSubmit(null)}>
          {t(props.lang, "callbackSkip")}
        </button>
        <button type="button" className="primary" disabled={!valid || !consent} onClick={() => props.onSubmit(phone)}>
          {t(props.lang, "callbackSubmit")}
        </button>
      </div>
    </section>
  );
}
