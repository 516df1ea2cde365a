// The pages shown instead of content: no permission (403), no such page (404), and a crash.
import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useLanguage } from "../lib/language.tsx";

function BackHome() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate("/")}>
      {t.backHome}
    </Button>
  );
}

export function ForbiddenPage() {
  const { t } = useLanguage();
  return <Result status="403" title={t.forbiddenTitle} subTitle={t.forbiddenSubtitle} extra={<BackHome />} data-testid="forbidden" />;
}

export function NotFoundPage() {
  const { t } = useLanguage();
  return <Result status="404" title={t.notFoundTitle} subTitle={t.notFoundSubtitle} extra={<BackHome />} data-testid="not-found" />;
}

export function CrashPage() {
  const { t } = useLanguage();
  return (
    <Result
      status="error"
      title={t.crashTitle}
      subTitle={t.crashSubtitle}
      extra={
        <Button type="primary" href="/">
          {t.backHome}
        </Button>
      }
    />
  );
}
