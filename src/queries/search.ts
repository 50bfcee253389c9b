// Full-text search over policies, goals, indicators and initiatives with
// PostgreSQL's `danish` configuration (the generated `search` columns), ranked
// with ts_rank and highlighted with ts_headline; and, when nothing is found,
// spelling suggestions from the registry's own words (edit distance in JS:
// pg_trgm is not available on PGlite).
import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Context } from "../context.ts";
import type { Executor } from "../db/client.ts";
import { goals, indicators, initiatives, policies } from "../db/schema.ts";
import { currentGeneration } from "./generation.ts";
import { preparedPer } from "./prepared.ts";
import { col, type OrganisationParam } from "./sqlFragments.ts";

export const MAX_QUERY_LENGTH = 200;
export const PER_KIND = 20;

/** Private-use characters mark the highlight in ts_headline's output; the rest is escaped in JS. */
export const START_SEL = "\uE000";
export const STOP_SEL = "\uE001";
const HEADLINE_OPTIONS = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchKind = "policy" | "goal" | "indicator" | "initiative";
export const searchKinds: readonly SearchKind[] = ["policy", "initiative", "goal", "indicator"];

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  href: string;
  rank: number;
  /** HTML: the text escaped, the matched words in <mark>. */
  headlineHtml: string;
  context?: string;
}

