#!/usr/bin/env node
// The `hybridlink` command. Runs the built CLI (npm install builds it via `prepare`).
const path = require("path");
const fs = require("fs");
const built = path.join(__dirname, "..", "dist", "lib", "cli", "main.js");
if (!fs.existsSync(built)) {
  process.stderr.write("hybridlink: the CLI is not built; run `npm install` (or `npm run build`) in the hybridlink folder\n");
  process.exit(2);
}

// Exit only once what was written has reached the pipe: a large --json output to a pipe is written asynchronously.
function exit(code) {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

// A reader that stops early (`hybridlink up … | head`) closes the pipe: drop the rest of the output
// rather than crash with EPIPE — an `up` under way finishes and records its work, as it would unpiped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") return;
    throw err;
  });
}

require(built)
  .main(process.argv.slice(2))
  .then(exit, (err) => {
    // main reports every error itself; reaching here is a bug (exit 4, internal error).
    process.stderr.write(`hybridlink: [InternalError] ${err && err.stack ? err.stack : err}\n`);
    exit(4);
  });
