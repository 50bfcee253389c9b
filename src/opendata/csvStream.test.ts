// The package reader's CSV stream: strict UTF-8 across the chunks it reads, a leading
// byte order mark dropped, and a byte that is not UTF-8 refused wherever it falls.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvRecords, NotUtf8 } from "./csvStream.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pejl-csv-stream-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const out = path.join(dir, name);
  fs.writeFileSync(out, bytes);
  return out;
}

async function records(source: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of csvRecords(source)) out.push(record);
  return out;
}

describe("csvRecords", () => {
  it("drops a leading byte order mark", async () => {
    const text = "id,title\n1,Ærø\n";
    const plain = await records(file("plain.csv", Buffer.from(text)));
    const marked = await records(
      file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    );
    expect(marked).toEqual(plain);
    expect(marked[0]).toEqual(["id", "title"]);
  });

  it("reads characters of two, three and four bytes that straddle the 1 MiB chunks it reads", async () => {
    const chunk = 1 << 20;
    for (const character of ["å", "€", "𝄞"]) {
      const encoded = Buffer.from(character);
      for (let before = 1; before < encoded.length; before++) {
        // The cell's character starts `before` bytes ahead of the first chunk's end.
        const head = "id,title\n1,";
        const pad = "x".repeat(chunk - head.length - before);
        const text = `${head}${pad}${character}\n2,${character}\n`;
        const read = await records(file(`straddle-${before}.csv`, Buffer.from(text)));
        expect(read).toEqual([
          ["id", "title"],
          ["1", `${pad}${character}`],
          ["2", character],
        ]);
      }
    }
  });

  it("refuses a Latin-1 byte and a character cut off at the end of the file", async () => {
    const latin1 = file(
      "latin1.csv",
      Buffer.concat([Buffer.from("id,title\n1,"), Buffer.from([0xe5]), Buffer.from("r\n")]),
    );
    await expect(records(latin1)).rejects.toBeInstanceOf(NotUtf8);
    const cut = file(
      "cut.csv",
      Buffer.concat([Buffer.from("id,title\n1,"), Buffer.from("€").subarray(0, 2)]),
    );
    await expect(records(cut)).rejects.toBeInstanceOf(NotUtf8);
  });
});
