import { Command } from "commander";
import { checkIntentsLive, LiveIntentResult } from "../intents";
import { CliIo, EXIT_FINDINGS, EXIT_OK } from "../io";
import { matrixJson, selectedMatrix } from "../matrix-report";
import { EngineOptions, withEngineOptions, withStackOption } from "../options";
import { colorsFor, Colors } from "../render/colors";
import { endpointLabels, renderMatrix } from "../render/matrix";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

interface MatrixOptions extends EngineOptions {
  readonly subnets?: boolean;
  readonly checkIntents?: boolean;
}

/** `hybridlink matrix [endpoints...]`: who reaches whom on the live simulated cloud. */
export function matrixCommand(io: CliIo): Command {
  const command = new Command("matrix")
    .description("the reachability table of the deployed network (every ordered pair), coloured in a terminal")
    .argument("[endpoints...]", "endpoints to include, by name, logical ID, cloud ID or address (default: every VPC, IDC site and direct-connect network)")
    .option("--subnets", "include every subnet as an endpoint too")
    .option("--check-intents", "also check the stack's declared intents on the live network; exit 1 when one does not hold");
  withStackOption(withEngineOptions(command), "only this stack's endpoints and intents (default: every stack in the store)");
  return command.action((given: string[], options: MatrixOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const model = engine.networkModel();
      const names = stackNamesFor(engine, options);
      const matrix = selectedMatrix(model, names, { given, subnets: options.subnets, stackOnly: options.stack !== undefined });
      const intents = options.checkIntents ? checkIntentsLive(model, names.stacks.flatMap((s) => s.intents), names) : undefined;
      const failed = intents?.filter((r) => !r.holds) ?? [];
      if (options.json) {
        io.out(JSON.stringify({ ...matrixJson(matrix, names), ...(intents ? { intents: intents.map(intentJson) } : {}) }, null, 2));
      } else {
        const c = colorsFor(io);
        io.out(matrix.size ? renderMatrix(matrix, endpointLabels(matrix.endpoints), c) : "no endpoints: nothing with an address is deployed here");
        if (intents) io.out(`\n${renderIntents(intents, c)}`);
      }
      io.exitCode(failed.length ? EXIT_FINDINGS : EXIT_OK);
    }),
  );
}

function intentJson(r: LiveIntentResult) {
  return { kind: r.intent.kind, from: r.intent.from, to: r.intent.to, path: r.intent.path, holds: r.holds, found: r.found, reason: r.reason };
}

function renderIntents(results: readonly LiveIntentResult[], c: Colors): string {
  if (!results.length) return "intents: the stack declares none";
  const lines = results.map(
    (r) => `${r.holds ? c.green("holds ") : c.red("BROKEN")}  ${r.intent.kind}(${r.intent.from}, ${r.intent.to})  ${r.found}${r.holds ? "" : ` — ${r.reason}`}`,
  );
  return ["intents:", ...lines.map((l) => `  ${l}`)].join("\n");
}
