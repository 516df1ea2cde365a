// Create an account (role, initial password the user must change, staff record or department where
// the role needs one) or rename / deactivate one. Checked with the API's own schemas; the server's
// refusals (taken username, weak password, missing link) show beside their field.
import { useEffect } from "react";
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Switch } from "antd";
import { ROLE_LABELS, type Role } from "../../../../../server/src/contracts/roles.ts";
import { createUserBodySchema, updateUserBodySchema, type UserDto } from "../../../../../server/src/contracts/users.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useSaveUser } from "../api/saveUser.ts";

/** Roles an administrator may grant (city-level roles are provisioned centrally). */
const GRANTABLE: Role[] = ["LEADER", "SUPERVISOR", "STAFF", "LIAISON", "AUDITOR", "SECURITY_ADMIN", "ADMIN"];
const FIELDS = ["username", "displayName", "role", "password", "staffId", "departmentId", "active"];
/** Server codes about one field rather than the request. */
const FIELD_OF_CODE: Record<string, keyof UserForm> = { PASSWORD_POLICY: "password", CONFLICT: "username" };

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
  const [form] = Form.useForm<UserForm>();
  const save = useSaveUser();
  const role = Form.useWatch("role", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(row ? { displayName: row.displayName, active: row.active } : { role: "SUPERVISOR", active: true });
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

  const submit = (values: UserForm) => {
    if (row) {
      const body = parseForm(form, updateUserBodySchema, { displayName: values.displayName, active: values.active }, lang);
      if (body) save.mutate({ id: row.id, body }, { onSuccess, onError });
      return;
    }
    const body = parseForm(form, createUserBodySchema, {
      username: values.username,
      displayName: values.displayName,
      role: values.role,
      password: values.password,
      ...(values.role === "STAFF" && values.staffId ? { staffId: values.staffId } : {}),
      ...(values.role === "LIAISON" && values.departmentId ? { departmentId: values.departmentId } : {}),
    }, lang);
    if (body) save.mutate({ id: null, body }, { onSuccess, onError });
  };
  const banner = save.error !== null && !(save.error instanceof ApiError && (save.error.issues.some((i) => FIELDS.includes(i.path)) || save.error.code in FIELD_OF_CODE));

  return (
    <Drawer title={row ? `${t.masterEdit.edit} · ${row.username}` : t.masterEdit.create} open={open} onClose={onClose} destroyOnHidden
      extra={<Flex gap={8}><Button onClick={onClose}>{t.masterEdit.cancel}</Button><Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t.masterEdit.save}</Button></Flex>}>
      {banner ? <ErrorAlert error={save.error} /> : null}
      <Form<UserForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        {row ? null : <Form.Item label={t.users.username} name="username"><Input maxLength={32} autoComplete="off" /></Form.Item>}
        <Form.Item label={t.users.displayName} name="displayName"><Input maxLength={50} /></Form.Item>
        {row ? (
          <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked"><Switch /></Form.Item>
        ) : (
          <>
            <Form.Item label={t.users.role} name="role">
              <Select options={GRANTABLE.map((r) => ({ value: r, label: pickLabel(ROLE_LABELS[r], lang) }))} />
            </Form.Item>
            <Form.Item label={t.password} name="password" extra={t.passwordPolicyHint}><Input.Password autoComplete="new-password" maxLength={256} /></Form.Item>
            {role === "STAFF" ? <Form.Item label={t.staff.staffNo + " ID"} name="staffId"><InputNumber min={1} precision={0} /></Form.Item> : null}
            {role === "LIAISON" ? <Form.Item label={t.department} name="departmentId"><Select options={departments.options} showSearch={{ optionFilterProp: "label" }} /></Form.Item> : null}
          </>
        )}
      </Form>
    </Drawer>
  );
}
