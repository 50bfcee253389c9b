import { describe, expect, it } from "vitest";
import { fieldLabel } from "./policy.tsx";

describe("source lines on the portal", () => {
  it("name each field in Danish, never by its code", () => {
    for (const field of ["target_value", "metric", "year", "label", "amount_dkk"]) {
      expect(fieldLabel(field), field).not.toMatch(/_|^[a-z]+$/);
    }
    expect(fieldLabel("target_value")).toBe("Målværdi");
    expect(fieldLabel("amount_dkk")).toBe("Beløb (kr.)");
  });
});
