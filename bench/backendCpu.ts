// The CPU time PostgreSQL's backends spend for one database, read from /proc while a piece of
// work runs (the server on this machine, readable by this user; otherwise null). A backend
// sets its process title to "postgres: … USER DATABASE HOST …", so the database's backends are
// found by name; each is sampled every 100 ms and its last reading counts, so a backend
// that ends meanwhile loses at most its last 100 ms.
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

function backends(database: string): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!title.startsWith("postgres: ") || !title.split(" ").includes(database)) continue;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while it was read.
    }
  }
  return out;
}

/** Starts sampling the backends of `database`; `stop()` gives their CPU milliseconds since, or null. */
export function backendCpu(database: string): { stop(): number | null } {
  const first = backends(database);
  const last = new Map(first);
  const sample = () => {
    for (const [pid, ticks] of backends(database)) last.set(pid, ticks);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      if (last.size === 0) return null;
      let ticks = 0;
      for (const [pid, now] of last) ticks += now - (first.get(pid) ?? 0);
      return (ticks * 1000) / TICKS_PER_SECOND;
    },
  };
}
