// Changing one's own password. The policy is checked here before sending (same rule as the server,
// from the contracts); whatever the server still rejects is shown on the field it concerns.
import { useState } from "react";
import { Alert, App, Button, Card, Flex, Form, Input } from "antd";
import { passwordMeetsPolicy } from "../../../../../server/src/contracts/auth.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useChangePassword } from "../api/changePassword.ts";
import { useCurrentUser } from "../hooks/useCurrentUser.ts";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Server codes that are about one particular field rather than the whole request. */
const FIELD_OF_CODE: Record<string, keyof PasswordForm> = {
  INVALID_CREDENTIALS: "currentPassword",
  PASSWORD_POLICY: "newPassword",
  PASSWORD_REUSED: "newPassword",
};

export function ChangePasswordPage() {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<PasswordForm>();
  const changePassword = useChangePassword();
  const [bannerError, setBannerError] = useState<unknown>(null);

  const submit = ({ currentPassword, newPassword }: PasswordForm) => {
    setBannerError(null);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t.passwordChanged);
        },
        onError: (error) => {
          if (showFieldIssues(form, error, FIELDS, lang)) return;
          const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
          if (field && error instanceof ApiError) form.setFields([{ name: field, errors: [error.localized(lang)] }]);
          else setBannerError(error);
        },
      },
    );
  };

  return (
    <>
      <PageTitle>{t.changePassword}</PageTitle>
      <Card style={{ maxWidth: 520 }}>
        <Flex vertical gap={16}>
          {user.mustChangePassword ? <Alert type="warning" showIcon title={t.mustChangePassword} /> : null}
          {bannerError ? <ErrorAlert error={bannerError} /> : null}
          <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} disabled={changePassword.isPending}>
            {/* Lets password managers tie the new password to this account. */}
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            <Form.Item label={t.currentPassword} name="currentPassword" rules={[{ required: true, message: t.currentPasswordRequired }]}>
              <Input.Password autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Form.Item
              label={t.newPassword}
              name="newPassword"
              extra={t.passwordPolicyHint}
              dependencies={["currentPassword"]}
              rules={[
                { required: true, message: t.newPasswordRequired },
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    if (!passwordMeetsPolicy(value, user.username)) throw new Error(t.passwordPolicyFailed);
                    if (value === getFieldValue("currentPassword")) throw new Error(t.passwordSameAsCurrent);
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={256} />
            </Form.Item>
            <Form.Item
              label={t.confirmPassword}
              name="confirmPassword"
              dependencies={["newPassword"]}
              rules={[
                { required: true, message: t.confirmPasswordRequired },
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (value && value !== getFieldValue("newPassword")) throw new Error(t.passwordMismatch);
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
              {t.submitPasswordChange}
            </Button>
          </Form>
        </Flex>
      </Card>
    </>
  );
}
