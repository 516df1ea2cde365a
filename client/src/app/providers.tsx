// Everything the pages assume around them: language, antd locale and theme, antd's message context,
// and the query cache.
import { useState, type ReactNode } from "react";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { QueryClientProvider } from "@tanstack/react-query";
import { LanguageProvider, useLanguage } from "../lib/language.tsx";
import { createQueryClient } from "./queryClient.ts";

const THEME = { token: { colorPrimary: "#c8102e", borderRadius: 6 } };
/** antd would render "登录" as "登 录", which also changes the button's accessible name. */
const BUTTON = { autoInsertSpace: false };

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  return (
    <ConfigProvider locale={lang === "en" ? enUS : zhCN} theme={THEME} button={BUTTON}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <LanguageProvider>
      <LocalizedAntd>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalizedAntd>
    </LanguageProvider>
  );
}
