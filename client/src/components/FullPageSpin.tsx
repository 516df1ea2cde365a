// Shown while the app does not yet know who is signed in, so no page flashes the wrong content.
import { Flex, Spin } from "antd";
import { useLanguage } from "../lib/language.tsx";

export function FullPageSpin() {
  const { t } = useLanguage();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <Spin size="large" description={t.loading} />
    </Flex>
  );
}
