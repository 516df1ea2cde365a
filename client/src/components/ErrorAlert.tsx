// How a failed request looks everywhere: the server's own explanation in the current language,
// with a retry button when retrying can help.
import { Alert, Button } from "antd";
import { ApiError } from "../lib/apiError.ts";
import { useLanguage } from "../lib/language.tsx";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { lang, t } = useLanguage();
  const message = error instanceof ApiError ? error.localized(lang) : t.unexpectedError;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? message}
      description={title ? message : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        ) : undefined
      }
    />
  );
}
