import { Command, CommanderError } from "commander";
import { CliError, EXIT_INTERNAL, EXIT_USAGE, formatCliError, toCliError, wantsJson } from "./errors";
import { addHelpExamples } from "./help-examples";
import { CliIo } from "./io";
import { setTypeCheck } from "./typecheck";
import { packageVersion } from "./version";

/**
 * Every command, in help order, with its module loaded only when the command
 * is built: a run loads the one command it runs (start-up is module loading,
 * and `synth` needs neither SQLite nor Pulumi nor the diagram renderer).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: ReadonlyArray<readonly [name: string, build: (io: CliIo) => Command]> = [
  ["synth", (io) => (require("./commands/synth") as typeof import("./commands/synth")).synthCommand(io)],
  ["validate", (io) => (require("./commands/validate") as typeof import("./commands/validate")).validateCommand(io)],
  ["plan", (io) => (require("./commands/plan") as typeof import("./commands/plan")).planCommand(io)],
  ["up", (io) => (require("./commands/up") as typeof import("./commands/up")).upCommand(io)],
  ["destroy", (io) => (require("./commands/destroy") as typeof import("./commands/destroy")).destroyCommand(io)],
  ["trace", (io) => (require("./commands/trace") as typeof import("./commands/trace")).traceCommand(io)],
  ["matrix", (io) => (require("./commands/matrix") as typeof import("./commands/matrix")).matrixCommand(io)],
  ["fail", (io) => (require("./commands/fail") as typeof import("./commands/fail")).failCommand(io)],
  ["recover", (io) => (require("./commands/recover") as typeof import("./commands/recover")).recoverCommand(io)],
  ["clock", (io) => (require("./commands/clock") as typeof import("./commands/clock")).clockCommand(io)],
  ["peering", (io) => (require("./commands/peering") as typeof import("./commands/peering")).peeringCommand(io)],
  ["config", (io) => (require("./commands/config") as typeof import("./commands/config")).configCommand(io)],
  ["graph", (io) => (require("./commands/graph") as typeof import("./commands/graph")).graphCommand(io)],
  ["cost", (io) => (require("./commands/cost") as typeof import("./commands/cost")).costCommand(io)],
  ["traffic", (io) => (require("./commands/traffic") as typeof import("./commands/traffic")).trafficCommand(io)],
  ["serve", (io) => (require("./commands/serve") as typeof import("./commands/serve")).serveCommand(io)],
  ["account", (io) => (require("./commands/account") as typeof import("./commands/account")).accountCommand(io)],
  ["credentials", (io) => (require("./commands/credentials") as typeof import("./commands/credentials")).credentialsCommand(io)],
  ["state", (io) => (require("./commands/state") as typeof import("./commands/state")).stateCommand(io)],
  ["stack", (io) => (require("./commands/stack") as typeof import("./commands/stack")).stackCommand(io)],
  ["ls", (io) => (require("./commands/ls") as typeof import("./commands/ls")).lsCommand(io)],
  ["describe", (io) => (require("./commands/describe") as typeof import("./commands/describe")).describeCommand(io)],
];
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The `hybridlink` command: every subcommand registered on one commander
 * program; with `only` naming a command, just that one (what main does when
 * the command line names it; help and unknown commands get them all).
 */
export function buildCli(io: CliIo, json = false, only?: string): Command {
  const program = new Command("hybridlink")
    .description("hybrid-cloud connectivity: validate, deploy to the simulated cloud, trace and drill")
    .version(packageVersion(), "-V, --version", "print the installed hybridlink version")
    .option("--no-typecheck", "run a TypeScript app without type-checking it first")
    .hook("preAction", (command) => setTypeCheck(command.opts().typecheck !== false))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      // Under --json nothing but the one JSON document: the help commander prints with a usage error stays unprinted.
      writeErr: (s) => (json ? undefined : io.err(s.trimEnd())),
      // Parse errors are reported once, by main, in the error shape (JSON under --json).
      outputError: () => undefined,
    });
  const one = COMMANDS.find(([name]) => name === only);
  for (const [, build] of one ? [one] : COMMANDS) program.addCommand(build(io));
  addHelpExamples(program);
  inheritErrorHandling(program, json);
  return program;
}

/** Every subcommand (and theirs) throws instead of exiting, and leaves reporting parse errors to main. */
function inheritErrorHandling(command: Command, json: boolean): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput({ ...command.configureOutput(), outputError: () => undefined });
    if (json) sub.showHelpAfterError(false);
    inheritErrorHandling(sub, json);
  }
}

/**
 * Runs the CLI and returns the exit code (0 ok, 1 findings, 2 usage, 3 refused
 * by the cloud, 4 internal error, 130 interrupted). Every error is printed
 * here, once: as text on standard error, or under `--json` as
 * `{"error": {...}}` on standard output.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const json = wantsJson(argv);
  const captured: CliIo = { ...io, exitCode: (c) => (code = Math.max(code, c)) };
  const program = buildCli(captured, json, argv.find((a) => !a.startsWith("-")));
  // `hybridlink --json` alone: no command, said in the error shape (the root has no --json of its own).
  if (json && argv.every((a) => a === "--json")) return reportNoCommand(io, json);
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (err) {
    // --help and --version end the parse with a "success" error.
    if (err instanceof CommanderError && err.exitCode === 0) return 0;
    // No command at all: the help was printed; under --json say so in the error shape.
    if (err instanceof CommanderError && err.code === "commander.help") {
      return reportNoCommand(io, json);
    }
    const failure = toCliError(err, commandName(program, argv));
    if (json) io.out(JSON.stringify(failure.toJSON(), null, 2));
    else io.err(formatCliError(failure));
    if (failure.exitCode === EXIT_INTERNAL && process.env.HYBRIDLINK_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
    return failure.exitCode;
  }
  return code;
}

function reportNoCommand(io: CliIo, json: boolean): number {
  const none = CliError.usage("NoCommand", "no command given", { hint: "see `hybridlink --help`" });
  if (json) io.out(JSON.stringify(none.toJSON(), null, 2));
  else io.err(formatCliError(none));
  return EXIT_USAGE;
}

/** `hybridlink up` for a command line whose command is `up`, for hints. */
function commandName(program: Command, argv: readonly string[]): string {
  const first = argv.find((a) => !a.startsWith("-"));
  return first && program.commands.some((c) => c.name() === first) ? `hybridlink ${first}` : "hybridlink";
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
    isInteractive: process.stdin.isTTY === true,
    confirm: askOnTerminal,
  };
}

/** A yes/no question on the terminal (asked on standard error, so standard output stays the command's own). */
async function askOnTerminal(question: string): Promise<boolean> {
  const readline = await import("readline/promises");
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

if (require.main === module) {
  // Exit once the output has drained: a large --json output to a pipe is written asynchronously.
  const exit = (code: number) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  main(process.argv.slice(2)).then(exit, (err: Error) => {
    process.stderr.write(`hybridlink: [InternalError] ${err.stack ?? err.message}\n`);
    exit(EXIT_INTERNAL);
  });
}
