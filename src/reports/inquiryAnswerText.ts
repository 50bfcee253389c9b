// The draft answer to a council member's question, as Danish text the
// coordinator edits before approving it.
import { equalityGroundLabels, fundingStatusLabels } from "../domain/labels.ts";
import { formatDkk, formatFte } from "../domain/money.ts";
import { spanLabel } from "../domain/moneyPeriods.ts";
import type { DraftTotal, InquiryDraft, LeftOutGroup } from "../queries/inquiries/draft.ts";

/** "2020", or "hele perioden 2011–2014" for a whole-period sum. */
export function totalLabel(t: DraftTotal): string {
  if (t.year !== null) return String(t.year);
  const span = spanLabel(t.periodStart ?? null, t.periodEnd ?? null);
  return span === "uden periode" ? "hele perioden" : `hele perioden ${span}`;
}

/** "500.000 kr. og 0,75 årsværk"; what is not registered is said, never written as 0. */
export function totalMoney(t: { amountDkk: number | null; fte: number | null }): string {
  const kr = t.amountDkk === null ? "kroner ikke registreret" : formatDkk(t.amountDkk);
  return t.fte === null ? `${kr} (årsværk ikke registreret)` : `${kr} og ${formatFte(t.fte)}`;
}

/** 2019–2022 for consecutive years, else "2019, 2021". */
export function yearsLabel(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  if (sorted.length > 1 && consecutive) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return sorted.join(", ");
}

const reasonText: Record<LeftOutGroup["reason"], string> = {
  outside_years: "politikkens periode ligger uden for de spurgte år",
  no_period: "der er ikke registreret nogen periode",
  archived: "politikken er arkiveret",
};

export function leftOutLines(draft: Pick<InquiryDraft, "leftOut">): string[] {
  return (draft.leftOut ?? []).map((g) => {
    const period =
      g.periodStart !== null || g.periodEnd !== null ? ` (${spanLabel(g.periodStart, g.periodEnd)})` : "";
    const n = g.count === 1 ? "1 initiativ" : `${g.count} initiativer`;
    return `- ${n} under ${g.policyTitle}${period}: ${reasonText[g.reason]}.`;
  });
}

export function inquiryAnswerText(draft: InquiryDraft): string {
  const grounds = draft.scope.equalityGrounds.map((g) => equalityGroundLabels[g].toLowerCase());
  const about = grounds.length ? ` om ${grounds.join(", ")}` : "";
  const when = draft.scope.years.length ? ` i ${yearsLabel(draft.scope.years)}` : "";
  const out: string[] = [];
  const left = leftOutLines(draft);
  if (draft.initiativeCount === 0) {
    out.push(`Der er ikke registreret konkrete initiativer${about}${when} i de valgte forvaltninger.`);
  } else {
    out.push(`Forvaltningerne har registreret ${draft.initiativeCount} konkrete initiativer${about}${when}.`);
    for (const a of draft.administrations) {
      out.push("", `${a.name} (${a.code}): ${a.initiatives.length} initiativer.`);
      for (const i of a.initiatives)
        out.push(
          `- ${i.title} (${i.policyTitle}; ${fundingStatusLabels[i.fundingStatus as keyof typeof fundingStatusLabels] ?? i.fundingStatus})`,
        );
      if (a.totalsByYear.length) {
        out.push("Registrerede midler:");
        for (const t of a.totalsByYear) out.push(`- ${totalLabel(t)}: ${totalMoney(t)}`);
      }
      if (a.withoutBudget)
        out.push(`${a.withoutBudget} af ${a.initiatives.length} initiativer har ingen registreret økonomi.`);
    }
    out.push(
      "",
      `I alt har ${draft.withoutBudget} af ${draft.initiativeCount} initiativer ingen registreret økonomi; for dem kan forbruget ikke opgøres i kroner og årsværk ud fra registret.`,
    );
  }
  if (left.length) out.push("", "Ikke medtaget:", ...left);
  if (draft.policies.length)
    out.push(
      "",
      `Kilder: ${draft.policies.map((p) => `${p.title}${p.periodStart ? ` (${p.periodStart}–${p.periodEnd ?? ""})` : ""}`).join("; ")}.`,
    );
  return out.join("\n");
}
