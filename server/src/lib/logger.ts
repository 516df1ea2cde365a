// Structured logs (pino). Personal data never goes into a log line: presenters mask it first.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: "hallwatch" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "password", "*.password", "*.newPassword", "*.currentPassword"], censor: "[redacted]" },
  });
}
