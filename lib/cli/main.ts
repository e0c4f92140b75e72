import { Command, CommanderError } from "commander";
import { HybridlinkError } from "../core/errors";
import { clockCommand } from "./commands/clock";
import { configCommand } from "./commands/config";
import { costCommand } from "./commands/cost";
import { credentialsCommand } from "./commands/credentials";
import { destroyCommand } from "./commands/destroy";
import { failCommand } from "./commands/fail";
import { graphCommand } from "./commands/graph";
import { matrixCommand } from "./commands/matrix";
import { peeringCommand } from "./commands/peering";
import { planCommand } from "./commands/plan";
import { recoverCommand } from "./commands/recover";
import { serveCommand } from "./commands/serve";
import { synthCommand } from "./commands/synth";
import { traceCommand } from "./commands/trace";
import { trafficCommand } from "./commands/traffic";
import { upCommand } from "./commands/up";
import { validateCommand } from "./commands/validate";
import { CliIo, EXIT_USAGE } from "./io";
import { setTypeCheck } from "./typecheck";
import { packageVersion } from "./version";

/** The `hybridlink` command: every subcommand registered on one commander program. */
export function buildCli(io: CliIo): Command {
  const program = new Command("hybridlink")
    .description("hybrid-cloud connectivity: validate, deploy to the simulated cloud, trace and drill")
    .version(packageVersion(), "-V, --version", "print the installed hybridlink version")
    .option("--no-typecheck", "run a TypeScript app without type-checking it first")
    .hook("preAction", (command) => setTypeCheck(command.opts().typecheck !== false))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const commands = [
    synthCommand(io),
    validateCommand(io),
    planCommand(io),
    upCommand(io),
    destroyCommand(io),
    traceCommand(io),
    matrixCommand(io),
    failCommand(io),
    recoverCommand(io),
    clockCommand(io),
    peeringCommand(io),
    configCommand(io),
    graphCommand(io),
    costCommand(io),
    trafficCommand(io),
    serveCommand(io),
    credentialsCommand(io),
  ];
  for (const command of commands) {
    program.addCommand(command.exitOverride());
  }
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 findings, 2 usage/input errors). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const captured: CliIo = { ...io, exitCode: (c) => (code = Math.max(code, c)) };
  try {
    await buildCli(captured).parseAsync([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (HybridlinkError.isHybridlinkError(err)) {
      io.err(`hybridlink: [${err.code}] ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  }
  return code;
}

function processIo(): CliIo {
  // A reader that stops early (`| head`) is not an error of ours.
  if (process.stdout.listenerCount("error") === 0) {
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(0);
      throw err;
    });
  }
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    exitCode: () => undefined,
    isTty: process.stdout.isTTY === true,
  };
}

if (require.main === module) {
  // Exit once the output has drained: a large --json output to a pipe is written asynchronously.
  const exit = (code: number) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  main(process.argv.slice(2)).then(exit, (err: Error) => {
    process.stderr.write(`hybridlink: ${err.stack ?? err.message}\n`);
    exit(EXIT_USAGE);
  });
}
