// The center's windows as select options ("12 企业开办综合窗口"), for the link and filter selects of
// several pages (a hall has ~90; one cached list serves them all).
import { useQuery } from "@tanstack/react-query";
import { windowDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { fetchPage } from "../../../lib/pagedList.ts";

/** `enabled`: false for roles that may not list windows (their selects then offer nothing). */
export const useWindowOptions = (enabled = true) =>
  useQuery({
    queryKey: ["windows", "options"],
    queryFn: ({ signal }) => fetchPage("/api/windows", windowDtoSchema, { page: 1, pageSize: 500, sort: "number" }, signal),
    enabled,
    staleTime: 5 * 60_000,
    select: (page) => page.items.map((w) => ({ value: w.id, label: `${w.number} ${w.name}` })),
  });
