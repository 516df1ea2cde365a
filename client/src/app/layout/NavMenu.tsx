// The side navigation: exactly the role's NAV_BY_ROLE entries, in that order. Each entry is a real
// link carrying data-testid="nav-<key>", which the end-to-end tests count per role.
import type { ReactNode } from "react";
import { Menu } from "antd";
import {
  ApiOutlined,
  BellOutlined,
  CheckSquareOutlined,
  CalendarOutlined,
  DashboardOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  HomeOutlined,
  LikeOutlined,
  MessageOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  TabletOutlined,
  TeamOutlined,
  UserOutlined,
  SettingOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  CommentOutlined,
  FlagOutlined,
  SyncOutlined,
  ControlOutlined,
  IdcardOutlined,
  ReadOutlined,
  FileTextOutlined,
  ToolOutlined,
  ExceptionOutlined,
  BarChartOutlined,
} from "@ant-design/icons";
import { Link, useLocation } from "react-router";
import { NAV_BY_ROLE, NAV_LABELS, type NavKey } from "../../../../server/src/contracts/navigation.ts";
import type { Role } from "../../../../server/src/contracts/roles.ts";
import { pickLabel } from "../../lib/i18n.ts";
import { useLanguage } from "../../lib/language.tsx";

const NAV_ICONS: Record<NavKey, ReactNode> = {
  home: <HomeOutlined />,
  centers: <BankOutlined />,
  departments: <ApartmentOutlined />,
  windows: <DesktopOutlined />,
  staff: <TeamOutlined />,
  items: <ProfileOutlined />,
  users: <UserOutlined />,
  audit: <AuditOutlined />,
  cases: <FileDoneOutlined />,
  inquiries: <QuestionCircleOutlined />,
  complaints: <MessageOutlined />,
  accountability: <SafetyCertificateOutlined />,
  evaluations: <LikeOutlined />,
  devices: <TabletOutlined />,
  settings: <SettingOutlined />,
  calendar: <CalendarOutlined />,
  duty: <ScheduleOutlined />,
  live: <DashboardOutlined />,
  queueKeys: <ApiOutlined />,
  alerts: <BellOutlined />,
  inspections: <CheckSquareOutlined />,
  inspectionChecklist: <OrderedListOutlined />,
  rankings: <TrophyOutlined />,
  weeklyReview: <CommentOutlined />,
  quarterEvaluation: <FlagOutlined />,
  assessmentRuns: <SyncOutlined />,
  assessmentRules: <ControlOutlined />,
  myAssessment: <IdcardOutlined />,
  bulletins: <ReadOutlined />,
  departmentBulletins: <FileTextOutlined />,
  rectifications: <ToolOutlined />,
  appeals: <ExceptionOutlined />,
  ratingReports: <BarChartOutlined />,
};

function selectedKey(pathname: string, keys: readonly NavKey[]): NavKey | undefined {
  return keys.find((key) => {
    const path = NAV_LABELS[key].path;
    return path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
  });
}

export function NavMenu({ role }: { role: Role }) {
  const { lang, t } = useLanguage();
  const { pathname } = useLocation();
  const keys = NAV_BY_ROLE[role];
  const selected = selectedKey(pathname, keys);

  return (
    <nav aria-label={t.mainNavigation}>
      <Menu
        mode="inline"
        theme="dark"
        selectedKeys={selected ? [selected] : []}
        items={keys.map((key) => ({
          key,
          icon: NAV_ICONS[key],
          label: (
            <Link to={NAV_LABELS[key].path} data-testid={`nav-${key}`}>
              {pickLabel(NAV_LABELS[key], lang)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
