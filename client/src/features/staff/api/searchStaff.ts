// Staff members found by name or staff number (工号), for pickers that cannot list all 180 at once.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { staffDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { fetchPage } from "../../../lib/pagedList.ts";

export const useStaffSearch = (q: string, departmentIds?: readonly number[]) =>
  useQuery({
    queryKey: ["staff", "search", q, departmentIds ?? null],
    queryFn: async ({ signal }) => {
      // One page per department when limited to some (the list filters by one department at a time)
      const departments = departmentIds && departmentIds.length > 0 ? departmentIds : [undefined];
      const pages = await Promise.all(departments.map((departmentId) => fetchPage("/api/staff", staffDtoSchema, { q: q || undefined, departmentId, active: "true", pageSize: 30 }, signal)));
      return pages.flatMap((p) => p.items);
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
