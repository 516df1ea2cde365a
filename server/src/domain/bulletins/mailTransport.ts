// Where bulletin mails go: the SMTP server of SMTP_URL, or, when none is configured (a hall
// without mail access, a demo), an .eml file per mail in <data folder>/mail-outbox — the RFC 822
// message exactly as it would have been sent, listed in the UI by its file name.
import fs from "node:fs/promises";
import path from "node:path";
import type { SendMailOptions } from "nodemailer";
import { loadNodemailer } from "../../lib/lazyModules.ts";
import type { Config } from "../../config.ts";
import { sqliteFile } from "../../db/database.ts";

export interface MailTransport {
  /** Sends one message; resolves with what BulletinDelivery.transport records ("smtp" or the file name) */
  send(message: SendMailOptions, fileStem: string): Promise<string>;
  close(): void;
}

/** Beside the SQLite file (one data folder to back up); PostgreSQL installs use ./data. */
export function mailOutboxDir(config: Config): string {
  const url = config.DATABASE_URL;
  const base = url.startsWith("file:") && sqliteFile(url) !== ":memory:" ? path.dirname(sqliteFile(url)) : path.resolve("data");
  return path.join(base, "mail-outbox");
}


export async function openMailTransport(config: Config): Promise<MailTransport> {
  const nodemailer = await loadNodemailer();
  if (config.SMTP_URL) {
    // Short timeouts: the dispatcher runs on the scheduler's tick, and a dead server is retried with backoff
    const smtp = nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
    return {
      async send(message) {
        await smtp.sendMail(message);
        return "smtp";
      },
      close: () => smtp.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const dir = mailOutboxDir(config);
  return {
    async send(message, fileStem) {
      const info = await stream.sendMail(message);
      if (!Buffer.isBuffer(info.message)) throw new Error("stream transport did not return a buffer");
      await fs.mkdir(dir, { recursive: true });
      const name = `${fileStem}.eml`;
      // Written whole, then renamed: a reader of the folder never sees half a message
      const tmp = path.join(dir, `.${name}.tmp`);
      await fs.writeFile(tmp, info.message);
      await fs.rename(tmp, path.join(dir, name));
      return name;
    },
    close: () => stream.close(),
  };
}
