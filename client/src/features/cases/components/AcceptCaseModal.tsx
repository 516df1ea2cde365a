// The acceptance form (受理): window and item the staff member serves, applicant, ID number, phone.
// Validated with the same zod schema the server uses; on success the acceptance notice opens to print.
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { acceptCaseBodySchema, type AcceptCaseBody } from "../../../../../server/src/contracts/cases.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { useAcceptCase, useIntakeOptions } from "../api/cases.ts";
import { useCaseText } from "../text.ts";

interface FormValues {
  windowId?: number;
  itemId?: number;
  citizenName?: string;
  citizenId?: string;
  citizenPhone?: string;
}

export function AcceptCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, ct } = useCaseText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const options = useIntakeOptions(open);
  const accept = useAcceptCase();
  const [form] = Form.useForm<FormValues>();
  const [windowId, setWindowId] = useState<number | undefined>();
  const windows = options.data?.windows ?? [];
  const signedInWindowId = options.data?.signedInWindowId ?? null;
  const items = windows.find((w) => w.id === windowId)?.items ?? [];

  const submit = async () => {
    const values = await form.validateFields();
    const parsed = acceptCaseBodySchema.safeParse(values);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: String(i.path[0]) as keyof FormValues, errors: [i.message] })));
      return;
    }
    const body: AcceptCaseBody = parsed.data;
    accept.mutate(body, {
      onSuccess: (created) => {
        form.resetFields();
        onClose();
        void navigate(`/cases/${created.id}/notice`);
      },
      onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
    });
  };

  return (
    <Modal open={open} title={ct.acceptTitle} okText={ct.submit} cancelText={ct.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={accept.isPending} destroyOnHidden>
      {options.data && signedInWindowId === null ? <Alert type="warning" showIcon title={ct.notSignedIn} style={{ marginBottom: 16 }} data-testid="accept-not-signed-in" /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="windowId" label={ct.window} rules={[{ required: true }]}>
          <Select<number>
            data-testid="accept-window"
            // cases are accepted where the staff member is signed in: that window first, marked
            options={[...windows]
              .sort((a, b) => Number(b.id === signedInWindowId) - Number(a.id === signedInWindowId))
              .map((w) => ({ value: w.id, label: `${w.number} ${w.name}${w.id === signedInWindowId ? ` ${ct.signedInHere}` : ""}` }))}
            onChange={(v) => {
              setWindowId(v);
              form.setFieldValue("itemId", undefined);
            }}
          />
        </Form.Item>
        <Form.Item name="itemId" label={ct.item} rules={[{ required: true }]}>
          <Select<number> data-testid="accept-item" showSearch={{ optionFilterProp: "label" }} options={items.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="citizenName" label={ct.citizenName} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="citizenId" label={ct.citizenId} rules={[{ required: true, pattern: /^\d{17}[\dXx]$/ }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="citizenPhone" label={ct.citizenPhone} rules={[{ required: true, pattern: /^1\d{10}$/ }]}>
          <Input maxLength={11} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
