import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, notFound, validationFailed } from "../../errors.ts";
import { type AdminForm, errorList, formList, formText, formTick, parseForm, refusedFields } from "./form.ts";
import { danishDate } from "./formReaders.ts";

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

describe("parseForm with a form that reads its fields first", () => {
  // A form whose date must be read as Danes write it before the command can judge it.
  const dated: AdminForm<{ title: string; from: string }, { title: string; from: string }> = {
    fields: z.object({ title: formText, from: formText }),
    input: z.object({
      title: z.string(),
      from: danishDate().refine((d) => d >= "2026-01-01", "Datoen kan ikke ligge før 2026."),
    }),
    rules: z.object({ title: z.string().min(3), from: z.iso.date() }),
    messages: { title: "Skriv en titel på mindst 3 tegn.", from: "Skriv en dato." },
  };

  it("gives the command the date it read", () => {
    const parsed = parseForm(dated, { title: "Høring", from: "31. januar 2026" });
    expect(parsed.ok ? parsed.input : null).toEqual({ title: "Høring", from: "2026-01-31" });
  });

  it("shows the reader's own Danish text and keeps what the user typed", () => {
    const unread = parseForm(dated, { title: "Høring", from: "31.02.2026" });
    expect(unread).toEqual({
      ok: false,
      values: { title: "Høring", from: "31.02.2026" },
      errors: { from: 'Datoen "31.02.2026" findes ikke.' },
    });
    const early = parseForm(dated, { title: "Høring", from: "2025-12-31" });
    expect(early.ok ? null : early.errors).toEqual({ from: "Datoen kan ikke ligge før 2026." });
  });

  it("still lets the command's rules refuse what read fine, in the form's words", () => {
    const parsed = parseForm(dated, { title: "Hø", from: "2026-02-01" });
    expect(parsed.ok ? null : parsed.errors).toEqual({ title: "Skriv en titel på mindst 3 tegn." });
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
