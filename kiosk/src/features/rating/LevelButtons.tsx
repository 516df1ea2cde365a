// The five large, labelled choices, 非常满意 (5) … 非常不满意 (1). Taps within 5 s of the last choice are
// ignored (a double tap must not become two ratings).
import { LEVELS, LEVEL_LABELS, type Level } from "../../../../server/src/contracts/indicators.ts";
import type { Lang } from "../../lib/i18n.ts";
import { LevelFace } from "./LevelFace.tsx";

export function LevelButtons(props: { lang: Lang; onChoose: (level: Level) => void; labelledBy: string }) {
  return (
    <div className="levels" role="group" aria-labelledby={props.labelledBy}>
      {LEVELS.map((level) => {
        const label = props.lang === "zh-CN" ? LEVEL_LABELS[level].zh : LEVEL_LABELS[level].en;
        return (
          <button key={level} type="button" className={`level level-${level}`} onClick={() => props.onChoose(level)} data-level={level}>
            <LevelFace level={level} className="face" size={72} />
            <span className="level-label">{label}</span>
          </button>
        );
      })}
    </div>
  );
}
