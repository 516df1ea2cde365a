// The home page's counts and, for window staff, their own record.
import { useQuery } from "@tanstack/react-query";
import { overviewSchema } from "../../../../../server/src/contracts/overview.ts";
import { apiGet } from "../../../lib/apiClient.ts";

export function useOverview() {
  return useQuery({
    queryKey: ["overview"],
    queryFn: ({ signal }) => apiGet("/api/overview", overviewSchema, { signal }),
  });
}
