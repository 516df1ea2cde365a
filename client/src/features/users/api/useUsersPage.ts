// The paged list of user accounts.
import { userDtoSchema } from "../../../../../server/src/contracts/users.ts";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { usePagedList } from "../../../lib/pagedList.ts";

export const useUsersPage = (query: QueryParams) => usePagedList("users", "/api/users", userDtoSchema, query);
