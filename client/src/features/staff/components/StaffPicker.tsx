// Picks one active staff member by typing part of a name or staff number; the server searches, so the
// picker stays fast with any number of staff. Optionally limited to some departments.
import { useState } from "react";
import { Select } from "antd";
import { useLanguage } from "../../../lib/language.tsx";
import { useStaffSearch } from "../api/searchStaff.ts";

interface StaffPickerProps {
  value?: number | null;
  onChange?: (staffId: number | null) => void;
  /** Told the label ("name（staff no.）") of the picked person */
  onPick?: (label: string) => void;
  /** Shown for the current value before any search (the picker only knows what it has fetched) */
  initialLabel?: string;
  departmentIds?: readonly number[];
  exclude?: readonly number[];
  allowClear?: boolean;
  id?: string;
  "aria-label"?: string;
}

export function StaffPicker({ value, onChange, onPick, initialLabel, departmentIds, exclude = [], allowClear, id, ...rest }: StaffPickerProps) {
  const { t } = useLanguage();
  const [q, setQ] = useState("");
  const found = useStaffSearch(q, departmentIds);
  const options = (found.data ?? []).filter((s) => !exclude.includes(s.id)).map((s) => ({ value: s.id, label: `${s.name}（${s.staffNo}）` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select<number>
      id={id}
      aria-label={rest["aria-label"]}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t.duty.chooseStaff}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        onPick?.(options.find((o) => o.value === v)?.label ?? "");
      }}
      allowClear={allowClear}
      options={options}
      style={{ minWidth: 240 }}
    />
  );
}
