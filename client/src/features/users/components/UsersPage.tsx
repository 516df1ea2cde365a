// User accounts as administrators review them: role, state, lock-out and last sign-in.
import { useState } from "react";
import { Button, Space, Tag, type TableColumnsType } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useDepartmentNames } from "../../departments/api/useDepartmentNames.ts";
import { ExportButton } from "../../imports/components/ExportButton.tsx";
import { UserFilters, USER_FILTERS } from "./UserFilters.tsx";
import { UserFormDrawer } from "./UserFormDrawer.tsx";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ROLE_LABELS, type Role } from "../../../../../server/src/contracts/roles.ts";
import type { UserDto } from "../../../../../server/src/contracts/users.ts";
import { ActiveTag } from "../../../components/ActiveTag.tsx";
import { PagedTable } from "../../../components/PagedTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useListParams } from "../../../lib/useListParams.ts";
import { useUsersPage } from "../api/useUsersPage.ts";

export function UsersPage() {
  const { lang, t } = useLanguage();
  const list = useListParams(USER_FILTERS);
  const result = useUsersPage(list.query);
  const canEdit = useCurrentUser().role === "ADMIN";
  const departments = useDepartmentNames();
  const [editing, setEditing] = useState<{ row: UserDto | null } | null>(null);

  const columns: TableColumnsType<UserDto> = [
    { title: t.users.username, dataIndex: "username" },
    { title: t.users.displayName, dataIndex: "displayName" },
    { title: t.users.role, dataIndex: "role", render: (role: Role) => pickLabel(ROLE_LABELS[role], lang) },
    {
      title: t.users.status,
      key: "status",
      render: (_, user) => (
        <Space size={4}>
          <ActiveTag active={user.active} />
          {user.locked ? <Tag color="orange">{t.users.locked}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t.users.lastLogin,
      dataIndex: "lastLoginAt",
      render: (at: string | null) => (at ? formatShanghaiDateTime(at) : t.none),
    },
    ...(canEdit
      ? [
          {
            title: t.masterEdit.actions,
            key: "actions",
            render: (_: unknown, row: UserDto) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ row })} aria-label={`${t.masterEdit.edit} ${row.username}`}>
                {t.masterEdit.edit}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.users, lang)}</PageTitle>
      <PagedTable
        list={list}
        result={result}
        columns={columns}
        rowKey={(row) => row.id}
        filters={<UserFilters list={list} />}
        actions={
          <>
            <ExportButton path="/api/users/export.xlsx" query={list.query} />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
                {t.masterEdit.create}
              </Button>
            ) : null}
          </>
        }
        testId="users-table"
      />
      <UserFormDrawer row={editing?.row ?? null} open={editing !== null} onClose={() => setEditing(null)} departments={departments} />
    </>
  );
}
