// A leader's decision on a proposed record: confirm with a consequence, or dismiss; a reason either way.
import { App, Button, Flex, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { CONSEQUENCE_LABELS, CONSEQUENCES, type AccountabilityDto } from "../../../../../server/src/contracts/accountability.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCaseText } from "../../cases/text.ts";
import { useDecideAccountability } from "../api/accountability.ts";

type Consequence = (typeof CONSEQUENCES)[number];

export function DecisionButtons({ record }: { record: AccountabilityDto }) {
  const { lang, ct } = useCaseText();
  const { message } = App.useApp();
  const decide = useDecideAccountability();
  const [mode, setMode] = useState<"CONFIRM" | "DISMISS" | null>(null);
  const [reason, setReason] = useState("");
  const [consequence, setConsequence] = useState<Consequence>("DEDUCTION");

  const submit = () => {
    if (!mode) return;
    const body = mode === "CONFIRM" ? { decision: mode, reason: reason.trim(), consequence } : { decision: mode, reason: reason.trim() };
    decide.mutate(
      { id: record.id, body },
      {
        onSuccess: () => {
          setMode(null);
          setReason("");
          void message.success(ct.done);
        },
        onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
      },
    );
  };

  return (
    <Flex gap={4}>
      <Button size="small" type="primary" data-testid={`confirm-${record.id}`} onClick={() => setMode("CONFIRM")}>{ct.accountability.confirm}</Button>
      <Button size="small" data-testid={`dismiss-${record.id}`} onClick={() => setMode("DISMISS")}>{ct.accountability.dismiss}</Button>
      <Modal
        open={mode !== null}
        title={mode === "CONFIRM" ? ct.accountability.confirmTitle : ct.accountability.dismissTitle}
        okText={mode === "CONFIRM" ? ct.accountability.confirm : ct.accountability.dismiss}
        cancelText={ct.cancel}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: decide.isPending }}
        onOk={submit}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <Form layout="vertical">
          {mode === "CONFIRM" ? (
            <Form.Item label={ct.accountability.consequence}>
              <Select<Consequence> value={consequence} onChange={setConsequence} options={CONSEQUENCES.map((c) => ({ value: c, label: pickLabel(CONSEQUENCE_LABELS[c], lang) }))} />
            </Form.Item>
          ) : null}
          <Form.Item label={ct.accountability.decision}>
            <Input.TextArea aria-label={ct.accountability.decision} value={reason} maxLength={1000} rows={3} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
