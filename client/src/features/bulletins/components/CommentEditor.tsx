// The center's comment (中心点评) on a draft, written by a leader: opened from the bulletin's toolbar,
// checked with the API's own schema, saved onto the draft (the sheet below shows it at once). An empty
// text removes the comment.
import { App, Button, Form, Input, Modal } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useState } from "react";
import { bulletinCommentBodySchema, type BulletinDto } from "../../../../../server/src/contracts/bulletins.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useSaveBulletinComment } from "../api/bulletins.ts";
import { testId } from "../lib/testId.ts";
import { useBulletinText } from "../text.ts";

export function CommentEditor({ bulletin }: { bulletin: BulletinDto }) {
  const { lang, bt } = useBulletinText();
  const { message } = App.useApp();
  const save = useSaveBulletinComment(bulletin.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();

  const submit = () => {
    const text = String(form.getFieldValue("comment") ?? "").trim();
    const body = parseForm(form, bulletinCommentBodySchema, { comment: text === "" ? null : text }, lang);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        setOpen(false);
        void message.success(bt.commentSaved);
      },
    });
  };

  return (
    <>
      <Button icon={<EditOutlined />} data-testid="bulletin-comment-edit" onClick={() => setOpen(true)}>
        {bt.editComment}
      </Button>
      <Modal
        open={open}
        title={bt.comment}
        okText={bt.saveComment}
        cancelText={bt.cancel}
        okButtonProps={testId("bulletin-comment-save")}
        confirmLoading={save.isPending}
        onOk={submit}
        onCancel={() => {
          save.reset();
          setOpen(false);
        }}
        destroyOnHidden
        width={640}
      >
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Form form={form} layout="vertical" preserve={false} initialValues={{ comment: bulletin.content.comment ?? "" }}>
          <Form.Item name="comment" label={`${bulletin.department.name} · ${bt.monthName(bulletin.month)}`}>
            <Input.TextArea rows={6} maxLength={2000} showCount placeholder={bt.commentPlaceholder} data-testid="bulletin-comment-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
