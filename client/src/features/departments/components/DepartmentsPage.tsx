// The departments stationed in the hall (进驻部门), with how many staff and service items each has.
import { useState } from "react";
import { Button, type TableColumnsType } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { SORT_PARAM, sortHandler, sortOrderOf } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { ExportButton } from "../../imports/components/ExportButton.tsx";
import { ImportButton } from "../../imports/components/ImportButton.tsx";
import { DepartmentFormDrawer } from "./DepartmentFormDrawer.tsx";
import type { DepartmentDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ActiveTag } from "../../../components/ActiveTag.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDepartmentsPage } from "../api/useDepartmentsPage.ts";

export function DepartmentsPage() {
  const { lang, t } = useLanguage();
  const list = useListParams([SORT_PARAM]);
  const canEdit = useCurrentUser().role === "ADMIN";
  const [editing, setEditing] = useState<{ row: DepartmentDto | null } | null>(null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(list, key) });
  const result = useDepartmentsPage(list.query);
  const none = t.none;

  const columns: TableColumnsType<DepartmentDto> = [
    { title: t.departments.code, dataIndex: "code", ...sortable("code") },
    { title: t.departments.name, dataIndex: "name", ...sortable("name") },
    { title: t.departments.shortName, dataIndex: "shortName", ...sortable("shortName") },
    { title: t.departments.staffCount, dataIndex: "staffCount", align: "right", render: (n?: number) => n ?? none },
    { title: t.departments.itemCount, dataIndex: "itemCount", align: "right", render: (n?: number) => n ?? none },
    { title: t.departments.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
    ...(canEdit
      ? [
          {
            title: t.masterEdit.actions,
            key: "actions",
            render: (_: unknown, row: DepartmentDto) => (
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
      <PageTitle>{pickLabel(NAV_LABELS.departments, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        onTableChange={sortHandler<DepartmentDto>(list)}
        actions={
          <>
            <ExportButton path="/api/departments/export.xlsx" query={list.query} />
            {canEdit ? <ImportButton kind="departments" /> : null}
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
                {t.masterEdit.create}
              </Button>
            ) : null}
          </>
        }
        testId="departments-table"
      />
      <DepartmentFormDrawer row={editing?.row ?? null} open={editing !== null} onClose={() => setEditing(null)} />
    </>
  );
}
