// Service items (服务事项) with their statutory and promised time limits in working days; the promised
// limit is what the time-limited completion rules measure against. Administrators create, edit,
// import and deactivate items here; every reader can sort and export the filtered list.
import { useState } from "react";
import { Button, type TableColumnsType } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { ItemDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ActiveTag } from "../../../components/ActiveTag.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { SORT_PARAM, sortHandler, sortOrderOf } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { DEPARTMENT_FILTER, DepartmentFilter } from "../../departments/components/DepartmentFilter.tsx";
import { ExportButton } from "../../imports/components/ExportButton.tsx";
import { ImportButton } from "../../imports/components/ImportButton.tsx";
import { useItemsPage } from "../api/useItemsPage.ts";
import { ItemFormDrawer } from "./ItemFormDrawer.tsx";

const FILTERS = [DEPARTMENT_FILTER, SORT_PARAM];

export function ItemsPage() {
  const { lang, t } = useLanguage();
  const user = useCurrentUser();
  const canEdit = user.role === "ADMIN";
  const list = useListParams(FILTERS);
  const result = useItemsPage(list.query);
  const departments = useDepartmentNames();
  const [editing, setEditing] = useState<{ item: ItemDto | null } | null>(null);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(list, key) });
  const columns: TableColumnsType<ItemDto> = [
    { title: t.items.code, dataIndex: "code", ...sortable("code") },
    { title: t.items.name, dataIndex: "name", ...sortable("name") },
    { title: t.items.category, dataIndex: "category", ...sortable("category") },
    { title: t.items.department, dataIndex: "departmentId", render: (id: number) => departments.nameOf(id) },
    { title: t.items.statutoryLimit, dataIndex: "statutoryLimitDays", align: "right", ...sortable("statutoryLimitDays") },
    { title: t.items.promisedLimit, dataIndex: "promisedLimitDays", align: "right", ...sortable("promisedLimitDays") },
    { title: t.items.fee, dataIndex: "fee", render: (fee: string) => fee || t.none },
    { title: t.departments.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
    ...(canEdit
      ? [
          {
            title: t.masterEdit.actions,
            key: "actions",
            render: (_: unknown, item: ItemDto) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ item })} aria-label={`${t.masterEdit.edit} ${item.name}`}>
                {t.masterEdit.edit}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.items, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        filters={<DepartmentFilter list={list} departments={departments} />}
        onTableChange={sortHandler<ItemDto>(list)}
        actions={
          <>
            <ExportButton path="/api/items/export.xlsx" query={list.query} />
            {canEdit ? <ImportButton kind="items" /> : null}
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ item: null })}>
                {t.masterEdit.create}
              </Button>
            ) : null}
          </>
        }
        testId="items-table"
      />
      <ItemFormDrawer item={editing?.item ?? null} open={editing !== null} onClose={() => setEditing(null)} departments={departments} />
    </>
  );
}
