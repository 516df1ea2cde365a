// 周点评: the past week per window — cases, overdue, ratings and satisfaction, bad reviews and how far
// their rectification got, inspection findings, the week's best and weakest — which a supervisor or
// leader annotates (点评) and publishes to the window's staff. A comment is editable until published.
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { weeklyCommentBodySchema, type WeeklyWindowDigestDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { NAV_LABELS } from "../../../../../server/src/contracts/navigation.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { ApiError } from "../../../lib/apiError.ts";
import { showFieldIssues } from "../../../lib/formErrors.ts";
import { formatShanghaiDateTime } from "../../../lib/formatDateTime.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { parseForm } from "../../../lib/zodForm.ts";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser.ts";
import { usePublishWeekly, useSaveWeeklyComment, useWeeklyReview } from "../api/assessment.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { testId } from "../../../lib/testId.ts";
import { useAssessmentText } from "../text.ts";
import { CenterSelect } from "./CenterSelect.tsx";
import { PeriodSelect, useSelectedPeriod } from "./PeriodSelect.tsx";

export function WeeklyReviewPage() {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canWrite = user.role === "SUPERVISOR" || user.role === "LEADER";
  const selected = useSelectedPeriod("WEEK");
  const computed = selected.status?.status !== "NOT_COMPUTED";
  const label = computed ? selected.label : undefined;
  const review = useWeeklyReview(label);
  const publish = usePublishWeekly(label ?? "");
  const [editing, setEditing] = useState<WeeklyWindowDigestDto | null>(null);

  const publishSome = (windowIds?: number[]) =>
    publish.mutate(windowIds ? { windowIds } : {}, {
      onSuccess: () => void message.success(at.publishedOk),
      onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
    });

  const columns: TableColumnsType<WeeklyWindowDigestDto> = [
    {
      title: at.subjectKinds.WINDOW,
      key: "window",
      fixed: "left",
      render: (_: unknown, w) => (
        <Flex vertical gap={2}>
          <Flex gap={4} align="center" wrap>
            <Typography.Text strong>{`${w.windowNumber} ${w.windowName}`}</Typography.Text>
            {w.best ? <Tag color="red" data-testid={`weekly-best-${w.windowId}`}>{at.best}</Tag> : null}
            {w.weakest ? <Tag color="orange" data-testid={`weekly-weakest-${w.windowId}`}>{at.weakest}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.departmentNames.join("、")}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: at.served, dataIndex: "cases", align: "right" },
    { title: at.overdue, dataIndex: "overdueCases", align: "right", render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: at.ratingCount, dataIndex: "ratings", align: "right" },
    { title: at.satisfaction, dataIndex: "satisfaction", align: "right", render: (s: number | null) => (s === null ? "—" : formatPoints(s)) },
    {
      title: at.badReviews,
      key: "bad",
      render: (_: unknown, w) =>
        w.badReviews === 0 ? (
          0
        ) : (
          <Tooltip title={Object.entries(w.badReviewsByState).map(([state, n]) => `${at.rectificationStates[state] ?? state} ${n}`).join("，")}>
            <Typography.Text type="danger">{w.badReviews}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {`(${Object.entries(w.badReviewsByState).map(([state, n]) => `${at.rectificationStates[state] ?? state} ${n}`).join(" · ")})`}
            </Typography.Text>
          </Tooltip>
        ),
    },
    { title: at.findings, dataIndex: "inspectionFindings", align: "right" },
    {
      title: at.score,
      key: "score",
      align: "right",
      render: (_: unknown, w) => (w.score === null ? "—" : `${formatPoints(w.score)}${w.rank === null ? "" : `（${at.rank} ${w.rank}）`}`),
    },
    {
      title: at.annotation,
      key: "comment",
      render: (_: unknown, w) => {
        const c = w.comment;
        return (
          <Flex vertical gap={4} align="start" style={{ maxWidth: 320 }} data-testid={`weekly-comment-${w.windowId}`}>
            {c ? (
              <>
                <Tag color={c.publishedAt ? "green" : "gold"}>{c.publishedAt ? at.published : at.draft}</Tag>
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: c.text }} style={{ margin: 0 }}>
                  {c.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.publishedAt ? `${c.authorName} · ${at.publishedAt(formatShanghaiDateTime(c.publishedAt))}` : `${c.authorName} · ${formatShanghaiDateTime(c.updatedAt)}`}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{at.notAnnotated}</Typography.Text>
            )}
            {canWrite && !c?.publishedAt ? (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing(w)} data-testid={`weekly-annotate-${w.windowId}`}>
                  {at.annotation}
                </Button>
                {c ? (
                  <Button size="small" type="primary" loading={publish.isPending} onClick={() => publishSome([w.windowId])} data-testid={`weekly-publish-${w.windowId}`}>
                    {at.publish}
                  </Button>
                ) : null}
              </Flex>
            ) : null}
          </Flex>
        );
      },
    },
  ];

  const data = review.data;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle testId="weekly-heading">{pickLabel(NAV_LABELS.weeklyReview, lang)}</PageTitle>
        {canWrite && data && data.draftCount > 0 ? (
          <Button type="primary" loading={publish.isPending} onClick={() => publishSome()} data-testid="weekly-publish-all">
            {at.publishDrafts(data.draftCount)}
          </Button>
        ) : null}
      </Flex>
      <Form layout="inline" component="div">
        <CenterSelect />
        <PeriodSelect selected={selected} testId="weekly-period" />
      </Form>
      {selected.error ? <ErrorAlert error={selected.error} onRetry={() => void selected.refetch()} /> : null}
      {!computed ? <Alert type="info" showIcon title={at.noRun} /> : null}
      {review.error ? <ErrorAlert error={review.error} onRetry={() => void review.refetch()} /> : null}
      {data ? (
        <Typography.Text type="secondary">{at.weeklySummary(data.windows.length, data.publishedCount, data.draftCount, formatShanghaiDateTime(data.computedAt))}</Typography.Text>
      ) : null}
      {computed ? (
        <Table<WeeklyWindowDigestDto>
          size="middle"
          data-testid="weekly-table"
          rowKey={(w) => w.windowId}
          columns={columns}
          dataSource={data?.windows ?? []}
          loading={review.isFetching}
          pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: "max-content" }}
        />
      ) : null}
      {label ? <CommentModal label={label} window={editing} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}

function CommentModal({ label, window, onClose }: { label: string; window: WeeklyWindowDigestDto | null; onClose: () => void }) {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const save = useSaveWeeklyComment(label);

  const submit = () => {
    if (!window) return;
    const body = parseForm(form, weeklyCommentBodySchema, { text: form.getFieldValue("text") ?? "" }, lang, { text: at.annotationRequired });
    if (!body) return;
    save.mutate(
      { windowId: window.windowId, text: body.text },
      {
        onSuccess: () => {
          void message.success(at.saved);
          save.reset();
          onClose();
        },
        onError: (error) => void showFieldIssues(form, error, ["text"], lang),
      },
    );
  };

  return (
    <Modal
      open={window !== null}
      title={window ? `${at.annotation} · ${window.windowNumber} ${window.windowName}` : ""}
      okText={at.saveDraft}
      cancelText={at.cancel}
      okButtonProps={testId("weekly-comment-save")}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ text: window?.comment?.text ?? "" }}>
        <Form.Item name="text" label={at.annotation} required>
          <Input.TextArea rows={6} maxLength={2000} showCount placeholder={at.annotationPlaceholder} data-testid="weekly-comment-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
