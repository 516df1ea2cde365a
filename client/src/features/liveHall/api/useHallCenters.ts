// The centers a city-level leader may pick for the map (only fetched for that role).
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { centerDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet } from "../../../lib/apiClient.ts";

const centersSchema = z.object({ items: z.array(centerDtoSchema) });

export function useHallCenters(enabled: boolean) {
  return useQuery({ queryKey: ["live", "centers"], queryFn: ({ signal }) => apiGet("/api/centers", centersSchema, { signal }), enabled });
}
