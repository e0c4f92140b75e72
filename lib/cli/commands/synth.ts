import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { manifestToJson } from "../../core/synth";
import { loadApp } from "../load-app";
import { findingsToJson, formatReport } from "../report";
import { CliIo, EXIT_FINDINGS, EXIT_OK } from "../io";

/** `hybridlink synth <program>`: build the app, run every rule, write the manifest. */
export function synthCommand(io: CliIo): Command {
  return new Command("synth")
    .description("run a TypeScript program (or an example folder), validate its app and write the manifest")
    .argument("<program>", "a .ts program exporting a NetworkApp, or a folder with app.ts")
    .option("-o, --out <file>", "where to write the manifest ('-' for standard output)", "hybridlink.out/manifest.json")
    .option("--json", "print the findings as JSON")
    .action((program: string, options: { out: string; json?: boolean }) => {
      const app = loadApp(program);
      const { manifest, report } = app.synthesize({ throwOnError: false });
      const ok = report.errors.length === 0;
      if (ok && options.out === "-") {
        io.out(manifestToJson(manifest).trimEnd());
      } else if (ok) {
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, manifestToJson(manifest));
      }
      const log = options.out === "-" ? (text: string) => io.err(text) : (text: string) => io.out(text);
      if (options.json) log(JSON.stringify({ ...findingsToJson(report), manifest: ok && options.out !== "-" ? options.out : undefined }, null, 2));
      else {
        log(formatReport(report));
        if (ok && options.out !== "-") log(`manifest: ${options.out} (${manifest.resources.length} resources)`);
        if (!ok) log("synth failed: no manifest written; fix the errors above");
      }
      io.exitCode(ok ? EXIT_OK : EXIT_FINDINGS);
    });
}
