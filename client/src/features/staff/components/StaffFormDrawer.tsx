// Create or edit a staff record (工作人员); a duplicate staff number (工号) shows beside its field.
import { useEffect } from "react";
import { App, Flex, Form, Input, Select, Switch, Typography } from "antd";
import { createStaffBodySchema, staffDtoSchema, updateStaffBodySchema, type StaffDto } from "../../../../../server/src/contracts/masterData.ts";
import { FormDrawer } from "../../../components/FormDrawer.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useSaveRow } from "../../../lib/saveRow.ts";
import { parseForm } from "../../../lib/zodForm.ts";
import type { DepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { StaffPhotoField } from "./StaffPhotoField.tsx";

interface StaffForm {
  departmentId: number;
  staffNo: string;
  name: string;
  gender: "M" | "F" | "";
  title: string;
  partyMember: boolean;
  joinedAt: string;
  active: boolean;
}
const FIELDS = ["departmentId", "staffNo", "name", "gender", "title", "partyMember", "joinedAt", "active"];

export function StaffFormDrawer({ row, open, onClose, departments }: { row: StaffDto | null; open: boolean; onClose: () => void; departments: DepartmentNames }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffForm>();
  const save = useSaveRow("staff", staffDtoSchema);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(row ? { ...row, gender: row.gender ?? "", title: row.title ?? "" } : { active: true, partyMember: false, gender: "", title: "" });
    save.reset();
    // Refill only when the drawer opens or shows another row
  }, [open, row]);

  const submit = (values: StaffForm) => {
    const fields = {
      departmentId: values.departmentId,
      staffNo: values.staffNo,
      name: values.name,
      gender: values.gender === "" ? null : values.gender,
      title: values.title?.trim() ? values.title.trim() : null,
      partyMember: values.partyMember,
      joinedAt: values.joinedAt,
    };
    const body = row ? parseForm(form, updateStaffBodySchema, { ...fields, active: values.active }, lang) : parseForm(form, createStaffBodySchema, fields, lang);
    if (!body) return;
    save.mutate({ id: row?.id ?? null, body }, {
      onSuccess: () => {
        void message.success(t.masterEdit.saved);
        onClose();
      },
      onError: (error) => void showFieldIssues(form, error, FIELDS, lang),
    });
  };

  return (
    <FormDrawer title={row ? `${t.masterEdit.edit} · ${row.name}` : t.masterEdit.create} open={open} onClose={onClose} onSave={() => form.submit()}
      saving={save.isPending} error={save.error} fields={FIELDS}>
      <Form<StaffForm> form={form} layout="vertical" onFinish={submit} disabled={save.isPending}>
        <Form.Item label={t.staff.staffNo} name="staffNo"><Input maxLength={30} /></Form.Item>
        <Form.Item label={t.staff.name} name="name"><Input maxLength={50} /></Form.Item>
        <Form.Item label={t.staff.department} name="departmentId"><Select options={departments.options} showSearch={{ optionFilterProp: "label" }} /></Form.Item>
        <Form.Item label={t.masterEdit.gender} name="gender">
          <Select options={[{ value: "", label: t.none }, { value: "M", label: t.masterEdit.male }, { value: "F", label: t.masterEdit.female }]} />
        </Form.Item>
        <Form.Item label={t.staff.title} name="title"><Input maxLength={50} /></Form.Item>
        <Form.Item label={t.masterEdit.joinedAt} name="joinedAt"><Input type="date" /></Form.Item>
        <Flex gap={32}>
          <Form.Item label={t.staff.partyMember} name="partyMember" valuePropName="checked"><Switch /></Form.Item>
          {row ? <Form.Item label={t.masterEdit.activeLabel} name="active" valuePropName="checked"><Switch /></Form.Item> : null}
        </Flex>
      </Form>
      {/* Outside the form: the photo is saved on its own, at once, not with the form's fields */}
      {row ? (
        <Flex vertical gap={8}>
          <Typography.Text>{t.assign.photo}</Typography.Text>
          <StaffPhotoField staffId={row.id} hasPhoto={row.hasPhoto ?? false} />
        </Flex>
      ) : null}
    </FormDrawer>
  );
}
