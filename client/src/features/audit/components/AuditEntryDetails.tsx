// What an audit entry changed, shown when its row is expanded: before/after snapshots, origin, chain hash.
import { Descriptions, Typography } from "antd";
import type { AuditEntryDto } from "../../../../../server/src/contracts/audit.ts";
import { useLanguage } from "../../../lib/language.tsx";

function Snapshot({ value }: { value: unknown }) {
  const { t } = useLanguage();
  if (value === null || value === undefined) return <>{t.none}</>;
  return <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditEntryDetails({ entry }: { entry: AuditEntryDto }) {
  const { t } = useLanguage();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: "before", label: t.audit.before, children: <Snapshot value={entry.before} /> },
        { key: "after", label: t.audit.after, children: <Snapshot value={entry.after} /> },
        { key: "ip", label: t.audit.ip, children: entry.ip ?? t.none },
        { key: "hash", label: t.audit.hash, children: <Typography.Text code copyable>{entry.hash}</Typography.Text> },
      ]}
    />
  );
}
