// The failed items of a saved inspection, each with its one-click accountability proposal (#4).
import { App, Button, Flex, Tag, Typography } from "antd";
import type { InspectionDto } from "../../../../../server/src/contracts/inspections.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { useProposeFromFinding } from "../api/inspections.ts";
import { useInspectionText } from "../text.ts";

export function FindingActions({ inspection, canPropose }: { inspection: InspectionDto; canPropose: boolean }) {
  const { lang, it } = useInspectionText();
  const { message } = App.useApp();
  const propose = useProposeFromFinding();
  const failed = inspection.findings.filter((f) => !f.passed);
  if (failed.length === 0) return <Tag color="green">{it.allPassed}</Tag>;
  return (
    <Flex vertical gap={6}>
      {failed.map((f) => (
        <Flex key={f.code} gap={8} align="center" wrap data-testid={`finding-${f.code}`}>
          <Tag color="red">
            {lang === "en" ? f.labelEn : f.label} −{f.deduction}
          </Tag>
          {f.note ? <Typography.Text type="secondary">{f.note}</Typography.Text> : null}
          {f.accountabilityId !== null ? (
            <Typography.Text type="success" data-testid={`proposed-${f.code}`}>{it.proposed(f.accountabilityId)}</Typography.Text>
          ) : canPropose && inspection.staffId !== null ? (
            <Button
              size="small"
              danger
              loading={propose.isPending && propose.variables?.code === f.code}
              data-testid={`propose-${f.code}`}
              onClick={() =>
                propose.mutate({ inspectionId: inspection.id, code: f.code }, { onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)) })
              }
            >
              {it.propose}
            </Button>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
