// A select in a list page's filter bar, bound to one filter of the URL-kept list state (useListParams):
// clearing it drops the filter, choosing starts again at page 1.
import { Form, Select } from "antd";
import type { ListParams } from "../lib/useListParams.ts";

export interface FilterOption {
  value: string | number;
  label: string;
}

export function ListFilterSelect({ list, name, label, options, width = 150, searchable = false, testId }: {
  list: ListParams;
  name: string;
  label: string;
  options: readonly FilterOption[];
  width?: number;
  /** Type to narrow long lists (departments, windows) */
  searchable?: boolean;
  testId?: string;
}) {
  return (
    <Form.Item label={label}>
      <Select<string>
        allowClear
        showSearch={searchable ? { optionFilterProp: "label" } : undefined}
        data-testid={testId}
        style={{ width }}
        value={list.filters[name]}
        options={options.map((o) => ({ value: String(o.value), label: o.label }))}
        onChange={(v) => list.update({ filters: { [name]: v } })}
      />
    </Form.Item>
  );
}
