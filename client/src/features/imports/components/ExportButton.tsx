// Exports a list to Excel exactly as filtered, searched and sorted on screen (the URL's parameters
// minus paging go to the list's export route).
import { Button } from "antd";
import { FileExcelOutlined } from "@ant-design/icons";
import type { QueryParams } from "../../../lib/apiClient.ts";
import { useLanguage } from "../../../lib/language.tsx";

export function exportUrl(path: string, query: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== "page" && key !== "pageSize" && value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function ExportButton({ path, query }: { path: string; query: QueryParams }) {
  const { t } = useLanguage();
  return (
    <Button icon={<FileExcelOutlined />} href={exportUrl(path, query)} download>
      {t.masterEdit.exportExcel}
    </Button>
  );
}
