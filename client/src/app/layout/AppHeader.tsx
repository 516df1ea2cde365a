// The top bar: which center this is, who is signed in and as what, and the account actions.
import { App, Button, Flex, Layout, Typography, theme } from "antd";
import { LogoutOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import type { Me } from "../../../../server/src/contracts/auth.ts";
import { ROLE_LABELS } from "../../../../server/src/contracts/roles.ts";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";
import { ApiError } from "../../lib/apiError.ts";
import { pickLabel } from "../../lib/i18n.ts";
import { useLanguage } from "../../lib/language.tsx";
import { useLogout } from "../../features/auth/api/logout.ts";

export function AppHeader({ user }: { user: Me }) {
  const { lang, t } = useLanguage();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const logout = useLogout();

  const signOut = () =>
    logout.mutate(undefined, {
      onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : t.unexpectedError),
    });

  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        paddingInline: 24,
        height: "auto",
        minHeight: 64,
        lineHeight: "normal",
      }}
    >
      <Flex align="center" justify="space-between" wrap gap={12} style={{ minHeight: 64 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="center-name">
          {user.centerName ?? t.cityWide}
        </Typography.Text>
        <Flex align="center" wrap gap={8}>
          <Typography.Text data-testid="current-user">
            {t.userSummary(user.displayName, pickLabel(ROLE_LABELS[user.role], lang))}
          </Typography.Text>
          <LanguageSwitch />
          <Link to="/password" data-testid="change-password-link">
            {t.changePassword}
          </Link>
          <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending} data-testid="logout">
            {t.logout}
          </Button>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
