// The departments stationed in the hall (进驻部门), with how many staff and service items each has.
import type { TableColumnsType } from "antd";
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
  const list = useListParams();
  const result = useDepartmentsPage(list.query);
  const none = t.none;

  const columns: TableColumnsType<DepartmentDto> = [
    { title: t.departments.code, dataIndex: "code" },
    { title: t.departments.name, dataIndex: "name" },
    { title: t.departments.shortName, dataIndex: "shortName" },
    { title: t.departments.staffCount, dataIndex: "staffCount", align: "right", render: (n?: number) => n ?? none },
    { title: t.departments.itemCount, dataIndex: "itemCount", align: "right", render: (n?: number) => n ?? none },
    { title: t.departments.status, dataIndex: "active", render: (active: boolean) => <ActiveTag active={active} /> },
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.departments, lang)}</PageTitle>
      <PagedTable list={list} result={result} columns={columns} rowKey={(row) => row.id} testId="departments-table" />
    </>
  );
}
