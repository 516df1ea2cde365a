// 本单位简报 for a department liaison: every released bulletin about their own department, newest first,
// to read and download. The server answers only those (drafts and other departments stay invisible);
// nothing here generates or releases.
import { Flex, Space, Table, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { BulletinSummaryDto } from "../../../../../server/src/contracts/bulletins.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useBulletinPage } from "../api/bulletins.ts";
import { useBulletinText } from "../text.ts";
import { DownloadPdfButton } from "./DownloadPdfButton.tsx";

const PAGE_SIZE = 24;

export function DepartmentBulletinsPage() {
  const { lang, bt } = useBulletinText();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const list = useBulletinPage({ state: "RELEASED", page, pageSize: PAGE_SIZE });

  const columns: TableColumnsType<BulletinSummaryDto> = [
    { title: bt.month, dataIndex: "month", render: (m: string) => bt.monthName(m) },
    { title: bt.department, key: "department", render: (_: unknown, b) => <span data-testid={`department-bulletin-department-${b.id}`}>{b.department.name}</span> },
    { title: bt.revision, dataIndex: "revision", align: "right", render: (n: number) => bt.revisionValue(n) },
    { title: bt.staffCount, dataIndex: "staffCount", align: "right" },
    { title: bt.releasedAt, dataIndex: "releasedAt", render: (d: string | null) => (d ? formatShanghaiDateTime(d) : "—") },
    {
      title: bt.actions,
      key: "actions",
      render: (_: unknown, b) => (
        <Space size={4}>
          <Link to={`/department-bulletins/${b.id}`} data-testid={`bulletin-preview-${b.id}`} style={{ padding: "0 7px" }}>
            {bt.view}
          </Link>
          <DownloadPdfButton bulletin={b} size="small" type="link" />
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle testId="department-bulletins-heading">{pickLabel(NAV_LABELS.departmentBulletins, lang)}</PageTitle>
        <Typography.Text type="secondary">{user.departmentName ? `${user.departmentName} · ${bt.departmentBulletinsIntro}` : bt.departmentBulletinsIntro}</Typography.Text>
      </div>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<BulletinSummaryDto>
        size="middle"
        data-testid="department-bulletins-table"
        rowKey={(b) => b.id}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && list.data === undefined}
        locale={{ emptyText: bt.noReleasedBulletins }}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
      />
    </Flex>
  );
}
