// A staff member's inspection findings, newest first: for the staff record (the staff drawer and the
// staff member's own home page mount it). Read-only; the list route limits what each role may see.
import { List, Tag, Typography } from "antd";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useInspectionsPage } from "../api/inspections.ts";
import { useInspectionText } from "../text.ts";

export function StaffInspections({ staffId }: { staffId: number }) {
  const { lang, it } = useInspectionText();
  const result = useInspectionsPage({ staffId, pageSize: 20 });
  return (
    <List
      size="small"
      loading={result.isLoading}
      header={<Typography.Text strong>{it.list}</Typography.Text>}
      dataSource={result.data?.items ?? []}
      locale={{ emptyText: it.noInspections }}
      data-testid="staff-inspections"
      renderItem={(r) => (
        <List.Item>
          <Typography.Text>
            {formatShanghaiDateTime(r.at)} · {r.windowNumber} {r.windowName} · {it.inspector} {r.inspectorName}
          </Typography.Text>{" "}
          {r.findings.filter((f) => !f.passed).length === 0 ? (
            <Tag color="green">{it.allPassed}</Tag>
          ) : (
            r.findings
              .filter((f) => !f.passed)
              .map((f) => (
                <Tag key={f.code} color="red">
                  {lang === "en" ? f.labelEn : f.label} −{f.deduction}
                </Tag>
              ))
          )}
        </List.Item>
      )}
    />
  );
}
