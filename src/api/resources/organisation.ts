// Administrations (forvaltninger) and committees (udvalg): referenced elsewhere by code.
import { z } from "@hono/zod-openapi";
import { presentAdministration } from "../../presenters/administration.ts";
import { presentCommittee } from "../../presenters/committee.ts";
import { administrationQueries, committeeQueries } from "../../queries/organisation/units.ts";
import { defineResource } from "../resource.ts";
import { zCode, zId } from "../schema.ts";
import { exampleIds } from "./examples.ts";

const codeAndName = (codeExample: string) =>
  z.object({
    id: zId,
    code: z
      .string()
      .openapi({ description: "Den korte kode, som andre rækker henviser med.", example: codeExample }),
    name: z.string(),
  });

export const administrationResource = defineResource({
  name: "administrations",
  schemaName: "Administration",
  singular: "en forvaltning",
  title: "Forvaltninger",
  description: "Kommunens forvaltninger. Andre ressourcer henviser til en forvaltning med dens kode.",
  item: codeAndName("BIF").openapi("Administration"),
  filters: { code: zCode("Kun forvaltningen med denne kode.", "BIF").optional() },
  queries: administrationQueries,
  present: presentAdministration,
  example: {
    query: { code: "BIF" },
    item: {
      id: exampleIds.administration,
      code: "BIF",
      name: "Beskæftigelses- og Integrationsforvaltningen",
    },
  },
});

export const committeeResource = defineResource({
  name: "committees",
  schemaName: "Committee",
  singular: "et udvalg",
  title: "Udvalg",
  description: "Kommunens politiske udvalg. Andre ressourcer henviser til et udvalg med dets kode.",
  item: codeAndName("ØU").openapi("Committee"),
  filters: { code: zCode("Kun udvalget med denne kode.", "ØU").optional() },
  queries: committeeQueries,
  present: presentCommittee,
  example: {
    query: {},
    item: { id: exampleIds.committee, code: "ØU", name: "Økonomiudvalget" },
  },
});
