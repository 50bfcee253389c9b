// Backup and restore. PGlite: a dump of its data directory (tar.gz). PostgreSQL:
// a logical dump by pg_dump in its custom format, restored by pg_restore.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { AppError } from "../errors.ts";
import { type Database, pgliteStartParams } from "./client.ts";
import { lockDataDirectory } from "./lock.ts";

const GZIP = [0x1f, 0x8b];
const PGDMP = Buffer.from("PGDMP");

export async function backupDatabase(database: Database, file: string): Promise<{ bytes: number }> {
  if (database.kind === "pglite") {
    const dump = await database.pglite!.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeAtomically(file, bytes);
    return { bytes: bytes.length };
  }
  const url = database.url ?? "";
  runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}.tmp`, url]);
  fs.renameSync(`${file}.tmp`, file);
  return { bytes: fs.statSync(file).size };
}

/** Restores into a PGlite data directory that no process has open. The old one is kept beside it. */
export async function restorePglite(dataDir: string, file: string): Promise<{ keptAs?: string }> {
  const bytes = readBackup(file);
  if (!(bytes[0] === GZIP[0] && bytes[1] === GZIP[1]))
    throw new AppError(
      "validation_failed",
      `${file} is not a Pejl backup of the embedded database (expected a tar.gz dump).`,
    );
  const lock = lockDataDirectory(`${dataDir}.lock`);
  const staging = `${dataDir}.restoring`;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    const client = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([new Uint8Array(bytes)]),
      startParams: pgliteStartParams,
    });
    await client.query("select 1");
    await client.close();
    let keptAs: string | undefined;
    if (fs.existsSync(dataDir)) {
      keptAs = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dataDir, keptAs);
    }
    fs.renameSync(staging, dataDir);
    return { keptAs };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw new AppError("validation_failed", `${file} could not be restored: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    lock.release();
  }
}

export function restorePostgres(url: string, file: string): void {
  const bytes = readBackup(file);
  if (!bytes.subarray(0, 5).equals(PGDMP))
    throw new AppError(
      "validation_failed",
      `${file} is not a PostgreSQL backup (expected a pg_dump custom-format file).`,
    );
  runTool("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    `--dbname=${url}`,
    file,
  ]);
}

function readBackup(file: string): Buffer {
  if (!fs.existsSync(file)) throw new AppError("not_found", `The backup file ${file} does not exist.`);
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw new AppError("validation_failed", `The backup file ${file} is empty.`);
  return bytes;
}

function writeAtomically(file: string, bytes: Buffer) {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, "w");
  fs.writeSync(fd, bytes);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

function runTool(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new AppError(
      "internal",
      `${tool} was not found: install the PostgreSQL client tools to back up a PostgreSQL database.`,
    );
  if (result.status !== 0)
    throw new AppError("internal", `${tool} failed: ${(result.stderr || "").trim().split("\n").pop()}`);
}
