// The national data package as the web serves it (/sammenlign/pejl-national-datapakke.zip),
// from a database holding the national data set (load it with `bench/nationalExport.ts load
// postgres:<name> [scale]`): the first download, then a download after one organisation's
// write (its generation moved, as every command moves it on commit), after another's, and
// one with no write between. Run it from two checkouts in turn to compare them.
//   node --import tsx bench/nationalPackage.ts <database name>
// On the server of DATABASE_URL or TEST_DATABASE_URL. CPU is this process's; "db CPU" is the
// server's backends for the database (bench/backendCpu.ts), when the server runs here.
import { buildApp } from "../src/app.ts";
import { openDatabase } from "../src/db/client.ts";
import { createLogger } from "../src/logger.ts";
import { listOrganisations } from "../src/organisation.ts";
import { bumpGeneration } from "../src/queries/generation.ts";
import { backendCpu } from "./backendCpu.ts";
import { measure } from "./measure.ts";

const name = process.argv[2];
const server = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!name || !/^[a-z_][a-z0-9_]*$/.test(name) || !server)
  throw new Error("usage: nationalPackage.ts <database name>, with DATABASE_URL or TEST_DATABASE_URL set");
const url = new URL(server);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), poolSize: 4 });
try {
  const app = buildApp({ database, logger: createLogger("silent") });
  const organisations = await listOrganisations(database.db);
  const download = async (label: string) => {
    const backends = backendCpu(name);
    const m = await measure(async () => {
      const res = await app.request("/sammenlign/pejl-national-datapakke.zip");
      if (res.status !== 200) throw new Error(`The package answered ${res.status}.`);
      return (await res.arrayBuffer()).byteLength;
    });
    const dbCpuMs = backends.stop();
    console.log(
      `${label.padEnd(20)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  CPU ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s${
        dbCpuMs == null ? "" : `  db CPU ${(dbCpuMs / 1000).toFixed(2).padStart(6)} s`
      }  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  zip ${(m.result / 1e6).toFixed(1)} MB`,
    );
  };
  await download("first download");
  bumpGeneration(organisations[Math.floor(organisations.length / 2)]!.id);
  await download("after one write");
  bumpGeneration(organisations[0]!.id);
  await download("after another write");
  await download("no write between");
} finally {
  await database.close();
}
