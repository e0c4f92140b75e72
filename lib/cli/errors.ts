/**
 * How the `hybridlink` command fails: one exit-code table and one error shape
 * for every command. A command throws (a CliError, or any hybridlink error);
 * `main` turns it into the exit code and prints it once — as text on standard
 * error, or with `--json` as `{"error": {...}}` on standard output and nothing
 * else, so a script reads one JSON document whatever happened.
 */
import { CommanderError } from "commander";
import { HybridlinkError } from "../core/errors";

/** Exit code: everything as asked. */
export const EXIT_OK = 0;
/** Exit code: findings or failed checks (synth errors, a broken intent, a trace that misses its `--expect`). */
export const EXIT_FINDINGS = 1;
/** Exit code: usage or input errors (bad arguments, unknown names, no terminal to confirm on); nothing was changed. */
export const EXIT_USAGE = 2;
/** Exit code: the simulated cloud refused a request (its error code says why; what was done before is recorded). */
export const EXIT_REFUSED = 3;
/** Exit code: an internal error, a bug in hybridlink (rerun with HYBRIDLINK_DEBUG=1 for the stack trace). */
export const EXIT_INTERNAL = 4;
/** Exit code: busy — the stack is locked by another `up`/`destroy`, or the store by another process; nothing was changed, retry later. */
export const EXIT_BUSY = 5;
/** Exit code: `up` or `destroy` stopped by Ctrl-C after recording what it had done (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** The exit codes as the README's table lists them. */
export const EXIT_CODES: ReadonlyArray<readonly [code: number, meaning: string]> = [
  [EXIT_OK, "ok"],
  [EXIT_FINDINGS, "findings or failed checks (synth errors, a broken intent, a trace that misses --expect)"],
  [EXIT_USAGE, "usage or input error (bad arguments, unknown names, no terminal to confirm on); nothing changed"],
  [EXIT_REFUSED, "refused by the cloud (the engine's error code says why)"],
  [EXIT_INTERNAL, "internal error (a bug: rerun with HYBRIDLINK_DEBUG=1 and report it)"],
  [EXIT_BUSY, "busy: the stack is locked by another up or destroy (or the store by another process); nothing changed, retry later"],
  [EXIT_INTERRUPTED, "interrupted by Ctrl-C (what was done is recorded; run again to resume)"],
];

/** The `--json` shape of every error. */
export interface CliErrorJson {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** What the error is about: a construct path, a file, an option (`--stack`). */
    readonly path?: string;
    /** How to fix it, when the message alone does not say. */
    readonly hint?: string;
  };
}

/** Where and how an error may be fixed, and which exit code it carries. */
export interface CliErrorOptions {
  /** @default EXIT_USAGE */
  readonly exitCode?: number;
  readonly path?: string;
  readonly hint?: string;
}

/**
 * An error a command reports to its user: a stable code, a message that says
 * what was wrong, optionally where (`path`) and how to fix it (`hint`), and
 * the exit code it ends the command with.
 */
export class CliError extends HybridlinkError {
  /** True for a CliError from any copy of the library. */
  public static isCliError(x: unknown): x is CliError {
    return HybridlinkError.isHybridlinkError(x) && (x as CliError).name === "CliError";
  }

  /** A usage or input error (exit 2). */
  public static usage(code: string, message: string, options: Omit<CliErrorOptions, "exitCode"> = {}): CliError {
    return new CliError(code, message, { ...options, exitCode: EXIT_USAGE });
  }

  /** Findings or a failed check (exit 1). */
  public static findings(code: string, message: string, options: Omit<CliErrorOptions, "exitCode"> = {}): CliError {
    return new CliError(code, message, { ...options, exitCode: EXIT_FINDINGS });
  }

  public readonly exitCode: number;
  public readonly path?: string;
  public readonly hint?: string;

  constructor(code: string, message: string, options: CliErrorOptions = {}) {
    super(code, message);
    this.name = "CliError";
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    if (options.path !== undefined) this.path = options.path;
    if (options.hint !== undefined) this.hint = options.hint;
  }

