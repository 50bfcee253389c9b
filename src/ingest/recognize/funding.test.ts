import { describe, expect, it } from "vitest";
import { fundingOf } from "./funding.ts";

describe("funding categories", () => {
  it.each([
    [
      "Det bemærkes, at gennemførelse af initiativet forudsætter særskilt finansiering.",
      "requires_separate_funding",
    ],
    ["Kræver særskilt bevilling. Indgår som budgetønske til budget 2011.", "requires_separate_funding"],
    ["Indgår allerede i budgetprocessen", "in_budget_process"],
    [
      "Initiativet forventes at koste 3 mio. kr. og forsøges finansieret via budgetaftalen for 2011.",
      "in_budget_process",
    ],
    ["Finansieres indenfor rammen.", "within_frame"],
    ["Finansieret indenfor den boligsociale ramme.", "within_frame"],
    ["Udvalgets handleplan kan realiseres inden for udvalgets eksisterende budget.", "within_frame"],
    ["Der er med indsatsen afsat 3,3 mio. kr. årligt.", "funded"],
    ["Finansieret via demografimidlerne.", "funded"],
    ["Projektdriften søges finansieret i Økonomiforvaltningen.", null],
    ["Forvaltningen har udarbejdet et charter.", null],
  ])("%s → %s", (text, status) => {
    expect(fundingOf(text)?.status ?? null).toBe(status);
  });
});
