// Each role's start page (工作台): its heading, window staff's own record first, then the counts the role may see.
import { Alert, Flex, Skeleton, Typography } from "antd";
import { Link } from "react-router";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useLanguage } from "../../../lib/language.tsx";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useOverview } from "../api/useOverview.ts";
import { OverviewStats } from "./OverviewStats.tsx";
import { StaffSelfCard } from "./StaffSelfCard.tsx";
import { ShiftCard } from "../../shifts/components/ShiftCard.tsx";
import { StaffCasesCard } from "../../cases/components/StaffCasesCard.tsx";
import { InviteButton } from "../../evaluations/components/InviteButton.tsx";
import { StaffInspections } from "../../inspections/components/StaffInspections.tsx";
import { MyScoreCardLazy } from "../../assessment/pages.tsx";

export function HomePage() {
  const { t } = useLanguage();
  const user = useCurrentUser();
  const overview = useOverview();

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle testId="home-heading">{t.homeHeadings[user.role]}</PageTitle>
        <Typography.Text type="secondary">{t.welcome(user.displayName)}</Typography.Text>
      </div>
      {user.mustChangePassword ? (
        <Alert type="warning" showIcon title={t.mustChangePassword} action={<Link to="/password">{t.changePassword}</Link>} />
      ) : null}
      {overview.isPending ? <Skeleton active /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} title={t.overviewFailed} onRetry={() => void overview.refetch()} /> : null}
      {overview.data?.self ? <StaffSelfCard self={overview.data.self} /> : null}
      {user.role === "STAFF" && user.staffId !== null ? <ShiftCard /> : null}
      {user.role === "STAFF" ? <InviteButton /> : null}
      {user.role === "STAFF" ? <StaffCasesCard /> : null}
      {user.role === "STAFF" && user.staffId !== null ? <MyScoreCardLazy /> : null}
      {user.role === "STAFF" && user.staffId !== null ? <StaffInspections staffId={user.staffId} /> : null}
      {overview.data ? <OverviewStats overview={overview.data} role={user.role} /> : null}
    </Flex>
  );
}
