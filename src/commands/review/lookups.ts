// What accepting a batch of candidates needs to look up, each looked up once per
// batch: the organisation's administrations and committees by code, what each
// candidate of a document became, and the registry rows a new version may match.
import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "../../context.ts";
import {
  administrations,
  candidates,
  committees,
  goals,
  indicators,
  initiatives,
  policies,
  themes,
} from "../../db/schema.ts";
import { type EntityName, ruleProblem } from "../../domain/entities/index.ts";
import { sameText } from "./match.ts";
import { invalidFields } from "./problems.ts";

/** A registry row a candidate can be placed under. */
export interface Placement {
  entity: "policy" | "theme" | "goal" | "indicator" | "initiative";
  id: string;
  /** The policy the row belongs to (itself for a policy). */
  policyId: string;
}

const parentTables = {
  policy: policies,
  theme: themes,
  goal: goals,
  indicator: indicators,
  initiative: initiatives,
};

export class Lookups {
  private codes?: { administration: Map<string, string>; committee: Map<string, string> };
  private known = new Map<string, Map<string, { entity: string; state: string; id: string | null }>>();
  /** Rows written in this batch: nothing older can sit under them, so no match is looked for. */
  readonly created = new Set<string>();

  constructor(private readonly ctx: Context) {}

  private made: { initiativeId: string; field: string }[] = [];

  /** An initiative made for an orphan line, whose name came from the line's `field`. */
  noteMade(initiativeId: string, field: string) {
    this.made.push({ initiativeId, field });
  }

  /** The initiatives made since last asked. */
  takeMade() {
    const made = this.made;
    this.made = [];
    return made;
  }

  private async loadCodes() {
    if (!this.codes) {
      const org = this.ctx.organisationId;
      const [a, c] = await Promise.all([
        this.ctx.db.select().from(administrations).where(eq(administrations.organisationId, org)),
        this.ctx.db.select().from(committees).where(eq(committees.organisationId, org)),
      ]);
      this.codes = {
        administration: new Map(a.map((r) => [r.code, r.id])),
        committee: new Map(c.map((r) => [r.code, r.id])),
      };
    }
    return this.codes;
  }

  /** The id of the administration or committee with that code; an unknown code is the field's error. */
  async unit(kind: "administration" | "committee", code: string | null, entity: EntityName, field: string) {
    if (!code) return null;
    const id = (await this.loadCodes())[kind].get(code);
    if (id) {
      // Read from the organisation's own table: the commands need not check it again.
      this.ctx.known?.add(id);
      return id;
    }
    const rule = kind === "administration" ? "unknown_administration" : "unknown_committee";
    throw invalidFields([ruleProblem(entity, field, rule, "en")], [ruleProblem(entity, field, rule, "da")]);
  }

  private async candidatesOf(documentId: string) {
    let rows = this.known.get(documentId);
    if (!rows) {
      const found = await this.ctx.db
        .select({
          key: candidates.key,
          entity: candidates.entity,
          state: candidates.state,
          id: candidates.acceptedEntityId,
        })
        .from(candidates)
        .where(eq(candidates.documentId, documentId));
      rows = new Map(found.map((r) => [r.key, { entity: r.entity, state: r.state, id: r.id }]));
      this.known.set(documentId, rows);
    }
    return rows;
  }

  /** What the candidate with `key` in that document is: its kind, state and, once accepted, its entity. */
  async candidate(documentId: string, key: string | null | undefined) {
    if (!key) return null;
    return (
      this.acceptedNow.get(`${documentId}/${key}`) ?? (await this.candidatesOf(documentId)).get(key) ?? null
    );
  }

  /** Candidates accepted in this batch (the table says so only once the batch is done). */
  private acceptedNow = new Map<string, { entity: string; state: string; id: string | null }>();

  /** Tells later lookups in this batch that `key` is now accepted as `id`. */
  noteAccepted(documentId: string, key: string, entity: string, id: string | null) {
    this.acceptedNow.set(`${documentId}/${key}`, { entity, state: "accepted", id });
  }

