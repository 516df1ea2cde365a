// Create or edit a window: number (unique in the center), zone, sign, party-member post and the
// departments stationed at it. Removing a department whose items the window still handles is refused.
import { useEffect } from "react";
import { App, Flex, Form, Input, InputNumber, Select, Switch } from "antd";
import { createWindowBodySchema, updateWindowBodySchema, windowDtoSchema, type WindowDto } from "../../../../../server/src/contracts/masterData.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useSaveRow } from "../../../lib/saveRow.ts";
import { parseForm } from "../../../lib/zodForm.ts";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";

interface WindowForm {
  number: number;
  zone: string;
  name: string;
  partyPost: boolean;
  departmentIds: number[];
  active: boolean;
}
const FIELDS = ["number", "zone", "name", "partyPost", "departmentIds", "active"];

export function WindowFormDrawer({ row, open, onClose, departments }: { row: WindowDto | null; open: boolean; onClose: () => void; departments: DepartmentNames }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<WindowForm>();
  const save = useSaveRow("windows", windowDtoSchema);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(row ?? { active: true, partyPost: false, departmentIds: [] });
    save.reset();
    // Refill only when the drawer opens or shows another row
  }, [open, row]);

  const submit = (values: WindowForm) => {
    const fields = { number: values.number, zone: values.zone, name: values.name, partyPost: values.partyPost, departmentIds: values.departmentIds ?? [] };
    const body = row ? parseForm(form, updateWindowBodySchema, { ...fields, active: values.active }, lang) : parseForm(form, createWindowBodySchema, fields, lang);
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
    <FormDrawer title={row ? `${t.masterEdit.edit} · ${row.number}` : t.masterEdit.create} open={open} onClose={onClose} onSave={() => form.submit()}
      saving={save.isPending} error={save.error} fields={FIELDS}>
      <Form<WindowForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item label={t.windows.number} name="number"><InputNumber min={1} max={9999} precision={0} /></Form.Item>
        <Form.Item label={t.windows.zone} name="zone"><Input maxLength={30} /></Form.Item>
        <Form.Item label={t.windows.name} name="name"><Input maxLength={100} /></Form.Item>
        <Form.Item label={t.windows.departments} name="departmentIds"><Select mode="multiple" options={departments.options} showSearch={{ optionFilterProp: "label" }} /></Form.Item>
        <Flex gap={32}>
          <Form.Item label={t.windows.partyPost} name="partyPost" valuePropName="checked"><Switch /></Form.Item>
          {row ? <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked"><Switch /></Form.Item> : null}
        </Flex>
      </Form>
    </FormDrawer>
  );
}
