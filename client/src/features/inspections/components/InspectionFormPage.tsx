// The on-the-spot inspection (督查记录表) on a tablet: choose the window (who is signed in there shows
// at once), mark each checklist item pass or fail with big touch targets (the deduction is the
// checklist's), add notes and a photo, save. The record's id is made here before the first try, so
// saving on a flaky network retries until the server answers and is never stored twice. After saving,
// each failed item can propose an accountability record with one click.
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Select, Space, Spin, Tag, Typography } from "antd";
import { CameraOutlined } from "@ant-design/icons";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import type { ChecklistItem } from "../../../../../server/src/contracts/inspections.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { useChecklist, useHallWindows, useInspection, useOnDuty, useSaveInspection } from "../api/inspections.ts";
import { useInspectionText } from "../text.ts";
import { FindingActions } from "./FindingActions.tsx";

interface Answer {
  passed: boolean;
  note: string;
}

function ChecklistRow({ item, answer, onChange }: { item: ChecklistItem; answer: Answer; onChange: (a: Answer) => void }) {
  const { lang, it } = useInspectionText();
  return (
    <Card size="small" data-testid={`check-${item.code}`} style={{ borderColor: answer.passed ? undefined : "#ff4d4f" }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ minWidth: 220, flex: 1 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {lang === "en" ? item.labelEn : item.label}
          </Typography.Text>{" "}
          <Tag>{it.deduction(item.deduction)}</Tag>
          {item.hint ? <div><Typography.Text type="secondary">{item.hint}</Typography.Text></div> : null}
        </div>
        <Radio.Group size="large" buttonStyle="solid" value={answer.passed ? "pass" : "fail"} onChange={(e) => onChange({ ...answer, passed: e.target.value === "pass" })} aria-label={lang === "en" ? item.labelEn : item.label}>
          <Radio.Button value="pass" style={{ minWidth: 96, textAlign: "center" }}>
            ✓ {it.pass}
          </Radio.Button>
          <Radio.Button value="fail" style={{ minWidth: 96, textAlign: "center" }}>
            ✗ {it.fail}
          </Radio.Button>
        </Radio.Group>
      </Flex>
      {!answer.passed ? (
        <Input.TextArea style={{ marginTop: 8 }} rows={2} maxLength={500} placeholder={it.findingNote} aria-label={`${item.label} ${it.findingNote}`} value={answer.note} onChange={(e) => onChange({ ...answer, note: e.target.value })} data-testid={`note-${item.code}`} />
      ) : null}
    </Card>
  );
}

export function InspectionFormPage() {
  const { lang, it } = useInspectionText();
  const checklist = useChecklist();
  const windows = useHallWindows();
  const onDuty = useOnDuty();
  const [retries, setRetries] = useState(0);
  const save = useSaveInspection(setRetries);
  const recordId = useRef<string>(crypto.randomUUID());
  const [windowId, setWindowId] = useState<number | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [note, setNote] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const saved = useInspection(savedId);

  const duty = useMemo(() => onDuty.data?.onDuty.find((d) => d.windowId === windowId) ?? null, [onDuty.data, windowId]);
  const items = checklist.data?.items ?? [];
  const answerOf = (code: string): Answer => answers[code] ?? { passed: true, note: "" };
  const total = Math.round(items.reduce((sum, i) => sum + (answerOf(i.code).passed ? 0 : i.deduction), 0) * 10) / 10;

  const reset = () => {
    recordId.current = crypto.randomUUID();
    setWindowId(null);
    setAnswers({});
    setNote("");
    setPhoto(null);
    setSavedId(null);
    setRetries(0);
    save.reset();
  };

  const submit = () => {
    if (windowId === null || !checklist.data) return;
    setRetries(0);
    save.mutate(
      {
        body: {
          id: recordId.current,
          windowId,
          checklistVersion: checklist.data.version,
          findings: items.map((i) => {
            const a = answerOf(i.code);
            return { code: i.code, passed: a.passed, ...(!a.passed && a.note.trim() ? { note: a.note.trim() } : {}) };
          }),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        photo,
      },
      { onSuccess: (dto) => setSavedId(dto.id) },
    );
  };

  if (savedId !== null) {
    return (
      <Result
        status="success"
        title={<span data-testid="inspection-saved">{it.saved}</span>}
        subTitle={saved.data ? `${saved.data.windowNumber} ${saved.data.windowName} · ${saved.data.staffName ?? it.nobodyOnDuty} · ${it.total(saved.data.totalDeduction)}` : null}
        extra={[
          <Button key="next" type="primary" size="large" onClick={reset} data-testid="inspection-next">
            {it.another}
          </Button>,
          <Link key="list" to="/inspections">
            {it.list}
          </Link>,
        ]}
      >
        {saved.data ? <FindingActions inspection={saved.data} canPropose /> : <Spin />}
      </Result>
    );
  }

  if (checklist.error) return <ErrorAlert error={checklist.error} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <PageTitle testId="inspection-form-heading">{it.newInspection}</PageTitle>
      <Form layout="vertical" size="large">
        <Form.Item label={it.window} required>
          <Select<number>
            showSearch
            placeholder={it.chooseWindow}
            value={windowId ?? undefined}
            onChange={setWindowId}
            loading={windows.isLoading}
            optionFilterProp="label"
            data-testid="inspection-window"
            options={(windows.data?.items ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
          />
        </Form.Item>
        {windowId !== null ? (
          <Alert
            type={duty ? "info" : "warning"}
            showIcon
            data-testid="inspection-on-duty"
            message={duty ? `${it.onDuty}：${duty.staffName}（${duty.staffNo}）` : it.nobodyOnDuty}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Typography.Title level={5}>
          {it.checklist} <Typography.Text type="secondary">{checklist.data ? it.checklistVersion(checklist.data.version) : ""}</Typography.Text>
        </Typography.Title>
        <Space direction="vertical" style={{ width: "100%" }}>
          {checklist.isLoading ? <Spin /> : items.map((item) => <ChecklistRow key={item.code} item={item} answer={answerOf(item.code)} onChange={(a) => setAnswers((cur) => ({ ...cur, [item.code]: a }))} />)}
        </Space>
        <Form.Item label={it.note} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="inspection-note" />
        </Form.Item>
        <Form.Item label={it.photo}>
          <Flex gap={8} align="center" wrap>
            <label className="ant-btn ant-btn-default ant-btn-lg" style={{ display: "inline-flex", alignItems: "center", gap: 6, cursor: "pointer" }}>
              <CameraOutlined /> {it.takePhoto}
              <input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" hidden data-testid="inspection-photo" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
            </label>
            {photo ? (
              <>
                <Typography.Text>{photo.name}</Typography.Text>
                <Button onClick={() => setPhoto(null)}>{it.removePhoto}</Button>
              </>
            ) : null}
          </Flex>
        </Form.Item>
      </Form>
      {save.error ? <Alert type="error" showIcon data-testid="inspection-error" message={save.error instanceof ApiError ? save.error.localized(lang) : it.unsaved} description={save.error instanceof ApiError && save.error.status > 0 && save.error.status < 500 ? undefined : it.unsaved} /> : null}
      {save.isPending && retries > 0 ? <Alert type="warning" showIcon message={it.retrying(retries)} data-testid="inspection-retrying" /> : null}
      <Flex justify="space-between" align="center" style={{ position: "sticky", bottom: 0, background: "var(--ant-color-bg-container, #fff)", padding: "12px 0" }}>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="inspection-total">
          {it.total(total)}
        </Typography.Text>
        <Button type="primary" size="large" disabled={windowId === null || !checklist.data} loading={save.isPending} onClick={submit} data-testid="inspection-save" style={{ minWidth: 200 }}>
          {save.isPending ? it.saving : it.save}
        </Button>
      </Flex>
    </Flex>
  );
}
