import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { type AdminForm, errorList, formList, formText, formTick, parseForm, refusedFields } from "./form.ts";

// A command's schema, as a command would export it: the rules live here only.
const commandSchema = z
  .object({
    title: z.string().trim().min(3),
    from: z.iso.date(),
    to: z.iso.date(),
    tags: z.array(z.string().max(5)).max(2),
    urgent: z.boolean(),
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "ends before it starts" });

type Values = { title: string; from: string; to: string; labels: string[]; urgent: boolean };

const form: AdminForm<Values, z.input<typeof commandSchema>> = {
  fields: z.object({ title: formText, from: formText, to: formText, labels: formList, urgent: formTick }),
  input: (v) => ({ title: v.title, from: v.from, to: v.to, tags: v.labels, urgent: v.urgent }),
  rules: commandSchema,
  messages: {
    title: "Skriv en titel på mindst 3 tegn.",
    from: "Skriv en startdato.",
    to: (issue) => (issue.code === "custom" ? "Slutdatoen ligger før startdatoen." : "Skriv en slutdato."),
    tags: "Vælg højst to mærker.",
  },
  fieldOf: { tags: "labels" },
  missing: { field: "title", message: "Det valgte findes ikke længere." },
};

describe("parseForm", () => {
  it("turns a valid body into the command's input", () => {
    const parsed = parseForm(form, {
      title: "Høring",
      from: "2026-01-01",
      to: "2026-02-01",
      labels: ["a", "b"],
      urgent: "yes",
    });
    expect(parsed).toEqual({
      ok: true,
      values: { title: "Høring", from: "2026-01-01", to: "2026-02-01", labels: ["a", "b"], urgent: true },
      input: { title: "Høring", from: "2026-01-01", to: "2026-02-01", tags: ["a", "b"], urgent: true },
    });
  });

  it("gives Danish errors per form field and keeps what the user typed", () => {
    const parsed = parseForm(form, { title: " x ", from: "2026-03-01", to: "2026-02-01", labels: "toolong" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.values).toEqual({
      title: " x ",
      from: "2026-03-01",
      to: "2026-02-01",
      labels: ["toolong"],
      urgent: false,
    });
    expect(parsed.errors).toEqual({
      title: "Skriv en titel på mindst 3 tegn.",
      to: "Slutdatoen ligger før startdatoen.",
      labels: "Vælg højst to mærker.",
    });
  });

  it("picks a field's text by the problem", () => {
    const parsed = parseForm(form, { title: "Høring", from: "2026-01-01", to: "snart" });
    expect(parsed.ok ? null : parsed.errors).toEqual({ to: "Skriv en slutdato." });
  });

  it("reads a missing field as empty and a repeated one by its first value", () => {
    const parsed = parseForm(form, { title: ["Første", "Anden"], from: "2026-01-01", to: "2026-01-01" });
    expect(parsed.values).toMatchObject({ title: "Første", labels: [], urgent: false });
  });
});

describe("refusedFields", () => {
  it("shows a command's validation error beside the form field it concerns", () => {
    const error = validationFailed([{ path: ["tags"], message: "Unknown tag: zz" }]);
    expect(refusedFields(form, error)).toEqual({ labels: "Vælg højst to mærker." });
  });

  it("uses the general Danish text for a field the form has no words for", () => {
    const error = validationFailed([{ path: ["other"], message: "bad" }]);
    expect(refusedFields(form, error)).toEqual({ other: "Oplysningerne er ikke gyldige." });
  });

  it("says a chosen item is gone when the form expects that, and leaves other errors to the error page", () => {
    expect(refusedFields(form, notFound("The policy"))).toEqual({ title: "Det valgte findes ikke længere." });
    expect(refusedFields({ ...form, missing: undefined }, notFound("The policy"))).toBeNull();
    expect(refusedFields(form, new AppError("forbidden", "no"))).toBeNull();
    expect(refusedFields(form, new Error("boom"))).toBeNull();
  });
});

describe("errorList", () => {
  it("links a checkbox group's error to its first box", () => {
    expect(errorList({ title: "a", labels: "b" }, ["labels"])).toEqual([
      { fieldId: "title", message: "a" },
      { fieldId: "labels-option1", message: "b" },
    ]);
  });
});
