// The paged, filterable audit log.
import { auditEntryDtoSchema } from "../../../../../server/src/contracts/audit.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useAuditPage = (query: QueryParams) => usePagedList("audit", "/api/audit", auditEntryDtoSchema, query);
