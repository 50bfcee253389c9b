// A CSV reader for the plain CSV that packages hold (what `pejl export` and spreadsheets
// write): fields separated by commas, quoted fields with "" for a quote, one record per
// line ending in LF or CRLF. It gives the same records as csv-parse with the options of
// csvStream.ts, several times faster; anything else (a quote inside an unquoted field,
// text after a closing quote, a bare CR, mixed line endings, an empty line) makes it stop
// with `NotPlain`, and the file is read again by csv-parse, which reads or refuses it as before.
export class NotPlain extends Error {}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export class PlainCsv {
  private rest = "";
  /** The line ending, once the first one is seen: "\n" or "\r\n". */
  private ending: string | undefined;

  /** The complete records of the text read so far. */
  push(chunk: string): string[][] {
    const text = this.rest + chunk;
    const records: string[][] = [];
    let start = 0;
    for (;;) {
      const end = this.record(text, start, false, records);
      if (end < 0) break;
      start = end;
    }
    this.rest = text.slice(start);
    return records;
  }

  /** The last record, when the text does not end with a line ending. */
  end(): string[][] {
    const records: string[][] = [];
    if (this.rest) this.record(this.rest, 0, true, records);
    this.rest = "";
    return records;
  }

  /**
   * Reads one record from `start`: the offset after its line ending, or -1 when the text
   * ends before the record does (`last`: the text is all there is; the record ends there).
   */
  private record(text: string, start: number, last: boolean, records: string[][]): number {
    const n = text.length;
    if (start >= n) return -1;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        value = "";
        let from = j;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            if (last) throw new NotPlain("a quoted field does not end");
            return -1;
          }
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            j = from = q + 2;
            continue;
          }
          if (q + 1 >= n && !last) return -1;
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) throw new NotPlain("a quote inside an unquoted field");
          j++;
        }
        if (j >= n && !last) return -1;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) {
        if (!last) return -1;
        records.push(fields);
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      let ending: string;
      if (c === LF) ending = "\n";
      else if (c === CR) {
        if (i + 1 >= n && !last) return -1;
        if (text.charCodeAt(i + 1) !== LF) throw new NotPlain("a CR without LF");
        ending = "\r\n";
      } else throw new NotPlain("text after a closing quote");
      if (this.ending === undefined) this.ending = ending;
      else if (this.ending !== ending) throw new NotPlain("mixed line endings");
      if (fields.length === 1 && fields[0] === "" && text.charCodeAt(start) !== QUOTE)
        throw new NotPlain("an empty line");
      records.push(fields);
      return i + ending.length;
    }
  }
}
