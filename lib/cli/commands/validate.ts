import * as fs from "fs";
import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import { Manifest } from "../../core/manifest";
import { validateManifest } from "../../rules/validate";
import { findingsToJson, formatReport } from "../report";
import { CliIo, EXIT_FINDINGS, EXIT_OK } from "../io";

/** `hybridlink validate <manifest.json>`: the same rules over a manifest written by hand or another tool. */
export function validateCommand(io: CliIo): Command {
  return new Command("validate")
    .description("run every rule over a manifest file")
    .argument("<manifest>", "a manifest JSON file")
    .option("--json", "print the findings as JSON")
    .action((file: string, options: { json?: boolean }) => {
      const manifest = readManifest(file);
      const report = validateManifest(manifest);
      io.out(options.json ? JSON.stringify(findingsToJson(report), null, 2) : formatReport(report));
      io.exitCode(report.errors.length === 0 ? EXIT_OK : EXIT_FINDINGS);
    });
}

/** Reads and parses a manifest file; a usage error (exit 2) when it is not JSON of the right shape. */
export function readManifest(file: string): Manifest {
  if (!fs.existsSync(file)) throw new HybridlinkError("ManifestNotFound", `${file}: no such file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new HybridlinkError("ManifestNotJson", `${file} is not valid JSON: ${(err as Error).message}`);
  }
  const m = parsed as Partial<Manifest>;
  if (typeof m !== "object" || m === null || !Array.isArray(m.resources) || typeof m.app !== "object") {
    throw new HybridlinkError(
      "ManifestShape",
      `${file} is not a hybridlink manifest: expected an object with "formatVersion", "app" and "resources" (write one with \`hybridlink synth\`)`,
    );
  }
  return { intents: [], acknowledgements: [], ...m } as Manifest;
}
