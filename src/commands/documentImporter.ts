// Imports one document: reads it, recognizes candidates and stores both in one
// transaction. The same bytes again change nothing; a new version of a policy
// already in the registry is reported as a diff and left for review unless
// `replace` is given (the old version is then archived, never deleted).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, ne } from "drizzle-orm";
import { authorize } from "../authz/can.ts";
import { type Context, inTransaction } from "../context.ts";
import type { Executor } from "../db/client.ts";
import {
  administrations,
  candidates,
  committees,
  documents,
  goals,
  initiatives,
  policies,
  themes,
} from "../db/schema.ts";
import { needsPlace } from "../domain/entities/index.ts";
import { entityTitle } from "../domain/entities/labels.ts";
import { AppError } from "../errors.ts";
import { type Analysis, analyzeDocument } from "../ingest/pipeline.ts";
import { isReadError, type ReadOptions } from "../ingest/read.ts";
import { recordAudit } from "./audit.ts";
import { candidateReviewer } from "./candidateReviewer.ts";

export interface ImportInput {
  bytes: Uint8Array;
  filename: string;
  acceptAll?: boolean;
  /** Accept a new version of an existing policy, archiving the old one. */
  replace?: boolean;
  /** Where to keep the uploaded bytes (under a random name); omitted = not kept. */
  storeDir?: string;
  limits?: ReadOptions;
}

export interface PolicyDiff {
  policyId: string;
  title: string;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ImportSummary {
  status: "imported" | "unchanged";
  documentId: string;
  filename: string;
  kind: string;
  counts: Record<string, number>;
  warnings: { code: string; message: string }[];
  diffs: PolicyDiff[];
  accepted: number;
  pending: number;
  /** Candidates waiting in the queue that need the reviewer to choose where they go. */
  needsPlace: { id: string; entity: string; label: string }[];
}

export async function documentImporter(ctx: Context, input: ImportInput): Promise<ImportSummary> {
  authorize(ctx.actor, "create", { entity: "registry" });
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const [existing] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.organisationId, ctx.organisationId), eq(documents.sha256, sha256)));
  if (existing) {
    const rows = await candidatesOf(ctx.db, existing.id);
    return {
      status: "unchanged",
      documentId: existing.id,
      filename: input.filename,
      kind: existing.kind ?? "unknown",
      counts: countBy(rows.map((r) => r.entity)),
      warnings: [],
      diffs: [],
      accepted: rows.filter((r) => r.state === "accepted").length,
      pending: rows.filter((r) => r.state === "pending").length,
      needsPlace: placesToChoose(rows),
    };
  }

  let analysis: Analysis;
  try {
    // The text is read for this organisation's own administrations and committees.
    const [adminRows, committeeRows] = await Promise.all([
      ctx.db
        .select({ code: administrations.code, name: administrations.name })
        .from(administrations)
        .where(eq(administrations.organisationId, ctx.organisationId)),
      ctx.db
        .select({ code: committees.code, name: committees.name })
        .from(committees)
        .where(eq(committees.organisationId, ctx.organisationId)),
    ]);
    analysis = await analyzeDocument(input.bytes, input.limits ?? {}, {
      administrations: adminRows,
      committees: committeeRows,
    });
  } catch (error) {
    if (isReadError(error))
      throw new AppError(
        error.code === "file_too_large" ? "too_large" : "bad_document",
        `${input.filename}: ${error.message}`,
        { cause: error },
      );
    throw error;
  }
  const recognized = analysis.candidates.filter((c) => c.entity !== "document");
  if (recognized.length === 0)
    throw new AppError(
      "bad_document",
      `${input.filename}: nothing was recognized in this document (no policy, goals, initiatives, inquiry or hearing response). It was not imported.`,
      {
        danish:
          "Der blev ikke genkendt noget i dokumentet (ingen politik, mål, initiativer, spørgsmål eller høringssvar). Det er ikke importeret.",
      },
    );

  let storagePath: string | null = null;
  if (input.storeDir) {
    fs.mkdirSync(input.storeDir, { recursive: true });
    storagePath = randomUUID();
    fs.writeFileSync(path.join(input.storeDir, storagePath), input.bytes, { flag: "wx" });
  }

  try {
    return await inTransaction(ctx, async (tx) => {
      const docFields = analysis.candidates.find((c) => c.entity === "document")?.fields ?? {};
      const [doc] = await tx.db
        .insert(documents)
        .values({
          organisationId: tx.organisationId,
          filename: path.basename(input.filename),
          mediaType: analysis.raw.mediaType,
          sha256,
          size: input.bytes.length,
          kind: analysis.extraction.documentKind,
          title: typeof docFields.title === "string" ? docFields.title : (analysis.raw.metadataTitle ?? null),
          text: analysis.text,
          storagePath,
        })
        .returning({ id: documents.id });
      const documentId = doc!.id;
      const inserted = await tx.db
        .insert(candidates)
        .values(
          analysis.candidates.map((c) => ({
            organisationId: tx.organisationId,
            documentId,
            key: c.key,
            entity: c.entity,
            parentKey: c.parentKey ?? null,
            refs: c.refs ?? {},
            fields: c.fields,
            confidence: Math.min(1, Math.max(0, c.confidence)),
            evidence: c.evidence,
          })),
        )
        .returning({
          id: candidates.id,
          key: candidates.key,
          entity: candidates.entity,
          parentKey: candidates.parentKey,
          state: candidates.state,
          fields: candidates.fields,
        });

      const diffs = await diffAgainstRegistry(tx, analysis);
      await recordAudit(tx, {
        action: "document.import",
        entity: "document",
        entityId: documentId,
        after: {
          filename: input.filename,
          sha256,
          kind: analysis.extraction.documentKind,
          candidates: inserted.length,
        },
      });

      let accepted = 0;
      if (input.acceptAll) {
        // A new version of an existing policy waits for review unless replace was asked for.
        const held = new Set(input.replace ? [] : diffs.map((d) => d.title));
        const heldKeys = new Set(
          analysis.candidates
            .filter((c) => c.entity === "policy" && held.has(String(c.fields.title)))
            .map((c) => c.key),
        );
        const ids = inserted
          .filter(
            (c) => ![...heldKeys].some((k) => c.key === k || c.key.startsWith(`${k}/`) || c.parentKey === k),
          )
          .map((c) => c.id);
        if (input.replace) await archiveReplaced(tx, diffs);
        if (ids.length)
          accepted = (await candidateReviewer(tx, { action: "accept", ids, documentId })).accepted;
      }
      const needsPlace = input.acceptAll
        ? placesToChoose(await candidatesOf(tx.db, documentId))
        : placesToChoose(inserted);
      return {
        status: "imported" as const,
        documentId,
        filename: input.filename,
        kind: analysis.extraction.documentKind,
        counts: countBy(analysis.candidates.map((c) => c.entity)),
        warnings: analysis.extraction.warnings.map((w) => ({ code: w.code, message: w.message })),
        diffs,
        accepted,
        pending: inserted.length - accepted,
        needsPlace,
      };
    });
  } catch (error) {
    if (storagePath && input.storeDir) fs.rmSync(path.join(input.storeDir, storagePath), { force: true });
    throw error;
  }
}

