import { describe, expect, it } from "vitest";
import { groundsIn } from "./grounds.ts";

describe("equality grounds", () => {
  it("names the grounds in Danish wording", () => {
    expect(
      groundsIn(
        "uanset køn, race og etnicitet, religiøs overbevisning og tro, alder, funktionsevne og seksuel orientering",
      ),
    ).toEqual(["gender", "race_ethnicity", "religion_belief", "age", "disability", "sexual_orientation"]);
  });

  it("tells gender from gender identity, expression and sex characteristics", () => {
    expect(groundsIn("kønsidentitet og kønsudtryk")).toEqual(["gender_identity", "gender_expression"]);
    expect(groundsIn("interkønnede og kønskarakteristika")).toEqual(["sex_characteristics"]);
    expect(groundsIn("kønsneutrale toiletter")).toEqual([]);
  });

  it("reads LGBTI acronyms as the grounds they name", () => {
    expect(groundsIn("LGBTI+ borgere")).toEqual([
      "sexual_orientation",
      "gender_identity",
      "sex_characteristics",
    ]);
    expect(groundsIn("LGBT Danmark")).toEqual(["sexual_orientation", "gender_identity"]);
  });

  it("does not read the verb 'tro' as belief", () => {
    expect(groundsIn("vi tror på det, og de tro på sig selv")).toEqual([]);
    expect(groundsIn("religion og tro")).toEqual(["religion_belief"]);
  });
});
