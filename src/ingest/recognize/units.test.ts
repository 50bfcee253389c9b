import { describe, expect, it } from "vitest";
import { AARHUS_UNITS } from "../../../test/fixtures/ingest/otherMunicipality.ts";
import { DEFAULT_UNITS } from "./codes.ts";
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
    const cph = DEFAULT_UNITS;
    expect(
      codes(cph.findAdministrations("Børne- og Ungeforvaltningen og Økonomiforvaltningens svar")),
    ).toEqual(["BUF", "ØKF"]);
    expect(cph.committeeOfAdministration("BUF")).toBe("BUU");
    expect(cph.administrationOfCommittee("ØU")).toBe("ØKF");
    expect(cph.areaMentions("i kultur- og fritidsområdet")).toEqual(["KFU"]);
  });
});
