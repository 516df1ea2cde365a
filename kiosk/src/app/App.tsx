// The pad: pairing once, then idle ⇄ rating ⇄ thank-you. Every rating goes into the IndexedDB outbox
// first; the connection drains it in the background, so the citizen always sees "thank you".
import { useCallback, useEffect, useRef, useState } from "react";
import type { InvitationMessage, WindowUpdated } from "../../../server/src/contracts/kiosk.ts";
import { LEVEL_LABELS, type Level } from "../../../server/src/contracts/indicators.ts";
import { CallbackScreen } from "../features/rating/CallbackScreen.tsx";
import { IdleScreen } from "../features/rating/IdleScreen.tsx";
import { ReasonsScreen } from "../features/rating/ReasonsScreen.tsx";
import { PairingScreen } from "../features/pairing/PairingScreen.tsx";
import { StatusBar, type PadStatus } from "../features/status/StatusBar.tsx";
import { PadConnection } from "../lib/connection.ts";
import { t, type Lang } from "../lib/i18n.ts";
import { Outbox } from "../lib/outbox.ts";
import { forgetToken, storedToken } from "../lib/pairing.ts";
import { speak } from "../lib/speech.ts";
import { uuid } from "../lib/uuid.ts";

/** An invitation nobody answers goes back to idle after this long. */
export const INVITATION_IDLE_MS = 60_000;
/** A started rating with no activity is sent with what was chosen after this long. */
const RATING_IDLE_MS = 60_000;
const THANKS_MS = 4_000;
/** Repeated taps within this long are ignored. */
const TAP_GUARD_MS = 5_000;

type Rating = { kind: "rating"; level: Level; ratedAt: string; invitationId?: string };
/** A bad review may leave a callback number after its reasons (#6) */
type Callback = { kind: "callback"; rating: Rating; reasons: string[]; comment: string };
type Screen = { kind: "idle" } | Rating | Callback | { kind: "thanks" } | { kind: "revoked" };
/** The consent line's retention until the server has said its own (window.updated) */
const DEFAULT_CALLBACK_RETENTION_DAYS = 30;

