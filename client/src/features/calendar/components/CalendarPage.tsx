// The administrator's working-day calendar. Deadlines count working days from the built-in national
// calendar, which lags a year behind the State Council's announcement: here the admin enters the new
// year's holidays and 调休 workdays (and the center's own closures), then declares the year complete,
// which clears the "unknown year" alert on deadlines that reach into it.
import { useState } from "react";
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import { calendarDayBodySchema, type CalendarDayBody } from "../../../../../server/src/contracts/calendar.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { useAddCalendarDay, useCalendar, useDeclareCalendarYear, type Calendar } from "../api/calendar.ts";

type Kind = CalendarDayBody["kind"];

const TEXT = {
  "zh-CN": {
    title: "工作日历",
    year: "年份",
    known: (y: number) => `${y} 年的法定节假日和调休安排已知，办理时限按其计算。`,
    unknown: (y: number) => `${y} 年的法定节假日安排尚未录入：期限落在该年的办件按“周一至周五为工作日”暂算，并已向管理员告警。国务院公布后请录入并确认。`,
    days: "已录入的日期",
    date: "日期",
    kind: "类型",
    name: "名称",
    scope: "范围",
    official: "全国（国务院安排）",
    center: "本中心",
    add: "录入日期",
    addButton: "添加",
    source: "依据（如：国务院办公厅关于 2027 年部分节假日安排的通知）",
    declare: (y: number) => `确认 ${y} 年安排已全部录入`,
    saved: "已保存",
    kinds: { HOLIDAY: "法定节假日（休息）", WORKDAY: "调休上班", CLOSURE: "本中心闭厅" } as Record<Kind, string>,
  },
  en: {
    title: "Working-day calendar",
    year: "Year",
    known: (y: number) => `The official holidays and make-up working days of ${y} are known; deadlines count them.`,
    unknown: (y: number) => `The official calendar of ${y} has not been entered: deadlines in that year count Monday–Friday for now, and administrators were alerted. Enter it once the State Council publishes it.`,
    days: "Entered days",
    date: "Date",
    kind: "Kind",
    name: "Name",
    scope: "Scope",
    official: "National (State Council)",
    center: "This center",
    add: "Enter a day",
    addButton: "Add",
    source: "Source (e.g. the State Council notice on the 2027 holidays)",
    declare: (y: number) => `Confirm ${y} is entered in full`,
    saved: "Saved",
    kinds: { HOLIDAY: "Public holiday (day off)", WORKDAY: "Make-up working day", CLOSURE: "Center closed" } as Record<Kind, string>,
  },
} as const;

const COLORS: Record<Kind, string> = { HOLIDAY: "red", WORKDAY: "blue", CLOSURE: "orange" };
const thisYear = () => Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));

interface DayForm {
  date: string;
  kind: Kind;
  name: string;
}

export function CalendarPage() {
  const { lang } = useLanguage();
  const t = TEXT[lang];
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear);
  const [source, setSource] = useState("");
  const [form] = Form.useForm<DayForm>();
  const calendar = useCalendar(year);
  const addDay = useAddCalendarDay();
  const declare = useDeclareCalendarYear();

  const submitDay = (values: DayForm) => {
    // Closures belong to the center, holidays and 调休 days to the national calendar: the scope follows the kind.
    const candidate = { ...values, scope: values.kind === "CLOSURE" ? "CENTER" : "OFFICIAL" };
    const body = parseForm(form, calendarDayBodySchema, candidate, lang);
    if (!body) return;
    addDay.mutate(body, {
      onSuccess: () => {
        void message.success(t.saved);
        form.resetFields(["date", "name"]);
      },
      onError: (error) => void showFieldIssues(form, error, ["date", "kind", "name"], lang),
    });
  };

  const columns = [
    { title: t.date, dataIndex: "date" },
    { title: t.kind, dataIndex: "kind", render: (k: Kind) => <Tag color={COLORS[k]}>{t.kinds[k]}</Tag> },
    { title: t.name, dataIndex: "name" },
    { title: t.scope, dataIndex: "official", render: (o: boolean) => (o ? t.official : t.center) },
  ];

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Space>
          <label htmlFor="calendar-year">{t.year}</label>
          <InputNumber id="calendar-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        </Space>
        {calendar.isError ? <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
        {calendar.data ? <YearStatus data={calendar.data} known={t.known} unknown={t.unknown} /> : null}
        {calendar.data && !calendar.data.known ? (
          <Space.Compact style={{ maxWidth: 720, width: "100%" }}>
            <Input aria-label={t.source} placeholder={t.source} value={source} onChange={(e) => setSource(e.target.value)} />
            <Button
              type="primary"
              disabled={source.trim().length < 2}
              loading={declare.isPending}
              onClick={() => declare.mutate({ year, source: source.trim() }, { onSuccess: () => void message.success(t.saved), onError: (e) => void message.error(e.message) })}
            >
              {t.declare(year)}
            </Button>
          </Space.Compact>
        ) : null}
        <Card title={t.add} size="small" style={{ maxWidth: 720 }}>
          <Form<DayForm> form={form} layout="inline" onFinish={submitDay} initialValues={{ kind: "HOLIDAY" }} disabled={addDay.isPending}>
            <Form.Item label={t.date} name="date" extra="YYYY-MM-DD">
              <Input style={{ width: 130 }} maxLength={10} />
            </Form.Item>
            <Form.Item label={t.kind} name="kind">
              <Select style={{ width: 190 }} options={(Object.keys(t.kinds) as Kind[]).map((k) => ({ value: k, label: t.kinds[k] }))} />
            </Form.Item>
            <Form.Item label={t.name} name="name">
              <Input style={{ width: 140 }} maxLength={50} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t.addButton}
            </Button>
          </Form>
        </Card>
        <Table<Calendar["days"][number]>
          data-testid="calendar-days"
          title={() => t.days}
          size="small"
          rowKey={(d) => `${d.date}-${d.official ? "o" : "c"}`}
          loading={calendar.isPending}
          dataSource={calendar.data?.days ?? []}
          columns={columns}
          pagination={false}
        />
      </Space>
    </>
  );
}

function YearStatus({ data, known, unknown }: { data: Calendar; known: (y: number) => string; unknown: (y: number) => string }) {
  return data.known ? (
    <Alert type="success" showIcon message={known(data.year)} data-testid="calendar-status" />
  ) : (
    <Alert type="warning" showIcon message={unknown(data.year)} data-testid="calendar-status" />
  );
}
