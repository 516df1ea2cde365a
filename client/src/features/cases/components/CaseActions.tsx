// The buttons that move a case on: only the actions its state allows; the ones that need a reason
// (补正, 不予受理, 转办) ask for it first.
import { App, Button, Flex, Input, Modal } from "antd";
import { useState } from "react";
import { CASE_ACTION_LABELS, type CaseActionValue, type CaseDto } from "../../../../../server/src/contracts/cases.ts";
import { ApiError } from "../../../lib/apiError.ts";
import { pickLabel } from "../../../lib/i18n.ts";
import { useCaseAction } from "../api/cases.ts";
import { useCaseText } from "../text.ts";

const NEEDS_REASON: readonly CaseActionValue[] = ["suspend", "reject", "transfer"];

export function CaseActions({ kase }: { kase: CaseDto }) {
  const { lang, ct } = useCaseText();
  const { message } = App.useApp();
  const mutation = useCaseAction();
  const [asking, setAsking] = useState<CaseActionValue | null>(null);
  const [reason, setReason] = useState("");

  const run = (action: CaseActionValue, why?: string) =>
    mutation.mutate(
      { id: kase.id, body: { action, ...(why ? { reason: why } : {}) } },
      {
        onSuccess: () => {
          setAsking(null);
          setReason("");
          void message.success(ct.done);
        },
        onError: (error) => void message.error(error instanceof ApiError ? error.localized(lang) : String(error)),
      },
    );

  return (
    <Flex gap={4} wrap>
      {kase.allowedActions.map((action) => (
        <Button
          key={action}
          size="small"
          danger={action === "reject"}
          loading={mutation.isPending && mutation.variables?.body.action === action}
          data-testid={`case-${kase.caseNo}-${action}`}
          onClick={() => (NEEDS_REASON.includes(action) ? setAsking(action) : run(action))}
        >
          {pickLabel(CASE_ACTION_LABELS[action], lang)}
        </Button>
      ))}
      <Modal
        open={asking !== null}
        title={asking ? ct.reasonTitle(pickLabel(CASE_ACTION_LABELS[asking], lang)) : ""}
        okText={asking ? pickLabel(CASE_ACTION_LABELS[asking], lang) : ""}
        cancelText={ct.cancel}
        okButtonProps={{ disabled: reason.trim() === "", loading: mutation.isPending }}
        onOk={() => asking && run(asking, reason.trim())}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Input.TextArea aria-label={ct.reason} value={reason} maxLength={500} rows={3} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Flex>
  );
}
