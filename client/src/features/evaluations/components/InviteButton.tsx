// The staff's 邀请评价 button on their home page: one tap after serving someone.
import { Alert, Button, Card, Space, Typography } from "antd";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useLanguage } from "../../../lib/language.tsx";
import { useInvite } from "../api/useInvite.ts";

export function InviteButton() {
  const { t } = useLanguage();
  const invite = useInvite();
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Button type="primary" size="large" onClick={() => invite.mutate()} loading={invite.isPending} data-testid="invite-rating">
          {t.invite.button}
        </Button>
        <Typography.Text type="secondary">{t.invite.help}</Typography.Text>
        {invite.isSuccess ? <Alert type="success" showIcon title={t.invite.sent} data-testid="invite-sent" /> : null}
        {invite.error ? <ErrorAlert error={invite.error} /> : null}
      </Space>
    </Card>
  );
}
