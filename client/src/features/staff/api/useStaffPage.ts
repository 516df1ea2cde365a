// The paged list of window staff.
import { staffDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useStaffPage = (query: QueryParams) => usePagedList("staff", "/api/staff", staffDtoSchema, query);
