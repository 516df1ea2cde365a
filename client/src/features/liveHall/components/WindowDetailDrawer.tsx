// A window's detail beside the map: who is there and how the day went (today's timeline: sign-ins,
// pauses, cases, ratings, queue calls, inspections) and this week's figures. Refreshes with its tile.
import { Alert, Descriptions, Drawer, Empty, Spin, Table, Tabs, Tag, Timeline, Typography } from "antd";
import type { QueueTimesRow, TimelineEntry, WindowDetail, WindowTile } from "../../../../../server/src/contracts/liveHall.ts";
import { PAUSE_REASON_LABELS } from "../../../../../server/src/contracts/shifts.ts";
import { pickLabel, type Language } from "../../../lib/i18n.ts";
import { useWindowDetail } from "../api/useWindowDetail.ts";
import { LIVE_HALL_TEXT, useLiveHallText } from "../text.ts";
import { formatHhmm, STATE_LOOKS, stateText } from "./stateLook.tsx";

const minutes = (seconds: number | null, lang: Language) => (seconds === null ? "—" : LIVE_HALL_TEXT[lang].minutes(Math.round(seconds / 6) / 10));

function entryText(e: TimelineEntry, lang: Language): string {
  const lt = LIVE_HALL_TEXT[lang];
  const parts = [lt.kinds[e.kind]];
  if (e.pauseReason) parts.push(pickLabel(PAUSE_REASON_LABELS[e.pauseReason], lang));
  if (e.level !== null) parts.push(lt.level(e.level));
  if (e.subject) parts.push(e.subject);
  if (e.staffName) parts.push(e.staffName);
  return parts.join(" · ");
}

