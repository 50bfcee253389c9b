// What kind of document this is: a letter (answer to a council member, hearing response), one
// or more policies and action plans, committee action plans, or a status report section.
import type { DocumentKind } from "../types.ts";
import { type CommitteePlan, findCommitteePlans } from "./committees.ts";
import type { Doc } from "./doc.ts";
import { hearingScore } from "./hearing.ts";
import { inquiryScore } from "./inquiry.ts";
import { findSegments, type Segment } from "./segments.ts";
import { statusReportScore } from "./status-report.ts";

export interface Classification {
  kind: DocumentKind;
  segments: Segment[];
  plans: CommitteePlan[];
}

export function classify(doc: Doc): Classification {
  const none = { segments: [], plans: [] };
  if (doc.blocks.length === 0) return { kind: "unknown", ...none };
  // Letters first: they name policies too, but are not policies.
  const short = doc.text.length < 30_000;
  if (short && hearingScore(doc) >= 3) return { kind: "hearing_response", ...none };
  if (short && inquiryScore(doc) >= 4) return { kind: "inquiry_answer", ...none };
  const plans = findCommitteePlans(doc);
  if (plans.length >= 2) return { kind: "committee_action_plan", segments: [], plans };
  const segments = findSegments(doc);
  if (segments.length > 0) return { kind: segments[0]!.kind, segments, plans: [] };
  if (short && statusReportScore(doc) >= 3) return { kind: "status_report", ...none };
  return { kind: "unknown", ...none };
}
