// One item's public guide: procedure, materials, statutory and promised limits, fee, legal basis and
// the windows to go to. Printing it gives the one-page 一次性告知书 (see catalog.css, @media print).
import { Alert, Button, Card, Descriptions, Flex, List, Skeleton, Steps, Tag, Typography } from "antd";
import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Link, useParams } from "react-router";
import { LanguageSwitch } from "../../../components/LanguageSwitch.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useCatalog, useCatalogItem } from "../api/catalog.ts";
import "./catalog.css";

/** Windows of one zone and sign read as one line ("A区 · 综合受理：1、2、3 号窗口"): shorter on a phone and on paper. */
function windowGroups(windows: readonly { number: number; zone: string; name: string }[]) {
  const groups = new Map<string, { key: string; zone: string; name: string; numbers: number[] }>();
  for (const w of windows) {
    const key = `${w.zone}\u0000${w.name}`;
    const group = groups.get(key) ?? { key, zone: w.zone, name: w.name, numbers: [] };
    group.numbers.push(w.number);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function CatalogItemPage() {
  const { lang, t } = useLanguage();
  const c = t.catalog;
  const id = Number(useParams().id);
  const item = useCatalogItem(id);
  const catalog = useCatalog();

  return (
    <main className="catalog-page">
      <Flex justify="space-between" align="center" className="catalog-no-print" style={{ marginBottom: 12 }}>
        <Link to="/catalog">
          <ArrowLeftOutlined /> {c.back}
        </Link>
        <LanguageSwitch />
      </Flex>
      {item.isPending ? <Skeleton active /> : null}
      {item.isError ? (
        <Alert type="warning" showIcon title={item.error instanceof ApiError && item.error.status === 404 ? c.notFound : item.error instanceof ApiError ? item.error.localized(lang) : t.networkError} />
      ) : null}
      {item.data ? (
        <Card>
          <Typography.Text className="catalog-print-only" style={{ textAlign: "center" }}>
            {catalog.data?.center.name} · {c.noticeTitle}
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22 }} data-testid="catalog-item-name">
            {item.data.name}
          </Typography.Title>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Tag color="red">{item.data.category}</Tag>
            <Typography.Text type="secondary">
              {c.code} {item.data.code}
            </Typography.Text>
          </Flex>
          <Descriptions className="catalog-facts" bordered size="small" column={1} data-testid="catalog-item-facts">
            <Descriptions.Item label={c.department}>{item.data.departmentName}</Descriptions.Item>
            <Descriptions.Item label={c.promised}>{c.days(item.data.promisedLimitDays)}</Descriptions.Item>
            <Descriptions.Item label={c.statutory}>{c.days(item.data.statutoryLimitDays)}</Descriptions.Item>
            <Descriptions.Item label={c.fee}>
              <span data-testid="catalog-item-fee">{item.data.fee || t.none}</span>
            </Descriptions.Item>
            <Descriptions.Item label={c.windows}>
              {item.data.windows.length > 0 ? windowGroups(item.data.windows).map((g) => <div key={g.key}>{c.windowGroup(g.numbers, g.zone, g.name)}</div>) : c.noWindows}
            </Descriptions.Item>
            {item.data.legalBasis ? <Descriptions.Item label={c.legalBasis}>{item.data.legalBasis}</Descriptions.Item> : null}
          </Descriptions>
          <section style={{ marginTop: 20 }}>
            <Typography.Title level={2} style={{ fontSize: 18 }}>{c.procedure}</Typography.Title>
            <Steps direction="vertical" size="small" current={-1} items={item.data.procedure.map((s) => ({ title: s.title, description: s.detail, status: "wait" as const }))} />
          </section>
          <section style={{ marginTop: 12 }}>
            <Typography.Title level={2} style={{ fontSize: 18 }}>{c.materials}</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={item.data.materials}
              renderItem={(m, i) => (
                <List.Item key={i}>
                  <div>
                    <Typography.Text>{i + 1}. {m.name}</Typography.Text>{" "}
                    <Tag color={m.required ? "blue" : "default"}>{m.required ? c.required : c.optional}</Tag>
                    <div className="catalog-material-copies">
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {c.copies}：{m.copies}
                        {m.note ? ` · ${m.note}` : ""}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </section>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.updatedAt} {formatShanghaiDateTime(item.data.updatedAt)}
            </Typography.Text>
            <Button className="catalog-no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {c.print}
            </Button>
          </Flex>
        </Card>
      ) : null}
    </main>
  );
}
