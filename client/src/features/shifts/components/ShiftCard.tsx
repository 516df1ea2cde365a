// The window staff member's sign-in card on the home page: sign in to one of their windows (own
// post, AB岗 backup, or cover for an absent colleague), pause with a reason, resume, sign out.
import { useState } from "react";
import { Alert, Button, Card, Flex, Form, Input, Select, Skeleton, Tag, Typography } from "antd";
import { PAUSE_REASONS, PAUSE_REASON_LABELS, type PauseReason } from "../../../../../server/src/contracts/shifts.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useLanguage } from "../../../lib/language.tsx";
import { useMyShift, useShiftAction } from "../api/shifts.ts";

export function ShiftCard() {
  const { lang, t } = useLanguage();
  const s = t.shifts;
  const mine = useMyShift();
  const act = useShiftAction();
  const [windowId, setWindowId] = useState<number | undefined>();
  const [reason, setReason] = useState<PauseReason>("BREAK");
  const [note, setNote] = useState("");

  if (mine.isPending) return <Card title={s.title}><Skeleton active /></Card>;
  if (!mine.data) return null;
  const { shift, windows, hours } = mine.data;
  const current = shift ? windows.find((w) => w.id === shift.windowId) : undefined;
  const chosen = windowId ?? (windows.length === 1 ? windows[0]?.id : undefined);

  return (
    <Card title={s.title} data-testid="shift-card" extra={<Typography.Text type="secondary">{s.hours(hours.opensAt, hours.closesAt, hours.lunchStartsAt, hours.lunchEndsAt)}</Typography.Text>}>
      <Flex vertical gap={12}>
        {act.isError ? <Alert type="error" showIcon title={act.error instanceof ApiError ? act.error.localized(lang) : t.networkError} /> : null}
        {shift === null ? (
          <>
            <Typography.Text data-testid="shift-state">{s.signedOut}</Typography.Text>
            {windows.length === 0 ? (
              <Typography.Text type="secondary">{s.noWindows}</Typography.Text>
            ) : (
              <Flex gap={8} wrap>
                <Select<number>
                  aria-label={s.chooseWindow}
                  placeholder={s.chooseWindow}
                  style={{ minWidth: 260 }}
                  value={chosen}
                  onChange={setWindowId}
                  options={windows.map((w) => ({ value: w.id, label: `${t.self.windowLabel(w.number, w.name)} · ${s.via[w.via]}` }))}
                />
                <Button type="primary" disabled={chosen === undefined} loading={act.isPending} onClick={() => chosen !== undefined && act.mutate({ kind: "sign-in", windowId: chosen })}>
                  {s.signIn}
                </Button>
              </Flex>
            )}
          </>
        ) : (
          <>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong data-testid="shift-state">
                {current ? s.onDuty(current.number, current.name) : s.onDuty(0, String(shift.windowId))}
              </Typography.Text>
              {shift.pause ? <Tag color="orange" data-testid="shift-paused">{s.paused(pickLabel(PAUSE_REASON_LABELS[shift.pause.reason], lang))}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary">
              {s.since} {formatShanghaiDateTime(shift.startedAt)}
            </Typography.Text>
            {shift.pause ? (
              <Flex gap={8} wrap>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ kind: "resume" })}>{s.resume}</Button>
                <Button danger loading={act.isPending} onClick={() => act.mutate({ kind: "sign-out" })}>{s.signOut}</Button>
              </Flex>
            ) : (
              <Form layout="inline" component="div" style={{ rowGap: 8 }}>
                <Form.Item label={s.reason}>
                  <Select<PauseReason> aria-label={s.reason} value={reason} onChange={setReason} style={{ width: 140 }} options={PAUSE_REASONS.map((r) => ({ value: r, label: pickLabel(PAUSE_REASON_LABELS[r], lang) }))} />
                </Form.Item>
                <Form.Item label={s.note}>
                  <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} style={{ width: 180 }} />
                </Form.Item>
                <Button loading={act.isPending} onClick={() => act.mutate({ kind: "pause", body: { reason, ...(note.trim() ? { note: note.trim() } : {}) } })}>
                  {s.pause}
                </Button>
                <Button danger loading={act.isPending} onClick={() => act.mutate({ kind: "sign-out" })} style={{ marginInlineStart: 8 }}>
                  {s.signOut}
                </Button>
              </Form>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
