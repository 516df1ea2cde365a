// One bulletin (/bulletins/:id for the center, /department-bulletins/:id for a liaison): the sheet as the
// department reads it, and above it what the reader may do: download the PDF (for a released one the
// bytes as sent); a leader also comments on a draft or resends a released one with a written reason.
import { Alert, Flex, Skeleton, Space, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useBulletin } from "../api/bulletins.ts";
import { useBulletinText } from "../text.ts";
import { BulletinDocument } from "./BulletinDocument.tsx";
import { BulletinStateTag } from "./BulletinStateTag.tsx";
import { CommentEditor } from "./CommentEditor.tsx";
import { DownloadPdfButton } from "./DownloadPdfButton.tsx";
import { ResendButton } from "./ResendButton.tsx";

export function BulletinViewPage() {
  const { bt } = useBulletinText();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const bulletin = useBulletin(id);
  const isLiaison = user.role === "LIAISON";
  const back = isLiaison ? "/department-bulletins" : `/bulletins${bulletin.data ? `?month=${bulletin.data.month}` : ""}`;

  const backLink = (
    <Link to={back} data-testid="bulletin-back">
      <ArrowLeftOutlined /> {bt.back}
    </Link>
  );
  if (bulletin.isPending) return <Skeleton active />;
  if (bulletin.isError) {
    return (
      <Flex vertical gap={16}>
        {backLink}
        <ErrorAlert error={bulletin.error} onRetry={() => void bulletin.refetch()} />
      </Flex>
    );
  }
  const b = bulletin.data;
  const isLeader = user.role === "LEADER";

  return (
    <Flex vertical gap={12}>
      <Flex className="bulletin-no-print" justify="space-between" align="center" wrap gap={12}>
        <Space size={12} wrap>
          {backLink}
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }} data-testid="bulletin-heading">
            {`${b.department.name} · ${bt.monthName(b.month)}`}
          </Typography.Title>
          <BulletinStateTag state={b.state} testId="bulletin-state" />
          <Typography.Text type="secondary">{bt.revisionValue(b.revision)}</Typography.Text>
        </Space>
        <Space wrap>
          {isLeader && b.state === "DRAFT" ? <CommentEditor bulletin={b} /> : null}
          {isLeader && b.state === "RELEASED" ? <ResendButton bulletin={b} /> : null}
          <DownloadPdfButton bulletin={b} type="primary" />
        </Space>
      </Flex>
      <Alert
        className="bulletin-no-print"
        type={b.state === "DRAFT" ? "warning" : "info"}
        showIcon
        title={b.state === "DRAFT" ? bt.draftNotice : bt.releasedNotice(formatShanghaiDateTime(b.releasedAt ?? b.generatedAt), b.releasedByName)}
      />
      <div className="bulletin-desk">
        <BulletinDocument content={b.content} />
      </div>
    </Flex>
  );
}
