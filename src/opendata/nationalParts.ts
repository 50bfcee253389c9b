// Each organisation's part of the national data package: its public records of every
// resource, as its own package writes them (the streamed export, exportStream.ts), each led
// by the organisation's slug, kept compressed (deflatedText.ts). The organisations asked
// for are read together in one pass; the package joins the parts without reading or
// compressing them again, so a part can be kept until its organisation writes.
import { csvFormatRow } from "d3-dsv";
import { publicActor } from "../context.ts";
import type { Executor } from "../db/client.ts";
import { type DeflatedText, DeflatingWriter } from "./deflatedText.ts";
import { inSnapshot, publicSettings } from "./exportRows.ts";
import { streamResources } from "./exportStream.ts";
import type { ResourceName } from "./fields.ts";

/** An organisation's records of each resource, without the header, each led by its slug. */
export type NationalPart = ReadonlyMap<ResourceName, DeflatedText>;

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * The CSV records of `text` (`records` of them, each ending in a line break; a line break
 * inside quotes is inside its field) with `lead` in front of each.
 */
export function withLead(text: Buffer, lead: Buffer, records: number): Buffer {
  const out = Buffer.allocUnsafe(text.length + records * lead.length);
  let written = 0;
  let seen = 0;
  let start = 0;
  let i = 0;
  // The next quote at or after i (text.length for none), searched again only once passed.
  let quote = -1;
  while (start < text.length) {
    const newline = text.indexOf(NEWLINE, i);
    if (newline < 0) throw new Error("A CSV record does not end in a line break.");
    if (quote < i) {
      const found = text.indexOf(QUOTE, i);
      quote = found < 0 ? text.length : found;
    }
    if (quote < newline) {
      // A quoted field: past its closing quote ("" inside toggles twice), then look again.
      const close = text.indexOf(QUOTE, quote + 1);
      if (close < 0) throw new Error("A CSV record ends inside quotes.");
      i = close + 1;
      continue;
    }
    if (++seen > records) break;
    written += lead.copy(out, written);
    written += text.copy(out, written, start, newline + 1);
    start = i = newline + 1;
  }
  if (seen !== records) throw new Error("The CSV text holds another number of records than said.");
  return out;
}

/** The public parts of the organisations, by id, read in one snapshot. */
export async function nationalParts(
  db: Executor,
  organisations: readonly { id: string; slug: string }[],
  opts: { suppressionThreshold?: number } = {},
): Promise<Map<string, NationalPart>> {
  const parts = new Map(organisations.map((o) => [o.id, new Map<ResourceName, DeflatedText>()]));
  const leads = new Map(organisations.map((o) => [o.id, Buffer.from(`${csvFormatRow([o.slug])},`)]));
  const view = publicSettings({ audience: "public", suppressionThreshold: opts.suppressionThreshold });
  const ids = organisations.map((o) => o.id);
  await inSnapshot({ db, actor: publicActor }, (ctx) =>
    streamResources(ctx, ids, view, true, async (def) => {
      const writers = new Map(ids.map((id) => [id, new DeflatingWriter()]));
      return {
        write(organisationId, text, records) {
          const bytes = typeof text === "string" ? Buffer.from(text) : text;
          writers.get(organisationId)!.push(withLead(bytes, leads.get(organisationId)!, records));
        },
        close() {
          for (const [id, writer] of writers) parts.get(id)!.set(def.name, writer.finish());
        },
      };
    }),
  );
  return parts;
}
