// A dialog that confirms one mutation (publish, recompute, override, resend, comment …): its OK button
// waits on the mutation, its error shows inside the dialog, and closing it forgets that error so the
// next opening starts clean. What it asks for (a paragraph, a form) is the caller's.
import { Modal, Typography } from "antd";
import type { ReactNode } from "react";
import { testId } from "../lib/testId.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

interface MutationState {
  isPending: boolean;
  error: unknown;
  reset(): void;
}

export interface MutationModalProps {
  open: boolean;
  onClose(): void;
  mutation: MutationState;
  onOk(): void;
  title: ReactNode;
  okText: ReactNode;
  cancelText: ReactNode;
  /** data-testid of the OK button */
  okTestId: string;
  okDanger?: boolean;
  /** Shown above the error (what the action will do) */
  intro?: ReactNode;
  width?: number;
  destroyOnHidden?: boolean;
  /** Shown below the error (the form) */
  children?: ReactNode;
}

export function MutationModal({ open, onClose, mutation, onOk, title, okText, cancelText, okTestId, okDanger, intro, width, destroyOnHidden, children }: MutationModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={cancelText}
      okButtonProps={{ danger: okDanger ?? false, ...testId(okTestId) }}
      confirmLoading={mutation.isPending}
      onOk={onOk}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden={destroyOnHidden}
      width={width}
    >
      {intro ? <Typography.Paragraph>{intro}</Typography.Paragraph> : null}
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      {children}
    </Modal>
  );
}
