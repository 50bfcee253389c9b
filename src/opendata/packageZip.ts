// An organisation's data package as one zip (the portal's download), from the streamed
// export (exportStream.ts): each CSV is compressed as its records arrive, a chunk at a
// time (deflatedText.ts), and the zip is written around the compressed files (zipStream.ts).
// So the package's text is never held, only its compressed files; the database writes the
// CSV where it can (COPY); and on PostgreSQL the work is done in pieces between the
// database's answers, not in one stretch that holds up every other request (a registry of
// 10,000 initiatives and 200,000 observations: bench/packageZip.ts). The compressed package
// can be kept and zipped again for each download (the portal keeps it until the
// organisation writes: web/portal/routes.tsx).
import type { Context } from "../context.ts";
import { type DeflatedText, DeflatingWriter, deflatedOf } from "./deflatedText.ts";
import { csvHeader, descriptorText, type ExportOptions, inSnapshot, publicSettings } from "./exportRows.ts";
import { streamResources } from "./exportStream.ts";
import { resources } from "./resources.ts";
import { type ZipEntry, zipStream } from "./zipStream.ts";

export interface CompressedPackage {
  /** When its rows were read: the descriptor's `created`, and the date of every file in the zip. */
  created: Date;
  /** datapackage.json and one CSV per resource, in the package's order. */
  entries: ZipEntry[];
}

/** A copy of the records: the sink's text may be the database's own memory, valid only during the call. */
const copied = (text: string | Buffer): Buffer =>
  typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);

/** The organisation's package (as the options' audience sees it), each file compressed, read in one snapshot. */
export async function compressedPackage(ctx: Context, opts: ExportOptions = {}): Promise<CompressedPackage> {
  const created = new Date(opts.created ?? Date.now());
  const ownSnapshot = !ctx.inTransaction;
  const files = new Map<string, DeflatedText>();
  await inSnapshot(ctx, async (ctx) => {
    files.set("datapackage.json", deflatedOf(await descriptorText(ctx, { ...opts, created })));
    await streamResources(ctx, [ctx.organisationId], publicSettings(opts), ownSnapshot, async (def) => {
      const writer = new DeflatingWriter();
      writer.push(Buffer.from(csvHeader(def)));
      return {
        write: (_organisationId, text) => writer.push(copied(text)),
        close: () => {
          files.set(`${def.name}.csv`, writer.finish());
        },
      };
    });
  });
  const names = ["datapackage.json", ...resources.map((def) => `${def.name}.csv`)];
  return { created, entries: names.map((name) => ({ name, content: files.get(name)! })) };
}

/** The package's zip, a piece at a time; the same package gives the same bytes. */
export function packageZip(pkg: CompressedPackage): Generator<Uint8Array> {
  return zipStream(pkg.entries, pkg.created);
}

/** The package's zip in one piece; entries dated `created` (default: now), so it is reproducible. */
export async function dataPackageZip(ctx: Context, opts: ExportOptions = {}): Promise<Uint8Array> {
  return Buffer.concat([...packageZip(await compressedPackage(ctx, opts))]);
}
