// Portal throughput (issue 5, DESIGN.md §9): the policy page and the
// initiatives browse page of the real app on PGlite with the demo data,
// against the same HTML served as a static response by a second server in the
// same Node process. autocannon (50 connections × 10 s) runs in a child
// process, so the load generator does not share the server's event loop.
// Target: dynamic ≥ 0.5 × static requests/s, p99 < 50 ms.
// Run: node --import tsx bench/portal.ts
import { spawn } from "node:child_process";
import os from "node:os";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { type PortalServer, startPortalServer } from "../e2e/portalServer.ts";

const CONNECTIONS = 50;
const SECONDS = 10;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function autocannon(url: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "node_modules/autocannon/autocannon.js",
        "--json",
        "-c",
        String(CONNECTIONS),
        "-d",
        String(SECONDS),
        url,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

/** The same bytes and headers as the app answered, from memory, with no routing or database. */
function startStatic(
  pages: Map<string, { body: string; type: string }>,
): Promise<{ url: string; close(): void }> {
  const app = new Hono();
  app.get("*", (c) => {
    const page = pages.get(c.req.path);
    if (!page) return c.notFound();
    return c.body(page.body, 200, { "Content-Type": page.type });
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });

let server: PortalServer | undefined;
let staticServer: { url: string; close(): void } | undefined;
try {
  const started = performance.now();
  server = await startPortalServer();
  console.log(`demo loaded and app started in ${fmt((performance.now() - started) / 1000, 1)} s`);
  const targets = [
    { name: "policy page", path: "/politikker/handicappolitik" },
    { name: "initiatives", path: "/initiativer" },
  ];
  const pages = new Map<string, { body: string; type: string }>();
  for (const t of targets) {
    const res = await fetch(server.url + t.path);
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
    pages.set(t.path, { body: await res.text(), type: res.headers.get("content-type") ?? "text/html" });
  }
  staticServer = await startStatic(pages);

  const rows: string[] = [];
  let ok = true;
  for (const t of targets) {
    const dynamic = await autocannon(server.url + t.path);
    const fixed = await autocannon(staticServer.url + t.path);
    const ratio = dynamic.rps / fixed.rps;
    const verdicts = [
      ratio >= 0.5 ? "ratio ok" : "ratio BELOW 0.5",
      dynamic.p99 < 50 ? "p99 ok" : "p99 OVER 50 ms",
      ...(dynamic.non2xx + dynamic.errors > 0 ? [`${dynamic.non2xx + dynamic.errors} failed requests`] : []),
    ];
    ok &&= ratio >= 0.5 && dynamic.p99 < 50 && dynamic.non2xx + dynamic.errors === 0;
    const size = Buffer.byteLength(pages.get(t.path)!.body);
    rows.push(
      `${t.name.padEnd(12)} ${fmt(size / 1024, 0).padStart(5)} kB | app ${fmt(dynamic.rps).padStart(6)} req/s p50 ${dynamic.p50} ms p99 ${dynamic.p99} ms` +
        ` | static ${fmt(fixed.rps).padStart(6)} req/s p50 ${fixed.p50} ms p99 ${fixed.p99} ms | ratio ${fmt(ratio, 2)}: ${verdicts.join(", ")}`,
    );
  }
  // Other work on the machine moves these figures (p99 most): the load average says how much there was.
  const load = os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(" / ");
  console.log(
    `autocannon ${CONNECTIONS} connections × ${SECONDS} s, PGlite, demo data; ${os.cpus().length} cores, load ${load}`,
  );
  for (const row of rows) console.log(row);
  console.log(ok ? "target met: ≥ 0.5 × static, p99 < 50 ms" : "target NOT met");
  process.exitCode = ok ? 0 : 1;
} finally {
  staticServer?.close();
  await server?.stop();
}
