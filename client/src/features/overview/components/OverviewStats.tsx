// One card per count the server let this role see (null means "not yours to see" and is left out).
// A card links to its list when the role's navigation has that list.
import { Card, Col, Row, Statistic } from "antd";
import { Link } from "react-router";
import { NAV_BY_ROLE, NAV_LABELS, type NavKey } from "../../../../../server/src/contracts/navigation.ts";
import type { Overview } from "../../../../../server/src/contracts/overview.ts";
import { isCityRole, type Role } from "../../../../../server/src/contracts/roles.ts";
import type { Dictionary } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";

type CountKey = keyof Dictionary["stats"];

const CARDS: readonly { key: CountKey; nav?: NavKey }[] = [
  { key: "centers", nav: "centers" },
  { key: "departments", nav: "departments" },
  { key: "items", nav: "items" },
  { key: "windows", nav: "windows" },
  { key: "staff", nav: "staff" },
  { key: "users", nav: "users" },
  { key: "lockedUsers", nav: "users" },
  { key: "auditEntries", nav: "audit" },
];

/** Everyone but city roles works in exactly one center, already named in the header. */
function isShown(key: CountKey, value: number | null, role: Role): value is number {
  if (value === null) return false;
  return key !== "centers" || isCityRole(role);
}

export function OverviewStats({ overview, role }: { overview: Overview; role: Role }) {
  const { t } = useLanguage();
  const nav = NAV_BY_ROLE[role];
  const cards = CARDS.flatMap(({ key, nav: navKey }) => {
    const value = overview[key];
    return isShown(key, value, role) ? [{ key, value, to: navKey && nav.includes(navKey) ? NAV_LABELS[navKey].path : undefined }] : [];
  });
  if (cards.length === 0) return null;

  return (
    <Row gutter={[16, 16]} data-testid="overview-stats">
      {cards.map(({ key, value, to }) => {
        const card = (
          <Card hoverable={to !== undefined} data-testid={`stat-${key}`}>
            <Statistic title={t.stats[key]} value={value} />
          </Card>
        );
        return (
          <Col key={key} xs={12} md={8} xl={6}>
            {to ? <Link to={to}>{card}</Link> : card}
          </Col>
        );
      })}
    </Row>
  );
}
