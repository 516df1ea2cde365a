// The assessment pages, loaded when first opened: they bring the charting library along, which the
// rest of the client does not need.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Skeleton } from "antd";

function page(load: () => Promise<ComponentType>): ComponentType {
  const Lazy: LazyExoticComponent<ComponentType> = lazy(async () => ({ default: await load() }));
  return function AssessmentPage() {
    return (
      <Suspense fallback={<Skeleton active />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const RankingsRoute = page(async () => (await import("./components/RankingsPage.tsx")).RankingsPage);
export const WeeklyReviewRoute = page(async () => (await import("./components/WeeklyReviewPage.tsx")).WeeklyReviewPage);
export const QuarterEvaluationRoute = page(async () => (await import("./components/QuarterEvaluationPage.tsx")).QuarterEvaluationPage);
export const RunsRoute = page(async () => (await import("./components/RunsPage.tsx")).RunsPage);
export const RulesRoute = page(async () => (await import("./components/RulesPage.tsx")).RulesPage);
export const MyScoresRoute = page(async () => (await import("./components/MyScoresPage.tsx")).MyScoresPage);

/** The staff home page's card with their latest score, also loaded on first use */
export const MyScoreCardLazy = page(async () => (await import("./components/MyScoreCard.tsx")).MyScoreCard);
