// How the CLI prints import summaries and the review queue.
import type { ImportSummary } from "./commands/documentImporter.ts";
import type { reviewQueuePage } from "./queries/candidates.ts";

export function printImportSummary(s: ImportSummary) {
  if (s.status === "unchanged") {
    console.log(`${s.filename}: already imported (same content); nothing changed.`);
    return;
  }
  const counts = Object.entries(s.counts)
    .map(([entity, n]) => `${n} ${entity}`)
    .join(", ");
  console.log(
    `${s.filename}: ${s.kind}; ${counts}. Accepted ${s.accepted}, waiting for review ${s.pending}.`,
  );
  for (const w of s.warnings) console.log(`  warning (${w.code}): ${w.message}`);
  if (s.needsPlace.length)
    console.log(`  ${s.needsPlace.length} need a place chosen (review accept --id ID --parent ROW-ID):`);
  for (const c of s.needsPlace) console.log(`    ${c.id} ${c.entity.replace(/_/g, " ")}: ${c.label}`);
  for (const d of s.diffs) {
    console.log(
      `  new version of "${d.title}": ${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed`,
    );
    for (const a of d.added) console.log(`    + ${a}`);
    for (const c of d.changed) console.log(`    ~ ${c}`);
    for (const r of d.removed) console.log(`    - ${r}`);
  }
}

export function printCandidates(rows: Awaited<ReturnType<typeof reviewQueuePage>>["rows"], total: number) {
  if (rows.length === 0) {
    console.log("The review queue is empty.");
    return;
  }
  for (const r of rows) {
    const title = String(r.fields.title ?? r.fields.text ?? r.fields.metric ?? r.fields.label ?? "").slice(
      0,
      90,
    );
    const quote = r.evidence[0]?.quote.replace(/\s+/g, " ").slice(0, 100) ?? "";
    console.log(`${r.id}  ${r.entity.padEnd(16)} ${r.confidence.toFixed(2)}  ${title}`);
    if (quote) console.log(`    “${quote}” (${r.filename})`);
    if (r.needsPlace) console.log("    needs a place: accept it with --parent ROW-ID");
  }
  console.log(
    `${total} candidate(s) waiting for review${total > rows.length ? `, ${rows.length} shown` : ""}.`,
  );
}
