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
  children: ReactNode;
}

export function FormDrawer({ title, open, onClose, onSave, saving, error, fields, children }: FormDrawerProps) {
  const { t } = useLanguage();
  const banner = error !== null && !(error instanceof ApiError && error.issues.some((i) => fields.includes(i.path)));
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t.masterEdit.cancel}</Button>
          <Button type="primary" loading={saving} onClick={onSave}>
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
