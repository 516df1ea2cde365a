// A bad review as stored: level, reasons and comment, never edited — what an appeal is about.
import { Space, Tag, Typography } from "antd";
import type { AppealedRatingDto } from "../../../../../server/src/contracts/appeals.ts";
import { INDICATORS, LEVEL_LABELS, type Level } from "../../../../../server/src/contracts/indicators.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useAppealText } from "../text.ts";

const REASONS = new Map(INDICATORS.map((i) => [i.code, i]));
const LEVEL_COLORS: Record<number, string> = { 2: "orange", 1: "red" };

export function RatingCell({ rating }: { rating: AppealedRatingDto }) {
  const { lang, at } = useAppealText();
  return (
    <Space direction="vertical" size={2} style={{ maxWidth: 360 }} data-testid={`rating-${rating.id}`}>
      <Space wrap size={4}>
        <Tag color={LEVEL_COLORS[rating.level] ?? "default"}>{pickLabel(LEVEL_LABELS[rating.level as Level] ?? { zh: String(rating.level), en: String(rating.level) }, lang)}</Tag>
        <Tag>{rating.defaulted ? at.defaulted : rating.bound ? at.invited : at.walkUp}</Tag>
      </Space>
      {rating.reasons.length ? (
        <Space wrap size={4}>
          {rating.reasons.map((code) => (
            <Tag key={code} bordered={false}>{REASONS.get(code) ? pickLabel(REASONS.get(code)!, lang) : code}</Tag>
          ))}
        </Space>
      ) : null}
      {rating.comment ? <Typography.Text type="secondary">{rating.comment}</Typography.Text> : null}
    </Space>
  );
}