  /** The `--json` document: `{"error": {code, message, path?, hint?}}`. */
  public toJSON(): CliErrorJson {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path !== undefined ? { path: this.path } : {}),
        ...(this.hint !== undefined ? { hint: this.hint } : {}),
      },
    };
  }
}

/**
 * Any thrown value as the CliError the user sees: commander's usage errors
 * (exit 2), the cloud's refusals (exit 3), a synth that found errors (exit 1),
 * hybridlink's other coded errors (exit 2), anything else internal (exit 4).
 */
export function toCliError(err: unknown, command = "hybridlink"): CliError {
  if (CliError.isCliError(err)) return err;
  if (err instanceof CommanderError) {
    return CliError.usage(commanderCode(err.code), err.message.replace(/^error:\s*/, ""), { hint: `see \`${command} --help\`` });
  }
  if (HybridlinkError.isHybridlinkError(err)) {
    const extra = err as HybridlinkError & { path?: unknown; hint?: unknown };
    const where = typeof extra.path === "string" ? { path: extra.path } : {};
    const hint = typeof extra.hint === "string" ? { hint: extra.hint } : {};
    // By name, not instanceof: the error may come from another copy of the library (the user's app).
    if (err.name === "CloudError") {
      return new CliError(err.code, err.message, { exitCode: err.code === "InternalError.StoreBusy" ? EXIT_BUSY : EXIT_REFUSED, ...where, ...hint });
    }
    if (err.code === "SynthFailed") return new CliError(err.code, err.message, { exitCode: EXIT_FINDINGS, ...where, ...hint });
    return new CliError(err.code, err.message, { exitCode: EXIT_USAGE, ...where, ...hint });
  }
  const message = err instanceof Error ? err.message : String(err);
  if ((err as { code?: unknown } | null)?.code === "SQLITE_FULL") {
    return CliError.usage("DiskFull", "The disk holding the store is full; SQLite rolled the change in flight back (what was committed before stays, and an interrupted up resumes).", {
      hint: "free space (or move the store with `hybridlink state backup` and --state), then run the command again",
    });
  }
  if ((err as { code?: unknown } | null)?.code === "SQLITE_READONLY") {
    // A store opened read-only (a read-only mount, another user's file): only reading commands work on it.
    return CliError.usage("StoreReadOnly", "The store is read-only here, and this command writes to it; nothing was changed.", {
      hint: "make the store file and its folder writable (or copy the store somewhere writable and use --state); read commands work as it is",
    });
  }
  if (isSqliteBusy(err)) {
    // Another process holds the store's write lock (an external sqlite3 shell, a long transaction) past the busy wait.
    return new CliError("StoreBusy", `The store is locked by another process and stayed locked past the ${BUSY_WAIT_TEXT} wait: ${message}. Nothing was changed.`, {
      exitCode: EXIT_BUSY,
      hint: "find the process holding it (`fuser <store>` on Linux), let it finish or stop it, then run again",
    });
  }
  return new CliError("InternalError", message, {
    exitCode: EXIT_INTERNAL,
    hint: "this is a bug in hybridlink, not in your input: rerun with HYBRIDLINK_DEBUG=1 for the stack trace and report it",
  });
}

/** The error as people read it, for standard error: `hybridlink: [code] message`, then where and how to fix it. */
export function formatCliError(err: CliError): string {
  const lines = [`hybridlink: [${err.code}] ${err.message}`];
  if (err.path !== undefined) lines.push(`  at: ${err.path}`);
  if (err.hint !== undefined) lines.push(`  fix: ${err.hint}`);
  return lines.join("\n");
}

/** `commander.unknownOption` → `UnknownOption`: the CLI's codes are PascalCase like the engine's. */
function commanderCode(code: string): string {
  const tail = code.replace(/^commander\./, "");
  return tail.charAt(0).toUpperCase() + tail.slice(1);
}

/** True when the command line asks for JSON (read before parsing, so a parse error is JSON too). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).includes("--json");
}

/**
 * How long SQLite's busy handler waits, as messages say it: providers/cloud/store/db.ts BUSY_TIMEOUT_MS
 * (not imported: every command loads this file, and synth must not load the engine).
 */
const BUSY_WAIT_TEXT = "30 s";

function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
