// Accepting a candidate: its fields (with the reviewer's edits) are checked by
// the entity's schema, it is placed under its accepted parent or where the
// reviewer chose, and it is written through the registry's own commands: as a
// new row, or, when it is a new version of a row already in the registry, as an
// update of that row (same id, history and round answers). Its evidence becomes
// the row's provenance, pointing at the document it was read from.
import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { documents, provenance } from "../../db/schema.ts";
import {
  type EntityFields,
  type EntityName,
  isEntityName,
  parseEntity,
  ruleProblem,
} from "../../domain/entities/index.ts";
import { AppError } from "../../errors.ts";
import { documentUpdater } from "../documentUpdater.ts";
import { loadForUpdate } from "../versioned.ts";
import { annualTargetWriter, budgetLineWriter, initiativeWriter } from "./initiativeWriters.ts";
import { hearingResponseWriter, inquiryWriter } from "./letterWriters.ts";
import { Lookups, type Placement } from "./lookups.ts";
import { Matcher } from "./match.ts";
import { placementProblem } from "./placementProblem.ts";
import {
  goalWriter,
  indicatorWriter,
  observationWriter,
  policyWriter,
  themeWriter,
} from "./policyWriters.ts";
import { invalidFields } from "./problems.ts";
import { type AnyRow, type CandidateRow, changedValues, type EntityWriter } from "./writer.ts";

type RegistryEntity = Exclude<EntityName, "document">;

const writers: { [E in RegistryEntity]: EntityWriter<E> } = {
  policy: policyWriter,
  theme: themeWriter,
  goal: goalWriter,
  indicator: indicatorWriter,
  observation: observationWriter,
  initiative: initiativeWriter,
  budget_line: budgetLineWriter,
  annual_target: annualTargetWriter,
  inquiry: inquiryWriter,
  hearing_response: hearingResponseWriter,
};

/** The writer of a registry entity's candidates, or null for a document or an unknown kind. */
export function writerOf(entity: string): EntityWriter<RegistryEntity> | null {
  return isEntityName(entity) && entity !== "document"
    ? (writers[entity] as EntityWriter<RegistryEntity>)
    : null;
}

/** Parents before children: the order a document's candidates are accepted in. */
export const entityDepth: Record<string, number> = {
  document: 0,
  inquiry: 0,
  hearing_response: 0,
  policy: 1,
  theme: 2,
  goal: 3,
  initiative: 3,
  indicator: 4,
  budget_line: 4,
  annual_target: 4,
  observation: 5,
};

/** What a reviewer may decide for one candidate besides its fields. */
export interface AcceptChoice {
  fields?: Record<string, unknown>;
  /** Where to place it: a row of the kind its parent would be (a policy makes a line its own initiative). */
  parentId?: string;
  /** "new": create it even if it looks like an existing row; an id: the row it is a new version of. */
  target?: string;
}

export interface Accepted {
  entityId: string | null;
  fields: Record<string, unknown>;
  /** An existing row was brought up to date rather than a new one made. */
  updated: boolean;
}

type Evidence = CandidateRow["evidence"][number];

export class Acceptor {
  private readonly lookups: Lookups;
  private readonly matcher: Matcher;
  private readonly placements = new Map<string, Placement>();
  private readonly pending: (typeof provenance.$inferInsert)[] = [];
  private readonly superseded = new Set<string>();
  private readonly linkedDocuments = new Set<string>();

  constructor(private readonly ctx: Context) {
    this.lookups = new Lookups(ctx);
    this.matcher = new Matcher(ctx);
  }

  async accept(row: CandidateRow, choice: AcceptChoice = {}): Promise<Accepted> {
    const ctx = this.ctx;
    const fields = choice.fields ? { ...row.fields, ...choice.fields } : row.fields;
    const entity = row.entity;
    if (!isEntityName(entity))
      throw new AppError("validation_failed", `Unknown candidate entity "${entity}".`);
    const value = checkFields(entity, fields);
    if (entity === "document") {
      await this.describeDocument(ctx, row.documentId, value as EntityFields<"document">);
      return { entityId: row.documentId, fields, updated: false };
    }
    const writer = writers[entity] as EntityWriter<RegistryEntity>;
    const parent = await this.placementOf(row, writer, choice.parentId);
    const env = { ctx, candidate: row, parent, lookups: this.lookups, matcher: this.matcher };
    let existing: AnyRow | null = null;
    if (choice.target && choice.target !== "new") {
      existing = (await loadForUpdate(ctx, writer.table, choice.target, "The entry to update").catch(() => {
        throw invalidFields(
          [ruleProblem(entity, "target", "unknown_target", "en")],
          [ruleProblem(entity, "target", "unknown_target", "da")],
        );
      })) as AnyRow;
      this.matcher.claim(existing.id);
    } else if (choice.target !== "new" && !(parent && this.lookups.created.has(parent.id))) {
      existing = await writer.match(env, value as never);
    }
    let id: string;
    if (existing) {
      await writer.update(env, existing, value as never);
      id = existing.id;
      this.superseded.add(id);
      await this.linkVersions(ctx, row.documentId, existing);
    } else {
      id = await writer.create(env, value as never);
      this.lookups.created.add(id);
    }
    this.placements.set(id, {
      entity: entity as Placement["entity"],
      id,
      policyId: entity === "policy" ? id : (parent?.policyId ?? id),
    });
    this.queueProvenance(row, entity, id, row.evidence);
    for (const made of this.lookups.takeMade())
      this.queueProvenance(
        row,
        "initiative",
        made.initiativeId,
        row.evidence.filter((e) => e.field === made.field),
        "title",
      );
    this.lookups.noteAccepted(row.documentId, row.key, entity, id);
    return { entityId: id, fields, updated: existing !== null };
  }

