// The center's comment (中心点评) on a draft, written by a leader: opened from the bulletin's toolbar,
// checked with the API's own schema, saved onto the draft (the sheet below shows it at once). An empty
// text removes the comment.
import { App, Button, Form, Input } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useState } from "react";
import { bulletinCommentBodySchema, type BulletinDto } from "../../../../../server/src/contracts/bulletins.ts";
import { MutationModal } from "../../../components/MutationModal.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useSaveBulletinComment } from "../api/bulletins.ts";
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
      <MutationModal
        open={open}
        onClose={() => setOpen(false)}
        mutation={save}
        title={bt.comment}
        okText={bt.saveComment}
        cancelText={bt.cancel}
        okTestId="bulletin-comment-save"
        onOk={submit}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ comment: bulletin.content.comment ?? "" }}>
          <Form.Item name="comment" label={`${bulletin.department.name} · ${bt.monthName(bulletin.month)}`}>
            <Input.TextArea rows={6} maxLength={2000} showCount placeholder={bt.commentPlaceholder} data-testid="bulletin-comment-text" />
          </Form.Item>
        </Form>
      </MutationModal>
    </>
  );
}
