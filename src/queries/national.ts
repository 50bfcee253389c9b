// What the national pages read, kept per organisation: every organisation's
// indicator keys, registry counts and rows of the comparisons are parts kept by
// that organisation's generation (memoPartsByGeneration) and combined in memory,
// so a write in one municipality reloads that municipality's parts alone. Only
// the list of organisations (who they are, their names, their order) follows
// the national generation, so one created or renamed shows at once; reading it anew
// drops the parts of any organisation no longer in it (one deleted).

import type { Executor } from "../db/client.ts";
import { listOrganisations } from "../organisation.ts";
import { NATIONAL_SCOPE } from "./generation.ts";
import { memoByScope, memoPartsByGeneration } from "./generationMemo.ts";
import {
  comparisonRowsByKey,
  type IndicatorComparison,
  indicatorComparison,
  indicatorKeysOf,
  type KeyedIndicator,
  keyedIndicators,
} from "./indicators/comparison.ts";
import { indicatorsOfOrganisations } from "./indicators/progress.ts";
import { type OrganisationOverview, registryCountsOf } from "./organisations.ts";

export interface NationalReads {
  /** Every organisation with how much its registry holds, by name. */
  overview(): Promise<OrganisationOverview[]>;
  /** Every organisation's indicators with their comparison keys, by organisation name and title. */
  keyed(): Promise<KeyedIndicator[]>;
  /** The comparison of a key, or undefined when fewer than two municipalities measure it. */
  comparison(key: string): Promise<IndicatorComparison | undefined>;
}

export function nationalReads(db: Executor, threshold: number): NationalReads {
  const counts = memoPartsByGeneration((ids) => registryCountsOf(db, ids), { everyOrganisation: true });
  const keys = memoPartsByGeneration((ids) => indicatorKeysOf(db, ids));
  const keyed = async () => {
    const list = await organisations();
    return keyedIndicators(list, await keys(list.map((o) => o.id)));
  };
  // Each organisation's rows of every comparison at once: after its write one load serves
  // every comparison page, where a load per page and key would repeat it for each. The
  // organisations whose parts are stale (all of them after a start) are read together.
  const rows = memoPartsByGeneration(async (ids) => {
    const [own, measured] = await Promise.all([keys(ids), indicatorsOfOrganisations(db, ids, threshold)]);
    return new Map(
      ids.map((organisationId, i) => [
        organisationId,
        comparisonRowsByKey(own[i]!, measured.get(organisationId)!, threshold),
      ]),
    );
  });
  const organisations = memoByScope(NATIONAL_SCOPE, async () => {
    const list = await listOrganisations(db);
    const ids = new Set(list.map((o) => o.id));
    keys.keepOnly(ids);
    rows.keepOnly(ids);
    return list;
  });
  return {
    async overview() {
      const list = await organisations();
      const parts = await counts(list.map((o) => o.id));
      return list.map((o, i) => ({ id: o.id, slug: o.slug, name: o.name, ...parts[i]! }));
    },
    keyed,
    async comparison(key) {
      return indicatorComparison(await keyed(), key, rows);
    },
  };
}
