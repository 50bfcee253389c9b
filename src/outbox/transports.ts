// Where outbox messages go: an SMTP server when SMTP_URL is set, otherwise
// .eml files in <PEJL_DATA_DIR>/outbox/ (a person can open them in any mail
// program), so a fresh install without a mail server still shows what it sent.
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "../logger.ts";

export interface OutgoingMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: string;
}

export interface Transport {
  /** Short name for logs: "smtp" or "file". */
  name: string;
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

function mailOf(from: string, message: OutgoingMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.body,
    // The row id makes the message recognisable if it ever arrives twice.
    messageId: `<${message.id}@pejl>`,
    date: new Date(message.createdAt),
  };
}

export function smtpTransport(url: string, from: string): Transport {
  // Short timeouts: a mail server that does not answer must not hold the tick for minutes.
  const transporter = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    name: "smtp",
    async send(message) {
      await transporter.sendMail(mailOf(from, message));
    },
    close: () => transporter.close(),
  };
}

/** The file a message is written to: sortable by time, named by kind and id (so a retry finds it). */
export function outboxFileName(message: OutgoingMessage): string {
  const stamp = new Date(message.createdAt).toISOString().replace(/[:.]/g, "-");
  const kind = message.kind.replace(/[^a-z0-9_-]/gi, "_").slice(0, 40);
  return `${stamp}-${kind}-${message.id}.eml`;
}

export function fileTransport(dir: string, from: string, logger: Logger): Transport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    name: "file",
    async send(message) {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, outboxFileName(message));
      // Written once: a message already on disk (a crash before it was marked sent) is not written again.
      if (!fs.existsSync(file)) {
        const info = (await composer.sendMail(mailOf(from, message))) as unknown as { message: Buffer };
        const tmp = `${file}.tmp`;
        fs.writeFileSync(tmp, info.message, { mode: 0o600 });
        fs.renameSync(tmp, file);
      }
      logger.info(
        { outboxId: message.id, kind: message.kind, to: message.to, file },
        `outbox: "${message.subject}" written to ${file} (no SMTP_URL set)`,
      );
    },
    close: () => composer.close(),
  };
}

/** SMTP when SMTP_URL is set, otherwise files in <dataDir>/outbox/. */
export function transportFor(
  env: { SMTP_URL?: string; MAIL_FROM: string; dataDir: string },
  logger: Logger,
): Transport {
  return env.SMTP_URL
    ? smtpTransport(env.SMTP_URL, env.MAIL_FROM)
    : fileTransport(path.join(env.dataDir, "outbox"), env.MAIL_FROM, logger);
}
