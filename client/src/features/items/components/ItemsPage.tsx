// Service items (服务事项) with their statutory and promised time limits in working days; the promised
// limit is what the time-limited completion rules measure against.
import type { TableColumnsType } from "antd";
import type { ItemDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { DEPARTMENT_FILTER, DepartmentFilter } from "../../departments/components/DepartmentFilter.tsx";
import { useItemsPage } from "../api/useItemsPage.ts";

const FILTERS = [DEPARTMENT_FILTER];

export function ItemsPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const result = useItemsPage(list.query);
  const departments = useDepartmentNames();

  const columns: TableColumnsType<ItemDto> = [
    { title: t.items.code, dataIndex: "code" },
    { title: t.items.name, dataIndex: "name" },
    { title: t.items.category, dataIndex: "category" },
    { title: t.items.department, dataIndex: "departmentId", render: (id: number) => departments.nameOf(id) },
    { title: t.items.statutoryLimit, dataIndex: "statutoryLimitDays", align: "right" },
    { title: t.items.promisedLimit, dataIndex: "promisedLimitDays", align: "right" },
    { title: t.items.fee, dataIndex: "fee", render: (fee: string) => fee || t.none },
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
        testId="items-table"
      />
    </>
  );
}
