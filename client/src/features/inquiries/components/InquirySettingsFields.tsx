// The first-inquiry thresholds on the center settings page: the end-of-day time after which an open
// inquiry warns its owner, and how many working days it may stay open before inaction is proposed.
// Rendered inside the settings form (its Form context); validated by contracts/settings.ts.
import { Divider, Form, Input, InputNumber } from "antd";
import { useLanguage } from "../../../lib/language.tsx";

const TEXT = {
  "zh-CN": {
    heading: "首问责任",
    inquiryWarnAt: "首问当日未办结预警时间",
    inquiryWarnAtHelp: "登记当日到此时间仍未办结的咨询，向首问责任人预警（HH:MM）",
    inquiryInactionWorkingDays: "拟追究不作为的工作日数",
    inquiryInactionWorkingDaysHelp: "咨询登记后满该工作日数、到上述时间仍未办结的，自动拟定不作为责任追究记录",
  },
  en: {
    heading: "First-inquiry responsibility",
    inquiryWarnAt: "End-of-day warning time for open inquiries",
    inquiryWarnAtHelp: "An inquiry still open at this time of the day it was asked on warns its owner (HH:MM)",
    inquiryInactionWorkingDays: "Working days before inaction is proposed",
    inquiryInactionWorkingDaysHelp: "An inquiry still open this many working days later, at the time above, proposes an inaction record",
  },
} as const;

/** Field names this component owns, for mapping server issues onto the form. */
export const INQUIRY_SETTING_FIELDS = ["inquiryWarnAt", "inquiryInactionWorkingDays"] as const;

export function InquirySettingsFields() {
  const { lang } = useLanguage();
  const t = TEXT[lang];
  return (
    <>
      <Divider titlePlacement="start">{t.heading}</Divider>
      <Form.Item label={t.inquiryWarnAt} name="inquiryWarnAt" extra={t.inquiryWarnAtHelp}>
        <Input maxLength={5} style={{ width: 120 }} data-testid="settings-inquiryWarnAt" />
      </Form.Item>
      <Form.Item label={t.inquiryInactionWorkingDays} name="inquiryInactionWorkingDays" extra={t.inquiryInactionWorkingDaysHelp}>
        <InputNumber min={1} max={30} precision={0} data-testid="settings-inquiryInactionWorkingDays" />
      </Form.Item>
    </>
  );
}
