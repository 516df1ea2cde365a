// The gate in front of every signed-in page: waits for the session, sends strangers to /login, and
// hands the user to everything below it.
import { Button, Result } from "antd";
import { Navigate, Outlet } from "react-router";
import { FullPageSpin } from "../../../components/FullPageSpin.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useSession } from "../api/session.ts";
import { CurrentUserContext } from "../hooks/useCurrentUser.ts";

export function RequireSession() {
  const { lang, t } = useLanguage();
  const session = useSession();

  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    const detail = session.error instanceof ApiError ? session.error.localized(lang) : t.unexpectedError;
    return (
      <Result
        status="error"
        title={t.sessionLoadFailed}
        subTitle={detail}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t.retry}
          </Button>
        }
      />
    );
  }
  if (!session.data.user) return <Navigate to="/login" replace />;

  return (
    <CurrentUserContext value={session.data.user}>
      <Outlet />
    </CurrentUserContext>
  );
}
