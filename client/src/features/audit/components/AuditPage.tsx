// The audit log for auditors: who did what to which record, when (Beijing time), filterable by action and entity.
import type { TableColumnsType } from "antd";
import type { AuditEntryDto } from "../../../../../server/src/contracts/audit.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ROLE_LABELS, roleSchema } from "../../../../../server/src/contracts/roles.ts";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel, type Language } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useAuditPage } from "../api/useAuditPage.ts";
import { AuditEntryDetails } from "./AuditEntryDetails.tsx";
import { AuditFilterInput } from "./AuditFilterInput.tsx";
import { ExportButton } from "../../imports/components/ExportButton.tsx";

const FILTERS = ["action", "entity"];

/** Actor roles are stored as text (system jobs have none of the user roles), so unknown ones show as-is. */
function roleLabel(role: string, lang: Language): string {
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? pickLabel(ROLE_LABELS[parsed.data], lang) : role;
}

export function AuditPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(FILTERS);
  const result = useAuditPage(list.query);

  const columns: TableColumnsType<AuditEntryDto> = [
    { title: t.audit.time, dataIndex: "at", render: (at: string) => formatShanghaiDateTime(at) },
    { title: t.audit.actor, dataIndex: "actorName", render: (name: string | null) => name ?? t.audit.system },
    { title: t.audit.role, dataIndex: "actorRole", render: (role: string) => roleLabel(role, lang) },
    { title: t.audit.action, dataIndex: "action" },
    { title: t.audit.entity, dataIndex: "entity" },
    { title: t.audit.entityId, dataIndex: "entityId", render: (id: string | null) => id ?? t.none },
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.audit, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        filters={
          <>
            <AuditFilterInput list={list} name="action" label={t.audit.action} placeholder={t.audit.actionPlaceholder} />
            <AuditFilterInput list={list} name="entity" label={t.audit.entity} placeholder={t.audit.entityPlaceholder} />
          </>
        }
        actions={<ExportButton path="/api/audit/export.xlsx" query={list.query} />}
        expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
        testId="audit-table"
      />
    </>
  );
}
