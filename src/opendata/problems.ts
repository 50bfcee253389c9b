// What is wrong with a package, each problem located the way a person finds it in a
// spreadsheet. Rows are counted as data rows from 1 (the first row under the header);
// the message gives the spreadsheet row too, which counts the header as row 1.
import { AppError } from "../errors.ts";

export interface Problem {
  file: string;
  /** Data row, 1-based; 0 is the header row; absent for a problem with the whole file. */
  row?: number;
  column?: string;
  message: string;
}

// Enough to fix a batch of mistakes in one go without an error page of 200,000 lines.
const MAX_KEPT = 100;

export function describeProblem(p: Problem): string {
  let where = p.file;
  if (p.row === 0) where += " header row";
  else if (p.row !== undefined) where += ` row ${p.row} (spreadsheet row ${p.row + 1})`;
  if (p.column !== undefined) where += `, column ${p.column}`;
  return `${where}: ${p.message}`;
}

export class Problems {
  readonly kept: Problem[] = [];
  total = 0;

  add(problem: Problem): void {
    this.total++;
    if (this.kept.length < MAX_KEPT) this.kept.push(problem);
  }

  /** Where the list stands, to go back to with `reset`. */
  mark(): { total: number; kept: number } {
    return { total: this.total, kept: this.kept.length };
  }

  reset(mark: { total: number; kept: number }): void {
    this.total = mark.total;
    this.kept.length = mark.kept;
  }

  get any(): boolean {
    return this.total > 0;
  }

  /** Throws the refusal when anything was found. */
  throwIfAny(): void {
    if (this.any) throw this.toError();
  }

  toError(): AppError {
    const [first] = this.kept;
    const more = this.total - 1;
    const message = `The data package was not imported, nothing was changed. ${describeProblem(first!)}${
      more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""
    }`;
    return new AppError("bad_package", message, {
      details: this.kept.map((p) => ({
        path: [p.file, p.row === undefined ? "" : String(p.row), p.column ?? ""].join(":"),
        message: describeProblem(p),
      })),
    });
  }
}
