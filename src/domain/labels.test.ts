import { describe, expect, it } from "vitest";
import * as enums from "./enums.ts";
import {
  equalityGroundFromSlug,
  equalityGroundLabels,
  equalityGroundSlugs,
  fundingStatusLabels,
  hearingStateLabels,
  indicatorDirectionLabels,
  initiativeStatusLabels,
  inquiryStateLabels,
  policyKindLabels,
  progressStatusLabels,
  ratingLabels,
  roleLabels,
  roundKindLabels,
  roundStateLabels,
} from "./labels.ts";
import { slugify } from "./slug.ts";

describe("every enumeration value has a Danish label", () => {
  it.each([
    ["policyKinds", enums.policyKinds, policyKindLabels],
    ["indicatorDirections", enums.indicatorDirections, indicatorDirectionLabels],
    ["fundingStatuses", enums.fundingStatuses, fundingStatusLabels],
    ["equalityGrounds", enums.equalityGrounds, equalityGroundLabels],
    ["initiativeStatuses", enums.initiativeStatuses, initiativeStatusLabels],
    ["roundKinds", enums.roundKinds, roundKindLabels],
    ["roundStates", enums.roundStates, roundStateLabels],
    ["ratings", enums.ratings, ratingLabels],
    ["progressStatuses", enums.progressStatuses, progressStatusLabels],
    ["roles", enums.roles, roleLabels],
    ["inquiryStates", enums.inquiryStates, inquiryStateLabels],
    ["hearingStates", enums.hearingStates, hearingStateLabels],
  ] as const)("%s", (_name, values, labels) => {
    const map = labels as Record<string, string>;
    for (const v of values) expect(map[v]?.trim()).toBeTruthy();
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
  });
});

describe("labels from the policy texts", () => {
  it.each([
    [fundingStatusLabels.within_frame, "Finansieres inden for rammen"],
    [fundingStatusLabels.in_budget_process, "Indgår i budgetprocessen"],
    [fundingStatusLabels.requires_separate_funding, "Kræver særskilt finansiering"],
    [fundingStatusLabels.funded, "Finansieret"],
    [fundingStatusLabels.unknown, "Ukendt"],
    [equalityGroundLabels.gender, "Køn"],
    [equalityGroundLabels.race_ethnicity, "Race og etnicitet"],
    [equalityGroundLabels.religion_belief, "Religion og tro"],
    [equalityGroundLabels.age, "Alder"],
    [equalityGroundLabels.disability, "Handicap og funktionsevne"],
    [equalityGroundLabels.sexual_orientation, "Seksuel orientering"],
    [equalityGroundLabels.gender_identity, "Kønsidentitet"],
    [equalityGroundLabels.gender_expression, "Kønsudtryk"],
    [equalityGroundLabels.sex_characteristics, "Kønskarakteristika"],
  ])("%s", (label, expected) => {
    expect(label).toBe(expected);
  });
});

describe("equality ground slugs", () => {
  it("are unique, ASCII slugs", () => {
    const slugs = Object.values(equalityGroundSlugs);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const s of slugs) expect(slugify(s)).toBe(s);
  });

  it.each([
    ["funktionsevne", "disability"],
    ["koen", "gender"],
    ["etnicitet", "race_ethnicity"],
    ["seksuel-orientering", "sexual_orientation"],
    ["koensidentitet", "gender_identity"],
    ["ukendt", undefined],
    ["disability", undefined],
  ])("%s → %s", (slug, ground) => {
    expect(equalityGroundFromSlug(slug)).toBe(ground);
  });

  it("round-trips every ground", () => {
    for (const g of enums.equalityGrounds) expect(equalityGroundFromSlug(equalityGroundSlugs[g])).toBe(g);
  });
});
