// The direction of dependencies, as the README's architecture section states it,
// checked by `npm test` (dependency-cruiser); any violation fails the run.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles (imports of types alone are erased and do not count).",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "domain-is-pure",
      comment: "src/domain holds pure rules: it imports nothing of ours but domain.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/", pathNot: "^src/domain/" },
    },
    {
      name: "core-not-transport",
      comment: "Commands, queries, reports, ingest and open data never import the web or the API.",
      severity: "error",
      from: { path: "^src/(commands|queries|reports|ingest|opendata)/" },
      to: { path: "^src/(web|api)/" },
    },
    {
      name: "transport-not-db",
      comment: "The web and the API reach the database only through commands and queries.",
      severity: "error",
      from: { path: "^src/(web|api)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^src/db/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "ingest-reads-only",
      comment: "Readers and recognizers never write to the database; the importer command does.",
      severity: "error",
      from: { path: "^src/ingest/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^src/(db|commands)/", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
