// What the national data package is built from, kept per organisation: each organisation's
// part (nationalParts.ts) stays while its generation is unchanged (memoPartsByGeneration),
// so after one municipality's write only that municipality's part is read and compressed
// again; the others are joined into the zip as they were kept. Only the list of
// organisations follows the national generation. Concurrent requests share each load. A part
// of an organisation no longer listed (deleted) is dropped at the next package.
import type { Executor } from "../db/client.ts";
import { type NationalPart, nationalParts } from "../opendata/nationalParts.ts";
import { listOrganisations, type OrganisationRef } from "../organisation.ts";
import { NATIONAL_SCOPE } from "./generation.ts";
import { memoByScope, memoPartsByGeneration } from "./generationMemo.ts";

export interface NationalPackageParts {
  /** Every organisation, in the package's order. */
  organisations: OrganisationRef[];
  /** Each organisation's part, in the same order. */
  parts: NationalPart[];
}

export function nationalPackageReads(db: Executor, threshold: number): () => Promise<NationalPackageParts> {
  const organisations = memoByScope(NATIONAL_SCOPE, () => listOrganisations(db));
  /** The listed organisations by id, for the parts' load (called at once with ids of the list). */
  let known = new Map<string, OrganisationRef>();
  const parts = memoPartsByGeneration(
    (ids) =>
      nationalParts(
        db,
        ids.map((id) => known.get(id)!),
        { suppressionThreshold: threshold },
      ),
    { everyOrganisation: true },
  );
  return async () => {
    const list = await organisations();
    known = new Map(list.map((organisation) => [organisation.id, organisation]));
    return { organisations: list, parts: await parts(list.map((o) => o.id)) };
  };
}
