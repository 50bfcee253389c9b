// The registry's editor kinds by URL segment.
import type { EditorKind } from "../kind.ts";
import { annualTargetKind } from "./annualTarget.tsx";
import { budgetLineKind } from "./budgetLine.tsx";
import { goalKind } from "./goal.tsx";
import { indicatorKind } from "./indicator.tsx";
import { initiativeKind } from "./initiative.tsx";
import { observationKind } from "./observation.tsx";
import { policyKind } from "./policy.tsx";
import { themeKind } from "./theme.tsx";

export const editorKinds: Record<string, EditorKind> = Object.fromEntries(
  [
    policyKind,
    themeKind,
    goalKind,
    indicatorKind,
    observationKind,
    initiativeKind,
    budgetLineKind,
    annualTargetKind,
  ].map((k) => [k.slug, k]),
);
