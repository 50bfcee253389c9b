import { describe, expect, it } from "vitest";
import { hostName, organisationPath, parseHostMap, splitOrganisationPath } from "./organisationAddress.ts";

describe("organisation addresses", () => {
  it.each([
    ["/k/aarhus/politikker/x", { slug: "aarhus", rest: "/politikker/x" }],
    ["/k/aarhus", { slug: "aarhus", rest: "/" }],
    ["/k/aarhus/", { slug: "aarhus", rest: "/" }],
    ["/k/", undefined],
    ["/k", undefined],
    ["/kommuner", undefined],
    ["/politikker", undefined],
  ])("splits %s", (path, expected) => {
    expect(splitOrganisationPath(path)).toEqual(expected);
  });

  it("builds the prefixed path of an organisation, escaping its slug", () => {
    expect(organisationPath("odense", "/data")).toBe("/k/odense/data");
    expect(organisationPath("odense")).toBe("/k/odense/");
    expect(organisationPath("a b")).toBe("/k/a%20b/");
  });

  it("reads PEJL_HOSTS, ignoring case, ports and blank entries", () => {
    expect(parseHostMap("Kommune-A.example:8080=aarhus, b.example=odense,")).toEqual(
      new Map([
        ["kommune-a.example", "aarhus"],
        ["b.example", "odense"],
      ]),
    );
    expect(parseHostMap(undefined).size).toBe(0);
    expect(hostName("B.Example:443")).toBe("b.example");
  });

  it.each(["a.example", "=aarhus", "a.example="])("refuses the malformed entry %s", (entry) => {
    expect(() => parseHostMap(entry)).toThrow(/PEJL_HOSTS: .* is not host=organisation-slug/);
  });
});
