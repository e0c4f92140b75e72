import { Command, Option } from "commander";
import { analyzePair } from "../../net/pair";
import { PairVerdictCode } from "../../net/verdicts";
import { CliIo, EXIT_FINDINGS, EXIT_OK } from "../io";
import { resolveCliEndpoint } from "../names";
import { EngineOptions, withEngineOptions, withStackOption } from "../options";
import { colorsFor } from "../render/colors";
import { renderPair, TRACE_WIDTH } from "../render/trace";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

const EXPECTATIONS: Readonly<Record<string, PairVerdictCode>> = { reachable: "REACHABLE", "one-way": "ONE_WAY", unreachable: "UNREACHABLE" };

interface TraceOptions extends EngineOptions {
  readonly expect?: string;
}

/** `hybridlink trace <from> <to>`: both directions hop by hop on the live simulated cloud, and the verdict with its reason. */
export function traceCommand(io: CliIo): Command {
  const command = new Command("trace")
    .description("trace a packet both ways between two endpoints on the deployed network: the hops, the verdict and why")
    .argument("<from>", "a VPC, subnet, IDC site or direct-connect gateway (name, logical ID or cloud ID), or an IPv4 address")
    .argument("<to>", "the other endpoint, named the same ways")
    .addOption(new Option("--expect <verdict>", "exit 1 unless the pair is this").choices(Object.keys(EXPECTATIONS)));
  withStackOption(withEngineOptions(command));
  return command.action((fromText: string, toText: string, options: TraceOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const model = engine.networkModel();
      const names = stackNamesFor(engine, options);
      const pair = analyzePair(model, resolveCliEndpoint(model, fromText, names), resolveCliEndpoint(model, toText, names));
      const expected = options.expect ? EXPECTATIONS[options.expect] : undefined;
      const met = expected === undefined || pair.verdict === expected;
      if (options.json) io.out(JSON.stringify({ ...pair, ...(expected ? { expected, met } : {}) }, null, 2));
      else {
        // 100 columns, or a narrower terminal's width (never under 60: IDs and CIDRs stay whole).
        const columns = io.isTty === true && process.stdout.columns ? Math.max(60, Math.min(TRACE_WIDTH, process.stdout.columns)) : TRACE_WIDTH;
        io.out(renderPair(pair, colorsFor(io), columns));
        if (!met) io.out(`\nexpected ${expected}, found ${pair.verdict}`);
      }
      io.exitCode(met ? EXIT_OK : EXIT_FINDINGS);
    }),
  );
}
