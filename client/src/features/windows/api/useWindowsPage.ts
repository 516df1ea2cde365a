// The paged list of service windows.
import { windowDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useWindowsPage = (query: QueryParams) => usePagedList("windows", "/api/windows", windowDtoSchema, query);
