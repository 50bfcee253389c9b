// The API's reads of administrations and committees (forvaltninger, udvalg).
import { asc, eq } from "drizzle-orm";
import { administrations, committees } from "../db/schema.ts";
import { resourceQueries, when } from "./apiPage.ts";

export interface CodeFilters {
  code?: string;
}

export const administrationQueries = resourceQueries({
  id: administrations.id,
  organisationId: administrations.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({ id: administrations.id, code: administrations.code, name: administrations.name })
      .from(administrations)
      .where(where)
      .orderBy(asc(administrations.id))
      .limit(limit),
  filters: (f: CodeFilters) => [when(f.code, (code) => eq(administrations.code, code))],
});
export type AdministrationRow = NonNullable<Awaited<ReturnType<typeof administrationQueries.get>>>;

export const committeeQueries = resourceQueries({
  id: committees.id,
  organisationId: committees.organisationId,
  select: (scope, where, limit) =>
    scope.db
      .select({ id: committees.id, code: committees.code, name: committees.name })
      .from(committees)
      .where(where)
      .orderBy(asc(committees.id))
      .limit(limit),
  filters: (f: CodeFilters) => [when(f.code, (code) => eq(committees.code, code))],
});
export type CommitteeRow = NonNullable<Awaited<ReturnType<typeof committeeQueries.get>>>;
