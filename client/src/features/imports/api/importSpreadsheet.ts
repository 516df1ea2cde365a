// Uploading a filled-in template: the server imports every row or none and answers with counts.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { importResultSchema, XLSX_TYPE, type ImportKind } from "../../../../../server/src/contracts/imports.ts";
import { apiUpload } from "../../../lib/apiClient.ts";

/** The list resources an import of each kind changes (their cached pages are stale afterwards). */
const AFFECTED: Record<ImportKind, string[]> = { departments: ["departments"], items: ["items"], staff: ["staff"] };

export function useImportSpreadsheet(kind: ImportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload(`/api/imports/${kind}`, new Blob([file], { type: XLSX_TYPE }), importResultSchema),
    onSuccess: () => Promise.all(AFFECTED[kind].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

export const templateUrl = (kind: ImportKind) => `/api/imports/${kind}/template.xlsx`;
