// Window staff (工作人员) with their department and party membership.
import { useState } from "react";
import { EditOutlined, PlusOutlined, ProfileOutlined } from "@ant-design/icons";
import { SORT_PARAM, sortHandler, sortOrderOf } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { ExportButton } from "../../imports/components/ExportButton.tsx";
import { ImportButton } from "../../imports/components/ImportButton.tsx";
import { StaffFormDrawer } from "./StaffFormDrawer.tsx";
import { StaffRecordDrawer } from "./StaffRecordDrawer.tsx";
import { INSPECTION_READERS, useInspectionText } from "../../inspections/text.ts";
import { Button, Tag, type TableColumnsType } from "antd";
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

const FILTERS = [DEPARTMENT_FILTER, SORT_PARAM];

export function StaffPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const role = useCurrentUser().role;
  const canEdit = role === "ADMIN";
  // Inspection findings belong to the record; administrators, who edit it, do not read them
  const canSeeRecord = INSPECTION_READERS.includes(role);
  const { it } = useInspectionText();
  const [editing, setEditing] = useState<{ row: StaffDto | null } | null>(null);
  const [viewing, setViewing] = useState<StaffDto | null>(null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(list, key) });
  const result = useStaffPage(list.query);
  const departments = useDepartmentNames();

  const columns: TableColumnsType<StaffDto> = [
    { title: t.staff.staffNo, dataIndex: "staffNo", ...sortable("staffNo") },
    { title: t.staff.name, dataIndex: "name", ...sortable("name") },
    { title: t.staff.department, dataIndex: "departmentId", render: (id: number) => departments.nameOf(id) },
    { title: t.staff.title, dataIndex: "title", ...sortable("title"), render: (title: string | null) => title ?? t.none },
    {
      title: t.staff.partyMember,
      dataIndex: "partyMember",
      render: (partyMember: boolean) => (partyMember ? <Tag color="red">{t.self.partyMember}</Tag> : t.none),
    },
    { title: t.staff.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
    ...(canSeeRecord
      ? [
          {
            title: it.staffRecord,
            key: "record",
            render: (_: unknown, row: StaffDto) => (
              <Button size="small" icon={<ProfileOutlined />} onClick={() => setViewing(row)} aria-label={`${it.staffRecord} ${row.name}`}>
                {it.staffRecord}
              </Button>
            ),
          },
        ]
      : []),
    ...(canEdit
      ? [
          {
            title: t.masterEdit.actions,
            key: "actions",
            render: (_: unknown, row: StaffDto) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ row })} aria-label={`${t.masterEdit.edit} ${row.name}`}>
                {t.masterEdit.edit}
              </Button>
            ),
          },
        ]
      : []),
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
        onTableChange={sortHandler<StaffDto>(list)}
        actions={
          <>
            <ExportButton path="/api/staff/export.xlsx" query={list.query} />
            {canEdit ? <ImportButton kind="staff" /> : null}
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
                {t.masterEdit.create}
              </Button>
            ) : null}
          </>
        }
        testId="staff-table"
      />
      <StaffFormDrawer row={editing?.row ?? null} open={editing !== null} onClose={() => setEditing(null)} departments={departments} />
      <StaffRecordDrawer row={viewing} onClose={() => setViewing(null)} departments={departments} />
    </>
  );
}
