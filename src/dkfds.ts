// Where the Danish public-sector design system's files are: the web serves them
// as our own assets, and the report's chart images draw with its fonts.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";

/** dkfds/dist, found through the package's main entry (dist/js/dkfds.min.js); its exports map hides package.json. */
export const DKFDS_DIST = resolve(dirname(createRequire(import.meta.url).resolve("dkfds")), "..");
