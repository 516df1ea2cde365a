// Create or edit a department; deactivating one that still has active staff is refused by the server
// (DEPARTMENT_HAS_ACTIVE_STAFF) and shown beside the switch.
import { useEffect } from "react";
import { App, Form, Input, Switch } from "antd";
import { createDepartmentBodySchema, departmentDtoSchema, updateDepartmentBodySchema, type DepartmentDto } from "../../../../../server/src/contracts/masterData.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useSaveRow } from "../../../lib/saveRow.ts";
import { parseForm } from "../../../lib/zodForm.ts";

interface DepartmentForm {
  code: string;
  name: string;
  shortName: string;
  liaisonEmails: string;
  active: boolean;
}
const FIELDS = ["code", "name", "shortName", "liaisonEmails", "active"];

export function DepartmentFormDrawer({ row, open, onClose }: { row: DepartmentDto | null; open: boolean; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const save = useSaveRow("departments", departmentDtoSchema);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(row ? { ...row, liaisonEmails: (row.liaisonEmails ?? []).join("; ") } : { active: true, liaisonEmails: "" });
    save.reset();
    // Refill only when the drawer opens or shows another row
  }, [open, row]);

  const submit = (values: DepartmentForm) => {
    const fields = { code: values.code, name: values.name, shortName: values.shortName, liaisonEmails: (values.liaisonEmails ?? "").split(/[;；,，\s]+/).filter(Boolean) };
    const body = row ? parseForm(form, updateDepartmentBodySchema, { ...fields, active: values.active }, lang) : parseForm(form, createDepartmentBodySchema, fields, lang);
    if (!body) return;
    save.mutate({ id: row?.id ?? null, body }, {
      onSuccess: () => {
        void message.success(t.masterEdit.saved);
        onClose();
      },
      onError: (error) => void showFieldIssues(form, error, FIELDS, lang),
    });
  };

  return (
    <FormDrawer title={row ? `${t.masterEdit.edit} · ${row.name}` : t.masterEdit.create} open={open} onClose={onClose} onSave={() => form.submit()}
      saving={save.isPending} error={save.error} fields={FIELDS}>
      <Form<DepartmentForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item label={t.departments.code} name="code"><Input maxLength={30} /></Form.Item>
        <Form.Item label={t.departments.name} name="name"><Input maxLength={100} /></Form.Item>
        <Form.Item label={t.departments.shortName} name="shortName"><Input maxLength={30} /></Form.Item>
        <Form.Item label={t.masterEdit.liaisonEmails} name="liaisonEmails" extra={t.masterEdit.liaisonEmailsHint}><Input /></Form.Item>
        {row ? <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked"><Switch /></Form.Item> : null}
      </Form>
    </FormDrawer>
  );
}
