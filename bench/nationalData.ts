// A synthetic national data set: invented municipalities, each written as the full data
// package `pejl export --full` writes (datapackage.json and one CSV per resource, rows
// sorted by id), so it loads through the open-data import like a real transfer.
// Everything is derived from a seed, so the same arguments give the same bytes.
// Per organisation: 10 policies × 50 initiatives, each policy with themes, goals and
// indicators, 20 years of observations per indicator (total, women, men), budget lines
// and annual targets per initiative.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { formatCell } from "../src/opendata/cells.ts";
import { buildDescriptor } from "../src/opendata/descriptor.ts";
import type { ResourceName } from "../src/opendata/fields.ts";
import { uuidV5 } from "../src/opendata/resolve.ts";
import { resourceByName, resources } from "../src/opendata/resources.ts";

export interface NationalSize {
  organisations: number;
  policies: number;
  initiativesPerPolicy: number;
  years: number;
}

/** The issue's data set (98 × 10 × 50 × 20); `scale` shrinks the organisations first, then the policies. */
export function nationalSize(scale = 1): NationalSize {
  const organisations = Math.max(1, Math.round(98 * scale));
  const policies = scale >= 1 / 98 ? 10 : Math.max(1, Math.round(10 * 98 * scale));
  return { organisations, policies, initiativesPerPolicy: 50, years: 20 };
}

const NAMESPACE = "6f1c2e0a-8d3b-4c5e-9a7f-2b4d6e8f0a1c";
const FIRST_YEAR = 2007;
const CREATED = "2026-01-01T00:00:00.000Z";

// Invented place names: a first part and an ending, none of them a real municipality's name.
const PLACE_START = [
  "Egel",
  "Søn",
  "Hvid",
  "Ran",
  "Lyng",
  "Bøge",
  "Mose",
  "Kær",
  "Fjord",
  "Ås",
  "Stens",
  "Hede",
  "Vester",
  "Øster",
  "Nør",
  "Sønder",
];
const PLACE_END = ["lund", "by", "bjerg", "strup", "rup", "holm", "høj", "vig", "skov", "dal", "næs"];

const ADMINISTRATIONS: [string, string][] = [
  ["BUF", "Børne- og Ungeforvaltningen"],
  ["SOF", "Social- og Sundhedsforvaltningen"],
  ["BEF", "Beskæftigelses- og Integrationsforvaltningen"],
  ["KUF", "Kultur- og Fritidsforvaltningen"],
  ["TEF", "Teknik- og Miljøforvaltningen"],
  ["ØKF", "Økonomiforvaltningen"],
];
const COMMITTEES: [string, string][] = [
  ["BUU", "Børne- og Ungdomsudvalget"],
  ["SSU", "Social- og Sundhedsudvalget"],
  ["BIU", "Beskæftigelses- og Integrationsudvalget"],
  ["KFU", "Kultur- og Fritidsudvalget"],
  ["TMU", "Teknik- og Miljøudvalget"],
  ["ØU", "Økonomiudvalget"],
];
const SUBJECTS = [
  ["ligestilling", "Ligestilling mellem kønnene"],
  ["inklusion", "Inklusion af borgere med handicap"],
  ["beskaeftigelse", "Flere i job og uddannelse"],
  ["sundhed", "Lighed i sundhed"],
  ["tryghed", "Tryghed i byen og i nattelivet"],
  ["fritid", "Fritidsliv for alle"],
  ["boliger", "Blandede boligområder"],
  ["skole", "En skole for alle børn"],
  ["aeldre", "Et godt ældreliv"],
  ["mangfoldighed", "Mangfoldighed i kommunen som arbejdsplads"],
] as const;
const THEMES = ["Deltagelse", "Adgang", "Viden og data", "Partnerskaber", "Holdninger"];
const GROUPS = ["Børn og unge; 6-17 år", "Forældre", "Ledige", "Ældre", "Nytilkomne", "Borgere med handicap"];
const PARTNERS = ["Lokale foreninger", "Jobcenteret", "Boligselskaberne", "Region, sygehus", "Skolerne"];
const ACTIONS = [
  "Opsøgende indsats",
  "Mentorforløb",
  "Kursus for medarbejdere",
  "Netværk",
  "Åbent tilbud",
  "Kampagne",
  "Kortlægning",
  "Forsøg",
];
const GROUNDS = ["gender", "age", "disability", "race_ethnicity", "sexual_orientation"];
const METRICS = ["Deltagere", "Forløb afsluttet", "Henvendelser", "Arrangementer"];

