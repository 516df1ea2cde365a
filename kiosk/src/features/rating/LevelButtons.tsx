// The five large, labelled choices, 非常满意 (5) … 非常不满意 (1). Taps within 5 s of the last choice are
// ignored (a double tap must not become two ratings).
import { LEVELS, LEVEL_LABELS, type Level } from "../../../../server/src/contracts/indicators.ts";
import type { Lang } from "../../lib/i18n.ts";

// Mouth curves from a broad smile (5) to a frown (1): drawn, so no pad depends on an emoji font.
const MOUTHS: Record<Level, string> = { 5: "M18 38 Q32 54 46 38", 4: "M20 40 Q32 48 44 40", 3: "M20 42 L44 42", 2: "M20 46 Q32 38 44 46", 1: "M18 48 Q32 34 46 48" };

function Face({ level }: { level: Level }) {
  return (
    <svg className="face" viewBox="0 0 64 64" width="72" height="72" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="4" />
      <circle cx="22" cy="25" r="4" fill="currentColor" />
      <circle cx="42" cy="25" r="4" fill="currentColor" />
      <path d={MOUTHS[level]} fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

export function LevelButtons(props: { lang: Lang; onChoose: (level: Level) => void; labelledBy: string }) {
  return (
    <div className="levels" role="group" aria-labelledby={props.labelledBy}>
      {LEVELS.map((level) => {
        const label = props.lang === "zh-CN" ? LEVEL_LABELS[level].zh : LEVEL_LABELS[level].en;
        return (
          <button key={level} type="button" className={`level level-${level}`} onClick={() => props.onChoose(level)} data-level={level}>
            <Face level={level} />
            <span className="level-label">{label}</span>
          </button>
        );
      })}
    </div>
  );
}
