// The administrator's center settings: the hall's opening hours and lunch break (shown to staff at
// sign-in and to the public in the catalogue) and the working-day deadlines the rules use.
import { useEffect } from "react";
import { App, Button, Card, Form, Input, InputNumber, Skeleton } from "antd";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { centerSettingsSchema, type CenterSettings } from "../../../../../server/src/contracts/settings.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useSaveSettings, useSettings } from "../api/settings.ts";
import { InquirySettingsFields } from "../../inquiries/components/InquirySettingsFields.tsx";
import { RatingSettingsFields, RATING_SETTING_FIELDS } from "../../ratingReports/components/RatingSettingsFields.tsx";

const TIME_FIELDS = ["opensAt", "closesAt", "lunchStartsAt", "lunchEndsAt"] as const;
const DAY_FIELDS = [
  "warnWorkingDaysBefore",
  "rectificationWorkingDays",
  "rectificationVerifyWorkingDays",
  "rectificationResolveWorkingDays",
  "rectificationCallbackWorkingDays",
  "rectificationCloseWorkingDays",
  "complaintWorkingDays",
] as const;
/** The hours' cross-field rules, said beside the field the schema puts them on */
const HOURS_MESSAGES = {
  "zh-CN": { closesAt: "下班时间须晚于上班时间", lunchStartsAt: "午休须在办公时间之内开始", lunchEndsAt: "午休须在开始之后、下班之前结束" },
  en: { closesAt: "Closing must be after opening", lunchStartsAt: "The lunch break must start within the opening hours", lunchEndsAt: "The lunch break must end after it starts and before closing" },
} as const;

export function SettingsPage() {
  const { lang, t } = useLanguage();
  const s = t.settings;
  const { message } = App.useApp();
  const [form] = Form.useForm<CenterSettings>();
  const settings = useSettings();
  const save = useSaveSettings();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const submit = (values: CenterSettings) => {
    const body = parseForm(form, centerSettingsSchema, { ...settings.data, ...values }, lang, HOURS_MESSAGES[lang]);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => void message.success(t.masterEdit.saved),
      onError: (error) => void showFieldIssues(form, error, [...TIME_FIELDS, ...DAY_FIELDS, "signInEarlyMinutes", "rectificationPhoneRetentionDays", ...RATING_SETTING_FIELDS], lang),
    });
  };

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.settings, lang)}</PageTitle>
      {settings.isError ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isPending ? <Skeleton active /> : null}
      {settings.data ? (
        <Card style={{ maxWidth: 560 }}>
          <Form<CenterSettings> form={form} layout="vertical" onFinish={submit} disabled={save.isPending} data-testid="settings-form">
            {TIME_FIELDS.map((name) => (
              <Form.Item key={name} label={s[name]} name={name} extra="HH:MM">
                <Input maxLength={5} style={{ width: 120 }} />
              </Form.Item>
            ))}
            <Form.Item label={t.assign.signInEarlyMinutes} name="signInEarlyMinutes">
              <InputNumber min={0} max={120} precision={0} />
            </Form.Item>
            {DAY_FIELDS.map((name) => (
              <Form.Item key={name} label={s[name]} name={name}>
                <InputNumber min={0} max={60} precision={0} />
              </Form.Item>
            ))}
            <Form.Item label={s.rectificationPhoneRetentionDays} name="rectificationPhoneRetentionDays">
              <InputNumber min={0} max={365} precision={0} />
            </Form.Item>
            <InquirySettingsFields />
            <RatingSettingsFields />
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t.masterEdit.save}</Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
