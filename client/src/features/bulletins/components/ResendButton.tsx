// 「重新发送」 a released bulletin: the same PDF bytes as first sent go to the department's liaisons
// again. Only on purpose: a confirmation that says so and a written reason (audited on the server).
import { App, Button, Form, Input } from "antd";
import { RedoOutlined } from "@ant-design/icons";
import { useState } from "react";
import { resendBulletinBodySchema, type BulletinDto } from "../../../../../server/src/contracts/bulletins.ts";
import { MutationModal } from "../../../components/MutationModal.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useResendBulletin } from "../api/bulletins.ts";
import { useBulletinText } from "../text.ts";

export function ResendButton({ bulletin }: { bulletin: BulletinDto }) {
  const { lang, bt } = useBulletinText();
  const { message } = App.useApp();
  const resend = useResendBulletin(bulletin.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = () => {
    const body = parseForm(form, resendBulletinBodySchema, { reason: form.getFieldValue("reason") ?? "" }, lang, { reason: bt.resendReasonRequired });
    if (!body) return;
    resend.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        void message.success(bt.resendOk);
      },
    });
  };

  return (
    <>
      <Button icon={<RedoOutlined />} data-testid="bulletin-resend" onClick={() => setOpen(true)}>
        {bt.resend}
      </Button>
      <MutationModal
        open={open}
        onClose={() => setOpen(false)}
        mutation={resend}
        title={bt.resendTitle}
        okText={bt.resend}
        cancelText={bt.cancel}
        okTestId="bulletin-resend-confirm"
        intro={bt.resendConfirm}
        onOk={submit}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={bt.resendReason} required>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="bulletin-resend-reason" />
          </Form.Item>
        </Form>
      </MutationModal>
    </>
  );
}
