// The header's language toggle: names the other language in that language, as users look for it.
import { Button } from "antd";
import { GlobalOutlined } from "@ant-design/icons";
import { useLanguage } from "../lib/language.tsx";

export function LanguageSwitch() {
  const { lang, t, setLang } = useLanguage();
  const other = lang === "en" ? "zh-CN" : "en";
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      aria-label={t.switchLanguage}
      title={t.switchLanguage}
      onClick={() => setLang(other)}
      data-testid="language-switch"
    >
      <span lang={other}>{t.otherLanguageName}</span>
    </Button>
  );
}
