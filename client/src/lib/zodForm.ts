// Forms validate with the very zod schema the API uses (contracts/), before sending: each issue is
// put on the field it names, the way server issues are (formErrors.ts). Also: the list's sort order
// as the `sort` URL parameter, so a sorted list survives reload and exports in the same order.
import type { FormInstance, TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import type { ZodType } from "zod";
import type { Language } from "./i18n.ts";
import type { ListParams } from "./useListParams.ts";

const MESSAGES: Record<string, { zh: string; en: string }> = {
  invalid_type: { zh: "请填写该项", en: "Required" },
  too_big: { zh: "超出允许的最大值或长度", en: "Too large or too long" },
  too_small: { zh: "不能为空或小于允许的最小值", en: "Empty or too small" },
  invalid_format: { zh: "格式不正确", en: "Wrong format" },
  invalid_value: { zh: "不是允许的取值", en: "Not an allowed value" },
  custom: { zh: "取值不正确", en: "Wrong value" },
};

/** Parses `values` with `schema`; on failure puts each issue on its field and returns undefined. */
export function parseForm<T>(form: FormInstance, schema: ZodType<T>, values: unknown, lang: Language, messages: Record<string, string> = {}): T | undefined {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const byField = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    const text = messages[field] ?? (lang === "en" ? (MESSAGES[issue.code] ?? MESSAGES.custom!).en : (MESSAGES[issue.code] ?? MESSAGES.custom!).zh);
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return undefined;
}

export const SORT_PARAM = "sort";

/** The antd sort order of a column, from the list's `sort` parameter ("name" / "-name"). */
export function sortOrderOf(list: ListParams, column: string): "ascend" | "descend" | null {
  const sort = list.filters[SORT_PARAM];
  if (sort === column) return "ascend";
  if (sort === `-${column}`) return "descend";
  return null;
}

/** A Table onChange that writes column sorting into the URL. */
export function sortHandler<T>(list: ListParams): TableProps<T>["onChange"] {
  return (_pagination, _filters, sorter, extra) => {
    if (extra.action !== "sort") return;
    const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
    const field = typeof one?.columnKey === "string" ? one.columnKey : undefined;
    const value = field && one?.order ? `${one.order === "descend" ? "-" : ""}${field}` : undefined;
    list.update({ filters: { [SORT_PARAM]: value } });
  };
}
