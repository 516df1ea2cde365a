// Create an account (role, initial password the user must change, staff record or department where
// the role needs one) or edit one: rename, (de)activate, or change its role with the link the new role
// needs. Checked with the API's own schemas; the server's refusals (taken username, weak password,
// missing link, a role one may not grant, one's own administrator role) show beside their field.
import { useEffect } from "react";
import { App, Form, Input, InputNumber, Select, Switch } from "antd";
import { ROLE_LABELS, type Role } from "../../../../../server/src/contracts/roles.ts";
import { createUserBodySchema, updateUserBodySchema, type UserDto } from "../../../../../server/src/contracts/users.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useSaveUser } from "../api/saveUser.ts";

/** Roles an administrator may grant (city-level roles are provisioned centrally); the server decides. */
export const GRANTABLE: Role[] = ["LEADER", "SUPERVISOR", "STAFF", "LIAISON", "AUDITOR", "SECURITY_ADMIN", "ADMIN"];
const FIELDS = ["username", "displayName", "role", "password", "staffId", "departmentId", "active"];
/** Server codes about one field rather than the request. */
const FIELD_OF_CODE: Record<string, keyof UserForm> = { PASSWORD_POLICY: "password", CONFLICT: "username", ROLE_NOT_GRANTABLE: "role" };

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  staffId?: number;
  departmentId?: number;
  active: boolean;
}

export function UserFormDrawer({ row, open, onClose, departments }: { row: UserDto | null; open: boolean; onClose: () => void; departments: DepartmentNames }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<UserForm>();
  const save = useSaveUser();
  const role = Form.useWatch("role", form);
  const self = row !== null && row.username === me.username;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      row
        ? { displayName: row.displayName, active: row.active, role: row.role, staffId: row.staffId ?? undefined, departmentId: row.departmentId ?? undefined }
        : { role: "SUPERVISOR", active: true },
    );
    save.reset();
    // Refill only when the drawer opens or shows another row
  }, [open, row]);

  const onError = (error: unknown) => {
    if (showFieldIssues(form, error, FIELDS, lang)) return;
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (field && error instanceof ApiError) form.setFields([{ name: field, errors: [error.localized(lang)] }]);
  };
  const onSuccess = () => {
    void message.success(t.masterEdit.saved);
    onClose();
  };
  const links = (values: UserForm) => ({
    ...(values.role === "STAFF" && values.staffId ? { staffId: values.staffId } : {}),
    ...(values.role === "LIAISON" && values.departmentId ? { departmentId: values.departmentId } : {}),
  });

  const submit = (values: UserForm) => {
    if (row) {
      const roleChanged = values.role !== row.role;
      const linkChanged = (values.role === "STAFF" && values.staffId !== row.staffId) || (values.role === "LIAISON" && values.departmentId !== row.departmentId);
      const body = parseForm(form, updateUserBodySchema, {
        displayName: values.displayName,
        active: values.active,
        ...(roleChanged || linkChanged ? { role: values.role, ...links(values) } : {}),
      }, lang);
      if (body) save.mutate({ id: row.id, body }, { onSuccess, onError });
      return;
    }
    const body = parseForm(form, createUserBodySchema, {
      username: values.username,
      displayName: values.displayName,
      role: values.role,
      password: values.password,
      ...links(values),
    }, lang);
    if (body) save.mutate({ id: null, body }, { onSuccess, onError });
  };
  // City-level accounts are not edited here; a role outside the list is shown, not offered
  const roleOptions = [...new Set([...GRANTABLE, ...(row ? [row.role] : [])])].map((r) => ({ value: r, label: pickLabel(ROLE_LABELS[r], lang), disabled: !GRANTABLE.includes(r) }));

  return (
    <FormDrawer title={row ? `${t.masterEdit.edit} · ${row.username}` : t.masterEdit.create} open={open} onClose={onClose} onSave={() => form.submit()}
      saving={save.isPending} error={save.error} fields={FIELDS} fieldCodes={Object.keys(FIELD_OF_CODE)} testId="user">
      <Form<UserForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending} data-testid="user-form">
        {row ? null : <Form.Item label={t.users.username} name="username"><Input maxLength={32} autoComplete="off" /></Form.Item>}
        <Form.Item label={t.users.displayName} name="displayName"><Input maxLength={50} /></Form.Item>
        <Form.Item label={t.users.role} name="role" extra={row ? t.assign.roleChangeHint : undefined}>
          <Select options={roleOptions} disabled={self} />
        </Form.Item>
        {row ? null : <Form.Item label={t.password} name="password" extra={t.passwordPolicyHint}><Input.Password autoComplete="new-password" maxLength={256} /></Form.Item>}
        {role === "STAFF" ? <Form.Item label={t.staff.staffNo + " ID"} name="staffId"><InputNumber min={1} precision={0} /></Form.Item> : null}
        {role === "LIAISON" ? <Form.Item label={t.department} name="departmentId"><Select options={departments.options} showSearch={{ optionFilterProp: "label" }} /></Form.Item> : null}
        {row ? <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked"><Switch disabled={self} /></Form.Item> : null}
      </Form>
    </FormDrawer>
  );
}
