// The frame of every signed-in page: side navigation for the role, header, and the page itself.
import { Layout, Typography } from "antd";
import { Outlet } from "react-router";
import { useLanguage } from "../../lib/language.tsx";
import { useCurrentUser } from "../../features/auth/hooks/useCurrentUser.ts";
import { AppHeader } from "./AppHeader.tsx";
import { NavMenu } from "./NavMenu.tsx";

const SIDER_WIDTH = 208;

export function AppLayout() {
  const { t } = useLanguage();
  const user = useCurrentUser();

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={SIDER_WIDTH} style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
        <Typography.Text strong style={{ display: "block", color: "#fff", fontSize: 18, padding: "20px 24px" }}>
          {t.productName}
        </Typography.Text>
        <NavMenu role={user.role} />
      </Layout.Sider>
      <Layout>
        <AppHeader user={user} />
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
