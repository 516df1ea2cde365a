// The one h1 of each page, so headings stay in order for screen readers.
import { Typography } from "antd";
import type { ReactNode } from "react";

export function PageTitle({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }} data-testid={testId}>
      {children}
    </Typography.Title>
  );
}
