// A window's detail (today's timeline, this week's figures); refetched when its tile changes.
import { useQuery } from "@tanstack/react-query";
import { windowDetailSchema } from "../../../../../server/src/contracts/liveHall.ts";
import { apiGet } from "../../../lib/apiClient.ts";

export function useWindowDetail(windowId: number | null, version: string) {
  return useQuery({
    queryKey: ["live", "window", windowId, version],
    queryFn: () => apiGet(`/api/live/windows/${windowId}`, windowDetailSchema),
    enabled: windowId !== null,
    placeholderData: (previous) => previous,
  });
}
