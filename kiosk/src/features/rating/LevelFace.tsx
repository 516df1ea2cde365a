// The face drawn for a level, from a broad smile (5) to a frown (1): drawn, so no pad or phone depends on an
// emoji font. Shared by the pad's level buttons and the phone rating page.
import type { Level } from "../../../../server/src/contracts/indicators.ts";

const MOUTHS: Record<Level, string> = { 5: "M18 38 Q32 54 46 38", 4: "M20 40 Q32 48 44 40", 3: "M20 42 L44 42", 2: "M20 46 Q32 38 44 46", 1: "M18 48 Q32 34 46 48" };

export function LevelFace({ level, className, size }: { level: Level; className: string; size: number }) {
  return (
    <svg className={className} viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="4" />
      <circle cx="22" cy="25" r="4" fill="currentColor" />
      <circle cx="42" cy="25" r="4" fill="currentColor" />
      <path d={MOUTHS[level]} fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
