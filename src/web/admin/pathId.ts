// An id in an admin URL: anything that is not a uuid is a page that does not exist (404),
// never a database error.
import { z } from "zod";
import { notFound } from "../../errors.ts";

const uuid = z.uuid();

export function pathId(value: string | undefined, what: string): string {
  if (!value || !uuid.safeParse(value).success) throw notFound(what);
  return value;
}
