// The 好差评 report API (contracts/ratingReports.ts) as react-query hooks: the figures, checked against
// the contract's schema, and the two exports, fetched so a refusal shows the server's message.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ratingReportSchema, type RatingReportDto } from "../../../../../server/src/contracts/ratingReports.ts";
import { apiDownload, apiGet, type QueryParams } from "../../../lib/apiClient.ts";
import { saveDownload } from "../../../lib/saveDownload.ts";

const BASE = "/api/rating-reports";

export function useRatingReport(query: QueryParams, enabled: boolean) {
  return useQuery<RatingReportDto>({
    queryKey: ["rating-reports", query],
    queryFn: ({ signal }) => apiGet(BASE, ratingReportSchema, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const queryString = (query: QueryParams) =>
  new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]]))).toString();

/** Downloads one of the exports ("export.xlsx" or "gbt39046.csv") for the query shown. */
export function useDownloadReport() {
  return useMutation({
    mutationFn: async ({ file, query, fallbackName }: { file: "export.xlsx" | "gbt39046.csv"; query: QueryParams; fallbackName: string }) => {
      const { blob, filename } = await apiDownload(`${BASE}/${file}?${queryString(query)}`);
      saveDownload(blob, filename ?? fallbackName);
    },
  });
}
