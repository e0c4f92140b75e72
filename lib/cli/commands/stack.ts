import { Command } from "commander";
import { CliError } from "../errors";
import { CliIo, EXIT_OK } from "../io";
import { EngineOptions, withEngineOptions } from "../options";
import { renderTable } from "../render/table";
import { openExistingEngine, usingEngine } from "../session";
import { latestStack, StackStore } from "../stack/stack-store";
import { unlockCommand } from "./stack-unlock";

/** One stack as `stack ls` shows it. */
export interface StackSummary {
  readonly name: string;
  readonly profile: string;
  readonly program: string;
  readonly resources: number;
  /** Engine time of its last `up`. */
  readonly updatedAt: string;
  /** The stack deployed last: drills without `--stack` act with its profile and default account. */
  readonly current: boolean;
  /** Who holds its lock (an `up` or `destroy` under way, or one that died: see `stack unlock`), when locked. */
  readonly lockedBy?: { operation: string; pid: number; host: string; since: string; running: boolean | null };
}

/**
 * `hybridlink stack ls|rm`: the stacks one store holds (several clouds side
 * by side), as Pulumi lists and removes stacks.
 */
export function stackCommand(io: CliIo): Command {
  const ls = withEngineOptions(new Command("ls").description("list the deployed stacks: cloud profile, program, resource count, last update"));
  ls.addHelpText("after", "\nExample:\n  $ hybridlink stack ls");
  ls.action((options: EngineOptions) => usingEngine(openExistingEngine(options), (engine) => {
    const stacks = summaries(engine.path);
    if (options.json) io.out(JSON.stringify({ stacks }, null, 2));
    else if (!stacks.length) io.out(`no stacks in ${engine.path}: deploy one with \`hybridlink up <program> --yes\``);
    else {
      const anyLocked = stacks.some((s) => s.lockedBy !== undefined);
      io.out(
        renderTable(
          // The "locked by" column only when a stack is locked: most of the time none is.
          [{ header: "stack" }, { header: "cloud" }, { header: "resources", right: true }, { header: "last up (engine clock)" }, { header: "program" }, ...(anyLocked ? [{ header: "locked by" }] : [])],
          stacks.map((s) => [`${s.name}${s.current ? " *" : ""}`, s.profile, String(s.resources), s.updatedAt, s.program, ...(anyLocked ? [lockText(s)] : [])]),
        ) + "\n* deployed last: commands without --stack act with its cloud profile and default account",
      );
    }
    io.exitCode(EXIT_OK);
  }));

  const rm = withEngineOptions(
    new Command("rm")
      .description("forget an empty stack (destroy its resources first); --force forgets it even with resources, leaving them in the cloud")
      .argument("<name>", "the stack to remove (see `hybridlink stack ls`)")
      .option("--force", "forget the stack's records even though its resources stay in the simulated cloud"),
  );
  rm.addHelpText("after", "\nExamples:\n  $ hybridlink destroy --stack s1-vpc-idc-spd --yes && hybridlink stack rm s1-vpc-idc-spd");
  rm.action((name: string, options: EngineOptions & { force?: boolean }) => usingEngine(openExistingEngine(options), (engine) => {
    const store = StackStore.open(engine.path);
    try {
      const all = store.stacks();
      if (!all.some((s) => s.name === name)) {
        throw CliError.usage("UnknownStack", `No stack '${name}' in ${engine.path}.`, {
          path: name,
          hint: all.length ? `stacks here: ${all.map((s) => s.name).join(", ")}` : "nothing is deployed here",
        });
      }
      const left = store.resources(name).length;
      if (left > 0 && options.force !== true) {
        throw CliError.usage("StackNotEmpty", `Stack '${name}' still has ${left} resource(s) in the simulated cloud.`, {
          path: name,
          hint: `delete them with \`hybridlink destroy --stack ${name}\`, or forget the stack and leave them with --force`,
        });
      }
      store.removeStack(name);
      io.out(options.json ? JSON.stringify({ removed: name, resourcesLeftInCloud: left }, null, 2) : `stack ${name} removed${left ? ` (${left} resource(s) left in the simulated cloud)` : ""}`);
      io.exitCode(EXIT_OK);
    } finally {
      store.close();
    }
  }));

  return new Command("stack").description("the stacks deployed in the store: list them, remove one, clear a stale lock").addCommand(ls).addCommand(rm).addCommand(unlockCommand(io));
}

/** Every stack of the store with its resource count, the one deployed last marked. */
export function summaries(file: string): StackSummary[] {
  const store = StackStore.open(file);
  try {
    const stacks = store.stacks();
    const locks = store.locks();
    const current = latestStack(stacks)?.name;
    return stacks.map((s) => {
      const lock = locks.tryGet(s.name);
      return {
        name: s.name,
        profile: s.app.profile,
        program: s.program,
        resources: store.resources(s.name).length,
        updatedAt: new Date(s.updatedAt).toISOString(),
        current: s.name === current,
        ...(lock ? { lockedBy: { operation: lock.holder.operation, pid: lock.holder.pid, host: lock.holder.host, since: lock.holder.since, running: lock.state === "unknown" ? null : lock.state === "running" } } : {}),
      };
    });
  } finally {
    store.close();
  }
}

/** The "locked by" cell: empty when unlocked. */
function lockText(s: StackSummary): string {
  const l = s.lockedBy;
  if (!l) return "";
  const state = l.running === null ? "another machine" : l.running ? "running" : "no longer running";
  return `${l.operation} pid ${l.pid}@${l.host} since ${l.since} (${state})`;
}
