import { Command, InvalidArgumentError, Option } from "commander";

/** Options every engine-facing command shares. */
export interface EngineOptions {
  /** The engine's store file. */
  readonly state?: string;
  /** Print machine-readable JSON instead of text. */
  readonly json?: boolean;
  /** The stack whose logical IDs name things (plan/up/destroy: the stack to deploy). */
  readonly stack?: string;
}

/** Options of the commands that make requests as an account (drills). */
export interface AccountOptions extends EngineOptions {
  readonly account?: string;
}

/** Adds `--state <file>` and `--json`: every command that reads or changes the simulated cloud has both. */
export function withEngineOptions(command: Command): Command {
  return command
    .option("--state <file>", "the simulated cloud's store file (default: $HYBRIDLINK_STATE, else .hybridlink/state.db here)")
    .option("--json", "print JSON for machines instead of text");
}

/** Adds `--stack <name>`: which deployed stack's logical IDs the command may use. */
export function withStackOption(command: Command, description = "the deployed stack whose logical IDs name resources (default: the only stack in the store)"): Command {
  return command.addOption(new Option("--stack <name>", description).argParser(stackName));
}

/**
 * A stack name as Pulumi allows them (its documented rule, which we adopt):
 * 1–100 characters, letters, digits, '-', '_' and '.'. An empty name would
 * deploy a stack no command can name again.
 */
export function stackName(value: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(value)) {
    throw new InvalidArgumentError(
      `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}' is not a stack name: use 1 to 100 letters, digits, '-', '_' or '.' (e.g. ha-prod).`,
    );
  }
  return value;
}

/** Adds `--account <id>`: who makes the requests. */
export function withAccountOption(command: Command): Command {
  return command.addOption(
    new Option("--account <id>", "the account that makes the request (default: $HYBRIDLINK_ACCOUNT, else the owner recorded in the stack, else the app's default account)"),
  );
}
