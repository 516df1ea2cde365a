// The form of the step that is due (the ticket's nextStep): verify with evidence; resolve as a fix, a plan
// with its deadline, or an explanation; record the callback; close. Server refusals land on their field.
import { App, Button, Card, Form, Input, Radio } from "antd";
import { RESOLUTION_LABELS, RESOLUTIONS, RECTIFICATION_STEP_LABELS, type RectificationDto, type RectificationStep } from "../../../../../server/src/contracts/rectifications.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useRectificationStep } from "../api/rectifications.ts";
import { useRectificationText } from "../text.ts";

interface Values {
  verified?: boolean;
  resolution?: "FIX" | "PLAN" | "EXPLAIN";
  planDay?: string;
  reached?: boolean;
  satisfied?: "yes" | "no" | "unknown";
  note?: string;
}

/** A plan's deadline is the end of the chosen Shanghai working day. */
const planDueAtOf = (day: string) => `${day}T17:30:00+08:00`;

function bodyOf(step: RectificationStep, v: Values): unknown {
  const note = v.note?.trim() ?? "";
  if (step === "verify") return { verified: v.verified, note };
  if (step === "resolve") return { resolution: v.resolution, note, ...(v.resolution === "PLAN" && v.planDay ? { planDueAt: planDueAtOf(v.planDay) } : {}) };
  if (step === "callback") return { reached: v.reached, satisfied: v.reached ? (v.satisfied === "yes" ? true : v.satisfied === "no" ? false : null) : null, note };
  return note ? { note } : {};
}

export function StepForm({ ticket }: { ticket: RectificationDto }) {
  const { lang, rt } = useRectificationText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useRectificationStep(ticket.id);
  const step = ticket.nextStep;
  const resolution = Form.useWatch("resolution", form);
  const reached = Form.useWatch("reached", form);
  if (!step) return null;

  const submit = async () => {
    const v = await form.validateFields();
    mutation.mutate(
      { step, body: bodyOf(step, v) },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(rt.saved);
        },
        onError: (error) => {
          if (!showFieldIssues(form, error, ["verified", "resolution", "planDueAt", "reached", "satisfied", "note"], lang)) {
            void message.error(error instanceof ApiError ? error.localized(lang) : String(error));
          }
        },
      },
    );
  };

  const noteItem = (label: string, required = true) => (
    <Form.Item name="note" label={label} rules={required ? [{ required: true, whitespace: true, min: 2 }] : []}>
      <Input.TextArea rows={3} maxLength={2000} data-testid="rect-note" />
    </Form.Item>
  );

  return (
    <Card size="small" title={pickLabel(RECTIFICATION_STEP_LABELS[step], lang)} data-testid={`rect-step-${step}`}>
      <Form form={form} layout="vertical" initialValues={{ satisfied: "yes" }}>
        {step === "verify" ? (
          <>
            <Form.Item name="verified" label={rt.verifiedQ} rules={[{ required: true }]}>
              <Radio.Group data-testid="rect-verified" options={[{ value: true, label: rt.verifiedTrue }, { value: false, label: rt.verifiedFalse }]} />
            </Form.Item>
            {noteItem(rt.evidence)}
          </>
        ) : null}
        {step === "resolve" ? (
          <>
            <Form.Item name="resolution" label={rt.resolution} extra={rt.resolutionHelp} rules={[{ required: true }]}>
              <Radio.Group data-testid="rect-resolution" options={RESOLUTIONS.map((r) => ({ value: r, label: pickLabel(RESOLUTION_LABELS[r], lang) }))} />
            </Form.Item>
            {resolution === "PLAN" ? (
              <Form.Item name="planDay" label={rt.planDueAt} rules={[{ required: true }]}>
                <Input type="date" data-testid="rect-plan-day" style={{ width: 200 }} />
              </Form.Item>
            ) : null}
            {noteItem(rt.note)}
          </>
        ) : null}
        {step === "callback" ? (
          <>
            <Form.Item name="reached" label={rt.reached} rules={[{ required: true }]}>
              <Radio.Group data-testid="rect-reached" options={[{ value: true, label: rt.reachedYes }, { value: false, label: rt.reachedNo }]} />
            </Form.Item>
            {reached ? (
              <Form.Item name="satisfied" label={rt.satisfied}>
                <Radio.Group data-testid="rect-satisfied" options={[{ value: "yes", label: rt.satisfiedYes }, { value: "no", label: rt.satisfiedNo }, { value: "unknown", label: rt.satisfiedUnknown }]} />
              </Form.Item>
            ) : null}
            {noteItem(rt.callbackNote)}
          </>
        ) : null}
        {step === "close" ? noteItem(rt.closeNote, false) : null}
        <Button type="primary" loading={mutation.isPending} onClick={() => void submit()} data-testid="rect-submit">{rt.submit}</Button>
      </Form>
    </Card>
  );
}
