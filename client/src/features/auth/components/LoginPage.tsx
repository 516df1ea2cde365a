// Signing in. Once the session holds a user this page steps aside: to the password page when the
// account must change its password first, otherwise to the home page.
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Navigate } from "react-router";
import type { LoginBody } from "../../../../../server/src/contracts/auth.ts";
import { FullPageSpin } from "../../../components/FullPageSpin.tsx";
import { LanguageSwitch } from "../../../components/LanguageSwitch.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useLogin } from "../api/login.ts";
import { useSession } from "../api/session.ts";

const FIELDS = ["username", "password"] as const;

export function LoginPage() {
  const { lang, t } = useLanguage();
  const [form] = Form.useForm<LoginBody>();
  const session = useSession();
  const login = useLogin();

  if (session.isPending) return <FullPageSpin />;
  const user = session.data?.user;
  if (user) return <Navigate to={user.mustChangePassword ? "/password" : "/"} replace />;

  const submit = (values: LoginBody) => {
    login.mutate(values, {
      onError: (error) => {
        showFieldIssues(form, error, FIELDS, lang);
        form.setFieldValue("password", "");
      },
    });
  };

  const loginError = login.error ? (login.error instanceof ApiError ? login.error.localized(lang) : t.unexpectedError) : null;
  const expired = session.data?.expired === true && !login.isError;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", padding: 16, background: "#f0f2f5" }}>
      <Flex justify="flex-end" style={{ width: "100%", maxWidth: 400 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <main>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0, marginBottom: 4 }}>
            {t.loginTitle}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t.loginSubtitle}</Typography.Paragraph>
          {expired ? <Alert type="warning" showIcon title={t.sessionExpired} style={{ marginBottom: 16 }} data-testid="session-expired" /> : null}
          {loginError ? <Alert type="error" showIcon role="alert" title={loginError} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
          <Form<LoginBody> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={login.isPending}>
            <Form.Item label={t.username} name="username" rules={[{ required: true, whitespace: true, message: t.usernameRequired }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.passwordRequired }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t.login}
            </Button>
          </Form>
        </main>
      </Card>
    </Flex>
  );
}
