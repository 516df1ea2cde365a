// The drawer the master-data forms share: a title, cancel and save in its header, and a banner for a
// server error that belongs to no field (errors about a field are shown beside that field instead).
import type { ReactNode } from "react";
import { Button, Drawer, Flex } from "antd";
import { ApiError } from "../lib/apiError.ts";
import { useLanguage } from "../lib/language.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";

export interface FormDrawerProps {
  title: string;
  open: boolean;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  error: Error | null;
  /** The form's field names: an error with an issue on one of them is not repeated in the banner */
  fields: readonly string[];
  /** Error codes the form shows beside a field itself (e.g. PASSWORD_POLICY on the password) */
  fieldCodes?: readonly string[];
  size?: "default" | "large";
  /** data-testid of the save button and of the drawer body, for end-to-end tests */
  testId?: string;
  children: ReactNode;
}

export function FormDrawer({ title, open, onClose, onSave, saving, error, fields, fieldCodes = [], size, testId, children }: FormDrawerProps) {
  const { t } = useLanguage();
  // Nested paths ("procedure.0.name") belong to their top-level field
  const banner = error !== null && !(error instanceof ApiError && (error.issues.some((i) => fields.includes(i.path.split(".")[0] ?? i.path)) || fieldCodes.includes(error.code)));
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t.masterEdit.cancel}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={testId ? `${testId}-save` : undefined}>
            {t.masterEdit.save}
          </Button>
        </Flex>
      }
    >
      {banner ? <ErrorAlert error={error} /> : null}
      {children}
    </Drawer>
  );
}
