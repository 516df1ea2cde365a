// A staff picker that searches the server as the user types (name or 工号).
import { Select } from "antd";
import { useState } from "react";
import { useStaffSearch } from "../api/complaints.ts";
import { useComplaintText } from "../text.ts";

export function StaffSelect({ value, onChange, testId, initialLabel }: { value?: number | null; onChange?: (v: number | null) => void; testId?: string; initialLabel?: string | null }) {
  const { ct } = useComplaintText();
  const [q, setQ] = useState("");
  const found = useStaffSearch(q);
  const options = found.data ?? [];
  const withCurrent = value && initialLabel && !options.some((o) => o.value === value) ? [{ value, label: initialLabel }, ...options] : options;
  return (
    <Select<number>
      data-testid={testId}
      allowClear
      value={value ?? undefined}
      placeholder={ct.searchStaff}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      options={withCurrent}
      onChange={(v) => onChange?.(v ?? null)}
    />
  );
}
