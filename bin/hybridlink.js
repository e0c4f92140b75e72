#!/usr/bin/env node
// The `hybridlink` command. Runs the built CLI (npm install builds it via `prepare`).
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "dist", "lib", "cli", "main.js");
if (!fs.existsSync(built)) {
  process.stderr.write("hybridlink: the CLI is not built; run `npm install` (or `npm run build`) in the hybridlink folder\n");
  process.exit(2);
}
require(built)
  .main(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`hybridlink: ${err && err.stack ? err.stack : err}\n`);
      process.exit(2);
    },
  );
