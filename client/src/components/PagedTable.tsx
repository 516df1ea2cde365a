// The shape every list page shares: search box and filters, a server-paged table, and its loading and
// error states. Paging and search state come from the URL (useListParams).
import { useId, type Key, type ReactNode } from "react";
import { Flex, Form, Input, Table, type TableColumnsType, type TableProps } from "antd";
import type { Page } from "../../../server/src/contracts/common.ts";
import type { ListParams } from "../lib/useListParams.ts";
import { useLanguage } from "../lib/language.tsx";
import { useDraft } from "../lib/useDraft.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/** What the table needs of a page query; a react-query result fits, and so does a page cut client-side. */
export interface PageState<T> {
  data: Page<T> | undefined;
  isFetching: boolean;
  /** null when the last fetch succeeded. */
  error: unknown;
  refetch: () => unknown;
}

interface PagedTableProps<T> {
  list: ListParams;
  result: PageState<T>;
  columns: TableColumnsType<T>;
  rowKey: (row: T) => Key;
  /** Extra Form.Items shown after the search box. */
  filters?: ReactNode;
  expandable?: TableProps<T>["expandable"];
  testId?: string;
  /** Column sorting and other table events (paging is handled here already). */
  onTableChange?: TableProps<T>["onChange"];
  /** Buttons shown at the end of the search row (export, import, create). */
  actions?: ReactNode;
}

export function PagedTable<T extends object>({ list, result, columns, rowKey, filters, expandable, testId, onTableChange, actions }: PagedTableProps<T>) {
  const { t } = useLanguage();
  const searchId = useId();
  const [searchDraft, setSearchDraft] = useDraft(list.q);

  return (
    <Flex vertical gap={16}>
      <Form layout="inline" component="div" style={{ rowGap: 12 }}>
        <Form.Item label={t.keyword} htmlFor={searchId}>
          <Input.Search
            id={searchId}
            value={searchDraft}
            onChange={(event) => setSearchDraft(event.target.value)}
            placeholder={t.keywordPlaceholder}
            enterButton={t.search}
            allowClear
            maxLength={100}
            onSearch={(q) => list.update({ q })}
            style={{ width: 320 }}
          />
        </Form.Item>
        {filters}
        {actions}
      </Form>
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<T>
        data-testid={testId}
        rowKey={rowKey}
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        expandable={expandable}
        onChange={onTableChange}
        scroll={{ x: "max-content" }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (total) => t.totalCount(total),
          onChange: (page, pageSize) => (pageSize === list.pageSize ? list.update({ page }) : list.update({ pageSize })),
        }}
      />
    </Flex>
  );
}
