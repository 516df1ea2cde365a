// The citizen's rating page, opened from the SMS of a completed case: /kiosk/r#<token>. The token lives
// in the URL fragment, which the browser never sends, so it reaches the server only inside the JSON
// body. The same five levels and reasons as the pad; one rating per link; sized for a phone.
import { useEffect, useState } from "react";
import type { RatingLinkContextDto } from "../../../../server/src/contracts/ratingLinks.ts";
import { COMMENT_MAX, LEVELS, LEVEL_LABELS, indicatorsFor, type Level } from "../../../../server/src/contracts/indicators.ts";
import { LevelFace } from "../rating/LevelFace.tsx";
import { lookupLink, rateLink, type ApiFailure } from "./api.ts";
import { t, type Lang } from "./text.ts";
import "./linkRating.css";

type Step =
  | { kind: "loading" }
  | { kind: "refused"; error: ApiFailure | null }
  | { kind: "choose"; context: RatingLinkContextDto }
  | { kind: "reasons"; context: RatingLinkContextDto; level: Level }
  | { kind: "thanks" };

const TOKEN = /^[A-Za-z0-9_-]{24}$/;
const tokenFromFragment = (): string | null => {
  const token = window.location.hash.replace(/^#/, "");
  return TOKEN.test(token) ? token : null;
};


const beijingDate = (iso: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === "zh-CN" ? "zh-CN" : "en-GB", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

function ServiceSummary({ context, lang }: { context: RatingLinkContextDto; lang: Lang }) {
  return (
    <dl className="lr-summary">
      <div>
        <dt>{t(lang, "item")}</dt>
        <dd>{context.itemName}</dd>
      </div>
      <div>
        <dt>{t(lang, "caseNo")}</dt>
        <dd>{context.caseNoMasked}</dd>
      </div>
      <div>
        <dt>{t(lang, "window")}</dt>
        <dd>{lang === "zh-CN" ? `${context.windowNumber}${t(lang, "windowSuffix")}` : context.windowNumber}</dd>
      </div>
      <div>
        <dt>{t(lang, "until")}</dt>
        <dd>{beijingDate(context.expiresAt, lang)}</dd>
      </div>
    </dl>
  );
}

export function LinkRatingPage() {
  const [lang, setLang] = useState<Lang>("zh-CN");
  const [token] = useState(tokenFromFragment);
  const [step, setStep] = useState<Step>({ kind: "loading" });
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, "title");
  }, [lang]);

  useEffect(() => {
    if (!token) {
      setStep({ kind: "refused", error: null });
      return;
    }
    let live = true;
    lookupLink(token)
      .then((answer) => {
        if (!live) return;
        setStep(answer.ok ? { kind: "choose", context: answer.body } : { kind: "refused", error: answer.error });
      })
      .catch(() => live && setStep({ kind: "refused", error: { code: "NETWORK", message: t("zh-CN", "network"), messageEn: t("en", "network") } }));
    return () => {
      live = false;
    };
  }, [token, attempt]);

  const zh = lang === "zh-CN";
  const messageOf = (e: ApiFailure) => (zh ? e.message : e.messageEn);

  const submit = async (level: Level) => {
    if (!token || sending) return;
    setSending(true);
    setFailure(null);
    try {
      const answer = await rateLink({ token, level, reasons: chosen, comment });
      if (answer.ok) setStep({ kind: "thanks" });
      else if (answer.error.code === "LINK_USED" || answer.error.code === "ALREADY_RATED" || answer.error.code === "LINK_EXPIRED") setStep({ kind: "refused", error: answer.error });
      else setFailure(answer.error);
    } catch {
      setFailure({ code: "NETWORK", message: t("zh-CN", "network"), messageEn: t("en", "network") });
    } finally {
      setSending(false);
    }
  };

  return (
    <main className="link-rating">
      <header className="lr-head">
        <h1>{t(lang, "title")}</h1>
        <button type="button" className="lr-lang" onClick={() => setLang(zh ? "en" : "zh-CN")} lang={zh ? "en" : "zh-CN"}>
          {t(lang, "otherLang")}
        </button>
      </header>

      {step.kind === "loading" && <p className="lr-note" role="status">{t(lang, "loading")}</p>}

      {step.kind === "refused" && (
        <section className="lr-refused" role="alert">
          <p className="lr-refused-text">{step.error ? messageOf(step.error) : t(lang, "noToken")}</p>
          {step.error?.code === "NETWORK" && (
            <button type="button" className="primary" onClick={() => setAttempt((a) => a + 1)}>
              {t(lang, "retry")}
            </button>
          )}
        </section>
      )}

      {step.kind === "choose" && (
        <section aria-labelledby="lr-choose">
          <p className="lr-center">{step.context.centerName}</p>
          <ServiceSummary context={step.context} lang={lang} />
          <h2 id="lr-choose">{t(lang, "chooseLevel")}</h2>
          <div className="lr-levels" role="group" aria-labelledby="lr-choose">
            {LEVELS.map((level) => (
              <button
                key={level}
                type="button"
                className={`lr-level level-${level}`}
                data-level={level}
                onClick={() => {
                  setChosen([]);
                  setStep({ kind: "reasons", context: step.context, level });
                }}
              >
                <LevelFace level={level} className="lr-face" size={40} />
                <span>{zh ? LEVEL_LABELS[level].zh : LEVEL_LABELS[level].en}</span>
              </button>
            ))}
          </div>
          <p className="lr-note">{t(lang, "voluntary")}</p>
        </section>
      )}

      {step.kind === "reasons" && (
        <section aria-labelledby="lr-level">
          <h2 id="lr-level" className={`lr-chosen level-${step.level}`}>
            <LevelFace level={step.level} className="lr-face" size={40} /> {zh ? LEVEL_LABELS[step.level].zh : LEVEL_LABELS[step.level].en}
          </h2>
          <p id="lr-reasons-help" className="lr-help">{t(lang, "reasons")}</p>
          <div className="lr-reasons" role="group" aria-labelledby="lr-reasons-help">
            {indicatorsFor(step.level).map((i) => (
              <button key={i.code} type="button" className="reason" aria-pressed={chosen.includes(i.code)} onClick={() => setChosen((c) => (c.includes(i.code) ? c.filter((x) => x !== i.code) : [...c, i.code]))}>
                {zh ? i.zh : i.en}
              </button>
            ))}
          </div>
          <label className="lr-comment">
            <span>{t(lang, "comment")}</span>
            <textarea value={comment} maxLength={COMMENT_MAX} rows={3} onChange={(e) => setComment(e.target.value)} />
          </label>
          {failure && (
            <p className="error" role="alert">
              {messageOf(failure)}
            </p>
          )}
          <div className="lr-actions">
            <button type="button" className="secondary" onClick={() => setStep({ kind: "choose", context: step.context })} disabled={sending}>
              {t(lang, "back")}
            </button>
            <button type="button" className="primary" onClick={() => void submit(step.level)} disabled={sending}>
              {sending ? t(lang, "submitting") : t(lang, "submit")}
            </button>
          </div>
        </section>
      )}

      {step.kind === "thanks" && (
        <section className="lr-thanks" role="status">
          <h2>{t(lang, "thanks")}</h2>
          <p>{t(lang, "thanksSub")}</p>
        </section>
      )}
    </main>
  );
}
