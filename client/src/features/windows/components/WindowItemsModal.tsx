// Which service items a window handles: chosen among the items of its own departments only (the
// server refuses any other with ITEM_NOT_OFFERED, shown here if it happens).
import { useEffect, useState } from "react";
import { Alert, App, Modal, Select, Skeleton } from "antd";
import type { WindowDto } from "../../../../../server/src/contracts/masterData.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useAssignWindowItems, useItemsOfDepartments, useWindowItems } from "../api/windowItems.ts";

export function WindowItemsModal({ window, onClose }: { window: WindowDto; onClose: () => void }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const current = useWindowItems(window.id);
  const offered = useItemsOfDepartments(window.departmentIds);
  const assign = useAssignWindowItems(window.id);
  const [selected, setSelected] = useState<number[] | null>(null);

  useEffect(() => {
    if (current.data && selected === null) setSelected(current.data.itemIds);
  }, [current.data, selected]);

  return (
    <Modal
      open
      title={`${t.masterEdit.items} · ${t.self.windowLabel(window.number, window.name)}`}
      okText={t.masterEdit.save}
      cancelText={t.masterEdit.cancel}
      confirmLoading={assign.isPending}
      onCancel={onClose}
      onOk={() => assign.mutate(selected ?? [], { onSuccess: () => { void message.success(t.masterEdit.saved); onClose(); } })}
      width={720}
    >
      {assign.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={assign.error instanceof ApiError ? assign.error.localized(lang) : t.networkError}
          description={assign.error instanceof ApiError ? assign.error.issues.map((i) => (lang === "en" ? i.messageEn : i.message)).join("；") : null} />
      ) : null}
      {current.isPending || offered.isPending ? (
        <Skeleton active />
      ) : (
        <Select<number[]>
          mode="multiple"
          aria-label={t.masterEdit.items}
          style={{ width: "100%" }}
          value={selected ?? []}
          onChange={setSelected}
          showSearch={{ optionFilterProp: "label" }}
          options={(offered.data ?? []).map((item) => ({ value: item.id, label: `${item.name}（${item.code}）` }))}
        />
      )}
    </Modal>
  );
}
