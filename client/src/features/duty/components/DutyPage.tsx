// The hall's presence at a glance for administrators, supervisors and leaders: who is signed in at
// which window (paused, and why), who is away today and who covers for them (an absence with a cover
// at work is not a gap); supervisors and leaders also record approved absences here.
import { useState } from "react";
import { Button, Card, Flex, Table, Tag, Typography, type TableColumnsType } from "antd";
import { PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ABSENCE_KIND_LABELS, PAUSE_REASON_LABELS, type AbsenceDto, type DutyBoardDto } from "../../../../../server/src/contracts/shifts.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { useAbsences, useDutyBoard } from "../api/duty.ts";
import { AbsenceFormDrawer } from "./AbsenceFormDrawer.tsx";

type OnDutyRow = DutyBoardDto["onDuty"][number];
type AbsentRow = DutyBoardDto["absentNow"][number];

export function DutyPage() {
  const { lang, t } = useLanguage();
  const d = t.duty;
  const role = useCurrentUser().role;
  const managesAbsences = role === "LEADER" || role === "SUPERVISOR";
  const board = useDutyBoard();
  const absences = useAbsences(managesAbsences);
  const [recording, setRecording] = useState(false);

  const period = (a: AbsenceDto) => `${formatShanghaiDateTime(a.startsAt)} – ${formatShanghaiDateTime(a.endsAt)}`;

  const onDutyColumns: TableColumnsType<OnDutyRow> = [
    { title: d.window, key: "window", render: (_, r) => t.self.windowLabel(r.windowNumber, r.windowName) },
    { title: d.staff, key: "staff", render: (_, r) => `${r.staffName}（${r.staffNo}）` },
    { title: d.since, dataIndex: "startedAt", render: (at: string) => formatShanghaiDateTime(at) },
    {
      title: d.state,
      key: "state",
      render: (_, r) =>
        r.pause ? (
          <Tag color="orange">{d.paused(pickLabel(PAUSE_REASON_LABELS[r.pause.reason], lang))}{r.pause.note ? `（${r.pause.note}）` : ""}</Tag>
        ) : (
          <Tag color="green">{d.serving}</Tag>
        ),
    },
  ];

  const absentColumns: TableColumnsType<AbsentRow> = [
    { title: d.staff, dataIndex: "staffName" },
    { title: d.kind, dataIndex: "kind", render: (k: AbsenceDto["kind"]) => pickLabel(ABSENCE_KIND_LABELS[k], lang) },
    { title: d.ownWindows, dataIndex: "windowNumbers", render: (ns: number[]) => (ns.length ? ns.join("、") : t.none) },
    { title: d.period, key: "period", render: (_, a) => period(a) },
    {
      title: d.cover,
      key: "cover",
      render: (_, a) =>
        a.coverStaffName === null ? (
          <Tag color="red">{d.noCover}</Tag>
        ) : (
          <Flex gap={4} wrap>
            {a.coverStaffName}
            {a.coverWindowNumber !== null ? <Tag color="green">{d.coverAt(a.coverWindowNumber)}</Tag> : <Tag color="orange">{d.coverNotSignedIn}</Tag>}
          </Flex>
        ),
    },
  ];

  const absenceColumns: TableColumnsType<AbsenceDto> = [
    { title: d.staff, dataIndex: "staffName" },
    { title: d.kind, dataIndex: "kind", render: (k: AbsenceDto["kind"]) => pickLabel(ABSENCE_KIND_LABELS[k], lang) },
    { title: d.period, key: "period", render: (_, a) => period(a) },
    { title: d.cover, dataIndex: "coverStaffName", render: (name: string | null) => name ?? d.noCover },
    { title: d.note, dataIndex: "note", render: (note: string | null) => note ?? t.none },
  ];

  return (
    <>
      <PageTitle>{pickLabel(NAV_LABELS.duty, lang)}</PageTitle>
      <Flex vertical gap={16}>
        {board.isError ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
        <Card
          title={d.onDuty}
          extra={
            <Flex gap={8} align="center">
              {board.data ? <Tag color={board.data.phase === "OPEN" ? "green" : "default"} data-testid="duty-phase">{d.phase[board.data.phase]}</Tag> : null}
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void board.refetch()}>{d.refresh}</Button>
            </Flex>
          }
        >
          <Table<OnDutyRow> data-testid="duty-on-duty" rowKey="shiftId" size="small" pagination={false} loading={board.isFetching && !board.data}
            columns={onDutyColumns} dataSource={board.data?.onDuty ?? []} locale={{ emptyText: d.nobody }} scroll={{ x: "max-content" }} />
        </Card>
        <Card title={d.absentNow}>
          <Table<AbsentRow> data-testid="duty-absent" rowKey="id" size="small" pagination={false}
            columns={absentColumns} dataSource={board.data?.absentNow ?? []} locale={{ emptyText: d.noAbsence }} scroll={{ x: "max-content" }} />
        </Card>
        {managesAbsences ? (
          <Card
            title={d.absences}
            extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>{d.record}</Button>}
          >
            {absences.isError ? <ErrorAlert error={absences.error} onRetry={() => void absences.refetch()} /> : null}
            <Table<AbsenceDto> data-testid="duty-absences" rowKey="id" size="small" loading={absences.isFetching && !absences.data}
              columns={absenceColumns} dataSource={absences.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: "max-content" }} />
          </Card>
        ) : null}
        {board.data ? <Typography.Text type="secondary">{formatShanghaiDateTime(board.data.at)}</Typography.Text> : null}
      </Flex>
      <AbsenceFormDrawer open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
