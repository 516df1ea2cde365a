// 实时评价: every rating of the hall as it arrives — level, reasons, comment, window and staff on duty.
import { Badge, Empty, List, Space, Tag, Typography } from "antd";
import { INDICATORS, LEVEL_LABELS, isBadReview, type Level } from "../../../../../server/src/contracts/indicators.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useEvaluationFeed } from "../api/useEvaluationFeed.ts";

const REASONS = new Map(INDICATORS.map((i) => [i.code, i]));
const LEVEL_COLORS: Record<number, string> = { 5: "green", 4: "lime", 3: "gold", 2: "orange", 1: "red" };

export function EvaluationFeedPage() {
  const { lang, t } = useLanguage();
  const { items, connected, recent } = useEvaluationFeed();
  return (
    <>
      <PageTitle>
        <Space>
          {pickLabel(NAV_LABELS.evaluations, lang)}
          <Badge status={connected ? "processing" : "error"} text={connected ? t.feed.live : t.feed.offline} data-testid="feed-status" />
        </Space>
      </PageTitle>
      {recent.error ? <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      <List
        data-testid="evaluation-feed"
        loading={recent.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t.feed.empty} /> }}
        renderItem={(e) => (
          <List.Item key={e.id} data-testid="feed-item" style={isBadReview(e.level) ? { background: "#fff2f0" } : undefined}>
            <Space direction="vertical" size={2} style={{ width: "100%" }}>
              <Space wrap>
                <Tag color={LEVEL_COLORS[e.level]}>{pickLabel(LEVEL_LABELS[e.level as Level] ?? { zh: String(e.level), en: String(e.level) }, lang)}</Tag>
                <Typography.Text strong>{t.feed.window(e.windowNumber)}</Typography.Text>
                <Typography.Text>{e.staffName ?? t.feed.nobody}</Typography.Text>
                <Tag>{e.bound ? t.feed.invited : t.feed.walkUp}</Tag>
                <Typography.Text type="secondary">{formatShanghaiDateTime(e.ratedAt)}</Typography.Text>
              </Space>
              {e.reasons.length > 0 ? (
                <Space wrap size={4}>
                  {e.reasons.map((code) => (
                    <Tag key={code}>{REASONS.get(code) ? pickLabel(REASONS.get(code)!, lang) : code}</Tag>
                  ))}
                </Space>
              ) : null}
              {e.comment ? <Typography.Paragraph style={{ margin: 0 }}>{e.comment}</Typography.Paragraph> : null}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
