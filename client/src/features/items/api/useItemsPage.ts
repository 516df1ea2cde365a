// The paged catalogue of service items (事项).
import { itemDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useItemsPage = (query: QueryParams) => usePagedList("items", "/api/items", itemDtoSchema, query);
