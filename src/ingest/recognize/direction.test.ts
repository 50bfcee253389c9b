import { describe, expect, it } from "vitest";
import { directionInText, directionOf, measuredStem } from "./direction.ts";

describe("directionOf", () => {
  it.each([
    ["Færre unge skal være ledige", "decrease"],
    ["Antallet af udsættelser skal reduceres", "decrease"],
    ["Ventetiden skal mindskes", "decrease"],
    ["At nedbringe antallet af hjemløse", "decrease"],
    ["Ingen borgere skal opleve chikane", "decrease"],
    ["Ledigheden skal halveres", "decrease"],
    ["Andelen skal ikke være højere end landsgennemsnittet", "decrease"],
    ["Flere skal i job", "increase"],
    ["Beskæftigelsen skal stige", "increase"],
    ["Antallet af praktikpladser skal fordobles", "increase"],
    ["Flere skal have forebyggende samtaler", "increase"],
  ])("%s → %s", (text, want) => {
    expect(directionOf(text)).toBe(want);
  });

  it("does not read a comparison with a number as a direction", () => {
    expect(directionOf("Andelen med ophold i mere end 120 dage")).toBeNull();
    expect(directionOf("Andelen af børn, der venter mindre end 3 uger")).toBeNull();
  });
});

describe("direction from the policy's text", () => {
  it("finds the thing an indicator counts", () => {
    expect(measuredStem("Andelen af borgere, der oplever chikane")).toBe("chikane");
    expect(measuredStem("Andelen af elever, der er ensomme")).toBe("ensomme");
    expect(measuredStem("Andelen med ophold i mere end 120 dage")).toBeNull();
  });

  it("takes the direction from a sentence of intent about that thing", () => {
    const policy =
      "Mange unge føler sig ensomme, og flere, der er ensomme, mistrives. " +
      "Vi vil arbejde for, at færre unge er ensomme. Vi vil bekæmpe chikane i nattelivet.";
    expect(directionInText("Andelen af unge, der er ensomme", policy)).toBe("decrease");
    expect(directionInText("Andelen af borgere, der oplever chikane", policy)).toBe("decrease");
    expect(directionInText("Andelen af borgere, der dyrker motion", policy)).toBeNull();
  });

  it("gives no direction when the sentences disagree", () => {
    const policy = "Vi vil have færre ensomme. Vi skal sikre, at flere ensomme får hjælp.";
    expect(directionInText("Andelen af unge, der er ensomme", policy)).toBeNull();
  });
});
