// One ticket: the bad review it is about, where it stands, the masked callback number (revealed for the
// call, audited), the step history, and the form of the step that is due for those who may act.
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Space, Tag, Timeline, Typography } from "antd";
import { INDICATORS, LEVEL_LABELS, type Level } from "../../../../../server/src/contracts/indicators.ts";
import { RECTIFICATION_STATE_LABELS, RESOLUTION_LABELS, type RectificationDto } from "../../../../../server/src/contracts/rectifications.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useRectification, useRevealPhone } from "../api/rectifications.ts";
import { useRectificationText } from "../text.ts";
import { StepForm } from "./StepForm.tsx";

const REASONS = new Map(INDICATORS.map((i) => [i.code, i]));

function PhoneLine({ ticket }: { ticket: RectificationDto }) {
  const { rt } = useRectificationText();
  const reveal = useRevealPhone(ticket.id);
  if (!ticket.citizenPhoneMasked) return <Typography.Text type="secondary">{rt.noPhone}</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text data-testid="rect-phone">{reveal.data?.phone ?? ticket.citizenPhoneMasked}</Typography.Text>
      {ticket.can.revealPhone && !reveal.data ? (
        <>
          <Button size="small" loading={reveal.isPending} onClick={() => reveal.mutate()} data-testid="rect-reveal-phone">{rt.reveal}</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rt.revealNote}</Typography.Text>
        </>
      ) : null}
      {reveal.error ? <ErrorAlert error={reveal.error} /> : null}
    </Space>
  );
}

function Details({ ticket }: { ticket: RectificationDto }) {
  const { lang, rt } = useRectificationText();
  const e = ticket.evaluation;
  const yesNo = (b: boolean | null) => (b === null ? rt.none : b ? rt.yes : rt.no);
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={rt.rating}>
          <Space wrap size={4}>
            <Tag color={e.level === 1 ? "red" : "orange"}>{pickLabel(LEVEL_LABELS[e.level as Level] ?? { zh: String(e.level), en: String(e.level) }, lang)}</Tag>
            {e.reasons.map((code) => <Tag key={code} bordered={false}>{REASONS.get(code) ? pickLabel(REASONS.get(code)!, lang) : code}</Tag>)}
          </Space>
          {e.comment ? <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>{e.comment}</Typography.Paragraph> : null}
        </Descriptions.Item>
        <Descriptions.Item label={rt.openedAt}>{formatShanghaiDateTime(e.ratedAt)}</Descriptions.Item>
        <Descriptions.Item label={rt.window}>{e.windowNumber === null ? rt.none : `${rt.windowNo(e.windowNumber)} ${e.windowName ?? ""}`}</Descriptions.Item>
        <Descriptions.Item label={rt.owner}>{ticket.ownerName ?? rt.none}</Descriptions.Item>
        {e.caseNo ? <Descriptions.Item label={rt.caseNo}>{e.caseNo}</Descriptions.Item> : null}
        <Descriptions.Item label={rt.state}>
          <Space wrap size={4}>
            <Tag color={ticket.state === "CLOSED" ? "default" : "blue"} data-testid="rect-drawer-state">{pickLabel(RECTIFICATION_STATE_LABELS[ticket.state], lang)}</Tag>
            {ticket.overdue ? <Tag color="red">{rt.overdue}</Tag> : ticket.everOverdue ? <Tag color="orange">{rt.everOverdue}</Tag> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={ticket.closedAt ? rt.closedAt : rt.stepDueAt}>{formatShanghaiDateTime(ticket.closedAt ?? ticket.stepDueAt ?? ticket.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={rt.phone}><PhoneLine ticket={ticket} /></Descriptions.Item>
        {ticket.phoneConsentAt ? <Descriptions.Item label={rt.consent}>{formatShanghaiDateTime(ticket.phoneConsentAt)}</Descriptions.Item> : null}
        {ticket.phonePurgeAt ? <Descriptions.Item label={rt.purgeAt}>{formatShanghaiDateTime(ticket.phonePurgeAt)}</Descriptions.Item> : null}
        {ticket.verified !== null ? <Descriptions.Item label={rt.verifyResult}>{`${ticket.verified ? rt.verifiedTrue : rt.verifiedFalse}：${ticket.verifyNote ?? ""}`}</Descriptions.Item> : null}
        {ticket.resolution ? (
          <Descriptions.Item label={rt.resolveResult}>
            {`${pickLabel(RESOLUTION_LABELS[ticket.resolution], lang)}：${ticket.resolutionNote ?? ""}`}
            {ticket.planDueAt ? ` （${rt.planDueAt} ${formatShanghaiDateTime(ticket.planDueAt)}）` : ""}
          </Descriptions.Item>
        ) : null}
        {ticket.callbackReached !== null ? (
          <Descriptions.Item label={rt.callbackResult}>{`${rt.reached} ${yesNo(ticket.callbackReached)} · ${rt.satisfied} ${yesNo(ticket.callbackSatisfied)}：${ticket.callbackNote ?? ""}`}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {ticket.can.act ? <StepForm key={`${ticket.state}-${ticket.nextStep ?? ""}`} ticket={ticket} /> : ticket.state !== "CLOSED" ? <Alert type="info" showIcon title={rt.readOnly} /> : null}
      <div>
        <Typography.Title level={5}>{rt.history}</Typography.Title>
        <Timeline
          data-testid="rect-history"
          items={ticket.events.map((ev) => ({
            key: ev.id,
            color: ev.step === "overdue" ? "red" : ev.step === "close" ? "green" : "blue",
            content: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{rt.step[ev.step] ?? ev.step}</Typography.Text>
                <Typography.Text type="secondary">{`${formatShanghaiDateTime(ev.at)}${ev.actorName ? ` · ${ev.actorName}` : ""}`}</Typography.Text>
                {typeof ev.data?.note === "string" ? <Typography.Text>{ev.data.note}</Typography.Text> : null}
              </Space>
            ),
          }))}
        />
      </div>
    </Flex>
  );
}

export function RectificationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { rt } = useRectificationText();
  const detail = useRectification(id);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={rt.detailTitle(id?.slice(0, 8) ?? "")} destroyOnHidden data-testid="rect-drawer">
      {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <Details ticket={detail.data} /> : <Skeleton active />}
    </Drawer>
  );
}
