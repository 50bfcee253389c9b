// A seeded fuzzer: a few thousand malformed requests spread over every route the
// app serves (paths, queries, forms, multipart, JSON and raw bodies, broken in
// the ways the input boundary and the routes must survive), anonymous and with an
// administrator's session and CSRF token, so that they reach the handlers. No
// answer may be a 5xx, and a request that was refused (4xx) changes nothing: the
// audit log, which every change writes to, keeps its length (reads are sent eight
// at a time, writes one by one). The seed and the count can be set
// (PEJL_FUZZ_SEED, PEJL_FUZZ_REQUESTS) to replay or widen a run.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../src/db/schema.ts";
import { cookieOf, OWN_ORIGIN } from "./requests.ts";
import { buildWorld, fillPath, isWrite, type Route, routesOf } from "./world.ts";

const SEED = Number(process.env.PEJL_FUZZ_SEED ?? 15);
const REQUESTS = Number(process.env.PEJL_FUZZ_REQUESTS ?? 2500);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** Path segments and query values, raw (already percent-encoded where meant to be). */
const NASTY = [
  "%00",
  "a%00b",
  "%FF%FE",
  "%C3%28",
  "%E2%82",
  "%",
  "%zz",
  "%ED%A0%80",
  "..%2F..%2Fetc%2Fpasswd",
  "'%20OR%201%3D1--",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "-1",
  "0",
  "99999999999999999999999",
  "1e309",
  "NaN",
  "true",
  "null",
  "%F0%9F%98%80",
  "x".repeat(5000),
  "00000000-0000-0000-0000-000000000000",
  "%2E%2E",
  "%E6%97%A5%E6%9C%AC",
  "",
];
const KEYS = [
  "q",
  "limit",
  "cursor",
  "page",
  "administration",
  "year",
  "format",
  "status",
  "_csrf",
  "id",
  "version",
  "title",
  "__proto__",
  "constructor",
];

