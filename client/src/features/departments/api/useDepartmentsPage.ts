// The paged department list of the departments page.
import { departmentDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useDepartmentsPage = (query: QueryParams) => usePagedList("departments", "/api/departments", departmentDtoSchema, query);
