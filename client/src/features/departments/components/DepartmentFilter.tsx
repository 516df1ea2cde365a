// Narrows a list to one department; hidden for roles that cannot list departments (their lists are
// already limited to their own department by the server).
import { useId } from "react";
import { Form, Select } from "antd";
import { useLanguage } from "../../../lib/language.tsx";
import type { ListParams } from "../../../lib/useListParams.ts";
import type { DepartmentNames } from "../api/useDepartmentNames.ts";

export const DEPARTMENT_FILTER = "departmentId";

export function DepartmentFilter({ list, departments }: { list: ListParams; departments: DepartmentNames }) {
  const { t } = useLanguage();
  const id = useId();
  if (departments.options.length === 0) return null;
  const selected = Number(list.filters[DEPARTMENT_FILTER]);
  return (
    <Form.Item label={t.department} htmlFor={id}>
      <Select<number>
        id={id}
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        placeholder={t.allDepartments}
        options={departments.options}
        value={Number.isInteger(selected) && selected > 0 ? selected : undefined}
        onChange={(value) => list.update({ filters: { [DEPARTMENT_FILTER]: value === undefined ? undefined : String(value) } })}
        style={{ width: 240 }}
      />
    </Form.Item>
  );
}