/** The queue system's times at the window by staff member and by item, for one period. */
function QueueTimesTables({ times, lang }: { times: WindowDetail["queueTimes"]["today"]; lang: Language }) {
  const lt = LIVE_HALL_TEXT[lang];
  if (times.byStaff.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={lt.noQueue} />;
  const table = (title: string, rows: QueueTimesRow[], testId: string) => (
    <Table<QueueTimesRow>
      size="small"
      pagination={false}
      data-testid={testId}
      rowKey={(r) => String(r.id)}
      dataSource={rows}
      columns={[
        { title, dataIndex: "name", render: (name: string | null) => name ?? lt.notReported },
        { title: lt.served, dataIndex: "served", align: "right" },
        { title: lt.avgWait, dataIndex: "avgWaitSeconds", align: "right", render: (s: number | null) => minutes(s, lang) },
        { title: lt.avgService, dataIndex: "avgServiceSeconds", align: "right", render: (s: number | null) => minutes(s, lang) },
      ]}
    />
  );
  return (
    <>
      {table(lt.byStaff, times.byStaff, "live-queue-by-staff")}
      {table(lt.byItem, times.byItem, "live-queue-by-item")}
    </>
  );
}

export function WindowDetailDrawer({ tile, onClose }: { tile: WindowTile | null; onClose: () => void }) {
  const { lang, lt } = useLiveHallText();
  // The tile as it stands is the detail's version: any change to the window refetches it.
  const detail = useWindowDetail(tile?.windowId ?? null, tile ? JSON.stringify(tile) : "");
  const look = tile ? STATE_LOOKS[tile.state.kind] : null;
  const week = detail.data?.week;

  return (
    <Drawer open={tile !== null} onClose={onClose} size={520} title={tile ? lt.detailTitle(tile.number, tile.name) : ""} destroyOnHidden>
      {tile && look && (
        <div data-testid="live-detail">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={lt.state} span={2}>
              <Tag color={look.background} style={{ color: look.color, borderColor: look.border, marginRight: 12 }} icon={look.icon}>
                {stateText(tile.state, lang)}
              </Tag>
              {tile.departments.map((d) => d.shortName).join(" / ")}
            </Descriptions.Item>
            <Descriptions.Item label={lt.onDuty} span={2}>
              {tile.staff ? (
                <span>
                  {tile.staff.photoUrl && <img src={tile.staff.photoUrl} alt="" width={32} height={32} style={{ borderRadius: 4, verticalAlign: "middle", marginRight: 8, objectFit: "cover" }} />}
                  {tile.staff.name}（{tile.staff.staffNo}）
                </span>
              ) : (
                lt.nobody
              )}
            </Descriptions.Item>
            <Descriptions.Item label={lt.served}>{tile.today.served}</Descriptions.Item>
            <Descriptions.Item label={lt.casesAccepted}>{tile.today.casesAccepted}</Descriptions.Item>
            <Descriptions.Item label={lt.satisfaction}>{tile.today.ratings ? `${Math.round((tile.today.satisfied / tile.today.ratings) * 100)}% (${tile.today.ratings})` : lt.noRatings}</Descriptions.Item>
            <Descriptions.Item label={lt.bad}>{tile.today.bad}</Descriptions.Item>
            <Descriptions.Item label={lt.avgWait}>{minutes(tile.today.avgWaitSeconds, lang)}</Descriptions.Item>
            <Descriptions.Item label={lt.avgService}>{minutes(tile.today.avgServiceSeconds, lang)}</Descriptions.Item>
            <Descriptions.Item label={lt.overdue}>{tile.warnings.casesOverdue}</Descriptions.Item>
            <Descriptions.Item label={lt.nearDeadline}>{tile.warnings.casesNearDeadline}</Descriptions.Item>
            <Descriptions.Item label={lt.openInquiries}>{tile.warnings.openInquiries}</Descriptions.Item>
            <Descriptions.Item label={lt.pad}>{tile.pads.paired === 0 ? lt.noPad : tile.pads.online > 0 ? lt.padOnline : lt.padOffline}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {lt.today}
          </Typography.Title>
          {detail.isError && <Alert type="error" title={lt.loadFailed} />}
          {detail.isPending && <Spin />}
          {detail.data && detail.data.timeline.length === 0 && <Empty description={lt.noEvents} />}
          {detail.data && detail.data.timeline.length > 0 && (
            <Timeline
              data-testid="live-timeline"
              items={detail.data.timeline.map((e) => ({
                color: e.negative ? "red" : "gray",
                content: (
                  <span>
                    <Typography.Text type="secondary">{formatHhmm(e.at)}</Typography.Text> {entryText(e, lang)}
                  </span>
                ),
              }))}
            />
          )}

          {detail.data && (
            <div data-testid="live-queue-times">
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                {lt.queueTimes}
              </Typography.Title>
              <Tabs
                size="small"
                items={[
                  { key: "today", label: lt.queueToday, children: <QueueTimesTables times={detail.data.queueTimes.today} lang={lang} /> },
                  { key: "week", label: lt.queueWeek, children: <QueueTimesTables times={detail.data.queueTimes.week} lang={lang} /> },
                ]}
              />
            </div>
          )}

          {week && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {lt.thisWeek}（{week.from} – {week.to}）
              </Typography.Title>
              <Descriptions size="small" column={3} bordered data-testid="live-week">
                <Descriptions.Item label={lt.served}>{week.served}</Descriptions.Item>
                <Descriptions.Item label={lt.casesAccepted}>{week.casesAccepted}</Descriptions.Item>
                <Descriptions.Item label={lt.casesCompleted}>{week.casesCompleted}</Descriptions.Item>
                <Descriptions.Item label={lt.satisfaction}>{week.ratings ? `${Math.round((week.satisfied / week.ratings) * 100)}% (${week.ratings})` : "—"}</Descriptions.Item>
                <Descriptions.Item label={lt.bad}>{week.bad}</Descriptions.Item>
                <Descriptions.Item label={lt.noShows}>{week.noShows}</Descriptions.Item>
                <Descriptions.Item label={lt.avgWait}>{minutes(week.avgWaitSeconds, lang)}</Descriptions.Item>
                <Descriptions.Item label={lt.avgService}>{minutes(week.avgServiceSeconds, lang)}</Descriptions.Item>
                <Descriptions.Item label={lt.pausedMinutes}>{lt.minutes(week.pausedMinutes)}</Descriptions.Item>
                <Descriptions.Item label={lt.inspections}>{week.inspections}</Descriptions.Item>
                <Descriptions.Item label={lt.deductions}>{week.inspectionDeductions}</Descriptions.Item>
              </Descriptions>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
