// A staff member's record as leaders, supervisors and liaisons read it: who they are and the findings
// of the inspections of them (督查记录), newest first. Read-only; editing stays with administrators.
import { Descriptions, Drawer, Tag } from "antd";
import type { StaffDto } from "../../../../../server/src/contracts/masterData.ts";
import { useLanguage } from "../../../lib/language.tsx";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { StaffInspections } from "../../inspections/components/StaffInspections.tsx";
import { useInspectionText } from "../../inspections/text.ts";

export function StaffRecordDrawer({ row, onClose, departments }: { row: StaffDto | null; onClose: () => void; departments: DepartmentNames }) {
  const { t } = useLanguage();
  const { it } = useInspectionText();
  return (
    <Drawer title={row ? `${it.staffRecord} · ${row.name}` : it.staffRecord} open={row !== null} onClose={onClose} size="large" destroyOnHidden>
      {row ? (
        <div data-testid="staff-record">
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t.staff.staffNo}>{row.staffNo}</Descriptions.Item>
            <Descriptions.Item label={t.staff.name}>{row.name}</Descriptions.Item>
            <Descriptions.Item label={t.staff.department}>{departments.nameOf(row.departmentId)}</Descriptions.Item>
            <Descriptions.Item label={t.staff.title}>{row.title ?? t.none}</Descriptions.Item>
            <Descriptions.Item label={t.staff.partyMember}>{row.partyMember ? <Tag color="red">{t.self.partyMember}</Tag> : t.none}</Descriptions.Item>
          </Descriptions>
          <StaffInspections staffId={row.id} />
        </div>
      ) : null}
    </Drawer>
  );
}
