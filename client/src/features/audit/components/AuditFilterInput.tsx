// A labelled free-text filter of the audit log (action or entity), applied on Enter or blur.
import { useId } from "react";
import { Form, Input } from "antd";
import { useDraft } from "../../../lib/useDraft.ts";
import type { ListParams } from "../../../lib/useListParams.ts";

interface AuditFilterInputProps {
  list: ListParams;
  name: string;
  label: string;
  placeholder: string;
}

export function AuditFilterInput({ list, name, label, placeholder }: AuditFilterInputProps) {
  const id = useId();
  const current = list.filters[name] ?? "";
  const [draft, setDraft] = useDraft(current);
  const apply = (value: string) => {
    if (value.trim() !== current) list.update({ filters: { [name]: value.trim() || undefined } });
  };
  return (
    <Form.Item label={label} htmlFor={id}>
      <Input
        id={id}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder={placeholder}
        allowClear
        maxLength={64}
        onPressEnter={() => apply(draft)}
        onBlur={() => apply(draft)}
        onClear={() => apply("")}
        style={{ width: 180 }}
      />
    </Form.Item>
  );
}
