// Window staff (工作人员) with their department and party membership.
import { Tag, type TableColumnsType } from "antd";
import type { StaffDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ActiveTag } from "../../../components/ActiveTag.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { DEPARTMENT_FILTER, DepartmentFilter } from "../../departments/components/DepartmentFilter.tsx";
import { useStaffPage } from "../api/useStaffPage.ts";

const FILTERS = [DEPARTMENT_FILTER];

export function StaffPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const result = useStaffPage(list.query);
  const departments = useDepartmentNames();

  const columns: TableColumnsType<StaffDto> = [
    { title: t.staff.staffNo, dataIndex: "staffNo" },
    { title: t.staff.name, dataIndex: "name" },
    { title: t.staff.department, dataIndex: "departmentId", render: (id: number) => departments.nameOf(id) },
    { title: t.staff.title, dataIndex: "title", render: (title: string | null) => title ?? t.none },
    {
      title: t.staff.partyMember,
      dataIndex: "partyMember",
      render: (partyMember: boolean) => (partyMember ? <Tag color="red">{t.self.partyMember}</Tag> : t.none),
    },
    { title: t.staff.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.staff, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        filters={<DepartmentFilter list={list} departments={departments} />}
        testId="staff-table"
      />
    </>
  );
}
