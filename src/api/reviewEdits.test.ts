// Edits sent to the review API that break the registry's rules: each is a 400
// naming the field, never a 5xx, and none changes the registry or the queue.
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { buildLoginUser, buildOrganisation, type TestOrganisation } from "../../test/factories.ts";
import { apiTokenCreator } from "../commands/apiTokenCreator.ts";
import { candidates } from "../db/schema.ts";
import { rowsOf } from "../opendata/sqlRows.ts";

const PLAN = fs.readFileSync(new URL("../../data/demo/001_ee4dbdb44e1a7a93.txt", import.meta.url));
const HEARING = fs.readFileSync(new URL("../../data/demo/003_139553ee05667919.txt", import.meta.url));

type App = Awaited<ReturnType<typeof buildTestApp>>;
interface Candidate {
  id: string;
  version: number;
  entity: string;
  key: string;
  fields: Record<string, unknown>;
}

let org: TestOrganisation;
let app: App;
let headers: Record<string, string>;
let queue: Candidate[];

const post = (body: unknown) =>
  app.request("/api/v1/candidates/review", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers,
  });

/** Everything a review could change: the registry's rows and the queue's states and versions. */
async function snapshot(): Promise<string> {
  const tables = [
    "policies",
    "themes",
    "goals",
    "indicators",
    "observations",
    "initiatives",
    "budget_lines",
    "annual_targets",
    "inquiries",
    "hearing_responses",
    "provenance",
    "audit_events",
  ];
  const counts: Record<string, unknown> = {};
  for (const t of tables) {
    const rows = rowsOf(
      await org.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(t)} where organisation_id = ${org.organisationId}`,
      ),
    );
    counts[t] = rows[0]!.n;
  }
  const queueRows = await org.db
    .select({
      id: candidates.id,
      state: candidates.state,
      version: candidates.version,
      fields: candidates.fields,
    })
    .from(candidates)
    .where(eq(candidates.organisationId, org.organisationId))
    .orderBy(candidates.id);
  return JSON.stringify({ counts, queueRows });
}

const first = (entity: string, where: (c: Candidate) => boolean = () => true) => {
  const found = queue.find((c) => c.entity === entity && where(c));
  if (!found) throw new Error(`no ${entity} candidate`);
  return found;
};

beforeAll(async () => {
  org = await buildOrganisation();
  app = await buildTestApp(org);
  const { email } = await buildLoginUser(org, "coordinator");
  const { token } = await apiTokenCreator(org.ctx(), { email, name: "test" });
  headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const [bytes, name] of [
    [PLAN, "plan.txt"],
    [HEARING, "svar.txt"],
  ] as const) {
    const res = await app.request(`/api/v1/documents?filename=${name}`, {
      method: "POST",
      body: bytes,
      headers: { authorization: headers.authorization!, "content-type": "application/octet-stream" },
    });
    expect(res.status).toBe(201);
  }
  const list = await app.request("/api/v1/candidates?pageSize=500", { headers });
  queue = (await list.json()).candidates;
}, 120_000);

describe("malformed edits through the review API", () => {
  it("refuses each edit the issue found stored or crashing, with 400 and the field named", async () => {
    const policy = first("policy");
    const goal = first("goal");
    const indicator = first("indicator");
    const initiative = first("initiative");
    const cases: [Candidate, Record<string, unknown>, string][] = [
      [goal, { text: "" }, "text"],
      [goal, { text: "   " }, "text"],
      [goal, { number: "x" }, "number"],
      [goal, { number: "-1" }, "number"],
      [goal, { number: 1e20 }, "number"],
      [goal, { number: -1 }, "number"],
      [goal, { kind: "nope" }, "kind"],
      [indicator, { title: "" }, "title"],
      [indicator, { baseline_period: "abc" }, "baseline_period"],
      [policy, { period_start: -5 }, "period_start"],
      [policy, { period_start: "abc" }, "period_start"],
      [policy, { period_start: 1e12 }, "period_start"],
      [policy, { period_start: 2030, period_end: 2020 }, "period_end"],
      [policy, { kind: "nope" }, "kind"],
      [policy, { owner_administration: "NOPE" }, "owner_administration"],
      [policy, { title: "" }, "title"],
      [policy, { adopted_on: "2020-13-45" }, "adopted_on"],
      [policy, { no_such_field: 1 }, ""],
      [initiative, { funding_status: "free" }, "funding_status"],
      [initiative, { equality_grounds: ["race"] }, "equality_grounds"],
      [initiative, { start_year: 2022, end_year: 2019 }, "end_year"],
    ];
    for (const [candidate, fields, field] of cases) {
      const before = await snapshot();
      const res = await post({ action: "accept", ids: [candidate.id], version: candidate.version, fields });
      const label = `${candidate.entity} ${JSON.stringify(fields)}`;
      expect(res.status, label).toBe(400);
      const body = await res.json();
      expect(body.error.id, label).toBe("validation_failed");
      if (field) expect(body.error.message, label).toContain(field);
      expect(await snapshot(), label).toBe(before);
    }
  });

  it("survives a few hundred generated malformed edits: no 5xx, nothing changed", async () => {
    const random = seeded(13);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const before = await snapshot();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      // A document's own fields may all be blank; the registry's entities have rules to break.
      const candidate = pick(queue.filter((c) => c.entity !== "document"));
      const body = malformed(candidate, random, pick);
      const res = await post(body);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, JSON.stringify(body).slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
    }
    expect(await snapshot()).toBe(before);
    // Most are the fields' own errors, not the envelope's.
    expect(statuses.get(400)).toBeGreaterThan(200);
  }, 120_000);
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values no field of their kind accepts.
const badYear = [-5, 0, 1e12, 1e20, 2019.5, "abc", "2019-2020", true, {}, [2019], "", "NaN"];
const badNumber = ["x", "1,5 mio", true, {}, [1], 1e300, -1e300, "", "Infinity"];
const badRequiredText = ["", "   ", 12, {}, [], true, null, "x".repeat(30_000), "a\u0000b"];
const badText = [12, {}, [], true, "x".repeat(30_000), "a\u0000b"];
const badEnum = ["nope", "", 3, {}, [], true, null, "FUNDED"];
const badList = ["a;b", 3, [1, 2], [{}], [""], [null], Array.from({ length: 300 }, (_, i) => `g${i}`)];
const badDate = ["2020-13-45", "yesterday", "20.11.2020", 20201120, {}, ""];
const badPeriod = ["abc", "20xx", {}, [], true, "2019Q5"];

const kindOf: Record<string, readonly unknown[]> = {
  year: badYear,
  period_start: badYear,
  period_end: badYear,
  start_year: badYear,
  end_year: badYear,
  from_year: badYear,
  amount_dkk: [...badNumber, 2.5],
  fte: [...badNumber, -1],
  baseline_value: badNumber,
  target_value: badNumber,
  actual_value: badNumber,
  value: badNumber,
  number: ["x", "-1", -1, 0, 1e20, "1..2", {}, true],
  n: [-1, 1.5, ...badNumber],
  title: badRequiredText,
  text: badRequiredText,
  metric: badRequiredText,
  description: badText,
  label: badText,
  unit: badText,
  source: badText,
  subtitle: badText,
  kind: badEnum,
  funding_status: badEnum,
  status: ["nope", 3, {}, true],
  direction: ["nope", 3, {}, true],
  equality_grounds: [["race"], "gender", [1], [{}]],
  target_groups: badList,
  partners: badList,
  committees: [["x".repeat(30)], "SOU", [1], [{}]],
  owner_administration: ["NOPE", "", 3, {}, "x".repeat(30)],
  owner_committee: ["NOPE", 3, {}],
  administration: ["NOPE", 3, {}],
  committee: ["NOPE", 3, {}],
  adopted_on: badDate,
  meeting_date: badDate,
  asked_on: badDate,
  dated: badDate,
  baseline_period: badPeriod,
  target_period: badPeriod,
  period: badPeriod,
};

const badBodies: unknown[] = [
  "not json",
  "[]",
  "null",
  { action: "accept" },
  { action: "approve", ids: [] },
  { action: "accept", ids: ["not-a-uuid"] },
  { action: "accept", ids: [], fields: { title: "x" } },
  { action: "accept", documentId: "00000000-0000-4000-8000-000000000000", fields: { title: "x" } },
  { action: "accept", ids: ["00000000-0000-4000-8000-000000000000"] },
];

function malformed(c: Candidate, random: () => number, pick: <T>(xs: readonly T[]) => T): unknown {
  const roll = random();
  if (roll < 0.08) return pick(badBodies);
  const base = { action: "accept", ids: [c.id], version: c.version };
  if (roll < 0.14) return { ...base, parentId: pick(["x", "00000000-0000-4000-8000-000000000000", c.id]) };
  if (roll < 0.18) return { ...base, target: pick(["old", "00000000-0000-4000-8000-000000000000", c.id]) };
  if (roll < 0.22) return { ...base, version: pick([0, -1, 1.5, "1", c.version + 7]) };
  if (roll < 0.26) return { ...base, fields: { [`unknown_${Math.floor(random() * 9)}`]: "x" } };
  // An edit of one to three of the candidate's own fields (or fields of its kind), each broken.
  const names = Object.keys(kindOf).filter((k) => k in c.fields);
  const fields: Record<string, unknown> = {};
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n && names.length; i++) {
    const name = pick(names);
    fields[name] = pick(kindOf[name]!);
  }
  if (Object.keys(fields).length === 0) fields.title = "";
  // Some edits carry a valid field beside the broken one: the valid part must not be saved either.
  if (random() < 0.3 && "title" in c.fields && !("title" in fields)) fields.title = "Ny titel";
  return { ...base, fields };
}