function query(rng: Rng): string {
  const n = rng.int(4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${rng.pick(KEYS)}=${rng.pick(NASTY)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function path(rng: Rng, world: Parameters<typeof fillPath>[0], route: Route): string {
  if (rng.next() < 0.5) return fillPath(world, route, rng.pick(["own", "other"] as const)) + query(rng);
  return (
    route.path.replace(/:[a-zA-Z]+/g, () => rng.pick(NASTY)).replaceAll("*", rng.pick(NASTY)) + query(rng)
  );
}

function deepJson(depth: number): string {
  return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
}

const JSON_BODIES = [
  "{",
  '{"ids":',
  "[]",
  "null",
  '"\\u0000"',
  '{"action":"accept","ids":["\\u0000"]}',
  '{"action":"accept","ids":[1,2,3]}',
  '{"action":"delete","ids":[]}',
  '{"action":"reject","ids":"all"}',
  '{"__proto__":{"admin":true}}',
  '{"action":"accept","ids":["00000000-0000-0000-0000-000000000000"]}',
  '{"a":"\\ud800"}',
  deepJson(40),
  `{"x":"${"y".repeat(100_000)}"}`,
];

/** A multipart body cut short, or with a broken boundary. */
function brokenMultipart(rng: Rng): { body: Blob; contentType: string } {
  const boundary = "----pejlfuzz";
  const whole = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nPolitik for lighed\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n\xff\xfe\r\n--${boundary}--\r\n`,
    "latin1",
  );
  const cut = whole.subarray(0, 10 + rng.int(whole.length - 10));
  const type = rng.next() < 0.8 ? `multipart/form-data; boundary=${boundary}` : "multipart/form-data";
  return { body: new Blob([new Uint8Array(cut)]), contentType: type };
}

function body(rng: Rng, csrf: string | null): { body?: BodyInit; contentType?: string } {
  const kind = rng.int(6);
  if (kind === 0) {
    const pairs = Array.from({ length: 1 + rng.int(6) }, () => `${rng.pick(KEYS)}=${rng.pick(NASTY)}`);
    if (csrf) pairs.push(`_csrf=${csrf}`);
    return { body: pairs.join("&"), contentType: "application/x-www-form-urlencoded" };
  }
  if (kind === 1) {
    const form = new FormData();
    if (csrf) form.set("_csrf", csrf);
    for (let i = 0; i < 1 + rng.int(5); i++)
      form.append(rng.pick(KEYS), decodeURIComponentLoose(rng.pick(NASTY)));
    if (rng.next() < 0.5)
      form.set("file", new File([rng.pick(["", "%PDF-1.4\n", "PK\u0003\u0004", "<html>"])], "x.pdf"));
    return { body: form };
  }
  if (kind === 2) return brokenMultipart(rng);
  if (kind === 3)
    return { body: rng.pick(JSON_BODIES), contentType: rng.pick(["application/json", "text/plain"]) };
  if (kind === 4) {
    const bytes = new Uint8Array(rng.int(2000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
    return {
      body: new Blob([bytes]),
      contentType: rng.pick(["application/octet-stream", "application/pdf", "text/plain", ""]),
    };
  }
  return {};
}

function decodeURIComponentLoose(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe("fuzzing every route", () => {
  it(`answers ${REQUESTS} malformed requests without a 5xx, and a refused one changes nothing`, async () => {
    const world = await buildWorld();
    const admin = await world.login("admin");
    const csrf = admin.csrf();
    const cookie = cookieOf(admin);
    const rng = prng(SEED);
    const routes = routesOf(world.app);
    const auditCount = async () =>
      Number(
        (
          await world.org.db
            .select({ n: sql<number>`count(*)` })
            .from(auditEvents)
            .where(sql`${auditEvents.organisationId} = ${world.org.organisationId}`)
        )[0]!.n,
      );
    let audits = await auditCount();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // The requests first (the seed alone decides them), then sent: reads up to eight at a
    // time, each write alone, so that an audit event is the write's own.
    const planned = Array.from({ length: REQUESTS }, (_, i) => {
      const route = rng.pick(routes);
      // Logging out would end the session the other requests use.
      const withSession = rng.next() < 0.6 && !route.path.endsWith("/log-ud");
      const headers: Record<string, string> = {};
      if (withSession) {
        headers.cookie = cookie;
        headers.origin = OWN_ORIGIN;
        if (route.path.startsWith("/api/")) headers["x-csrf-token"] = csrf;
      }
      if (rng.next() < 0.1) headers.accept = rng.pick(["application/json", "*/*", "text/html;q=0"]);
      const url = path(rng, world, route);
      const { body: payload, contentType } = isWrite(route) ? body(rng, withSession ? csrf : null) : {};
      if (contentType) headers["content-type"] = contentType;
      return { i, route, url, headers, payload, contentType };
    });
    const answer = async ({ i, route, url, headers, payload, contentType }: (typeof planned)[number]) => {
      let status: number;
      try {
        const res = await world.app.request(url, { method: route.method, headers, body: payload });
        await res.arrayBuffer();
        status = res.status;
      } catch (error) {
        failures.push(`#${i} ${route.method} ${url.slice(0, 120)}: threw ${(error as Error).message}`);
        return undefined;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500)
        failures.push(`#${i} ${route.method} ${url.slice(0, 120)} (${contentType}): ${status}`);
      return status;
    };
    for (let at = 0; at < planned.length; ) {
      const first = planned[at]!;
      if (isWrite(first.route)) {
        at++;
        const status = await answer(first);
        if (status === undefined) continue;
        const now = await auditCount();
        if (status >= 400 && now !== audits)
          failures.push(
            `#${first.i} ${first.route.method} ${first.url.slice(0, 120)}: refused (${status}) but wrote an audit event`,
          );
        audits = now;
        continue;
      }
      const reads: typeof planned = [];
      while (at < planned.length && reads.length < 8 && !isWrite(planned[at]!.route))
        reads.push(planned[at++]!);
      await Promise.all(reads.map(answer));
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    console.log(
      `fuzzer (seed ${SEED}): ${REQUESTS} requests over ${routes.length} routes; answers ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(" ")}`,
    );
  }, 600_000);
});