  /**
   * What accepting the candidate as it stands would do, without writing: the
   * registry row it would update (null: it would be created) and where it would
   * be placed (null: its place is not known yet, or it needs none).
   */
  async preview(row: CandidateRow): Promise<{ match: AnyRow | null; parent: Placement | null } | null> {
    const entity = row.entity;
    if (!isEntityName(entity) || entity === "document") return null;
    const writer = writers[entity] as EntityWriter<RegistryEntity>;
    const parsed = parseEntity(entity, row.fields, "en");
    let parent: Placement | null = null;
    try {
      parent = await this.placementOf(row, writer);
    } catch {
      // An orphan: its place is chosen on the same page, so nothing is matched yet.
      return { match: null, parent: null };
    }
    if (!parsed.ok) return { match: null, parent };
    const env = { ctx: this.ctx, candidate: row, parent, lookups: this.lookups, matcher: this.matcher };
    return { match: await writer.match(env, parsed.value as never), parent };
  }

  /** Where a candidate goes: the reviewer's choice, else its accepted parent candidate. */
  private async placementOf(row: CandidateRow, writer: EntityWriter<RegistryEntity>, parentId?: string) {
    if (writer.parents.length === 0) return null;
    const entity = row.entity as RegistryEntity;
    if (parentId) {
      const chosen =
        this.placements.get(parentId) ?? (await this.lookups.placement(parentId, writer.parents));
      if (!chosen || !writer.parents.includes(chosen.entity))
        throw invalidFields(
          [ruleProblem(entity, "parent", "unknown_parent", "en")],
          [ruleProblem(entity, "parent", "unknown_parent", "da")],
        );
      return chosen;
    }
    const parent = await this.lookups.candidate(row.documentId, row.parentKey);
    if (
      parent?.state === "accepted" &&
      parent.id &&
      writer.parents.includes(parent.entity as Placement["entity"])
    ) {
      const known =
        this.placements.get(parent.id) ??
        (await this.lookups.placement(parent.id, [parent.entity as Placement["entity"]]));
      if (known) return known;
    }
    // A policy may stand alone; anything else needs its parent first, or a place chosen.
    if (entity === "policy") return null;
    throw placementProblem(row, parent);
  }

  private async describeDocument(ctx: Context, documentId: string, v: EntityFields<"document">) {
    const [doc] = await ctx.db.select().from(documents).where(eq(documents.id, documentId));
    const changes = changedValues(doc!, {
      title: v.title,
      kind: v.kind,
      caseNumber: v.case_number,
      documentNumber: v.document_number,
      dated: v.dated,
    });
    if (Object.keys(changes).length)
      await documentUpdater(ctx, { id: documentId, version: doc!.version, ...changes });
  }

  /** A new version of a policy, inquiry or response: its document replaces the one the row came from. */
  private async linkVersions(ctx: Context, documentId: string, existing: AnyRow) {
    const previous = existing.documentId;
    if (typeof previous !== "string" || previous === documentId || this.linkedDocuments.has(documentId))
      return;
    this.linkedDocuments.add(documentId);
    const [doc] = await ctx.db.select().from(documents).where(eq(documents.id, documentId));
    if (doc && !doc.previousVersionId)
      await documentUpdater(ctx, { id: documentId, version: doc.version, previousVersionId: previous });
  }

  private queueProvenance(
    row: CandidateRow,
    entity: string,
    entityId: string,
    evidence: Evidence[],
    asField?: string,
  ) {
    for (const e of evidence)
      this.pending.push({
        organisationId: this.ctx.organisationId,
        entity,
        entityId,
        field: asField ?? e.field,
        documentId: row.documentId,
        start: e.start,
        end: e.end,
        page: e.page ?? null,
        quote: e.quote,
      });
  }

  /**
   * Writes the queued provenance. A row that a new version updated is now
   * sourced from the new document: its old provenance goes.
   */
  async flush() {
    const ctx = this.ctx;
    const superseded = [...this.superseded];
    for (let i = 0; i < superseded.length; i += 500)
      await ctx.db
        .delete(provenance)
        .where(
          and(
            eq(provenance.organisationId, ctx.organisationId),
            inArray(provenance.entityId, superseded.slice(i, i + 500)),
          ),
        );
    for (let i = 0; i < this.pending.length; i += 500)
      await ctx.db.insert(provenance).values(this.pending.slice(i, i + 500));
    this.pending.length = 0;
    this.superseded.clear();
  }
}

/** The candidate's fields as its entity's schema reads them, or the fields' errors in both languages. */
function checkFields(entity: EntityName, fields: Record<string, unknown>) {
  const english = parseEntity(entity, fields, "en");
  if (english.ok) return english.value;
  const danish = parseEntity(entity, fields, "da");
  throw invalidFields(english.issues, danish.ok ? [] : danish.issues);
}
