// The hearing summary (høringsnotat) as data: the responses grouped by the goal
// or section they concern, with who said what (a private person's name only with
// their consent), counts per section and the administration's comment. The HTML
// page and the Word document are two renderings of this one model.

import { GENERAL_SECTION, goalLabel } from "../commands/hearings/sections.ts";
import { formatDanishDate } from "../domain/danishDate.ts";
import { hearingStateLabels, respondentKindLabels } from "../domain/labels.ts";
import type { HearingDetail } from "../queries/hearings/hearings.ts";
import type { ResponseView } from "../queries/hearings/responses.ts";

export interface SummaryEntry {
  responseId: string;
  from: string;
  kind: string;
  /** What the respondent said about this section. */
  said: string;
  comment: string;
}

export interface SummarySection {
  section: string;
  count: number;
  entries: SummaryEntry[];
}

export interface HearingSummary {
  title: string;
  policyTitle: string | null;
  period: string;
  state: string;
  invited: string[];
  responseCount: number;
  respondents: { from: string; kind: string; received: string; published: boolean }[];
  sections: SummarySection[];
}

/** Long texts are cut in the summary; the whole response is in the case file. */
export const MAX_SAID = 1500;

const cut = (text: string) => (text.length > MAX_SAID ? `${text.slice(0, MAX_SAID - 1).trimEnd()}…` : text);

function saidAbout(r: ResponseView, section: string): string {
  const position = r.positions.find((p) => p.section === section);
  if (position)
    return [position.position, position.quote ? `“${position.quote}”` : ""].filter(Boolean).join(": ");
  return cut((r.text ?? "").replace(/\s+/g, " ").trim());
}

export function buildHearingSummary(
  detail: HearingDetail,
  responses: readonly ResponseView[],
): HearingSummary {
  const { hearing } = detail;
  const order = detail.goals.map(goalLabel);
  const bySection = new Map<string, SummaryEntry[]>(order.map((s) => [s, []]));
  for (const r of responses) {
    const from = r.publicFrom;
    const sections = r.sections.length ? r.sections : [GENERAL_SECTION];
    for (const section of sections) {
      if (!bySection.has(section)) bySection.set(section, []);
      bySection.get(section)!.push({
        responseId: r.id,
        from,
        kind: respondentKindLabels[r.respondentKind],
        said: saidAbout(r, section),
        comment: r.administrationComment ?? "",
      });
    }
  }
  // The policy's goals in their order, then other sections as they came, general remarks last.
  const keys = [...bySection.keys()].sort((a, b) => rank(a) - rank(b));
  function rank(s: string) {
    if (s === GENERAL_SECTION) return Number.MAX_SAFE_INTEGER;
    const i = order.indexOf(s);
    return i >= 0 ? i : order.length + [...bySection.keys()].indexOf(s);
  }
  const period = [hearing.opensOn, hearing.closesOn].map((d) => (d ? formatDanishDate(d) : "–")).join(" – ");
  return {
    title: hearing.title,
    policyTitle: detail.policy?.title ?? null,
    period,
    state: hearingStateLabels[hearing.state as keyof typeof hearingStateLabels] ?? hearing.state,
    invited: hearing.invited,
    responseCount: responses.length,
    respondents: responses.map((r) => ({
      from: r.publicFrom,
      kind: respondentKindLabels[r.respondentKind],
      received: formatDanishDate(r.receivedAt.slice(0, 10)),
      published: r.published,
    })),
    sections: keys.map((section) => ({
      section,
      count: bySection.get(section)!.length,
      entries: bySection.get(section)!,
    })),
  };
}
