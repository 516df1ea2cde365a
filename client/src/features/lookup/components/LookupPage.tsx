// The public case lookup (no login; linked from the QR code on the acceptance notice): case number
// and the last 4 digits of the phone give status, item, deadline and working days left.
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { z } from "zod";
import { CASE_STATE_LABELS, type CaseLookupDto } from "../../../../../server/src/contracts/cases.ts";
import { apiPost } from "../../../lib/apiClient.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { LanguageSwitch } from "../../../components/LanguageSwitch.tsx";
import { useCaseText } from "../../cases/text.ts";

const lookupSchema = z.custom<CaseLookupDto>((v) => typeof v === "object" && v !== null && "caseNo" in v);

export function LookupPage() {
  const { lang, ct } = useCaseText();
  const [params] = useSearchParams();
  const lookup = useMutation({ mutationFn: (body: { caseNo: string; phoneLast4: string }) => apiPost("/api/lookup/cases", body, lookupSchema) });
  const l = ct.lookup;
  const found = lookup.data;

  return (
    <main style={{ maxWidth: 520, margin: "40px auto", padding: 16 }}>
      <div style={{ textAlign: "right" }}><LanguageSwitch /></div>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22 }}>{l.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{l.intro}</Typography.Paragraph>
        <Form layout="vertical" initialValues={{ caseNo: params.get("caseNo") ?? "" }} onFinish={(v: { caseNo: string; phoneLast4: string }) => lookup.mutate({ caseNo: v.caseNo.trim(), phoneLast4: v.phoneLast4.trim() })}>
          <Form.Item name="caseNo" label={ct.caseNo} rules={[{ required: true, pattern: /^\d{8,20}$/ }]}>
            <Input size="large" inputMode="numeric" maxLength={20} />
          </Form.Item>
          <Form.Item name="phoneLast4" label={l.phoneLast4} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
            <Input size="large" inputMode="numeric" maxLength={4} autoComplete="off" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" block loading={lookup.isPending}>{l.query}</Button>
        </Form>
        {lookup.isError ? (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon role="alert" title={lookup.error instanceof ApiError ? lookup.error.localized(lang) : String(lookup.error)} />
        ) : null}
        {found ? (
          <Descriptions style={{ marginTop: 16 }} bordered column={1} data-testid="lookup-result">
            <Descriptions.Item label={ct.caseNo}>{found.caseNo}</Descriptions.Item>
            <Descriptions.Item label={l.item}>{found.itemName}</Descriptions.Item>
            <Descriptions.Item label={l.state}><span data-testid="lookup-state">{pickLabel(CASE_STATE_LABELS[found.state], lang)}</span></Descriptions.Item>
            <Descriptions.Item label={l.dueAt}>{formatShanghaiDateTime(found.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={l.daysLeft}>{found.workingDaysLeft === null ? "—" : found.workingDaysLeft < 0 ? ct.overdueDays(-found.workingDaysLeft) : found.workingDaysLeft}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
    </main>
  );
}
