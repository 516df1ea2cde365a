// All centers of the deployment (a handful per city, so the server sends them unpaged).
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { centerDtoSchema } from "../../../../../server/src/contracts/masterData.ts";
import { apiGet } from "../../../lib/apiClient.ts";

const centersResponseSchema = z.object({ items: z.array(centerDtoSchema) });

export function useCenters() {
  return useQuery({
    queryKey: ["centers", "all"],
    queryFn: ({ signal }) => apiGet("/api/centers", centersResponseSchema, { signal }),
  });
}
