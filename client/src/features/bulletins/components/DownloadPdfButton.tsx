// 「下载 PDF」: fetched rather than linked, so a refusal (404, not signed in) shows the server's message
// instead of a file holding the JSON error.
import { App, Button } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import type { BulletinSummaryDto } from "../../../../../server/src/contracts/bulletins.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { useDownloadPdf } from "../api/bulletins.ts";
import { useBulletinText } from "../text.ts";

export function DownloadPdfButton({ bulletin, size, type }: { bulletin: BulletinSummaryDto; size?: "small" | "middle"; type?: "primary" | "default" | "link" }) {
  const { lang, bt } = useBulletinText();
  const { message } = App.useApp();
  const download = useDownloadPdf();
  const fallbackName = `${bulletin.month}-${bulletin.department.shortName || bulletin.department.name}-简报.pdf`;
  return (
    <Button
      size={size}
      type={type}
      icon={<DownloadOutlined />}
      loading={download.isPending}
      data-testid={`bulletin-pdf-${bulletin.id}`}
      onClick={() =>
        download.mutate(
          { id: bulletin.id, fallbackName },
          { onError: (e) => void message.error(e instanceof ApiError ? e.localized(lang) : bt.downloadFailed) },
        )
      }
    >
      {bt.downloadPdf}
    </Button>
  );
}
