// The public catalogue (办事指南, no login): browse by department, search by item name or code; each
// result links to the item's guide. Search state lives in the URL so a shared link opens the same list.
import { Alert, Card, Flex, Input, List, Pagination, Select, Skeleton, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { LanguageSwitch } from "../../../components/LanguageSwitch.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useDraft } from "../../../lib/useDraft.ts";
import { useCatalog, useCatalogItems } from "../api/catalog.ts";
import "./catalog.css";

const PAGE_SIZE = 20;

export function CatalogPage() {
  const { lang, t } = useLanguage();
  const c = t.catalog;
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const departmentId = Number(params.get("departmentId")) || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [draft, setDraft] = useDraft(q);
  const catalog = useCatalog();
  const items = useCatalogItems({ q: q || undefined, departmentId, page, pageSize: PAGE_SIZE });

  const update = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!("page" in changes)) next.delete("page");
      return next;
    });

  return (
    <main className="catalog-page">
      <div className="catalog-header">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }} data-testid="catalog-title">
            {catalog.data ? `${catalog.data.center.name} · ${c.title}` : c.title}
          </Typography.Title>
          <Typography.Text type="secondary">{c.subtitle}</Typography.Text>
          {catalog.data ? (
            <div>
              <Typography.Text type="secondary">{c.hours(catalog.data.hours.opensAt, catalog.data.hours.closesAt, catalog.data.hours.lunchStartsAt, catalog.data.hours.lunchEndsAt)}</Typography.Text>
            </div>
          ) : null}
        </div>
        <LanguageSwitch />
      </div>
      <Flex vertical gap={12} style={{ marginTop: 16 }}>
        <Input.Search
          size="large"
          aria-label={c.searchPlaceholder}
          placeholder={c.searchPlaceholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          enterButton={t.search}
          allowClear
          maxLength={100}
        />
        <Select<number>
          size="large"
          aria-label={t.department}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={c.allDepartments}
          value={departmentId}
          onChange={(value) => update({ departmentId: value === undefined ? undefined : String(value) })}
          options={(catalog.data?.departments ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.itemCount}）` }))}
          loading={catalog.isPending}
        />
        {items.isError ? <Alert type="error" showIcon title={items.error instanceof ApiError ? items.error.localized(lang) : t.networkError} /> : null}
        <Card size="small">
          {items.isPending ? (
            <Skeleton active />
          ) : (
            <List
              data-testid="catalog-results"
              dataSource={items.data?.items ?? []}
              locale={{ emptyText: c.empty }}
              renderItem={(item) => (
                <List.Item key={item.id} style={{ padding: 0 }}>
                  <Link className="catalog-item-link" to={`/catalog/items/${item.id}`}>
                    <Typography.Text strong>{item.name}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {item.departmentName} · {c.promised} {c.days(item.promisedLimitDays)}
                      </Typography.Text>{" "}
                      <Tag style={{ marginInlineStart: 4 }}>{item.category}</Tag>
                    </div>
                  </Link>
                </List.Item>
              )}
            />
          )}
        </Card>
        {items.data && items.data.total > PAGE_SIZE ? (
          <Pagination
            simple
            align="center"
            current={page}
            pageSize={PAGE_SIZE}
            total={items.data.total}
            onChange={(p) => update({ page: p > 1 ? String(p) : undefined })}
          />
        ) : null}
        <Typography.Text type="secondary" style={{ textAlign: "center" }}>{items.data ? t.totalCount(items.data.total) : null}</Typography.Text>
      </Flex>
    </main>
  );
}