/** A small deterministic generator (mulberry32), so a seed gives the same data set. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], max: number): T[] => {
      const n = Math.floor(next() * (max + 1));
      return items.filter((_, i) => (i * 7 + n) % items.length < n);
    },
  };
}

export function municipalityName(i: number): { slug: string; name: string } {
  const start = PLACE_START[i % PLACE_START.length]!;
  const end = PLACE_END[Math.floor(i / PLACE_START.length) % PLACE_END.length]!;
  const round = Math.floor(i / (PLACE_START.length * PLACE_END.length));
  const place = `${start}${end}${round ? ` ${round + 1}` : ""}`;
  const slug = place
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .replace(/[^a-z0-9]+/g, "-");
  return { slug, name: `${place} Kommune` };
}

type Row = Record<string, unknown>;

/** One organisation's rows per resource, as the export query returns them (field name → value). */
export function organisationRows(index: number, size: NationalSize, seed = 1): Map<ResourceName, Row[]> {
  const r = random(seed * 1000 + index);
  const { slug } = municipalityName(index);
  let counter = 0;
  const id = () => uuidV5(NAMESPACE, `${seed}/${slug}/${counter++}`);
  const tables = new Map<ResourceName, Row[]>(resources.map((def) => [def.name, []]));
  const add = (name: ResourceName, row: Row) => tables.get(name)!.push(row);
  const lastYear = FIRST_YEAR + size.years - 1;

  for (const [code, name] of ADMINISTRATIONS) add("administrations", { id: id(), code, name });
  for (const [code, name] of COMMITTEES) add("committees", { id: id(), code, name });
  for (let p = 0; p < size.policies; p++) {
    const [subject, title] = SUBJECTS[p % SUBJECTS.length]!;
    const policyId = id();
    const admin = ADMINISTRATIONS[p % ADMINISTRATIONS.length]![0];
    add("policies", {
      id: policyId,
      title: `${title} ${FIRST_YEAR}-${lastYear}`,
      kind: p % 4 === 3 ? "action_plan" : "policy",
      period_start: String(FIRST_YEAR),
      period_end: String(lastYear),
      owner_administration: admin,
      owner_committee: COMMITTEES[p % COMMITTEES.length]![0],
      parent_policy_id: null,
      adopted_on: `${FIRST_YEAR - 1}-${String(r.int(1, 12)).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`,
      document_id: null,
      slug: `${subject}-${p + 1}`,
      status: p % 5 === 4 ? "draft" : "adopted",
      follow_up: `Politikken følges op hvert år i ${COMMITTEES[p % COMMITTEES.length]![1]}.`,
      subtitle: `${slug[0]!.toUpperCase()}${slug.slice(1)}s politik om ${title.toLowerCase()}`,
      equality_grounds: r.some(GROUNDS, 3),
    });
    const themeIds: string[] = [];
    THEMES.slice(0, 3).forEach((theme, t) => {
      const themeId = id();
      themeIds.push(themeId);
      add("themes", {
        id: themeId,
        policy_id: policyId,
        number: String(t + 1),
        title: `${theme}: ${title.toLowerCase()}`,
        description: `Under temaet "${theme.toLowerCase()}" samler vi mål, der vedrører ${title.toLowerCase()}.`,
      });
    });
    const goalIds: string[] = [];
    for (let g = 0; g < 5; g++) {
      const goalId = id();
      goalIds.push(goalId);
      add("goals", {
        id: goalId,
        policy_id: policyId,
        theme_id: themeIds[g % themeIds.length],
        kind: g % 2 ? "result_goal" : "goal",
        number: `${p + 1}.${g + 1}`,
        text: `I ${lastYear} oplever ${r.int(60, 95)} pct. af ${r.pick(GROUPS).toLowerCase()}, at ${title.toLowerCase()} er en del af hverdagen.`,
        committees: r
          .some(COMMITTEES.slice(0, 5), 2)
          .map(([code]) => code)
          .sort(),
        administration: admin,
        sort_order: String(g),
      });
      for (let k = 0; k < 2; k++) {
        const indicatorId = id();
        const base = r.int(20, 70);
        add("indicators", {
          id: indicatorId,
          goal_id: goalId,
          title: `Andel ${k ? "kvinder" : "borgere"} i ${r.pick(GROUPS).toLowerCase()}, der deltager`,
          unit: "pct.",
          direction: k ? "maintain" : "increase",
          baseline_value: String(base),
          baseline_period: String(FIRST_YEAR),
          target_value: String(base + 10),
          target_period: String(lastYear),
          source: "Kommunens egen opgørelse",
        });
        for (let y = 0; y < size.years; y++) {
          for (const disaggregation of ["", "køn=kvinder", "køn=mænd"]) {
            const n = r.int(0, 40) === 0 ? r.int(1, 4) : r.int(30, 900);
            add("observations", {
              id: id(),
              indicator_id: indicatorId,
              period: String(FIRST_YEAR + y),
              value: (base + y * 0.5 + r.int(-30, 30) / 10).toFixed(1),
              disaggregation,
              n: String(n),
              footnote: y === 0 && disaggregation === "" ? "Første måling; metoden ændret i 2015" : null,
              source: null,
            });
          }
        }
      }
    }
    for (let i = 0; i < size.initiativesPerPolicy; i++) {
      const initiativeId = id();
      const start = r.int(FIRST_YEAR, lastYear - 2);
      const action = r.pick(ACTIONS);
      add("initiatives", {
        id: initiativeId,
        policy_id: policyId,
        goal_ids: goalIds.filter((_, g) => (g + i) % 3 === 0).sort(),
        administration: ADMINISTRATIONS[(p + i) % ADMINISTRATIONS.length]![0],
        committee: i % 4 ? COMMITTEES[(p + i) % COMMITTEES.length]![0] : null,
        title: `${action} ${i + 1}: ${title.toLowerCase()}`,
        description:
          `${action} for ${r.pick(GROUPS).toLowerCase()}, i samarbejde med ${r.pick(PARTNERS).toLowerCase()}. ` +
          `Indsatsen "${title}" skal give flere lige muligheder, og den evalueres hvert andet år.`,
        funding_status: r.pick(["within_frame", "in_budget_process", "requires_separate_funding"]),
        status: start + 3 < lastYear ? "completed" : "ongoing",
        target_groups: r.some(GROUPS, 3),
        equality_grounds: r.some(GROUNDS, 2),
        partners: r.some(PARTNERS, 2),
        start_year: String(start),
        end_year: String(start + 3),
      });
      for (let y = start; y <= start + 2; y++) {
        add("budget_lines", {
          id: id(),
          initiative_id: initiativeId,
          year: String(y),
          amount_dkk: String(r.int(5, 400) * 5_000),
          fte: (r.int(0, 20) / 4).toString(),
          funding_status: "within_frame",
          label: y === start ? "Opstart" : null,
        });
      }
      for (let y = start; y <= start + 1; y++) {
        add("annual_targets", {
          id: id(),
          initiative_id: initiativeId,
          year: String(y),
          metric: r.pick(METRICS),
          target_value: String(r.int(10, 200)),
          actual_value: y < lastYear ? String(r.int(5, 220)) : null,
          unit: "antal",
          from_year: null,
        });
      }
    }
  }
  for (const rows of tables.values()) rows.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  return tables;
}

