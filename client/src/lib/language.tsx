// The chosen interface language: remembered per browser (localStorage "hw_lang") and mirrored onto
// <html lang> and the document title so screen readers and the tab follow the switch.
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { DEFAULT_LANGUAGE, DICTIONARIES, isLanguage, type Dictionary, type Language } from "./i18n.ts";

const STORAGE_KEY = "hw_lang";

interface LanguageState {
  lang: Language;
  t: Dictionary;
  setLang: (lang: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(readStoredLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or a full quota: the switch still applies to this tab.
    }
  }, []);

  const t = DICTIONARIES[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.documentTitle;
  }, [lang, t]);

  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageState {
  const value = use(LanguageContext);
  if (!value) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return value;
}
