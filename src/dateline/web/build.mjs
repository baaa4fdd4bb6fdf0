// Copies the dashboard's third-party assets from node_modules into the Python
// package (src/dateline/web/static/vendor/, kept out of git).  Run by
// `npm run build`, which `make install` calls after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const out = join(here, "static", "vendor");
mkdirSync(out, { recursive: true });

const files = [
  ["world-atlas/countries-110m.json", "countries-110m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
];
for (const [from, to] of files) {
  copyFileSync(join(root, "node_modules", from), join(out, to));
  console.error(`dashboard asset: ${to}`);
}