/** Writes organisation `index` as a full data package into `dir`; returns its rows per resource. */
export function writeOrganisationPackage(
  dir: string,
  index: number,
  size: NationalSize,
  seed = 1,
): Record<ResourceName, number> {
  fs.mkdirSync(dir, { recursive: true });
  // Most councils are called "Kommunalbestyrelsen"; the larger towns' often "Byrådet".
  const council = index % 5 === 0 ? "Byrådet" : "Kommunalbestyrelsen";
  const organisation = { ...municipalityName(index), council, settings: {} };
  const descriptor = buildDescriptor({ organisation, audience: "full", created: CREATED, threshold: 5 });
  fs.writeFileSync(path.join(dir, "datapackage.json"), `${JSON.stringify(descriptor, null, 2)}\n`);
  const counts = {} as Record<ResourceName, number>;
  for (const [name, rows] of organisationRows(index, size, seed)) {
    const def = resourceByName(name)!;
    const fd = fs.openSync(path.join(dir, `${name}.csv`), "w");
    try {
      fs.writeSync(fd, stringify([def.fields.map((f) => f.name)]));
      // A few thousand rows at a time: the file is never held whole.
      for (let i = 0; i < rows.length; i += 2000) {
        const records = rows
          .slice(i, i + 2000)
          .map((row) => def.fields.map((f) => formatCell(f, row[f.name])));
        fs.writeSync(fd, stringify(records));
      }
    } finally {
      fs.closeSync(fd);
    }
    counts[name] = rows.length;
  }
  return counts;
}

/** Every organisation's package under `root/<slug>/`; returns the directories and the total rows. */
export function writeNationalPackages(
  root: string,
  size: NationalSize,
  seed = 1,
): { dirs: { slug: string; dir: string }[]; rows: number } {
  const dirs: { slug: string; dir: string }[] = [];
  let rows = 0;
  for (let i = 0; i < size.organisations; i++) {
    const { slug } = municipalityName(i);
    const dir = path.join(root, slug);
    const counts = writeOrganisationPackage(dir, i, size, seed);
    rows += Object.values(counts).reduce((a, b) => a + b, 0);
    dirs.push({ slug, dir });
  }
  return { dirs, rows };
}
