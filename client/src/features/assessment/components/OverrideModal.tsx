// A leader's override of the quarter's proposal: grant an honour the engine did not propose (even to
// an ineligible subject) or withdraw one it did, always with a written reason that is recorded.
import { App, Form, Input } from "antd";
import { quarterOverrideBodySchema, type HonourKindDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { MutationModal } from "../../../components/MutationModal.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { parseForm } from "../../../lib/zodForm.ts";
import { useOverrideHonour } from "../api/assessment.ts";
import { useAssessmentText } from "../text.ts";

export interface OverrideTarget {
  kind: HonourKindDto;
  subjectId: number;
  name: string;
  /** true: the leader grants it; false: withdraws it */
  grant: boolean;
}

export function OverrideModal({ label, target, onClose }: { label: string; target: OverrideTarget | null; onClose: () => void }) {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const override = useOverrideHonour(label);

  const submit = () => {
    if (!target) return;
    const body = parseForm(form, quarterOverrideBodySchema, { kind: target.kind, subjectId: target.subjectId, grant: target.grant, reason: form.getFieldValue("reason") ?? "" }, lang, { reason: at.overrideReasonRequired });
    if (!body) return;
    override.mutate(body, {
      onSuccess: () => {
        void message.success(at.saved);
        form.resetFields();
        override.reset();
        onClose();
      },
      onError: (error) => void showFieldIssues(form, error, ["reason"], lang),
    });
  };

  return (
    <MutationModal
      open={target !== null}
      onClose={onClose}
      mutation={override}
      title={target ? at.overrideTitle(target.name) : ""}
      okText={target?.grant ? at.overrideGrant : at.overrideRevoke}
      okDanger={target ? !target.grant : false}
      cancelText={at.cancel}
      okTestId="override-submit"
      intro={target ? (target.grant ? at.overrideGrantHint(at.honours[target.kind]) : at.overrideRevokeHint(at.honours[target.kind])) : null}
      onOk={submit}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={at.overrideReason} required>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="override-reason" />
        </Form.Item>
      </Form>
    </MutationModal>
  );
}
