// The period a page shows, kept in the URL (?period=2026-Q3) so a link or reload lands on the same one.
// The choices are the server's recent periods of the kind (Asia/Shanghai weeks, months, quarters)
// with their state; without a choice the newest computed period is shown.
import { Form, Select, Tag } from "antd";
import { useSearchParams } from "react-router";
import type { AssessmentPeriodKind, PeriodStatusDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { usePeriods } from "../api/assessment.ts";
import { periodName } from "../lib/periodName.ts";
import { useAssessmentText } from "../text.ts";

const COUNTS: Record<AssessmentPeriodKind, number> = { WEEK: 12, MONTH: 12, QUARTER: 8 };

export interface SelectedPeriod {
  label: string | undefined;
  status: PeriodStatusDto | undefined;
  periods: PeriodStatusDto[];
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function useSelectedPeriod(kind: AssessmentPeriodKind, enabled = true): SelectedPeriod {
  const [params] = useSearchParams();
  const periods = usePeriods(kind, COUNTS[kind], enabled);
  const items = periods.data?.items ?? [];
  const asked = params.get("period");
  const chosen = items.find((p) => p.period.label === asked) ?? items.find((p) => p.status !== "NOT_COMPUTED") ?? items[0];
  // A label typed into the URL is honoured even before the list has loaded, or if it is older than the list.
  const label = asked && (asked.includes("W") ? kind === "WEEK" : asked.includes("Q") ? kind === "QUARTER" : kind === "MONTH") ? asked : chosen?.period.label;
  return {
    label,
    status: items.find((p) => p.period.label === label),
    periods: items,
    isPending: periods.isPending,
    error: periods.error,
    refetch: periods.refetch,
  };
}

export function PeriodSelect({ selected, testId = "period-select", width = 380 }: { selected: SelectedPeriod; testId?: string; width?: number }) {
  const { lang, at } = useAssessmentText();
  const [, setParams] = useSearchParams();
  const statusTag = (p: PeriodStatusDto) =>
    p.status === "PUBLISHED" ? <Tag color="purple">{at.published}</Tag> : p.status === "NOT_COMPUTED" ? <Tag>{at.notComputed}</Tag> : null;
  return (
    <Form.Item label={at.period}>
      <Select<string>
        data-testid={testId}
        style={{ width }}
        loading={selected.isPending}
        value={selected.label}
        onChange={(label) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.set("period", label);
            return next;
          })
        }
        options={selected.periods.map((p) => ({
          value: p.period.label,
          label: (
            <span>
              {periodName(p.period, lang)} {statusTag(p)}
            </span>
          ),
          title: p.period.label,
        }))}
      />
    </Form.Item>
  );
}
