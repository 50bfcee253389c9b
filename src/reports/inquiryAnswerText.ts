// The draft answer to a council member's question, as Danish text the
// coordinator edits before approving it.
import { equalityGroundLabels, fundingStatusLabels } from "../domain/labels.ts";
import { formatDkk, formatFte } from "../domain/money.ts";
import type { InquiryDraft } from "../queries/inquiryDraft.ts";

const yearLabel = (year: number | null) => (year === null ? "hele perioden" : String(year));

export function inquiryAnswerText(draft: InquiryDraft): string {
  const grounds = draft.scope.equalityGrounds.map((g) => equalityGroundLabels[g].toLowerCase());
  const out: string[] = [];
  if (draft.initiativeCount === 0) {
    out.push(
      `Der er ikke registreret konkrete initiativer${grounds.length ? ` om ${grounds.join(", ")}` : ""} i de valgte forvaltninger.`,
    );
    return out.join("\n");
  }
  out.push(
    `Forvaltningerne har registreret ${draft.initiativeCount} konkrete initiativer${grounds.length ? ` om ${grounds.join(", ")}` : ""}.`,
  );
  for (const a of draft.administrations) {
    out.push("", `${a.name} (${a.code}): ${a.initiatives.length} initiativer.`);
    for (const i of a.initiatives)
      out.push(
        `- ${i.title} (${i.policyTitle}; ${fundingStatusLabels[i.fundingStatus as keyof typeof fundingStatusLabels] ?? i.fundingStatus})`,
      );
    if (a.totalsByYear.length) {
      out.push("Registrerede midler:");
      for (const t of a.totalsByYear)
        out.push(
          `- ${yearLabel(t.year)}: ${formatDkk(t.amountDkk)}${t.fte ? ` og ${formatFte(t.fte)}` : ""}`,
        );
    }
    if (a.withoutBudget)
      out.push(`${a.withoutBudget} af ${a.initiatives.length} initiativer har ingen registreret økonomi.`);
  }
  out.push(
    "",
    `I alt har ${draft.withoutBudget} af ${draft.initiativeCount} initiativer ingen registreret økonomi; for dem kan forbruget ikke opgøres i kroner og årsværk ud fra registret.`,
    "",
    `Kilder: ${draft.policies.map((p) => `${p.title}${p.periodStart ? ` (${p.periodStart}–${p.periodEnd ?? ""})` : ""}`).join("; ")}.`,
  );
  return out.join("\n");
}
