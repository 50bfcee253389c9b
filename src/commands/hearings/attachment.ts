// A public response's attachment: PDF, Word (DOCX) or plain text only, decided
// from the bytes (a file name or Content-Type is the sender's claim), and read
// with the importer's readers and limits so that a malicious or broken file is
// refused before anything is stored. The document row keeps no text and no
// original file name (it may name a private person); the bytes are kept under a
// random name where the server stores uploads.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Context } from "../../context.ts";
import { documents } from "../../db/schema.ts";
import { HEARING_ATTACHMENT_KIND } from "../../domain/enums.ts";
import { AppError } from "../../errors.ts";
import { detectType } from "../../ingest/detect.ts";
import { isReadError, readDocument } from "../../ingest/read.ts";

export const ATTACHMENT_KIND = HEARING_ATTACHMENT_KIND;
const ALLOWED = new Set(["pdf", "docx", "text"]);
const EXTENSION: Record<string, string> = { pdf: "pdf", docx: "docx", text: "txt" };

export interface CheckedAttachment {
  bytes: Uint8Array;
  format: string;
  mediaType: string;
}

const unreadable = () =>
  new AppError("validation_failed", "The attachment must be a readable PDF, Word (DOCX) or text file.", {
    danish: "Bilaget kan ikke læses. Vedhæft en PDF-, Word- (DOCX) eller tekstfil.",
    details: [{ path: "attachment", message: "unreadable" }],
  });

/** Checks type and content; throws a 400 (or 413) AppError the form can show. */
export async function checkAttachment(bytes: Uint8Array, maxBytes: number): Promise<CheckedAttachment> {
  if (bytes.length > maxBytes) {
    const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    throw new AppError("too_large", `The attachment is larger than ${mb} MB.`, {
      danish: `Bilaget er større end grænsen på ${String(mb).replace(".", ",")} MB.`,
    });
  }
  let detected: ReturnType<typeof detectType>;
  try {
    detected = detectType(bytes);
  } catch (error) {
    if (isReadError(error)) throw unreadable();
    throw error;
  }
  if (!ALLOWED.has(detected.format)) throw unreadable();
  try {
    await readDocument(bytes, { maxBytes });
  } catch (error) {
    if (isReadError(error)) throw unreadable();
    throw error;
  }
  return { bytes, format: detected.format, mediaType: detected.mediaType };
}

/** The attachment's document row (an existing one with the same bytes is reused). */
export async function storeAttachment(
  ctx: Context,
  file: CheckedAttachment,
  storeDir: string | undefined,
): Promise<string> {
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const [existing] = await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organisationId, ctx.organisationId), eq(documents.sha256, sha256)));
  if (existing) return existing.id;
  let storagePath: string | null = null;
  if (storeDir) {
    await fs.mkdir(storeDir, { recursive: true });
    const name = `${randomUUID()}.${EXTENSION[file.format]}`;
    await fs.writeFile(path.join(storeDir, name), file.bytes);
    storagePath = name;
  }
  const [row] = await ctx.db
    .insert(documents)
    .values({
      organisationId: ctx.organisationId,
      filename: `hoeringssvar-bilag.${EXTENSION[file.format]}`,
      mediaType: file.mediaType,
      sha256,
      size: file.bytes.length,
      kind: ATTACHMENT_KIND,
      text: "",
      storagePath,
    })
    .returning({ id: documents.id });
  return row!.id;
}
