// The handling steps of one complaint, each in a small dialog: assign to a supervisor or leader,
// link the window / staff member / case, answer, and close with a finding (substantiated proposes an
// accountability record).
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_KINDS } from "../../../../../server/src/contracts/accountability.ts";
import type { ComplaintDto } from "../../../../../server/src/contracts/complaints.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useComplaintAssignees, useComplaintStep } from "../api/complaints.ts";
import { useWindowOptions } from "../../windows/api/windowOptions.ts";
import { useComplaintText } from "../text.ts";
import { StaffSelect } from "./StaffSelect.tsx";

type Mode = "assign" | "link" | "answer" | "close";

export function ComplaintActions({ complaint }: { complaint: ComplaintDto }) {
  const { lang, ct } = useComplaintText();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm();
  const step = useComplaintStep();
  const assignees = useComplaintAssignees(mode === "assign");
  const windows = useWindowOptions();
  const substantiated = Form.useWatch("substantiated", form) as boolean | undefined;
  const c = complaint;
  const open = c.state !== "CLOSED";
  const unanswered = c.state === "OPEN" || c.state === "ASSIGNED";

  const submit = async () => {
    if (!mode) return;
    const v = (await form.validateFields()) as Record<string, unknown>;
    const body =
      mode === "assign"
        ? { assignedToId: v.assignedToId }
        : mode === "answer"
          ? { answer: v.answer }
          : mode === "link"
            ? { windowId: v.windowId ?? null, staffId: v.staffId ?? null, caseNo: typeof v.caseNo === "string" && v.caseNo.trim() ? v.caseNo.trim() : null }
            : v.substantiated
              ? { substantiated: true, kind: v.kind, proposedPoints: v.proposedPoints }
              : { substantiated: false };
    step.mutate(
      { path: `/api/complaints/${c.id}/${mode}`, body },
      {
        onSuccess: () => {
          setMode(null);
          void message.success(ct.done);
        },
        onError: (error) => {
          if (!showFieldIssues(form, error, ["assignedToId", "answer", "windowId", "staffId", "caseNo", "kind", "proposedPoints"], lang)) {
            void message.error(error instanceof ApiError ? error.localized(lang) : String(error));
          }
        },
      },
    );
  };

  const button = (m: Mode, label: string, primary = false) => (
    <Button size="small" type={primary ? "primary" : "default"} data-testid={`complaint-${m}-${c.id}`} onClick={() => setMode(m)}>{label}</Button>
  );
  const titles: Record<Mode, string> = { assign: ct.assign, link: ct.link, answer: ct.answer, close: ct.close };

  return (
    <Flex gap={4} wrap>
      {unanswered ? button("assign", ct.assign) : null}
      {open ? button("link", ct.link) : null}
      {unanswered ? button("answer", ct.answer, true) : null}
      {c.state === "ANSWERED" ? button("close", ct.close, true) : null}
      <Modal open={mode !== null} title={mode ? `${titles[mode]} · #${c.id}` : ""} okText={ct.save} cancelText={ct.cancel} onOk={() => void submit()} onCancel={() => setMode(null)}
        confirmLoading={step.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}
          initialValues={mode === "link" ? { windowId: c.windowId ?? undefined, staffId: c.staffId ?? undefined, caseNo: c.caseNo ?? undefined } : mode === "close" ? { substantiated: false, kind: "WRONGFUL_ACTION", proposedPoints: 2 } : { assignedToId: c.assignedToId ?? undefined }}>
          {mode === "assign" ? (
            <Form.Item name="assignedToId" label={ct.assignee} rules={[{ required: true }]}>
              <Select data-testid="complaint-assignee" loading={assignees.isFetching} showSearch={{ optionFilterProp: "label" }}
                options={(assignees.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
            </Form.Item>
          ) : null}
          {mode === "answer" ? (
            <Form.Item name="answer" label={ct.answerText} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
          ) : null}
          {mode === "link" ? (
            <>
              <Form.Item name="windowId" label={ct.window}><Select allowClear showSearch={{ optionFilterProp: "label" }} options={windows.data ?? []} /></Form.Item>
              <Form.Item name="staffId" label={ct.staff}><StaffSelect testId="complaint-link-staff" initialLabel={c.staffName} /></Form.Item>
              <Form.Item name="caseNo" label={ct.caseNo}><Input maxLength={20} /></Form.Item>
            </>
          ) : null}
          {mode === "close" ? (
            <>
              <Form.Item name="substantiated" label={ct.finding}>
                <Radio.Group options={[{ value: false, label: ct.notSubstantiated }, { value: true, label: ct.substantiated }]} />
              </Form.Item>
              {substantiated ? (
                <>
                  <Alert type={c.staffId === null ? "warning" : "info"} showIcon title={c.staffId === null ? ct.needsStaff : ct.proposesRecord} style={{ marginBottom: 16 }} />
                  <Form.Item name="kind" label={ct.kind} rules={[{ required: true }]}>
                    <Select options={ACCOUNTABILITY_KINDS.map((k) => ({ value: k, label: pickLabel(ACCOUNTABILITY_KIND_LABELS[k], lang) }))} />
                  </Form.Item>
                  <Form.Item name="proposedPoints" label={ct.points} rules={[{ required: true }]}><InputNumber min={0} max={100} step={0.5} /></Form.Item>
                </>
              ) : null}
            </>
          ) : null}
        </Form>
      </Modal>
    </Flex>
  );
}
