// Records an approved absence (leave, business trip, training) with an optional AB岗 cover. Times are
// entered as Beijing time; the API's own schema checks the form before it is sent, and the server's
// refusals (overlapping leave, a cover who is away too) show beside their field.
import { useEffect } from "react";
import { App, Form, Input, Select } from "antd";
import { ABSENCE_KINDS, ABSENCE_KIND_LABELS, createAbsenceBodySchema } from "../../../../../server/src/contracts/shifts.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { StaffPicker } from "../../staff/components/StaffPicker.tsx";
import { useRecordAbsence } from "../api/duty.ts";

interface AbsenceForm {
  staffId: number;
  kind: (typeof ABSENCE_KINDS)[number];
  startsAt: string;
  endsAt: string;
  coverStaffId: number | null;
  note: string;
}
const FIELDS = ["staffId", "kind", "startsAt", "endsAt", "coverStaffId", "note"];

/** "2026-11-30T09:00" typed in a datetime-local box, read as Beijing time. */
const beijing = (local: string | undefined): string => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : "");

export function AbsenceFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const d = t.duty;
  const { message } = App.useApp();
  const [form] = Form.useForm<AbsenceForm>();
  const save = useRecordAbsence();
  const staffId = Form.useWatch("staffId", form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: "LEAVE", coverStaffId: null, note: "" });
    save.reset();
    // Refill only when the drawer opens
  }, [open]);

  const submit = (values: AbsenceForm) => {
    const body = parseForm(form, createAbsenceBodySchema, {
      staffId: values.staffId,
      kind: values.kind,
      startsAt: beijing(values.startsAt),
      endsAt: beijing(values.endsAt),
      coverStaffId: values.coverStaffId ?? null,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    }, lang);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        void message.success(d.recorded);
        onClose();
      },
      onError: (error) => void showFieldIssues(form, error, FIELDS, lang),
    });
  };

  return (
    <FormDrawer title={d.record} open={open} onClose={onClose} onSave={() => form.submit()} saving={save.isPending} error={save.error} fields={FIELDS}>
      <Form<AbsenceForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending} data-testid="absence-form">
        <Form.Item label={d.staff} name="staffId"><StaffPicker aria-label={d.staff} /></Form.Item>
        <Form.Item label={d.kind} name="kind">
          <Select options={ABSENCE_KINDS.map((k) => ({ value: k, label: pickLabel(ABSENCE_KIND_LABELS[k], lang) }))} />
        </Form.Item>
        <Form.Item label={d.startsAt} name="startsAt"><Input type="datetime-local" /></Form.Item>
        <Form.Item label={d.endsAt} name="endsAt"><Input type="datetime-local" /></Form.Item>
        <Form.Item label={d.cover} name="coverStaffId"><StaffPicker aria-label={d.cover} allowClear exclude={staffId ? [staffId] : []} /></Form.Item>
        <Form.Item label={d.note} name="note"><Input maxLength={200} /></Form.Item>
      </Form>
    </FormDrawer>
  );
}
