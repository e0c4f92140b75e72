import { Command } from "commander";
import { CliError, EXIT_BUSY } from "../errors";
import { CliIo, EXIT_OK } from "../io";
import { EngineOptions, withEngineOptions } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { describeHolder } from "../stack/stack-lock";
import { StackStore } from "../stack/stack-store";

/**
 * `hybridlink stack unlock <name> [--force]`: clears the lock an `up` or
 * `destroy` left when it could not release it (killed on another machine
 * sharing the store; a lock left on this machine by a process that is gone is
 * taken over by the next `up` without asking). A holder still running here is
 * cleared only with --force: two runs writing one stack's records is what the
 * lock prevents.
 */
export function unlockCommand(io: CliIo): Command {
  const unlock = withEngineOptions(
    new Command("unlock")
      .description("clear a stack's lock left by an up or destroy that no longer runs (it says who held it)")
      .argument("<name>", "the locked stack (see `hybridlink stack ls`, column 'locked by')")
      .option("--force", "clear it even though its holder still runs on this machine (it may then write beside the next up)"),
  );
  unlock.addHelpText("after", "\nExample:\n  $ hybridlink stack unlock ha-dual-customer-gateway");
  return unlock.action((name: string, options: EngineOptions & { force?: boolean }) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const store = StackStore.open(engine.path);
      try {
        const lock = store.locks().tryGet(name);
        if (!lock) {
          if (!store.tryGetStack(name)) {
            const all = store.stacks().map((s) => s.name);
            throw CliError.usage("UnknownStack", `No stack '${name}' in ${engine.path}, and no lock by that name.`, {
              path: name,
              hint: all.length ? `stacks here: ${all.join(", ")}` : "nothing is deployed here",
            });
          }
          io.out(options.json ? JSON.stringify({ stack: name, cleared: null }, null, 2) : `stack ${name} is not locked`);
          io.exitCode(EXIT_OK);
          return;
        }
        if (lock.state === "running" && options.force !== true) {
          throw new CliError("StackLockHeld", `Stack '${name}' is locked by ${describeHolder(lock.holder)}, which is still running; the lock was kept.`, {
            exitCode: EXIT_BUSY,
            path: name,
            hint: "wait for it to finish or stop it (Ctrl-C records what it did); --force clears the lock anyway",
          });
        }
        const cleared = store.locks().clear(name);
        if (options.json) io.out(JSON.stringify({ stack: name, cleared }, null, 2));
        else io.out(`stack ${name} unlocked (the lock of ${describeHolder(cleared!)} was cleared); the next up resumes from what it recorded`);
        io.exitCode(EXIT_OK);
      } finally {
        store.close();
      }
    }),
  );
}
