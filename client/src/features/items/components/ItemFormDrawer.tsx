// The form for one service item, checked with the API's own schema before sending; what the server
// still refuses (a duplicate code, a promised limit over the statutory one) shows beside the field.
import { useEffect } from "react";
import { App, Flex, Form, Input, InputNumber, Select, Switch } from "antd";
import { formatMaterials, formatProcedure, parseMaterials, parseProcedure } from "../../../../../server/src/contracts/imports.ts";
import { createItemBodySchema, updateItemBodySchema, type ItemDto } from "../../../../../server/src/contracts/masterData.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { useSaveItem } from "../api/itemMutations.ts";

interface ItemForm {
  code: string;
  name: string;
  departmentId: number;
  category: string;
  statutoryLimitDays: number;
  promisedLimitDays: number;
  fee: string;
  legalBasis: string;
  procedure: string;
  materials: string;
  public: boolean;
  active: boolean;
}

const FIELDS = ["code", "name", "departmentId", "category", "statutoryLimitDays", "promisedLimitDays", "fee", "legalBasis", "procedure", "materials", "public", "active"] as const;

const toForm = (item: ItemDto | null): Partial<ItemForm> =>
  item
    ? { ...item, procedure: formatProcedure(item.procedure), materials: formatMaterials(item.materials) }
    : { public: true, active: true, fee: "不收费", statutoryLimitDays: 20, promisedLimitDays: 10, procedure: "", materials: "", legalBasis: "" };

export function ItemFormDrawer({ item, open, onClose, departments }: { item: ItemDto | null; open: boolean; onClose: () => void; departments: DepartmentNames }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemForm>();
  const save = useSaveItem();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toForm(item));
      save.reset();
    }
    // Only opening the drawer (or switching item) refills the form; `form` and `save` are stable enough
  }, [open, item]);

  const submit = (values: ItemForm) => {
    const { active, ...rest } = values;
    const fields = { ...rest, procedure: parseProcedure(values.procedure ?? ""), materials: parseMaterials(values.materials ?? "") };
    const onError = (error: unknown) => void showFieldIssues(form, error, FIELDS, lang);
    const onSuccess = () => {
      void message.success(t.masterEdit.saved);
      onClose();
    };
    if (item) {
      const body = parseForm(form, updateItemBodySchema, { ...fields, active }, lang);
      if (body) save.mutate({ id: item.id, body }, { onSuccess, onError });
    } else {
      const body = parseForm(form, createItemBodySchema, fields, lang);
      if (body) save.mutate({ id: null, body }, { onSuccess, onError });
    }
  };

  return (
    <FormDrawer title={item ? `${t.masterEdit.edit} · ${item.name}` : t.masterEdit.create} open={open} onClose={onClose} onSave={() => form.submit()}
      saving={save.isPending} error={save.error} fields={FIELDS} size="large" testId="item">
      <Form<ItemForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending} data-testid="item-form">
        <Form.Item label={t.items.code} name="code">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t.items.name} name="name">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t.items.department} name="departmentId">
          <Select options={departments.options} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
        <Form.Item label={t.items.category} name="category">
          <Input maxLength={50} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label={t.items.statutoryLimit} name="statutoryLimitDays">
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Form.Item label={t.items.promisedLimit} name="promisedLimitDays">
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
        </Flex>
        <Form.Item label={t.items.fee} name="fee">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t.masterEdit.legalBasis} name="legalBasis">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t.masterEdit.procedure} name="procedure" extra={t.masterEdit.procedureHint}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <Form.Item label={t.masterEdit.materials} name="materials" extra={t.masterEdit.materialsHint}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <Flex gap={32}>
          <Form.Item label={t.masterEdit.publicLabel} name="public" valuePropName="checked">
            <Switch />
          </Form.Item>
          {item ? (
            <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Flex>
      </Form>
    </FormDrawer>
  );
}
