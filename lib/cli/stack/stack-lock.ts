import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import type { Statement } from "better-sqlite3";
import { Db } from "../../../providers/cloud";
import { CliError, EXIT_BUSY } from "../errors";

/** Who holds a stack's lock, as `stack ls`, a refused `up` and `stack unlock` show it. */
export interface StackLockHolder {
  readonly stack: string;
  /** What it is doing: `up` or `destroy`. */
  readonly operation: string;
  readonly pid: number;
  readonly host: string;
  /** Wall-clock time it took the lock (ISO 8601): people compare it with their own clock, not the engine's. */
  readonly since: string;
}

/** Whether the holder still runs: `dead` only when that is certain (same machine, process gone or its PID reused). */
export type HolderState = "running" | "dead" | "unknown";

interface LockRow {
  stack: string;
  operation: string;
  pid: number;
  host: string;
  machine: string;
  process_start: string;
  acquired_at: string;
  token: string;
}

/**
 * One `up` or `destroy` at a time per stack, as Pulumi refuses a concurrent
 * update: the lock is a row in the store (`stack_locks`), taken in a write
 * transaction, so two processes cannot both get it; other stacks are not
 * blocked. A lock whose holder died (same machine, its process gone) is taken
 * over with a notice, since nothing can still be writing under it; one held on
 * another machine, or by a process that still runs, is cleared only by
 * `hybridlink stack unlock` — the operator's call, as `pulumi cancel` is.
 */
export class StackLocks {
  private readonly select: Statement;
  private readonly insert: Statement;
  private readonly deleteOwn: Statement;
  private readonly deleteAny: Statement;

  constructor(private readonly db: Db) {
    this.select = db.prepare("SELECT * FROM stack_locks WHERE stack = ?");
    this.insert = db.prepare(
      "INSERT INTO stack_locks (stack, operation, pid, host, machine, process_start, acquired_at, token) VALUES (@stack, @operation, @pid, @host, @machine, @process_start, @acquired_at, @token)",
    );
    this.deleteOwn = db.prepare("DELETE FROM stack_locks WHERE stack = ? AND token = ?");
    this.deleteAny = db.prepare("DELETE FROM stack_locks WHERE stack = ?");
  }

  /**
   * Takes the stack's lock for `operation`, or refuses (`StackLocked`, exit 5)
   * naming the holder. Returns the release, and the dead holder it replaced, if any.
   */
  public acquire(stack: string, operation: string): { release: () => void; replaced?: StackLockHolder } {
    const me = this.current(stack, operation);
    const replaced = this.db
      .transaction((): StackLockHolder | undefined => {
        const held = this.select.get(stack) as LockRow | undefined;
        if (held && holderState(held) !== "dead") throw lockedError(held);
        if (held) this.deleteAny.run(stack);
        this.insert.run(me);
        return held ? holderOf(held) : undefined;
      })
      .immediate();
    const release = () => {
      if (this.db.open) this.deleteOwn.run(stack, me.token);
    };
    return replaced ? { release, replaced } : { release };
  }

  /** The stack's lock holder and whether it still runs, or undefined when the stack is not locked. */
  public tryGet(stack: string): { holder: StackLockHolder; state: HolderState } | undefined {
    const held = this.select.get(stack) as LockRow | undefined;
    return held ? { holder: holderOf(held), state: holderState(held) } : undefined;
  }

  /** Every lock in the store, with whether its holder still runs. */
  public all(): { holder: StackLockHolder; state: HolderState }[] {
    return (this.db.prepare("SELECT * FROM stack_locks ORDER BY stack").all() as LockRow[]).map((row) => ({ holder: holderOf(row), state: holderState(row) }));
  }

  /** Removes the stack's lock whoever holds it; returns the holder removed. */
  public clear(stack: string): StackLockHolder | undefined {
    return this.db
      .transaction(() => {
        const held = this.select.get(stack) as LockRow | undefined;
        if (held) this.deleteAny.run(stack);
        return held ? holderOf(held) : undefined;
      })
      .immediate();
  }

  private current(stack: string, operation: string): LockRow {
    return {
      stack,
      operation,
      pid: process.pid,
      host: os.hostname(),
      machine: machineId(),
      process_start: processStart(process.pid) ?? "",
      acquired_at: new Date().toISOString(),
      token: crypto.randomUUID(),
    };
  }
}

/** How a refused `up`/`destroy` says who holds the stack. */
export function describeHolder(h: StackLockHolder): string {
  return `\`${h.operation}\` (pid ${h.pid} on ${h.host}, since ${h.since})`;
}

function lockedError(held: LockRow): CliError {
  const h = holderOf(held);
  const state = holderState(held);
  return new CliError("StackLocked", `Stack '${h.stack}' is locked by ${describeHolder(h)}; nothing was changed.`, {
    exitCode: EXIT_BUSY,
    path: h.stack,
    hint:
      state === "running"
        ? "wait for it to finish (or stop it: Ctrl-C records what it did), then run again"
        : `if that process is no longer running (it is on another machine, so this one cannot tell), clear the lock with \`hybridlink stack unlock ${h.stack}\``,
  });
}

function holderOf(row: LockRow): StackLockHolder {
  return { stack: row.stack, operation: row.operation, pid: row.pid, host: row.host, since: row.acquired_at };
}

/**
 * A process is the holder only if it runs on this machine with the same PID
 * and start time (a PID reused by a later process is not the holder).
 */
function holderState(row: LockRow): HolderState {
  if (row.machine !== machineId()) return "unknown";
  if (!alive(row.pid)) return "dead";
  const start = processStart(row.pid);
  if (start !== undefined && row.process_start !== "" && start !== row.process_start) return "dead";
  return "running";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, owned by another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * This machine as PIDs are meaningful on it: the host name, the kernel's boot
 * and the PID namespace (containers sharing one store through a volume have
 * their own PIDs). Where /proc does not exist, the host name alone.
 */
function machineId(): string {
  return [os.hostname(), readProc("/proc/sys/kernel/random/boot_id"), linkProc("/proc/self/ns/pid")].join("|");
}

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or undefined off Linux. */
function processStart(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function readProc(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function linkProc(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return "";
  }
}
