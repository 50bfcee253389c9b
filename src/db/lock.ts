// PGlite has no lock between processes: two processes on one data directory
// corrupt it. We take our own lock file holding the owner's pid.
import fs from "node:fs";
import { AppError } from "../errors.ts";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface DirectoryLock {
  release(): void;
}

export function lockDataDirectory(lockPath: string): DirectoryLock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(owner) && isAlive(owner)) {
        throw new AppError(
          "database_in_use",
          `The database is in use by process ${owner}. Stop that process first (lock file: ${lockPath}).`,
        );
      }
      // The owner died without releasing (e.g. kill -9): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("database_in_use", `Could not take the database lock ${lockPath}.`);
}
