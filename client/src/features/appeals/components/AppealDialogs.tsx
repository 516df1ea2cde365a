// The two writing dialogs: a staff member appeals their own bad review (reason, evidence); a center
// leader decides a pending appeal (upheld / rejected, with a reason). Server refusals show in place.
import { Alert, App, Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import type { AppealDecision } from "../../../../../server/src/contracts/appeals.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useDecideAppeal, useFileAppeal } from "../api/appeals.ts";
import { testId } from "../../../lib/testId.ts";
import { useAppealText } from "../text.ts";

export function FileAppealModal({ evaluationId, onClose }: { evaluationId: string | null; onClose: () => void }) {
  const { lang, at } = useAppealText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; evidence?: string }>();
  const file = useFileAppeal();
  const [photo, setPhoto] = useState<File | null>(null);
  const close = () => {
    setPhoto(null);
    onClose();
  };
  const submit = async () => {
    if (!evaluationId) return;
    const v = await form.validateFields();
    file.mutate(
      { body: { evaluationId, reason: v.reason, ...(v.evidence?.trim() ? { evidence: v.evidence } : {}) }, photo },
      {
        onSuccess: ({ photoError }) => {
          close();
          void message.success(at.submitted);
          // The appeal stands; the photo can be attached again from the appeal's details
          if (photoError) void message.error(photoError instanceof ApiError ? photoError.localized(lang) : String(photoError));
        },
        onError: (error) => {
          if (!showFieldIssues(form, error, ["reason", "evidence"], lang)) void message.error(error instanceof ApiError ? error.localized(lang) : String(error));
        },
      },
    );
  };
  return (
    <Modal open={evaluationId !== null} title={at.fileTitle} okText={at.submit} cancelText={at.cancel} onOk={() => void submit()} onCancel={close}
      confirmLoading={file.isPending} destroyOnHidden okButtonProps={testId("appeal-submit")}>
      <Alert type="info" showIcon title={at.fileNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={at.appealReason} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="appeal-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={at.evidence} extra={at.evidenceHelp}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="appeal-evidence" />
        </Form.Item>
        <Form.Item label={at.photo} extra={at.photoHelp}>
          <input type="file" accept="image/jpeg,image/png,image/webp" data-testid="appeal-photo" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DecideAppealModal({ appealId, onClose }: { appealId: number | null; onClose: () => void }) {
  const { lang, at } = useAppealText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: AppealDecision; reason: string }>();
  const decide = useDecideAppeal();
  const submit = async () => {
    if (appealId === null) return;
    const v = await form.validateFields();
    decide.mutate(
      { path: `/api/appeals/${appealId}/decide`, body: { decision: v.decision, reason: v.reason } },
      {
        onSuccess: () => {
          onClose();
          void message.success(at.decided);
        },
        onError: (error) => {
          if (!showFieldIssues(form, error, ["decision", "reason"], lang)) void message.error(error instanceof ApiError ? error.localized(lang) : String(error));
        },
      },
    );
  };
  return (
    <Modal open={appealId !== null} title={`${at.decideTitle} · #${appealId ?? ""}`} okText={at.submit} cancelText={at.cancel} onOk={() => void submit()} onCancel={onClose}
      confirmLoading={decide.isPending} destroyOnHidden okButtonProps={testId("decide-submit")}>
      <Alert type="warning" showIcon title={at.decideNote} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="decision" label={at.decision} rules={[{ required: true }]}>
          <Radio.Group data-testid="decide-decision" options={[{ value: "UPHELD", label: at.upheld }, { value: "REJECTED", label: at.rejected }]} />
        </Form.Item>
        <Form.Item name="reason" label={at.decisionReason} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
