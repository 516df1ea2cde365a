// Narrows the account list (and its Excel export) by role and by state; kept in the URL.
import { useId } from "react";
import { Form, Select } from "antd";
import { ROLES, ROLE_LABELS } from "../../../../../server/src/contracts/roles.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import type { ListParams } from "../../../lib/useListParams.ts";

export const USER_FILTERS = ["role", "active"];

export function UserFilters({ list }: { list: ListParams }) {
  const { lang, t } = useLanguage();
  const roleId = useId();
  const activeId = useId();
  return (
    <>
      <Form.Item label={t.users.role} htmlFor={roleId}>
        <Select<string> id={roleId} allowClear placeholder={t.assign.allRoles} style={{ width: 160 }} value={list.filters.role}
          options={ROLES.map((r) => ({ value: r, label: pickLabel(ROLE_LABELS[r], lang) }))}
          onChange={(role) => list.update({ filters: { role } })} />
      </Form.Item>
      <Form.Item label={t.users.status} htmlFor={activeId}>
        <Select<string> id={activeId} allowClear placeholder={t.assign.allStates} style={{ width: 120 }} value={list.filters.active}
          options={[{ value: "true", label: t.assign.activeOnly }, { value: "false", label: t.assign.inactiveOnly }]}
          onChange={(active) => list.update({ filters: { active } })} />
      </Form.Item>
    </>
  );
}