/** The pending candidates of one document that cannot find their place by themselves. */
function placesToChoose(
  rows: {
    id: string;
    key: string;
    parentKey: string | null;
    entity: string;
    state: string;
    fields: Record<string, unknown>;
  }[],
) {
  const states = new Map(rows.map((r) => [r.key, r.state]));
  return rows
    .filter(
      (r) =>
        r.state === "pending" &&
        needsPlace(r.entity, r.parentKey, r.parentKey ? states.get(r.parentKey) : null),
    )
    .map((r) => ({ id: r.id, entity: r.entity, label: entityTitle(r.fields, 120) }));
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const norm = (s: unknown) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** For each recognized policy already in the registry (same title, not archived): what would change. */
async function diffAgainstRegistry(ctx: Context, analysis: Analysis): Promise<PolicyDiff[]> {
  const diffs: PolicyDiff[] = [];
  for (const c of analysis.candidates.filter((x) => x.entity === "policy")) {
    const [old] = await ctx.db
      .select()
      .from(policies)
      .where(
        and(
          eq(policies.organisationId, ctx.organisationId),
          eq(policies.title, String(c.fields.title ?? "")),
          ne(policies.status, "archived"),
        ),
      );
    if (!old) continue;
    const inside = (x: { key: string }) => x.key.startsWith(`${c.key}/`);
    const newItems = new Map<string, string>();
    for (const x of analysis.candidates.filter(inside)) {
      if (x.entity === "theme") newItems.set(`Tema ${x.fields.number}`, norm(x.fields.title));
      if (x.entity === "goal")
        newItems.set(`Mål ${x.fields.number ?? norm(x.fields.text)}`, norm(x.fields.text));
      if (x.entity === "initiative") newItems.set(`Initiativ: ${x.fields.title}`, norm(x.fields.description));
    }
    const oldItems = new Map<string, string>();
    const [t, g, i] = await Promise.all([
      ctx.db.select().from(themes).where(eq(themes.policyId, old.id)),
      ctx.db.select().from(goals).where(eq(goals.policyId, old.id)),
      ctx.db.select().from(initiatives).where(eq(initiatives.policyId, old.id)),
    ]);
    for (const x of t) oldItems.set(`Tema ${x.number}`, norm(x.title));
    for (const x of g) oldItems.set(`Mål ${x.number ?? norm(x.text)}`, norm(x.text));
    for (const x of i) oldItems.set(`Initiativ: ${x.title}`, norm(x.description));
    const added = [...newItems.keys()].filter((k) => !oldItems.has(k));
    const removed = [...oldItems.keys()].filter((k) => !newItems.has(k));
    const changed = [...newItems.keys()].filter(
      (k) => oldItems.has(k) && oldItems.get(k) !== newItems.get(k),
    );
    const periodChanged =
      old.periodStart !== (c.fields.period_start ?? null) || old.periodEnd !== (c.fields.period_end ?? null);
    if (periodChanged)
      changed.unshift(
        `Periode: ${old.periodStart}–${old.periodEnd} → ${c.fields.period_start}–${c.fields.period_end}`,
      );
    diffs.push({ policyId: old.id, title: old.title, added, removed, changed });
  }
  return diffs;
}

async function archiveReplaced(ctx: Context, diffs: PolicyDiff[]) {
  for (const d of diffs) {
    await ctx.db.update(policies).set({ status: "archived" }).where(eq(policies.id, d.policyId));
    await recordAudit(ctx, {
      action: "policy.archive",
      entity: "policy",
      entityId: d.policyId,
      after: { reason: "replaced by a new version" },
    });
  }
}

/** A document's candidates with what the import summary and the places to choose need. */
function candidatesOf(db: Executor, documentId: string) {
  return db
    .select({
      id: candidates.id,
      key: candidates.key,
      parentKey: candidates.parentKey,
      entity: candidates.entity,
      state: candidates.state,
      fields: candidates.fields,
    })
    .from(candidates)
    .where(eq(candidates.documentId, documentId));
}
