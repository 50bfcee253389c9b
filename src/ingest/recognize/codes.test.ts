import { describe, expect, it } from "vitest";
import { committeeInCompact, findAdministrations, findCommittees } from "./codes.ts";

describe("administrations and committees", () => {
  it("finds names in any inflection", () => {
    expect(
      findAdministrations("Socialforvaltningens svar og Beskæftigelses- og Integrationsforvaltningen").map(
        (m) => m.code,
      ),
    ).toEqual(["SOF", "BIF"]);
    expect(
      findCommittees("på vegne af Socialudvalget, forelagt Økonomiudvalgets møde").map((m) => m.code),
    ).toEqual(["SOU", "ØU"]);
    expect(findCommittees("behandlet på Socialudvalgsmødet d. 3. december 2014").map((m) => m.code)).toEqual([
      "SOU",
    ]);
  });

  it("reads administration abbreviations but not committee ones", () => {
    expect(
      findAdministrations("Region Hovedstadens Psykiatri, SOF, BIF og evt. BUF").map((m) => m.code),
    ).toEqual(["SOF", "BIF", "BUF"]);
    expect(findCommittees("vedtaget i juni 2008 (SOU 12.06.2008)")).toEqual([]);
  });

  it("finds a committee on a cover that cut its name", () => {
    expect(committeeInCompact("SUNDHEDS- OG OMSORGS UDVALGETS HANDLEPLAN")).toBe("SUU");
    expect(committeeInCompact("øKONOMiUDVALGETS HANDLEPLAN TiL iNTEGRATiONSPOLiTiKKEN")).toBe("ØU");
  });
});
