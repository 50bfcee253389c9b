import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { outbox } from "../db/schema.ts";
import { createLogger } from "../logger.ts";
import { deliverOutbox, IN_DELIVERY } from "./deliverer.ts";
import { fileTransport, smtpTransport } from "./transports.ts";

const logger = createLogger("silent");

async function queue(org: TestOrganisation, subject = "Påmindelse: statusindmelding") {
  const [row] = await org.db
    .insert(outbox)
    .values({
      organisationId: org.organisationId,
      to: "reporter@example.dk",
      subject,
      body: "Kære reporter\n\nFristen er 31. januar 2026. Æ, ø og å skal med.",
      kind: "reminder",
    })
    .returning();
  return row!;
}

/** A port on which nothing listens: taken from the OS and released again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("outbox delivery", () => {
  it("without SMTP writes each message as an .eml file once and marks it sent", async () => {
    const org = await buildOrganisation();
    const message = await queue(org);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-outbox-"));
    const transport = fileTransport(dir, "Pejl <pejl@example.dk>", logger);
    const first = await deliverOutbox(org.db, transport, { logger, organisationId: org.organisationId });
    expect(first).toEqual({ sent: 1, failed: 0 });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`reminder-${message.id}\\.eml$`));
    const eml = fs.readFileSync(path.join(dir, files[0]!), "utf8");
    expect(eml).toMatch(/^To: reporter@example\.dk$/m);
    expect(eml).toMatch(/^Subject: /m);
    const [row] = await org.db.select().from(outbox).where(eq(outbox.id, message.id));
    expect(row!.sentAt).not.toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.error).toBeNull();

    // Sent messages are not sent again.
    const second = await deliverOutbox(org.db, transport, {
      logger,
      organisationId: org.organisationId,
      force: true,
    });
    expect(second).toEqual({ sent: 0, failed: 0 });
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });

  it("keeps a message it could not send by SMTP, with the error, and retries it only after a pause", async () => {
    const org = await buildOrganisation();
    const message = await queue(org);
    const transport = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`, "pejl@example.dk");
    const now = new Date();
    const result = await deliverOutbox(org.db, transport, {
      logger,
      organisationId: org.organisationId,
      now,
    });
    expect(result).toEqual({ sent: 0, failed: 1 });
    const [row] = await org.db.select().from(outbox).where(eq(outbox.id, message.id));
    expect(row!.sentAt).toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.error).not.toBe(IN_DELIVERY);

    // A minute later it is not yet due (2 minutes after the first failure), three minutes later it is.
    const soon = await deliverOutbox(org.db, transport, {
      logger,
      organisationId: org.organisationId,
      now: new Date(now.getTime() + 60_000),
    });
    expect(soon).toEqual({ sent: 0, failed: 0 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-outbox-"));
    const later = await deliverOutbox(org.db, fileTransport(dir, "pejl@example.dk", logger), {
      logger,
      organisationId: org.organisationId,
      now: new Date(now.getTime() + 3 * 60_000),
    });
    expect(later).toEqual({ sent: 1, failed: 0 });
    const [after] = await org.db.select().from(outbox).where(eq(outbox.id, message.id));
    expect(after!.attempts).toBe(2);
    expect(after!.sentAt).not.toBeNull();
  });

  it("two deliveries running at once send each message exactly once", async () => {
    const org = await buildOrganisation();
    for (let i = 0; i < 6; i++) await queue(org, `Besked ${i}`);
    const sent: string[] = [];
    const transport = {
      name: "test",
      async send(m: { id: string }) {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.id);
      },
      close() {},
    };
    const runs = await Promise.all([
      deliverOutbox(org.db, transport, { logger, organisationId: org.organisationId }),
      deliverOutbox(org.db, transport, { logger, organisationId: org.organisationId }),
    ]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(6);
    expect(new Set(sent).size).toBe(6);
    expect(sent).toHaveLength(6);
  });
});

describe("outbox claims", () => {
  it("leaves a message another run is sending alone, even when forced, until its claim is stale", async () => {
    const org = await buildOrganisation();
    const message = await queue(org);
    const now = new Date();
    // As a run that claimed the row a minute ago and is still sending it would have left it.
    await org.db
      .update(outbox)
      .set({ attempts: 1, error: IN_DELIVERY, updatedAt: new Date(now.getTime() - 60_000).toISOString() })
      .where(eq(outbox.id, message.id));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-outbox-"));
    const transport = fileTransport(dir, "pejl@example.dk", logger);
    const opts = { logger, organisationId: org.organisationId, force: true };
    expect(await deliverOutbox(org.db, transport, { ...opts, now })).toEqual({ sent: 0, failed: 0 });
    // A claim older than a quarter of an hour belongs to a run that died: it is taken over.
    const later = new Date(now.getTime() + 20 * 60_000);
    expect(await deliverOutbox(org.db, transport, { ...opts, now: later })).toEqual({ sent: 1, failed: 0 });
    expect(fs.readdirSync(dir)).toHaveLength(1);
  });
});
