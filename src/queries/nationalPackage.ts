// What the national data package is built from, kept per organisation: each organisation's
// part (nationalParts.ts) stays while its generation is unchanged (memoPartsByGeneration),
// so after one municipality's write only that municipality's part is read and compressed
// again; the others are joined into the zip as they were kept. Only the list of
// organisations follows the national generation. Concurrent requests share each load.
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
  const known = new Map<string, OrganisationRef>();
  const parts = memoPartsByGeneration((ids) =>
    nationalParts(
      db,
      ids.map((id) => known.get(id)!),
      { suppressionThreshold: threshold },
    ),
  );
  return async () => {
    const list = await organisations();
    for (const organisation of list) known.set(organisation.id, organisation);
    return { organisations: list, parts: await parts(list.map((o) => o.id)) };
  };
}
