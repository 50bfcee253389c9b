// Hostile uploads against the whole server: a PDF whose one content stream
// inflates from under 1 MB to 330 MB, and a 10 MB HTML file of entities, each
// posted to the API as a coordinator would. Prints each answer, its time and
// the server process's peak resident memory above idle (the reader worker is a
// thread of the same process); the budget is 512 MB above idle. The baseline is
// a real 300-page PDF, read in the same run, which must still be accepted.
//   node --import tsx bench/hostile.ts
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { buildApp } from "../src/app.ts";
import { apiTokenCreator } from "../src/commands/apiTokenCreator.ts";
import { organisationCreator } from "../src/commands/organisation/organisationCreator.ts";
import { userCreator } from "../src/commands/userCreator.ts";
import { createContext, systemActor } from "../src/context.ts";
import { openDatabase } from "../src/db/client.ts";
import { DEFAULT_LIMITS } from "../src/ingest/limits.ts";
import { stopIdleReaders, warmUpReaders } from "../src/ingest/readers/isolate.ts";
import { createLogger } from "../src/logger.ts";
import { buildPdf, paginate } from "../test/fixtures/ingest/pdfWriter.ts";

const MB = 1024 * 1024;
const BUDGET_MB = 512;

/** Deflates `size` bytes of spaces (with a little text) chunk by chunk, never holding them all. */
async function inflatingStream(size: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(MB, 0x20);
  const head = Buffer.from("BT /F1 11 Tf 56 786 Td (Tekst) Tj ET ", "latin1");
  deflate.write(head);
  for (let written = head.length; written < size; written += chunk.length) {
    if (!deflate.write(chunk)) await once(deflate, "drain");
  }
  deflate.end();
  await once(deflate, "end");
  return Buffer.concat(out);
}

async function streamBombPdf(size: number): Promise<Buffer> {
  const z = await inflatingStream(size);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
  ];
  const head = objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join("");
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.4\n${head}4 0 obj\n<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`,
      "latin1",
    ),
    z,
    Buffer.from(
      "\nendstream\nendobj\n5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
      "latin1",
    ),
  ]);
}

function realPdf(pages: number): Uint8Array {
  const corpus = readFileSync("data/demo/001_ee4dbdb44e1a7a93.txt", "utf8");
  let text = corpus;
  while (paginate(text).length < pages) text += `\n${corpus}`;
  return buildPdf(paginate(text).slice(0, pages), { title: "Syntetisk politik" });
}

const database = await openDatabase();
await database.migrate();
const actor = systemActor("bench");
const organisation = JSON.parse(readFileSync("data/demo/organisation.json", "utf8"));
const created = await organisationCreator({ db: database.db, actor }, organisation);
const ctx = createContext({ db: database.db, organisationId: created.id, actor });
const email = "koordinator@bench.example";
await userCreator(ctx, { name: "Koordinator", email, role: "coordinator", password: "bench-password-123" });
const { token } = await apiTokenCreator(ctx, { email, name: "bench" });
const app = buildApp({ database, organisation: { id: created.id }, logger: createLogger("silent") });

const files: [string, string, Uint8Array][] = [
  ["real 300-page PDF (baseline)", "politik.pdf", realPdf(300)],
  ["PDF stream inflating to 330 MB", "bombe.pdf", await streamBombPdf(330 * MB)],
  [
    "HTML of 2 million entities",
    "bombe.html",
    Buffer.from(`<html><body><p>${"&amp;".repeat(2_000_000)}</p></body></html>`),
  ],
];

warmUpReaders(DEFAULT_LIMITS);
await app.request("/api/v1/documents?filename=varm.html", {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "text/html" },
  body: "<h1>Varm</h1>",
});
global.gc?.();
await new Promise((r) => setTimeout(r, 500));
const idle = process.memoryUsage.rss();
console.log(`idle server: ${(idle / MB).toFixed(0)} MB resident; budget ${BUDGET_MB} MB above that\n`);

let over = false;
for (const [name, filename, bytes] of files) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  const res = await app.request(`/api/v1/documents?filename=${filename}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    body: Readable.toWeb(Readable.from([Buffer.from(bytes)])) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const body = (await res.json()) as { error?: { message: string } };
  const ms = performance.now() - started;
  clearInterval(sampler);
  const aboveIdle = (Math.max(peak, process.memoryUsage.rss()) - idle) / MB;
  over ||= aboveIdle > BUDGET_MB;
  console.log(
    `${name.padEnd(32)} ${(bytes.length / MB).toFixed(2).padStart(6)} MB  → ${res.status}  ${ms.toFixed(0).padStart(6)} ms  peak +${aboveIdle.toFixed(0)} MB above idle`,
  );
  if (body.error) console.log(`${"".padEnd(34)}${body.error.message}`);
}
console.log(`\nwithin the budget of ${BUDGET_MB} MB above idle: ${over ? "NO" : "yes"}`);
await stopIdleReaders();
await database.close();
