import * as fs from "fs";
import * as path from "path";
import { Command, Option } from "commander";
import { HybridlinkError } from "../../core/errors";
import { tryFindProfile } from "../../core/profiles";
import { modelFromManifest } from "../../net/from-manifest";
import { NetworkModel } from "../../net/model";
import { analyzePair } from "../../net/pair";
import { toDot } from "../graph/dot";
import { toMermaid } from "../graph/mermaid";
import { renderSvg } from "../graph/svg";
import { topologyOf } from "../graph/topology";
import { CliIo, EXIT_OK } from "../io";
import { LogicalNames, NO_STACK, resolveCliEndpoint } from "../names";
import { EngineOptions, withEngineOptions, withStackOption } from "../options";
import { loadProgramOrManifest } from "../program";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

interface GraphOptions extends EngineOptions {
  readonly format: "svg" | "dot" | "mermaid";
  readonly out?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * `hybridlink graph [program]`: the topology drawn by Graphviz (SVG, or the
 * DOT itself) or as Mermaid; with `--from/--to`, the traced path in red.
 * Without a program it draws the live simulated cloud; with one, the app as
 * synthesized (every tunnel up, same-account peerings active).
 */
export function graphCommand(io: CliIo): Command {
  const command = new Command("graph")
    .description("draw the topology (SVG via Graphviz, DOT or Mermaid), optionally with a trace highlighted")
    .argument("[program]", "draw this app as synthesized instead of the deployed network (a .ts program, a folder, or a manifest .json)")
    .addOption(new Option("--format <format>", "svg, dot or mermaid").choices(["svg", "dot", "mermaid"]).default("svg"))
    .option("-o, --out <file>", "write the drawing to a file instead of standard output")
    .option("--from <endpoint>", "highlight the trace from this endpoint (with --to)")
    .option("--to <endpoint>", "highlight the trace to this endpoint (with --from)");
  withStackOption(withEngineOptions(command), "draw only this stack's resources, and name endpoints by its logical IDs (default: everything in the store)");
  return command.action(async (program: string | undefined, options: GraphOptions) => {
    if ((options.from === undefined) !== (options.to === undefined)) {
      throw new HybridlinkError("UsageTrace", "A highlighted trace needs both ends: --from <endpoint> --to <endpoint>.");
    }
    const drawing = program
      ? await drawApp(program, options)
      : await usingEngine(openExistingEngine(options), (engine) => draw(engine.networkModel(), stackNamesFor(engine, options), options, engine.profile.displayName));
    if (options.out) {
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      fs.writeFileSync(options.out, drawing.text);
    }
    if (options.json) io.out(JSON.stringify({ format: options.format, ...(options.out ? { writtenTo: options.out } : {}), ...drawing.summary }, null, 2));
    else if (options.out) io.out(`${options.format} topology (${drawing.summary.nodes} nodes, ${drawing.summary.edges} links) written to ${options.out}`);
    else io.out(drawing.text.trimEnd());
    io.exitCode(EXIT_OK);
  });
}

function drawApp(program: string, options: GraphOptions) {
  const manifest = loadProgramOrManifest(program).manifest;
  return draw(modelFromManifest(manifest), NO_STACK, options, tryFindProfile(manifest.app.profile)?.displayName ?? manifest.app.profile);
}

async function draw(model: NetworkModel, names: LogicalNames, options: GraphOptions, cloud: string) {
  const pair =
    options.from !== undefined && options.to !== undefined
      ? analyzePair(model, resolveCliEndpoint(model, options.from, names), resolveCliEndpoint(model, options.to, names))
      : undefined;
  const topology = topologyOf(model, pair, names.stack !== undefined ? (id) => names.logicalIdOf(id) !== undefined : undefined);
  const dot = toDot(topology, { cloud });
  const text = options.format === "mermaid" ? toMermaid(topology) : options.format === "dot" ? dot : await renderSvg(dot);
  return {
    text,
    summary: {
      nodes: topology.nodes.length,
      edges: topology.edges.length,
      highlighted: [...topology.highlighted].sort(),
      ...(pair ? { trace: { from: pair.from.id, to: pair.to.id, verdict: pair.verdict } } : {}),
    },
  };
}
