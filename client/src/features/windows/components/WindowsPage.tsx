// The hall's service windows: where each is, which departments sit there, and whether it is a
// party-member responsibility post (党员责任岗).
import { Tag, type TableColumnsType } from "antd";
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

const FILTERS = [DEPARTMENT_FILTER];

export function WindowsPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const result = useWindowsPage(list.query);
  const departments = useDepartmentNames();

  const columns: TableColumnsType<WindowDto> = [
    { title: t.windows.number, dataIndex: "number", align: "right" },
    { title: t.windows.zone, dataIndex: "zone" },
    { title: t.windows.name, dataIndex: "name" },
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
        testId="windows-table"
      />
    </>
  );
}
