// On the window staff's home page: how many of their cases are open, near the deadline and overdue.
import { Card, Flex, Statistic } from "antd";
import { Link } from "react-router";
import { useCasesPage } from "../api/cases.ts";
import { useCaseText } from "../text.ts";

export function StaffCasesCard() {
  const { ct } = useCaseText();
  const open = useCasesPage({ open: "1", pageSize: 1 });
  const yellow = useCasesPage({ warning: "YELLOW", open: "1", pageSize: 1 });
  const red = useCasesPage({ warning: "RED", open: "1", pageSize: 1 });
  return (
    <Card title={ct.myCases} extra={<Link to="/cases">{ct.goToCases}</Link>} data-testid="staff-cases-card">
      <Flex gap={48}>
        <Statistic title={ct.openCases(open.data?.total ?? 0)} value={open.data?.total ?? 0} />
        <Statistic title={ct.warningLabels.YELLOW} value={yellow.data?.total ?? 0} valueStyle={{ color: "#d48806" }} />
        <Statistic title={ct.warningLabels.RED} value={red.data?.total ?? 0} valueStyle={{ color: "#cf1322" }} />
      </Flex>
    </Card>
  );
}
