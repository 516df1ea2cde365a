// Releasing the chosen drafts of a month, after a confirmation that says what it means (frozen, mailed),
// with an optional comment for every chosen draft that has none of its own. The comment is checked
// with the API's own schema before sending; a refusal shows the server's message in the dialog.
import { Form, Input, Modal, Typography } from "antd";
import { releaseBulletinsBodySchema, type BulletinSummaryDto, type ReleaseResultDto } from "../../../../../server/src/contracts/bulletins.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useReleaseBulletins } from "../api/bulletins.ts";
import { testId } from "../../../lib/testId.ts";
import { useBulletinText } from "../text.ts";

export function ReleaseModal({ open, month, bulletins, onClose, onReleased }: {
  open: boolean;
  month: string;
  bulletins: readonly BulletinSummaryDto[];
  onClose: () => void;
  onReleased: (result: ReleaseResultDto) => void;
}) {
  const { lang, bt } = useBulletinText();
  const release = useReleaseBulletins();
  const [form] = Form.useForm<{ comment: string }>();

  const submit = () => {
    const comment = String(form.getFieldValue("comment") ?? "").trim();
    const body = parseForm(form, releaseBulletinsBodySchema, { month, bulletinIds: bulletins.map((b) => b.id), ...(comment ? { comment } : {}) }, lang);
    if (!body) return;
    release.mutate(body, {
      onSuccess: (result) => {
        form.resetFields();
        onReleased(result);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={bt.releaseTitle(bulletins.length)}
      okText={bt.release}
      cancelText={bt.cancel}
      okButtonProps={{ ...testId("bulletin-release-confirm"), disabled: bulletins.length === 0 }}
      confirmLoading={release.isPending}
      onOk={submit}
      onCancel={() => {
        release.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{bt.releaseConfirm}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="bulletin-release-list">
        {bulletins.map((b) => b.department.name).join("、")}
      </Typography.Paragraph>
      {release.error ? <ErrorAlert error={release.error} /> : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="comment" label={bt.releaseComment} extra={bt.releaseCommentHint}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="bulletin-release-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
