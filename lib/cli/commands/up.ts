import * as fs from "fs";
import { Command } from "commander";
import { confirmPlan } from "../deploy/confirm";
import { applyDeployment, renderApplyReport } from "../deploy/run";
import { lockFor, openDeployment } from "../deploy/deployment";
import { renderPlan } from "../deploy/plan-view";
import { CliIo } from "../io";
import { matrixJson, selectedEndpoints } from "../matrix-report";
import { reachabilityMatrix, ReachabilityMatrix } from "../../net/matrix";
import { Colors, colorsFor } from "../render/colors";
import { endpointLabels, renderMatrix } from "../render/matrix";
import { storePath } from "../session";
import { stackNamesFor } from "../stack/lookup";
import { DeployOptions, loadOrReport, withDeployOptions } from "./plan";

interface UpOptions extends DeployOptions {
  readonly yes?: boolean;
}

/** Beyond this many endpoints the table after `up` would not fit a terminal. */
const MAX_MATRIX_AFTER_UP = 16;
/** Beyond this many endpoints `up` does not check reachability itself (n² walks): `hybridlink matrix` does. */
const MAX_MATRIX_ENDPOINTS = 100;

/**
 * `hybridlink up <program>`: plan, apply with live progress, then the
 * reachability matrix of the stack. Every step is recorded as it happens:
 * interrupted, it resumes; run again with nothing changed, it does nothing.
 */
export function upCommand(io: CliIo): Command {
  const command = new Command("up")
    .description("deploy the app to the simulated cloud: show the plan, ask, apply it with progress, print the reachability matrix")
    .argument("<program>", "a .ts program exporting a NetworkApp, a folder with app.ts, or a manifest .json")
    .option("-y, --yes", "apply without asking (needed when there is no terminal to ask on: scripts, CI)");
  withDeployOptions(command);
  return command.action(async (program: string, options: UpOptions) => {
    const loaded = loadOrReport(io, program, options);
    if (!loaded) return;
    const stack = options.stack ?? loaded.defaultStack;
    // Nothing deployed yet and a question to ask first: plan on a scratch cloud, so a "no" leaves no store file behind.
    const scratch = options.yes !== true && !fs.existsSync(storePath(options));
    let opened = openDeployment(stack, program, loaded.manifest, { ...options, scratch, ...lockFor("up", io) });
    const c = colorsFor(io);
    try {
      if (!options.json) io.out(renderPlan(opened.view, c));
      await confirmPlan(io, options, "up", opened.view, opened.operations.length);
      if (scratch) {
        opened.close();
        opened = openDeployment(stack, program, loaded.manifest, { ...options, ...lockFor("up", io) });
      }
      const m = loaded.manifest;
      opened.ctx.store.putStack({ name: stack, program, app: m.app, intents: m.intents, updatedAt: Date.parse(String(opened.engine.request("DescribeClock", {}, { account: m.app.defaultAccount }).now)) });
      if (!options.json && opened.operations.length) io.out("");
      const report = opened.operations.length ? await applyDeployment(io, c, opened, options.json === true) : { applied: [], remaining: 0, interrupted: false, exitCode: 0 };
      if (!options.json && opened.operations.length) io.out(renderApplyReport(report, "up", c));
      // Everything applied: the next up with nothing changed decides so from the stack's digest.
      if (report.exitCode === 0 && !report.interrupted && !("failed" in report && report.failed)) opened.markDeployed();
      if (opened.endpoint !== undefined) {
        // The cloud is at the endpoint, not in this store: its data plane is the server's to walk.
        const note = { omitted: true, reason: `the cloud is at ${opened.endpoint}`, command: `hybridlink matrix --stack ${stack} --state <the store hybridlink serve runs on>` };
        if (options.json) io.out(JSON.stringify({ plan: opened.view, ...report, generatedSecrets: opened.ctx.secrets.generatedSources(), endpoint: opened.endpoint, matrix: note }, null, 2));
        else io.out(`\nreachability: the cloud is at ${opened.endpoint}; check it where it runs: ${note.command}`);
        io.exitCode(report.exitCode);
        return;
      }
      const names = stackNamesFor(opened.engine, { ...options, stack });
      const model = opened.engine.networkModel();
      const endpoints = selectedEndpoints(model, names, { stackOnly: true });
      // Past MAX_MATRIX_ENDPOINTS the check after every up would cost more than the up (n² walks, and as JSON
      // n² cells): it is left to `hybridlink matrix`, which the output names.
      const matrix = endpoints.length <= MAX_MATRIX_ENDPOINTS ? reachabilityMatrix(model, endpoints) : undefined;
      const omitted = { omitted: true, endpoints: endpoints.length, reason: `more than ${MAX_MATRIX_ENDPOINTS} endpoints`, command: `hybridlink matrix --stack ${stack} --json` };
      if (options.json) {
        io.out(JSON.stringify({ plan: opened.view, ...report, generatedSecrets: opened.ctx.secrets.generatedSources(), matrix: matrix ? matrixJson(matrix, names) : omitted }, null, 2));
      } else {
        io.out(
          `\nreachability (stack ${stack}):\n` +
            (matrix ? renderStackMatrix(matrix, c) : `${endpoints.length} endpoints: too many to check after every up; the table and its counts: hybridlink matrix --stack ${stack}`),
        );
      }
      io.exitCode(report.exitCode);
    } finally {
      opened.close();
    }
  });
}

/** Up's closing table: the matrix, or for a big stack only the pair counts (the full table is `hybridlink matrix`). */
function renderStackMatrix(matrix: ReachabilityMatrix, c: Colors): string {
  if (!matrix.size) return "no endpoints";
  if (matrix.size <= MAX_MATRIX_AFTER_UP) return renderMatrix(matrix, endpointLabels(matrix.endpoints), c);
  const k = matrix.counts();
  return `${matrix.size} endpoints; pairs: ${k.REACHABLE / 2} reachable, ${k.ONE_WAY / 2} one-way, ${k.UNREACHABLE / 2} unreachable (the whole table: hybridlink matrix)`;
}
