// The 好差评 report API (contracts/ratingReports.ts) as react-query hooks: the figures, checked against
// the contract's schema, and the two exports, fetched so a refusal shows the server's message.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { ratingReportSchema, type RatingReportDto } from "../../../../../server/src/contracts/ratingReports.ts";
import { apiDownload, apiGet, type QueryParams } from "../../../lib/apiClient.ts";

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
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement("a");
        link.href = url;
        link.download = filename ?? fallbackName;
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        // The click has handed the blob to the download already; freeing it later keeps slow browsers safe.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    },
  });
}
