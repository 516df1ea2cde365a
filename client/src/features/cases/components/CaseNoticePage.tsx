// The acceptance notice (受理通知书) to print and hand over: case number, item, promised deadline and a
// QR code to the public lookup; a rejected case prints its reason instead (不予受理告知书).
import { Button, Descriptions, Flex, Skeleton, Typography } from "antd";
import { useParams } from "react-router";
import { CASE_STATE_LABELS } from "../../../../../server/src/contracts/cases.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCaseNotice } from "../api/cases.ts";
import { useCaseText } from "../text.ts";
import { CaseActions } from "./CaseActions.tsx";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";

export function CaseNoticePage() {
  const { lang, ct } = useCaseText();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const notice = useCaseNotice(id);
  if (notice.isPending) return <Skeleton active />;
  if (notice.isError) return <ErrorAlert error={notice.error} onRetry={() => void notice.refetch()} />;
  const { case: c, centerName, lookupUrl, qrSvg } = notice.data;
  const rejected = c.state === "REJECTED";

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Flex justify="space-between" align="center" className="no-print">
        {user.role === "STAFF" ? <CaseActions kase={c} /> : <span />}
        <Button type="primary" onClick={() => window.print()}>{ct.printNotice}</Button>
      </Flex>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: "center" }} data-testid="notice-title">
        {centerName} {rejected ? ct.rejectedNotice : ct.notice}
      </Typography.Title>
      {!rejected ? <Typography.Paragraph>{ct.noticeIntro}</Typography.Paragraph> : null}
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={ct.caseNo}><span data-testid="notice-case-no">{c.caseNo}</span></Descriptions.Item>
        <Descriptions.Item label={ct.item}>{c.itemName}</Descriptions.Item>
        <Descriptions.Item label={ct.citizenName}>{c.citizenName}（{c.citizenIdMasked}）</Descriptions.Item>
        <Descriptions.Item label={ct.acceptedAt}>{formatShanghaiDateTime(c.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={ct.state}><span data-testid="notice-state">{pickLabel(CASE_STATE_LABELS[c.state], lang)}</span></Descriptions.Item>
        {rejected ? (
          <Descriptions.Item label={ct.rejectedReason}>{c.rejectedReason}</Descriptions.Item>
        ) : (
          <Descriptions.Item label={ct.dueAt}>{formatShanghaiDateTime(c.dueAt)}</Descriptions.Item>
        )}
      </Descriptions>
      {!rejected ? (
        <Flex gap={16} align="center">
          <div aria-label="QR" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <Typography.Text>
            {ct.lookupHint}
            <br />
            <Typography.Text code>{lookupUrl}</Typography.Text>
          </Typography.Text>
        </Flex>
      ) : null}
      {c.transitions?.length ? (
        <Descriptions column={1} size="small" className="no-print">
          {c.transitions.map((t, i) => (
            <Descriptions.Item key={i} label={formatShanghaiDateTime(t.at)}>
              {pickLabel(CASE_STATE_LABELS[t.toState], lang)} {t.actorName ?? ""} {t.reason ? `— ${t.reason}` : ""}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Flex>
  );
}
