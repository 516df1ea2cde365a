// The staff's 邀请评价 button on their home page: one tap after serving someone, and 取消邀请 while
// that invitation is open (the citizen left without rating).
import { Alert, Button, Card, Space, Typography } from "antd";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useLanguage } from "../../../lib/language.tsx";
import { useCancelInvitation, useInvite } from "../api/useInvite.ts";

export function InviteButton() {
  const { t } = useLanguage();
  const invite = useInvite();
  const cancel = useCancelInvitation();
  const open = invite.data && !(cancel.isSuccess && cancel.data.id === invite.data.id) ? invite.data : null;
  const error = invite.error ?? cancel.error;
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Button type="primary" size="large" onClick={() => invite.mutate(undefined, { onSuccess: () => cancel.reset() })} loading={invite.isPending} data-testid="invite-rating">
            {t.invite.button}
          </Button>
          {open ? (
            <Button size="large" onClick={() => cancel.mutate(open.id)} loading={cancel.isPending} data-testid="invite-cancel">
              {t.invite.cancel}
            </Button>
          ) : null}
        </Space>
        <Typography.Text type="secondary">{t.invite.help}</Typography.Text>
        {open ? <Alert type="success" showIcon title={t.invite.sent} data-testid="invite-sent" /> : null}
        {cancel.isSuccess ? <Alert type="info" showIcon title={t.invite.cancelled} data-testid="invite-cancelled" /> : null}
        {error ? <ErrorAlert error={error} /> : null}
      </Space>
    </Card>
  );
}
