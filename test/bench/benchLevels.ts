// The levels the benchmarks' pads give: the demo hall's mix (~3 % bad reviews, each of which opens a
// rectification in the rating's own transaction, #6), or with BENCH_LEVELS=uniform one to five alike
// (40 % bad reviews: the worst case, and what the benchmarks used before the bad-review loop existed).
import { LEVEL_WEIGHTS } from "../../server/src/demo/history/evaluations.ts";
import { createRandom } from "../../server/src/demo/random.ts";

export type LevelMix = "demo" | "uniform";

export const benchLevelMix = (): LevelMix => (process.env.BENCH_LEVELS === "uniform" ? "uniform" : "demo");

export function levelPicker(mix: LevelMix, seed: number): () => number {
  if (mix === "uniform") return () => 1 + Math.floor(Math.random() * 5);
  const random = createRandom(seed);
  return () => random.weighted(LEVEL_WEIGHTS);
}
