// A window staff member's own record: who they are and which windows they serve, primary or as the
// backup of an AB post (AB岗).
import { Card, Descriptions, Flex, Tag, Typography } from "antd";
import type { Overview } from "../../../../../server/src/contracts/overview.ts";
import { useLanguage } from "../../../lib/language.tsx";

type Self = NonNullable<Overview["self"]>;

export function StaffSelfCard({ self }: { self: Self }) {
  const { t } = useLanguage();
  return (
    <Card title={t.self.title} data-testid="staff-self">
      <Descriptions
        column={{ xs: 1, md: 3 }}
        items={[
          { key: "staffNo", label: t.self.staffNo, children: self.staffNo },
          {
            key: "name",
            label: t.self.name,
            children: (
              <Flex gap={8} align="center">
                {self.name}
                {self.partyMember ? <Tag color="red">{t.self.partyMember}</Tag> : null}
              </Flex>
            ),
          },
          { key: "department", label: t.self.department, children: self.departmentName },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
        {t.self.windowsTitle}
      </Typography.Title>
      {self.windows.length === 0 ? (
        <Typography.Text type="secondary">{t.self.noWindows}</Typography.Text>
      ) : (
        <Flex wrap gap={8} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {self.windows.map((window) => (
            <li key={`${window.number}-${window.backup ? "b" : "a"}`}>
              <Tag color="blue" style={{ fontSize: 14, padding: "4px 8px" }}>
                {t.self.windowLabel(window.number, window.name)}
              </Tag>
              {window.backup ? <Tag color="gold">{t.self.backup}</Tag> : null}
            </li>
          ))}
        </Flex>
      )}
    </Card>
  );
}
