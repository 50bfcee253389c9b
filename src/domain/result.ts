// Parsers in the domain return a result instead of throwing: the importer shows the
// message to a coordinator next to the quote it came from, and keeps going.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(error: string): Result<T> {
  return { ok: false, error };
}
