// Who works at a window: its regular staff (本岗) and AB岗 backups, picked among the staff of the
// departments stationed there (the server refuses anyone else with STAFF_NOT_AT_WINDOW, shown here
// with the person's name if it happens).
import { useEffect, useState } from "react";
import { Alert, App, Button, Flex, List, Modal, Segmented, Skeleton, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { windowStaffBodySchema, type WindowDto, type WindowStaffDto } from "../../../../../server/src/contracts/masterData.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { StaffPicker } from "../../staff/components/StaffPicker.tsx";
import { useAssignWindowStaff, useWindowStaff } from "../api/windowStaff.ts";

type Row = WindowStaffDto["staff"][number];

export function WindowStaffModal({ window, onClose }: { window: WindowDto; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const a = t.assign;
  const { message } = App.useApp();
  const current = useWindowStaff(window.id);
  const assign = useAssignWindowStaff(window.id);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [addingLabel, setAddingLabel] = useState("");

  useEffect(() => {
    if (current.data && rows === null) setRows(current.data.staff);
  }, [current.data, rows]);

  const list = rows ?? [];
  const add = () => {
    if (adding === null) return;
    const [name = addingLabel, staffNo = ""] = addingLabel.replace(/）$/, "").split("（");
    setRows([...list, { staffId: adding, backup: false, name, staffNo, departmentId: 0, active: true }]);
    setAdding(null);
  };
  const save = () => {
    const body = windowStaffBodySchema.parse({ staff: list.map((r) => ({ staffId: r.staffId, backup: r.backup })) });
    assign.mutate(body, {
      onSuccess: () => {
        void message.success(t.masterEdit.saved);
        onClose();
      },
    });
  };

  return (
    <Modal open title={`${a.staffOfWindow} · ${t.self.windowLabel(window.number, window.name)}`} okText={t.masterEdit.save} cancelText={t.masterEdit.cancel}
      confirmLoading={assign.isPending} onCancel={onClose} onOk={save} width={640}>
      {assign.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={assign.error instanceof ApiError ? assign.error.localized(lang) : t.networkError}
          description={assign.error instanceof ApiError ? assign.error.issues.map((i) => (lang === "en" ? i.messageEn : i.message)).join("；") : null} data-testid="window-staff-error" />
      ) : null}
      {current.isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <List<Row>
            data-testid="window-staff-list"
            size="small"
            bordered
            dataSource={list}
            locale={{ emptyText: t.none }}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Segmented<"regular" | "backup">
                    key="post"
                    aria-label={`${a.role} ${r.name}`}
                    value={r.backup ? "backup" : "regular"}
                    onChange={(v) => setRows(list.map((x) => (x.staffId === r.staffId ? { ...x, backup: v === "backup" } : x)))}
                    options={[{ value: "regular", label: a.regular }, { value: "backup", label: a.backup }]}
                  />,
                  <Button key="remove" size="small" icon={<DeleteOutlined />} aria-label={`${a.remove} ${r.name}`} onClick={() => setRows(list.filter((x) => x.staffId !== r.staffId))} />,
                ]}
              >
                <Typography.Text>{r.name}</Typography.Text> <Typography.Text type="secondary">{r.staffNo}</Typography.Text>
              </List.Item>
            )}
          />
          <Flex gap={8}>
            <StaffPicker
              aria-label={a.add}
              departmentIds={window.departmentIds}
              exclude={list.map((r) => r.staffId)}
              value={adding}
              onChange={setAdding}
              onPick={setAddingLabel}
            />
            <Button icon={<PlusOutlined />} disabled={adding === null} onClick={add}>{a.add}</Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