export interface SearchResult {
  hits: Map<SearchKind, SearchHit[]>;
  counts: Map<SearchKind, number>;
  total: number;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** ts_headline output → safe HTML: everything escaped, then only our sentinels become <mark>. */
export function headlineToHtml(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
  // ts_headline pairs every StartSel with a StopSel; a stray one is dropped, never left open.
  let open = false;
  let out = "";
  for (const ch of escaped) {
    if (ch === START_SEL) {
      if (!open) out += "<mark>";
      open = true;
    } else if (ch === STOP_SEL) {
      if (open) out += "</mark>";
      open = false;
    } else out += ch;
  }
  return open ? `${out}</mark>` : out;
}

interface KindSpec {
  kind: SearchKind;
  table: typeof policies | typeof goals | typeof indicators | typeof initiatives;
  title: ReturnType<typeof sql>;
  text: ReturnType<typeof sql>;
  href: (row: RawHit) => string;
  extra?: ReturnType<typeof sql>;
}

interface RawHit {
  id: string;
  title: string;
  rank: number;
  headline: string;
  extra: string | null;
  total: number;
}

const specs: KindSpec[] = [
  {
    kind: "policy",
    table: policies,
    title: sql`${policies.title}`,
    text: sql`coalesce(${policies.title}, '') || ' ' || coalesce(${policies.followUp}, '')`,
    extra: sql`${policies.slug}`,
    href: (r) => `/politikker/${encodeURIComponent(r.extra ?? "")}`,
  },
  {
    kind: "initiative",
    table: initiatives,
    title: sql`${initiatives.title}`,
    text: sql`coalesce(${initiatives.title}, '') || ' ' || coalesce(${initiatives.description}, '')`,
    href: (r) => `/initiativer/${r.id}`,
  },
  {
    kind: "goal",
    table: goals,
    title: sql`${goals.text}`,
    text: sql`coalesce(${goals.text}, '')`,
    extra: sql`(select slug from policies p where p.id = ${goals.policyId} and p.organisation_id = ${col(goals.organisationId)})`,
    href: (r) => `/politikker/${encodeURIComponent(r.extra ?? "")}#maal-${r.id}`,
  },
  {
    kind: "indicator",
    table: indicators,
    title: sql`${indicators.title}`,
    text: sql`coalesce(${indicators.title}, '') || ' ' || coalesce(${indicators.source}, '')`,
    href: (r) => `/indikatorer/${r.id}`,
  },
];

/** Full-text query of `q` (or its placeholder), with the prefix terms of `prefix` when given (see prefixQuery). */
function tsQueryOf(q: string | Placeholder, prefix: string | Placeholder | undefined) {
  // Prefix terms too: Danish writes compounds as one word, so "handicap" must find "Handicappolitik".
  return prefix
    ? sql`(websearch_to_tsquery('danish', ${q}) || to_tsquery('danish', ${prefix}))`
    : sql`websearch_to_tsquery('danish', ${q})`;
}

const tsQuery = (q: string) => tsQueryOf(q, prefixQuery(q) || undefined);

/** The organisation's rows of the table that `query` finds: what a search finds, a count counts, a suggestion must find. */
const matches = (t: KindSpec["table"], query: SQL, organisationId: OrganisationParam) =>
  and(eq(t.organisationId, organisationId), sql`${t.search} @@ ${query}`);

/** One kind's hits for a page, best first, each carrying the kind's count (a window sum). */
function kindQuery(
  db: Executor,
  spec: KindSpec,
  query: SQL,
  page: number,
  organisationId: OrganisationParam,
) {
  const t = spec.table;
  const rank = sql<number>`ts_rank(${t.search}, ${query})::float8`;
  // Best first; the id last, so hits tied on rank and title keep one order, read after read and page after page.
  const order = sql`${rank} desc, ${spec.title} asc, ${t.id} asc`;
  return db
    .select({
      // Which of `specs`, for a statement of every kind.
      kind: sql<number>`${specs.indexOf(spec)}::int`.as("kind"),
      id: sql<string>`${t.id}`.as("id"),
      title: sql<string>`${spec.title}`.as("title"),
      rank: rank.as("rank"),
      headline:
        sql<string>`ts_headline('danish', translate(${spec.text}, ${START_SEL + STOP_SEL}, ''), ${query}, ${HEADLINE_OPTIONS})`.as(
          "headline",
        ),
      extra: (spec.extra ? sql<string | null>`${spec.extra}` : sql<string | null>`null::text`).as("extra"),
      total: sql<number>`(count(*) over ())::int`.as("total"),
      // Its place in the kind's order, so that a union of kinds can keep the order exactly.
      place: sql<number>`(row_number() over (order by ${order}))::int`.as("place"),
    })
    .from(t)
    .where(matches(t, query, organisationId))
    .orderBy(order)
    .limit(PER_KIND)
    .offset((page - 1) * PER_KIND);
}

function toHit(spec: KindSpec, r: RawHit): SearchHit {
  return {
    kind: spec.kind,
    id: r.id,
    title: r.title,
    href: spec.href(r),
    rank: r.rank,
    headlineHtml: headlineToHtml(r.headline),
  };
}

async function searchKind(
  ctx: Context,
  spec: KindSpec,
  q: string,
  page = 1,
): Promise<{ hits: SearchHit[]; total: number }> {
  const query = tsQuery(q);
  const t = spec.table;
  const rows = (await kindQuery(ctx.db, spec, query, page, ctx.organisationId)) as RawHit[];
  // Past the last page there is no row to carry the count: count on its own.
  const total =
    rows[0]?.total ??
    (page > 1
      ? ((
          await ctx.db
            .select({ n: sql<number>`count(*)::int` })
            .from(t)
            .where(matches(t, query, ctx.organisationId))
        )[0]?.n ?? 0)
      : 0);
  return { total, hits: rows.map((r) => toHit(spec, r)) };
}

/**
 * Every kind's first page in one statement (one round trip, one connection), each row tagged
 * by its kind; prepared, in the two forms a query takes (with prefix terms or without).
 */
function everyKind(db: Executor, withPrefix: boolean) {
  const organisationId = sql.placeholder("organisationId");
  const query = tsQueryOf(sql.placeholder("q"), withPrefix ? sql.placeholder("prefix") : undefined);
  const [first, second, ...rest] = specs.map((spec) => kindQuery(db, spec, query, 1, organisationId));
  return unionAll(first!, second!, ...rest)
    .orderBy(sql`kind`, sql`place`)
    .prepare(withPrefix ? "search_every_kind_prefix" : "search_every_kind");
}

const everyKindPlain = preparedPer((db) => everyKind(db, false));
const everyKindPrefix = preparedPer((db) => everyKind(db, true));

async function searchEveryKind(ctx: Context, q: string): Promise<{ hits: SearchHit[]; total: number }[]> {
  const prefix = prefixQuery(q);
  const rows = (await (prefix ? everyKindPrefix : everyKindPlain)(ctx.db).execute({
    organisationId: ctx.organisationId,
    q,
    prefix,
  })) as (RawHit & { kind: number })[];
  const out = specs.map(() => ({ hits: [] as SearchHit[], total: 0 }));
  for (const row of rows) {
    const kind = out[row.kind]!;
    kind.total = row.total;
    kind.hits.push(toHit(specs[row.kind]!, row));
  }
  return out;
}

/** "københavneren job" → "københavneren:* & job:*"; only letters and digits reach to_tsquery. */
export function prefixQuery(q: string): string {
  // Quotes, "or" and "-word" are web-search syntax: leave such a query to websearch_to_tsquery alone.
  if (/["]|(^|\s)-\S|\s(or|OR)\s/.test(q)) return "";
  const words = [...q.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).filter((w) => w.length >= 3);
  return words.map((w) => `${w}:*`).join(" & ");
}

/** Every kind's best hits; with `only`, that kind's hits alone, `page` by `page` (PER_KIND each). */
export async function search(
  ctx: Context,
  q: string,
  opts: { only?: SearchKind; page?: number } = {},
): Promise<SearchResult> {
  const wanted = opts.only ? specs.filter((s) => s.kind === opts.only) : specs;
  const results = opts.only
    ? await Promise.all(wanted.map((spec) => searchKind(ctx, spec, q, opts.page ?? 1)))
    : await searchEveryKind(ctx, q);
  const hits = new Map<SearchKind, SearchHit[]>();
  const counts = new Map<SearchKind, number>();
  let total = 0;
  wanted.forEach((spec, i) => {
    const r = results[i]!;
    hits.set(spec.kind, r.hits);
    counts.set(spec.kind, r.total);
    total += r.total;
  });
  return { hits, counts, total };
}

// ---- suggestions -------------------------------------------------------------

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+-]*/gu;
const vocabularies = new Map<string, { generation: number; words: Map<string, number> }>();

/** Words (≥ 3 letters) of the registry's titles and texts, with how often each occurs. */
async function vocabulary(ctx: Context): Promise<Map<string, number>> {
  const generation = currentGeneration(ctx.organisationId);
  const cached = vocabularies.get(ctx.organisationId);
  if (cached && cached.generation === generation) return cached.words;
  const rows = (await ctx.db.execute(sql`
    select title as t from ${policies} where organisation_id = ${ctx.organisationId}
    union all select text from ${goals} where organisation_id = ${ctx.organisationId}
    union all select title from ${indicators} where organisation_id = ${ctx.organisationId}
    union all select title || ' ' || coalesce(description, '') from ${initiatives} where organisation_id = ${ctx.organisationId}
  `)) as unknown as { rows: { t: string | null }[] };
  const list = rows.rows;
  const words = new Map<string, number>();
  for (const { t } of list) {
    for (const match of (t ?? "").toLowerCase().matchAll(WORD)) {
      const w = match[0];
      if (w.length >= 3) words.set(w, (words.get(w) ?? 0) + 1);
    }
  }
  vocabularies.set(ctx.organisationId, { generation, words });
  return words;
}

/**
 * A corrected query when some words are misspelt (each replaced by the most
 * frequent registry word within a small edit distance), or undefined.
 */
export async function suggest(ctx: Context, q: string): Promise<string | undefined> {
  const words = await vocabulary(ctx);
  let changed = false;
  const corrected = q.toLowerCase().replace(WORD, (word) => {
    if (word.length < 3 || words.has(word)) return word;
    const max = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [candidate, count] of words) {
      const d = editDistance(word, candidate, max);
      if (d > max) continue;
      if (!best || d < best.distance || (d === best.distance && count > best.count)) {
        best = { word: candidate, distance: d, count };
      }
    }
    if (!best) return word;
    changed = true;
    return best.word;
  });
  if (!changed) return undefined;
  return (await findsAnything(ctx, corrected)) ? corrected : undefined;
}

/** Whether `q` finds anything of any kind: what a search would, without ranks or headlines. */
async function findsAnything(ctx: Context, q: string): Promise<boolean> {
  const query = tsQuery(q);
  const parts = specs.map(
    ({ table: t }) => sql`select 1 from ${t} where ${matches(t, query, ctx.organisationId)}`,
  );
  const result = (await ctx.db.execute(
    sql`select exists (${sql.join(parts, sql` union all `)}) as found`,
  )) as unknown as { rows: { found: boolean }[] };
  return result.rows[0]!.found;
}
