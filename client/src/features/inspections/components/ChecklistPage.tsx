// The inspection checklist for administrators: items, what the inspector looks at and each item's
// deduction. Saving makes a new version; inspections keep the version they used (forms already open
// keep theirs), so editing never changes a past record.
import { App, Button, Card, Flex, Form, Input, InputNumber, Space, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useEffect } from "react";
import type { ChecklistItem } from "../../../../../server/src/contracts/inspections.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { useChecklist, useSaveChecklist } from "../api/inspections.ts";
import { useInspectionText } from "../text.ts";

const TEXT = {
  "zh-CN": { title: "督查清单", code: "编码", label: "项目名称", labelEn: "英文名称", hint: "检查要点", deduction: "扣分", add: "添加项目", save: "保存为新版本", saved: (v: number) => `已保存为第 ${v} 版`, remove: "删除" },
  en: { title: "Inspection checklist", code: "Code", label: "Item", labelEn: "English name", hint: "What to look at", deduction: "Deduction", add: "Add an item", save: "Save as a new version", saved: (v: number) => `Saved as version ${v}`, remove: "Remove" },
} as const;

export function ChecklistPage() {
  const { lang, it } = useInspectionText();
  const t = TEXT[lang];
  const { message } = App.useApp();
  const checklist = useChecklist();
  const save = useSaveChecklist();
  const [form] = Form.useForm<{ items: ChecklistItem[] }>();
  useEffect(() => {
    if (checklist.data) form.setFieldsValue({ items: checklist.data.items });
  }, [checklist.data, form]);

  if (checklist.error) return <ErrorAlert error={checklist.error} />;
  const submit = async () => {
    const { items } = await form.validateFields();
    save.mutate(items, {
      onSuccess: (answer) => void message.success(t.saved((answer as { version: number }).version)),
      onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
    });
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <Flex justify="space-between" align="center">
        <PageTitle testId="checklist-heading">{t.title}</PageTitle>
        <Typography.Text type="secondary">{checklist.data ? it.checklistVersion(checklist.data.version) : ""}</Typography.Text>
      </Flex>
      <Form form={form} layout="vertical">
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: "100%" }}>
              {fields.map((field) => (
                <Card key={field.key} size="small">
                  <Flex gap={8} wrap align="start">
                    <Form.Item name={[field.name, "code"]} label={t.code} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,39}$/ }]} style={{ width: 170 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, "label"]} label={t.label} rules={[{ required: true, max: 40 }]} style={{ width: 150 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, "labelEn"]} label={t.labelEn} rules={[{ required: true, max: 60 }]} style={{ width: 170 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, "deduction"]} label={t.deduction} rules={[{ required: true }]} style={{ width: 100 }}>
                      <InputNumber min={0} max={100} step={0.5} />
                    </Form.Item>
                    <Form.Item name={[field.name, "hint"]} label={t.hint} rules={[{ max: 200 }]} style={{ flex: 1, minWidth: 200 }}>
                      <Input />
                    </Form.Item>
                    <Button aria-label={t.remove} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: "", label: "", labelEn: "", hint: "", deduction: 1 })}>
                {t.add}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
      <Flex justify="end">
        <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="checklist-save">
          {t.save}
        </Button>
      </Flex>
    </Flex>
  );
}
