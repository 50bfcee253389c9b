// Loads an inquiry for a change: locked, in the organisation, at the version the
// user read (a stale version is a 409, never a silent overwrite).
import type { Context } from "../../context.ts";
import { inquiries } from "../../db/schema.ts";
import { staleVersion } from "../../errors.ts";
import { loadForUpdate } from "../versioned.ts";

export const WHAT = "The inquiry";

export async function loadInquiryAt(ctx: Context, id: string, version: number) {
  const row = await loadForUpdate(ctx, inquiries, id, WHAT);
  if (row.version !== version) throw staleVersion(WHAT, version, row.version);
  return row;
}
