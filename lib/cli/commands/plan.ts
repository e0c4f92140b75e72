import * as fs from "fs";
import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import type { SynthError } from "../../core/synth";
import { formatReport, warningLines } from "../report";
import { openDeployment } from "../deploy/deployment";
import { renderPlan } from "../deploy/plan-view";
import { CliIo, EXIT_FINDINGS, EXIT_OK } from "../io";
import { EngineOptions, withEngineOptions, withStackOption } from "../options";
import { LoadedProgram, loadProgramOrManifest } from "../program";
import { colorsFor } from "../render/colors";
import { storePath } from "../session";

/** Options of plan and up. */
export interface DeployOptions extends EngineOptions {
  readonly acceptPeerings?: boolean;
  /** `--endpoint`: the official SDK to this URL instead of the in-process engine. */
  readonly endpoint?: string;
}

/** `hybridlink plan <program|manifest.json>`: what `up` would do to the stored stack, and why. */
export function planCommand(io: CliIo): Command {
  const command = new Command("plan")
    .description("the diff between the app and its deployed stack: create, update, replace (with the reason), delete")
    .argument("<program>", "a .ts program exporting a NetworkApp, a folder with app.ts, or a manifest .json");
  withDeployOptions(command);
  return command.action((program: string, options: DeployOptions) => {
    const loaded = loadOrReport(io, program, options);
    if (!loaded) return;
    // Nothing deployed yet: plan against an empty cloud rather than create a store file.
    const scratch = !fs.existsSync(storePath(options));
    const opened = openDeployment(options.stack ?? loaded.defaultStack, program, loaded.manifest, { ...options, scratch });
    try {
      io.out(options.json ? JSON.stringify(opened.view, null, 2) : renderPlan(opened.view, colorsFor(io)));
      io.exitCode(EXIT_OK);
    } finally {
      opened.close();
    }
  });
}

/** Adds the options plan and up share. */
export function withDeployOptions(command: Command): Command {
  withStackOption(withEngineOptions(command), "the stack to deploy (default: the app's folder name)");
  return command
    .option(
      "--accept-peerings",
      "accept cross-account peerings as the accepter account right after creating them (you hold both accounts); otherwise they stay PENDING until `hybridlink peering accept`",
    )
    .option(
      "--endpoint <url>",
      "deploy through the official cloud SDK to this endpoint (hybridlink serve's URL) instead of the in-process engine; keys from TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY (default: $HYBRIDLINK_ENDPOINT)",
    );
}

/**
 * The program synthesized and validated; on error-level findings, prints them
 * (as `validate` does) and exits 1 without touching the cloud.
 */
export function loadOrReport(io: CliIo, program: string, options: EngineOptions): LoadedProgram | undefined {
  try {
    const loaded = loadProgramOrManifest(program);
    if (!options.json && loaded.report.warnings.length) io.out(`${warningLines(loaded.report).join("\n")}\n`);
    return loaded;
  } catch (err) {
    // By code, not instanceof: the app may have loaded another copy of the library.
    if (!HybridlinkError.isHybridlinkError(err) || err.code !== "SynthFailed" || !Array.isArray((err as SynthError).findings)) throw err;
    const findings = (err as SynthError).findings;
    const report = { findings, errors: findings, warnings: [], acknowledged: [] };
    io.out(options.json ? JSON.stringify({ ok: false, errors: findings.length, findings }, null, 2) : `${formatReport(report)}\nnothing was planned or deployed: fix the errors above`);
    io.exitCode(EXIT_FINDINGS);
    return undefined;
  }
}
