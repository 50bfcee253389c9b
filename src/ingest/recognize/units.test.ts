import { describe, expect, it } from "vitest";
import { DEMO_UNITS } from "../../../test/fixtures/ingest/demoUnits.ts";
import { AARHUS_UNITS } from "../../../test/fixtures/ingest/otherMunicipality.ts";
import { Units } from "./units.ts";

const codes = (mentions: { code: string }[]) => mentions.map((m) => m.code);

describe("units read from the organisation's own names", () => {
  const aarhus = new Units(AARHUS_UNITS);

  it("reads a 'Magistratsafdelingen for …' name, its area as a heading and its compound form", () => {
    expect(codes(aarhus.findAdministrations("Magistratsafdelingen for Sundhed og Omsorgs tilbud"))).toEqual([
      "MSO",
    ]);
    expect(codes(aarhus.findAdministrations("Sundhed og Omsorg", false))).toEqual(["MSO"]);
    expect(codes(aarhus.findAdministrations("KULTUR OG BORGERSERVICE", false))).toEqual(["MKB"]);
    expect(codes(aarhus.findAdministrations("svar fra Sundheds- og Omsorgsforvaltningen"))).toEqual(["MSO"]);
    expect(codes(aarhus.findAdministrations("Borgmesterens Afdelings sekretariat"))).toEqual(["BA"]);
  });

  it("does not take common words or another unit's name for an administration", () => {
    expect(aarhus.findAdministrations("fokus på sundhed og omsorg i hverdagen")).toEqual([]);
    expect(aarhus.findAdministrations("forelagt Udvalget for Sundhed og Omsorg")).toEqual([]);
    expect(codes(aarhus.findCommittees("forelagt Udvalget for Sundhed og Omsorg"))).toEqual(["SOU"]);
    expect(aarhus.findAdministrations("Udvalget for Sociale Forhold og Beskæftigelse", false)).toEqual([]);
    expect(codes(aarhus.findCommittees("forelagt Udvalget for Sociale Forhold og Beskæftigelse"))).toEqual([
      "USB",
    ]);
    // Copenhagen's units are not this organisation's.
    expect(aarhus.findAdministrations("Socialforvaltningen og BUF")).toEqual([]);
  });

  it("reads administration codes as abbreviations but not committee codes", () => {
    expect(codes(aarhus.findAdministrations("i samarbejde med MSO og MBU"))).toEqual(["MSO", "MBU"]);
    expect(aarhus.findCommittees("behandlet i SOU 12.06.2025")).toEqual([]);
  });

  it("pairs an administration with the committee of the same area, in any spelling", () => {
    expect(aarhus.committeeOfAdministration("MSO")).toBe("SOU");
    expect(aarhus.committeeOfAdministration("MBU")).toBe("BUU");
    expect(aarhus.administrationOfCommittee("USB")).toBe("MSB");
    expect(aarhus.committeeOfAdministration("BA")).toBeNull();
    expect(aarhus.committeeInCompact("SUNDHEDS- OG OMSORGS UDVALGETS HANDLEPLAN")).toBe("SOU");
    expect(aarhus.committeePlanInCompact("UDVALGET FOR SOCIALE FORHOLD OG BESKÆFTIGELSES HANDLEPLAN")).toBe(
      "USB",
    );
    expect(aarhus.committeePlanInCompact("Sundheds- og Omsorgsudvalget godkendte handleplanen")).toBeNull();
  });

  it("derives Copenhagen's variants from its names alone", () => {
    const cph = DEMO_UNITS;
    expect(
      codes(cph.findAdministrations("Børne- og Ungeforvaltningen og Økonomiforvaltningens svar")),
    ).toEqual(["BUF", "ØKF"]);
    expect(cph.committeeOfAdministration("BUF")).toBe("BUU");
    expect(cph.administrationOfCommittee("ØU")).toBe("ØKF");
    expect(cph.areaMentions("i kultur- og fritidsområdet")).toEqual(["KFU"]);
  });
});

describe("the demo organisation's units (Copenhagen's)", () => {
  it("finds names in any inflection", () => {
    expect(
      codes(
        DEMO_UNITS.findAdministrations(
          "Socialforvaltningens svar og Beskæftigelses- og Integrationsforvaltningen",
        ),
      ),
    ).toEqual(["SOF", "BIF"]);
    expect(
      codes(DEMO_UNITS.findCommittees("på vegne af Socialudvalget, forelagt Økonomiudvalgets møde")),
    ).toEqual(["SOU", "ØU"]);
    expect(codes(DEMO_UNITS.findCommittees("behandlet på Socialudvalgsmødet d. 3. december 2014"))).toEqual([
      "SOU",
    ]);
  });

  it("reads administration abbreviations but not committee ones", () => {
    expect(
      codes(DEMO_UNITS.findAdministrations("Region Hovedstadens Psykiatri, SOF, BIF og evt. BUF")),
    ).toEqual(["SOF", "BIF", "BUF"]);
    expect(DEMO_UNITS.findCommittees("vedtaget i juni 2008 (SOU 12.06.2008)")).toEqual([]);
  });

  it("finds a committee on a cover that cut its name", () => {
    expect(DEMO_UNITS.committeeInCompact("SUNDHEDS- OG OMSORGS UDVALGETS HANDLEPLAN")).toBe("SUU");
    expect(DEMO_UNITS.committeeInCompact("øKONOMiUDVALGETS HANDLEPLAN TiL iNTEGRATiONSPOLiTiKKEN")).toBe(
      "ØU",
    );
  });
});
