import { Command, CommanderError } from "commander";
import { HybridlinkError } from "../core/errors";
import { synthCommand } from "./commands/synth";
import { validateCommand } from "./commands/validate";
import { CliIo, EXIT_USAGE } from "./io";

/** The `hybridlink` command: every subcommand registered on one commander program. */
export function buildCli(io: CliIo): Command {
  const program = new Command("hybridlink")
    .description("hybrid-cloud connectivity: validate, deploy to the simulated cloud, trace and drill")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  for (const command of [synthCommand(io), validateCommand(io)]) {
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
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    exitCode: () => undefined,
  };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`hybridlink: ${err.stack ?? err.message}\n`);
      process.exit(EXIT_USAGE);
    },
  );
}
