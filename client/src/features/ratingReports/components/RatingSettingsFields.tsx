// Ratings by phone and defaulted ratings on the center settings page (#6): how long a completed case's
// SMS rating link lives, and whether (after how many days, at which level) an unrated case gets a
// defaulted rating. Rendered inside the settings form (its Form context); validated by contracts/settings.ts.
import { Divider, Form, InputNumber, Select } from "antd";
import { LEVEL_LABELS } from "../../../../../server/src/contracts/indicators.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";

const TEXT = {
  "zh-CN": {
    heading: "短信评价与默认评价",
    ratingLinkDays: "短信评价链接有效天数",
    ratingLinkDaysHelp: "办件办结时向群众发送一次性评价链接，有效期为该天数；0 表示不发送链接",
    defaultRatingDays: "默认评价天数",
    defaultRatingDaysHelp: "办结后满该天数仍未评价的办件记录一条默认评价（单列，不计入考核）；0 表示不启用。部分省份为 7 天",
    defaultRatingLevel: "默认评价等级",
  },
  en: {
    heading: "Ratings by SMS and defaulted ratings",
    ratingLinkDays: "Days an SMS rating link is valid",
    ratingLinkDaysHelp: "A completed case's citizen gets a one-time rating link valid this many days; 0 sends no link",
    defaultRatingDays: "Days before a defaulted rating",
    defaultRatingDaysHelp: "A case still unrated this many days after completion gets a defaulted rating (kept apart, not scored); 0 turns it off. Some provinces use 7",
    defaultRatingLevel: "Level of a defaulted rating",
  },
} as const;

/** Field names this component owns, for mapping server issues onto the form. */
export const RATING_SETTING_FIELDS = ["ratingLinkDays", "defaultRatingDays", "defaultRatingLevel"] as const;

export function RatingSettingsFields() {
  const { lang } = useLanguage();
  const t = TEXT[lang];
  return (
    <>
      <Divider titlePlacement="start">{t.heading}</Divider>
      <Form.Item label={t.ratingLinkDays} name="ratingLinkDays" extra={t.ratingLinkDaysHelp}>
        <InputNumber min={0} max={30} precision={0} data-testid="settings-ratingLinkDays" />
      </Form.Item>
      <Form.Item label={t.defaultRatingDays} name="defaultRatingDays" extra={t.defaultRatingDaysHelp}>
        <InputNumber min={0} max={60} precision={0} data-testid="settings-defaultRatingDays" />
      </Form.Item>
      <Form.Item label={t.defaultRatingLevel} name="defaultRatingLevel">
        <Select<number> style={{ width: 160 }} options={([5, 4, 3] as const).map((l) => ({ value: l, label: pickLabel(LEVEL_LABELS[l], lang) }))} data-testid="settings-defaultRatingLevel" />
      </Form.Item>
    </>
  );
}
