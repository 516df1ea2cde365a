// The hall's service windows: where each is, which departments sit there, and whether it is a
// party-member responsibility post (党员责任岗).
import { useState } from "react";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { SORT_PARAM, sortHandler, sortOrderOf } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { ExportButton } from "../../imports/components/ExportButton.tsx";
import { WindowFormDrawer } from "./WindowFormDrawer.tsx";
import { WindowItemsModal } from "./WindowItemsModal.tsx";
import { WindowStaffModal } from "./WindowStaffModal.tsx";
import { Button, Tag, type TableColumnsType } from "antd";
import type { WindowDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ActiveTag } from "../../../components/ActiveTag.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { DEPARTMENT_FILTER, DepartmentFilter } from "../../departments/components/DepartmentFilter.tsx";
import { useWindowsPage } from "../api/useWindowsPage.ts";

const FILTERS = [DEPARTMENT_FILTER, SORT_PARAM];

export function WindowsPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const canEdit = useCurrentUser().role === "ADMIN";
  const [editing, setEditing] = useState<{ row: WindowDto | null } | null>(null);
  const [assigning, setAssigning] = useState<WindowDto | null>(null);
  const [staffing, setStaffing] = useState<WindowDto | null>(null);
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(list, key) });
  const result = useWindowsPage(list.query);
  const departments = useDepartmentNames();

  const columns: TableColumnsType<WindowDto> = [
    { title: t.windows.number, dataIndex: "number", ...sortable("number"), align: "right" },
    { title: t.windows.zone, dataIndex: "zone", ...sortable("zone") },
    { title: t.windows.name, dataIndex: "name", ...sortable("name") },
    {
      title: t.windows.departments,
      dataIndex: "departmentIds",
      render: (ids: number[]) => (ids.length === 0 ? t.none : ids.map((id) => <Tag key={id}>{departments.nameOf(id)}</Tag>)),
    },
    {
      title: t.windows.partyPost,
      dataIndex: "partyPost",
      render: (partyPost: boolean) => (partyPost ? <Tag color="red">{t.windows.partyPost}</Tag> : t.none),
    },
    { title: t.windows.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
    ...(canEdit
      ? [
          {
            title: t.masterEdit.actions,
            key: "actions",
            render: (_: unknown, row: WindowDto) => (
              <>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ row })} aria-label={`${t.masterEdit.edit} ${row.number}`}>
                  {t.masterEdit.edit}
                </Button>{" "}
                <Button size="small" onClick={() => setAssigning(row)} aria-label={`${t.masterEdit.items} ${row.number}`}>
                  {t.masterEdit.items}
                </Button>{" "}
                <Button size="small" onClick={() => setStaffing(row)} aria-label={`${t.assign.staffOfWindow} ${row.number}`}>
                  {t.assign.staffOfWindow}
                </Button>
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.windows, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        filters={<DepartmentFilter list={list} departments={departments} />}
        onTableChange={sortHandler<WindowDto>(list)}
        actions={
          <>
            <ExportButton path="/api/windows/export.xlsx" query={list.query} />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
                {t.masterEdit.create}
              </Button>
            ) : null}
          </>
        }
        testId="windows-table"
      />
      {staffing ? <WindowStaffModal window={staffing} onClose={() => setStaffing(null)} /> : null}
      {assigning ? <WindowItemsModal window={assigning} onClose={() => setAssigning(null)} /> : null}
      <WindowFormDrawer row={editing?.row ?? null} open={editing !== null} onClose={() => setEditing(null)} departments={departments} />
    </>
  );
}
