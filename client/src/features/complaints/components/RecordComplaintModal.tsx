// Recording a complaint from any channel: what was said, by whom, and what it is about (window, staff
// member, case number — each optional, linkable later). Validated with the server's own schema.
import { App, Form, Input, Modal, Select } from "antd";
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_CHANNELS, recordComplaintBodySchema } from "../../../../../server/src/contracts/complaints.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { parseForm } from "../../../lib/zodForm.ts";
import { useComplaintStep } from "../api/complaints.ts";
import { useWindowOptions } from "../../windows/api/windowOptions.ts";
import { useComplaintText } from "../text.ts";
import { StaffSelect } from "./StaffSelect.tsx";

const FIELDS = ["channel", "content", "complainantName", "complainantPhone", "windowId", "staffId", "caseNo"];

export function RecordComplaintModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, ct } = useComplaintText();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const windows = useWindowOptions();
  const step = useComplaintStep();

  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    // empty optional inputs are "not given", not empty strings
    const cleaned = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ""));
    const body = parseForm(form, recordComplaintBodySchema, cleaned, lang);
    if (!body) return;
    step.mutate(
      { path: "/api/complaints", body },
      {
        onSuccess: () => {
          void message.success(ct.done);
          onClose();
        },
        onError: (error) => {
          if (!showFieldIssues(form, error, FIELDS, lang)) void message.error(error instanceof ApiError ? error.localized(lang) : String(error));
        },
      },
    );
  };

  return (
    <Modal open={open} title={ct.record} okText={ct.record} cancelText={ct.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={step.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ channel: "HOTLINE" }}>
        <Form.Item name="channel" label={ct.channel} rules={[{ required: true }]}>
          <Select data-testid="complaint-channel" options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: pickLabel(COMPLAINT_CHANNEL_LABELS[c], lang) }))} />
        </Form.Item>
        <Form.Item name="content" label={ct.content} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="complainantName" label={ct.complainant}><Input maxLength={50} /></Form.Item>
        <Form.Item name="complainantPhone" label={ct.complainantPhone} rules={[{ pattern: /^1\d{10}$/ }]}><Input maxLength={11} autoComplete="off" /></Form.Item>
        <Form.Item name="windowId" label={ct.window}>
          <Select data-testid="complaint-window" allowClear showSearch={{ optionFilterProp: "label" }} options={windows.data ?? []} />
        </Form.Item>
        <Form.Item name="staffId" label={ct.staff}><StaffSelect testId="complaint-staff" /></Form.Item>
        <Form.Item name="caseNo" label={ct.caseNo}><Input maxLength={20} /></Form.Item>
      </Form>
    </Modal>
  );
}
