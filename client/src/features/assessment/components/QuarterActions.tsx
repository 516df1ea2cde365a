// The leader's two acts on a quarter besides overrides: publishing (the results freeze) and an
// explicit, audited recompute that asks for a reason and then shows what changed.
import { App, Button, Flex, Form, Input, Modal, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { recomputeQuarterBodySchema, type RecomputeChangeDto, type RecomputeResultDto } from "../../../../../server/src/contracts/assessmentApi.ts";
import { MutationModal } from "../../../components/MutationModal.tsx";
import { parseForm } from "../../../lib/zodForm.ts";
import { usePublishQuarter, useRecomputeQuarter } from "../api/assessment.ts";
import { formatPoints } from "../lib/componentLabel.ts";
import { useAssessmentText } from "../text.ts";

export function QuarterActions({ label, published }: { label: string; published: boolean }) {
  const { lang, at } = useAssessmentText();
  const { message } = App.useApp();
  const publish = usePublishQuarter(label);
  const recompute = useRecomputeQuarter(label);
  const [publishing, setPublishing] = useState(false);
  const [recomputing, setRecomputing] = useState(false);
  const [result, setResult] = useState<RecomputeResultDto | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const submitRecompute = () => {
    const body = parseForm(form, recomputeQuarterBodySchema, { reason: form.getFieldValue("reason") ?? "" }, lang, { reason: at.recomputeReasonRequired });
    if (!body) return;
    recompute.mutate(body.reason, {
      onSuccess: (answer) => {
        setRecomputing(false);
        form.resetFields();
        setResult(answer);
      },
    });
  };

  return (
    <Flex gap={8}>
      <Button onClick={() => setRecomputing(true)} data-testid="quarter-recompute">
        {at.recompute}
      </Button>
      {published ? null : (
        <Button type="primary" onClick={() => setPublishing(true)} data-testid="quarter-publish">
          {at.publishQuarter}
        </Button>
      )}

      <MutationModal
        open={publishing}
        onClose={() => setPublishing(false)}
        mutation={publish}
        title={at.publishQuarter}
        okText={at.publish}
        cancelText={at.cancel}
        okTestId="quarter-publish-confirm"
        intro={at.publishConfirm}
        onOk={() =>
          publish.mutate(undefined, {
            onSuccess: () => {
              setPublishing(false);
              void message.success(at.publishedOk);
            },
          })
        }
      />

      <MutationModal
        open={recomputing}
        onClose={() => setRecomputing(false)}
        mutation={recompute}
        title={at.recompute}
        okText={at.recompute}
        cancelText={at.cancel}
        okTestId="quarter-recompute-confirm"
        intro={published ? at.recomputeFrozenConfirm : at.recomputeConfirm}
        onOk={submitRecompute}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={at.recomputeReason} required>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="recompute-reason" />
          </Form.Item>
        </Form>
      </MutationModal>

      <Modal open={result !== null} title={at.changes} footer={null} onCancel={() => setResult(null)} width={860} data-testid="recompute-result">
        {result ? <RecomputeChanges result={result} /> : null}
      </Modal>
    </Flex>
  );
}

function RecomputeChanges({ result }: { result: RecomputeResultDto }) {
  const { at } = useAssessmentText();
  const side = (s: RecomputeChangeDto["before"]) =>
    s ? (
      <Flex gap={4} wrap>
        <span>{`${formatPoints(s.score)} · ${at.rank} ${s.rank}`}</span>
        <Tag>{at.decisions[s.decision]}</Tag>
        {s.honour ? <Tag color="red">{at.honours[s.honour]}</Tag> : null}
      </Flex>
    ) : (
      "—"
    );
  const columns: TableColumnsType<RecomputeChangeDto> = [
    { title: at.subject, key: "name", render: (_: unknown, c) => `${at.subjectKinds[c.subjectKind]} · ${c.name}` },
    { title: at.changeBefore, key: "before", render: (_: unknown, c) => side(c.before) },
    { title: at.changeAfter, key: "after", render: (_: unknown, c) => side(c.after) },
  ];
  return (
    <Flex vertical gap={12}>
      {result.rulesChanged ? <Tag color="orange">{at.rulesChanged}</Tag> : null}
      {result.changes.length === 0 ? (
        <Typography.Text data-testid="recompute-no-changes">{at.noChanges}</Typography.Text>
      ) : (
        <Table<RecomputeChangeDto> size="small" rowKey={(c) => `${c.subjectKind}-${c.subjectId}`} columns={columns} dataSource={result.changes} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="recompute-changes" />
      )}
    </Flex>
  );
}