  /** The row with this id, if it is one of `kinds` in this organisation. */
  async placement(id: string, kinds: readonly Placement["entity"][]): Promise<Placement | null> {
    for (const entity of kinds) {
      const table = parentTables[entity];
      const cols =
        entity === "policy"
          ? { id: policies.id, policyId: policies.id }
          : entity === "indicator"
            ? { id: indicators.id, policyId: goals.policyId }
            : { id: table.id, policyId: (table as typeof themes).policyId };
      const query = this.ctx.db.select(cols).from(table);
      const joined = entity === "indicator" ? query.innerJoin(goals, eq(goals.id, indicators.goalId)) : query;
      const [row] = await joined.where(
        and(eq(table.id, id), eq(table.organisationId, this.ctx.organisationId)),
      );
      if (row) return { entity, id: row.id, policyId: row.policyId };
    }
    return null;
  }

  /** The accepted entities of several candidate keys of a document (an initiative's goals). */
  async acceptedIds(documentId: string, keys: readonly string[], entity: string): Promise<string[]> {
    const rows = await this.candidatesOf(documentId);
    return keys
      .map((k) => this.acceptedNow.get(`${documentId}/${k}`) ?? rows.get(k))
      .filter((r) => r?.state === "accepted" && r.entity === entity && r.id)
      .map((r) => r!.id!);
  }

  private policyRows?: { id: string; title: string; status: string; ownerAdministrationId: string | null }[];

  private async allPolicies() {
    this.policyRows ??= await this.ctx.db
      .select({
        id: policies.id,
        title: policies.title,
        status: policies.status,
        ownerAdministrationId: policies.ownerAdministrationId,
      })
      .from(policies)
      .where(eq(policies.organisationId, this.ctx.organisationId));
    return this.policyRows;
  }

  /** The policy (not archived) with this title, where a document names the policy a plan belongs to. */
  async policyTitled(title: string | null): Promise<string | null> {
    if (!title) return null;
    const found = (await this.allPolicies()).find((p) => p.status !== "archived" && sameText(p.title, title));
    return found?.id ?? null;
  }

  /** The administration that owns a policy (an initiative made for an orphan line goes there). */
  async ownerOf(policyId: string): Promise<string | null> {
    const known = (await this.allPolicies()).find((p) => p.id === policyId);
    if (known) return known.ownerAdministrationId;
    const [row] = await this.ctx.db
      .select({ owner: policies.ownerAdministrationId })
      .from(policies)
      .where(eq(policies.id, policyId));
    return row?.owner ?? null;
  }

  private own = new Map<string, { id: string; title: string }[]>();

  /**
   * The policy's initiative titled `title`: an existing one, or the one `make`
   * creates (once per batch, so the lines that bear the name share it).
   */
  async ownInitiative(policy: Placement, title: string, make: () => Promise<string>): Promise<string> {
    const found = await this.existingOwnInitiative(policy, title);
    if (found) return found;
    const id = await make();
    this.own.get(policy.policyId)!.push({ id, title });
    return id;
  }

  /** The policy's initiative titled `title`, if there is one (a new version's line then updates its own). */
  async existingOwnInitiative(policy: Placement, title: string): Promise<string | null> {
    let rows = this.own.get(policy.policyId);
    if (!rows) {
      rows = await this.ctx.db
        .select({ id: initiatives.id, title: initiatives.title })
        .from(initiatives)
        .where(
          and(
            eq(initiatives.policyId, policy.policyId),
            eq(initiatives.organisationId, this.ctx.organisationId),
          ),
        );
      this.own.set(policy.policyId, rows);
    }
    return rows.find((r) => sameText(r.title, title))?.id ?? null;
  }

  /** The policy each of these goals belongs to. */
  async goalPolicies(goalIds: string[]): Promise<Map<string, string>> {
    if (!goalIds.length) return new Map();
    const rows = await this.ctx.db
      .select({ id: goals.id, policyId: goals.policyId })
      .from(goals)
      .where(and(inArray(goals.id, goalIds), eq(goals.organisationId, this.ctx.organisationId)));
    return new Map(rows.map((r) => [r.id, r.policyId]));
  }
}
