// The service centers of the city, for city-level roles. The list is short and unpaged on the server,
// so searching and paging happen here while looking the same as every other list.
import type { TableColumnsType } from "antd";
import type { CenterDto } from "../../../../../server/src/contracts/masterData.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { PagedTable, type PageState } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams, type ListParams } from "../../../lib/useListParams.ts";
import { useCenters } from "../api/useCenters.ts";

function cutPage(centers: CenterDto[] | undefined, list: ListParams): PageState<CenterDto>["data"] {
  if (!centers) return undefined;
  const needle = list.q.trim().toLowerCase();
  const matching = needle
    ? centers.filter((center) => [center.code, center.name, center.regionCode].some((text) => text.toLowerCase().includes(needle)))
    : centers;
  const start = (list.page - 1) * list.pageSize;
  return { items: matching.slice(start, start + list.pageSize), total: matching.length, page: list.page, pageSize: list.pageSize };
}

export function CentersPage() {
  const { lang, t } = useLanguage();
  const list = useListParams();
  const centers = useCenters();

  const columns: TableColumnsType<CenterDto> = [
    { title: t.centers.code, dataIndex: "code" },
    { title: t.centers.name, dataIndex: "name" },
    { title: t.centers.regionCode, dataIndex: "regionCode" },
  ];

  const result: PageState<CenterDto> = {
    data: cutPage(centers.data?.items, list),
    isFetching: centers.isFetching,
    error: centers.error,
    refetch: centers.refetch,
  };

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.centers, lang)}</PageTitle>
      <PagedTable list={list} result={result} columns={columns} rowKey={(row) => row.id} testId="centers-table" />
    </>
  );
}
