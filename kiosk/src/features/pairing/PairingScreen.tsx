// Asked once: the one-time pairing code the administrator got when adding this pad.
import { useState, type FormEvent } from "react";
import { t, type Lang } from "../../lib/i18n.ts";
import { pair } from "../../lib/pairing.ts";

export function PairingScreen(props: { lang: Lang; onPaired: (token: string) => void; message?: string }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(props.message ?? null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await pair(code);
      if (r.ok) props.onPaired(r.token);
      else setError(r.message);
    } catch {
      setError("网络错误，请重试 / Network error, try again");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="screen pairing" aria-labelledby="pair-title">
      <h1 id="pair-title">{t(props.lang, "pairTitle")}</h1>
      <form onSubmit={submit}>
        <label htmlFor="pair-code">{t(props.lang, "pairCode")}</label>
        <p id="pair-help">{t(props.lang, "pairHelp")}</p>
        <input id="pair-code" inputMode="numeric" autoComplete="off" aria-describedby="pair-help" value={code} onChange={(e) => setCode(e.target.value)} maxLength={12} />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t(props.lang, "pairButton")}
        </button>
      </form>
    </section>
  );
}
