// After a choice: that level's eight reasons (one tap each) and an optional short comment.
import { useState } from "react";
import { COMMENT_MAX, LEVEL_LABELS, indicatorsFor, type Level } from "../../../../server/src/contracts/indicators.ts";
import { t, type Lang } from "../../lib/i18n.ts";

export function ReasonsScreen(props: { lang: Lang; level: Level; onSubmit: (reasons: string[], comment: string) => void; onBack: () => void; onActivity: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const zh = props.lang === "zh-CN";
  const toggle = (code: string) => {
    props.onActivity();
    setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  };
  return (
    <section className="screen reasons-screen" aria-labelledby="reasons-title">
      <h1 id="reasons-title">
        {zh ? LEVEL_LABELS[props.level].zh : LEVEL_LABELS[props.level].en}
      </h1>
      <h2 id="reasons-help">{t(props.lang, "reasons")}</h2>
      <div className="reasons" role="group" aria-labelledby="reasons-help">
        {indicatorsFor(props.level).map((i) => (
          <button key={i.code} type="button" className="reason" aria-pressed={chosen.includes(i.code)} onClick={() => toggle(i.code)}>
            {zh ? i.zh : i.en}
          </button>
        ))}
      </div>
      <label className="comment">
        <span>{t(props.lang, "comment")}</span>
        <textarea
          value={comment}
          maxLength={COMMENT_MAX}
          rows={2}
          onChange={(e) => {
            props.onActivity();
            setComment(e.target.value);
          }}
        />
      </label>
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t(props.lang, "back")}
        </button>
        <button type="button" className="primary" onClick={() => props.onSubmit(chosen, comment)}>
          {t(props.lang, "submit")}
        </button>
      </div>
    </section>
  );
}