export function App() {
  const [lang, setLang] = useState<Lang>("zh-CN");
  const [voice, setVoice] = useState(() => localStorage.getItem("hallwatch.kiosk.voice") === "1");
  const [token, setToken] = useState<string | null>(() => storedToken());
  const [pairMessage, setPairMessage] = useState<string | undefined>();
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [view, setView] = useState<WindowUpdated | null>(null);
  const [invitation, setInvitation] = useState<InvitationMessage | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "idle" });
  const [status, setStatus] = useState<PadStatus>({ connected: false, unsent: 0, rejected: 0 });
  const connection = useRef<PadConnection | null>(null);
  const lastTap = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const voiceRef = useRef(voice);
  voiceRef.current = voice;
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    void Outbox.open().then(setOutbox);
  }, []);

  useEffect(() => {
    if (!token || !outbox) return;
    const c = new PadConnection(token, outbox, {
      onWindow: setView,
      onInvitation: (m) => {
        setInvitation(m);
        if (voiceRef.current) speak(t(langRef.current, "invited"), langRef.current);
      },
      onInvitationCancelled: (id) => setInvitation((cur) => (cur?.invitationId === id ? null : cur)),
      onRevoked: () => setScreen({ kind: "revoked" }),
      onUnauthorized: () => {
        forgetToken();
        setPairMessage(t(langRef.current, "revoked"));
        setToken(null);
      },
      onStatus: setStatus,
    });
    connection.current = c;
    return () => c.stop();
  }, [token, outbox]);

  const restartTimer = useCallback((ms: number, then: () => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(then, ms);
  }, []);

  // An unanswered invitation returns to idle after 60 s.
  useEffect(() => {
    if (!invitation || screen.kind !== "idle") return;
    const left = Math.min(INVITATION_IDLE_MS, Date.parse(invitation.expiresAt) - Date.now());
    const id = setTimeout(() => setInvitation(null), Math.max(0, left));
    return () => clearTimeout(id);
  }, [invitation, screen.kind]);

  const submit = useCallback(
    async (s: Rating, reasons: string[], comment: string, callbackPhone: string | null = null) => {
      if (timer.current) clearTimeout(timer.current);
      setScreen({ kind: "thanks" });
      setInvitation(null);
      if (voiceRef.current) speak(t(langRef.current, "thanks"), langRef.current);
      const trimmed = comment.trim();
      await outbox?.add({
        id: uuid(),
        level: s.level,
        ratedAt: s.ratedAt,
        ...(s.invitationId ? { invitationId: s.invitationId } : {}),
        ...(reasons.length ? { reasons } : {}),
        ...(trimmed ? { comment: trimmed } : {}),
        ...(callbackPhone ? { callbackPhone, callbackConsent: true as const } : {}),
      });
      connection.current?.kick();
      restartTimer(THANKS_MS, () => setScreen({ kind: "idle" }));
    },
    [outbox, restartTimer],
  );

  const choose = (level: Level) => {
    const now = Date.now();
    if (now - lastTap.current < TAP_GUARD_MS) return;
    lastTap.current = now;
    const s: Screen = { kind: "rating", level, ratedAt: new Date(now).toISOString(), ...(invitation ? { invitationId: invitation.invitationId } : {}) };
    setScreen(s);
    if (voiceRef.current) speak(`${lang === "zh-CN" ? LEVEL_LABELS[level].zh : LEVEL_LABELS[level].en}。${t(lang, "reasons")}`, lang);
    restartTimer(RATING_IDLE_MS, () => void submit(s, [], ""));
  };

  if (!token)
    return (
      <main className="pad">
        <PairingScreen lang={lang} message={pairMessage} onPaired={setToken} />
      </main>
    );
  return (
    <main className="pad">
      {screen.kind === "idle" ? <IdleScreen lang={lang} view={view} invitation={invitation} onChoose={choose} /> : null}
      {screen.kind === "rating" ? (
        <ReasonsScreen
          lang={lang}
          level={screen.level}
          onActivity={() => restartTimer(RATING_IDLE_MS, () => void submit(screen, [], ""))}
          onSubmit={(reasons, comment) => {
            if (screen.level > 2) return void submit(screen, reasons, comment);
            // A bad review: offer the callback; left alone, it is sent without a number
            const next: Callback = { kind: "callback", rating: screen, reasons, comment };
            setScreen(next);
            restartTimer(RATING_IDLE_MS, () => void submit(screen, reasons, comment));
          }}
          onBack={() => {
            if (timer.current) clearTimeout(timer.current);
            lastTap.current = 0;
            setScreen({ kind: "idle" });
          }}
        />
      ) : null}
      {screen.kind === "callback" ? (
        <CallbackScreen
          lang={lang}
          retentionDays={view?.callbackRetentionDays ?? DEFAULT_CALLBACK_RETENTION_DAYS}
          onActivity={() => restartTimer(RATING_IDLE_MS, () => void submit(screen.rating, screen.reasons, screen.comment))}
          onSubmit={(phone) => void submit(screen.rating, screen.reasons, screen.comment, phone)}
        />
      ) : null}
      {screen.kind === "thanks" ? (
        <section className="screen thanks" aria-labelledby="thanks-title">
          <div role="status">
            <h1 id="thanks-title">{t(lang, "thanks")}</h1>
            <p>{t(lang, "thanksSub")}</p>
          </div>
        </section>
      ) : null}
      {screen.kind === "revoked" ? (
        <section className="screen revoked" aria-labelledby="revoked-title">
          <div role="alert">
            <h1 id="revoked-title">{t(lang, "revoked")}</h1>
          </div>
          <button
            type="button"
            className="primary"
            onClick={() => {
              forgetToken();
              setToken(null);
            }}
          >
            {t(lang, "repair")}
          </button>
        </section>
      ) : null}
      <StatusBar
        lang={lang}
        status={status}
        outbox={outbox}
        voice={voice}
        onLang={() => setLang((l) => (l === "zh-CN" ? "en" : "zh-CN"))}
        onVoice={() =>
          setVoice((v) => {
            localStorage.setItem("hallwatch.kiosk.voice", v ? "0" : "1");
            return !v;
          })
        }
      />
    </main>
  );
}
