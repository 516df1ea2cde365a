// Configuration from the environment, parsed once with zod. Documented in README.md ("Configuration").
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "file:<path> or postgresql://…")
    .default("file:./data/hallwatch.db"),
  // Password of the first administrator; when unset a random one is generated and printed once
  ADMIN_PASSWORD: z.string().min(10).max(256).optional(),
  // Load the demo hall on first start (set 0 to start with an empty center)
  DEMO: bool.default(true),
  DEMO_HALLS: z.coerce.number().int().min(1).max(100).default(1),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Sessions end after this many idle minutes, and after SESSION_MAX_HOURS whatever happens
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  // Failed sign-ins before a temporary lockout, and its length
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Set when TLS ends at a reverse proxy in front of hallwatch (cookies become Secure, X-Forwarded-* trusted)
  TRUST_PROXY: bool.default(false),
  // 32-byte key (64 hex characters) for citizens' phone and ID numbers (AES-256-GCM). When unset, one
  // is generated at first start into data-key next to the SQLite file (mode 600): back it up with the database.
  DATA_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, "64 hex characters").optional(),
  // Walk-up ratings (no invitation) from one pad must be this many seconds apart; 0 turns the limit off
  WALKUP_MIN_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(30),
  // The monthly bulletins' mail server (smtp://user:pass@host:587, smtps://…:465); when unset, mails are
  // written as .eml files into <data folder>/mail-outbox instead (docs/bulletins.md)
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+/, "smtp://host:port or smtps://host:port").optional(),
  MAIL_FROM: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, "an address like bulletin@center.gov.cn").default("hallwatch@localhost"),
  // The address citizens' phones reach this server at: rating links in SMS are built on it (#6)
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, "")).default("http://localhost:3000"),
  // Drafts of last month's bulletins are generated on this working day of each month; 0 turns it off
  BULLETIN_WORKING_DAY: z.coerce.number().int().min(0).max(10).default(1),
  // Where the built client and kiosk are served from (tests point it elsewhere)
  STATIC_ROOT: z.string().default(path.resolve(import.meta.dirname, "..", "..")),
});
export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (ADMIN_PASSWORD= in a unit file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join("\n")}`);
  }
  return parsed.data;
}
