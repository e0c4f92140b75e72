import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { CloudEngine } from "../../../providers/cloud";
import { cannotConfirm } from "../deploy/confirm";
import { CliError, EXIT_BUSY } from "../errors";
import { CliIo, EXIT_OK } from "../io";
import { EngineOptions, withEngineOptions } from "../options";
import { openExistingEngine, storePath, usingEngine } from "../session";
import { automaticBackupPath, backupStore, BackupResult, restoreStore, checkBackup } from "../stack/backup";
import { describeHolder } from "../stack/stack-lock";
import { StackStore } from "../stack/stack-store";

/**
 * `hybridlink state backup FILE` / `state restore FILE`: a consistent copy of
 * the whole store (every stack and the simulated cloud) through SQLite's
 * online backup, and its way back — what `pulumi stack export/import` is for
 * a Pulumi stack. Keys stay sealed in the copy (docs/security.md).
 */
export function stateCommand(io: CliIo): Command {
  const backup = withEngineOptions(
    new Command("backup")
      .description("copy the whole store (all stacks and the simulated cloud) to FILE, consistently, while others use it")
      .argument("<file>", "where to write the copy (created readable by you only)")
      .option("--force", "replace FILE if it exists"),
  );
  backup.addHelpText("after", "\nExample:\n  $ hybridlink state backup ~/hybridlink-before-change.db");
  backup.action((file: string, options: EngineOptions & { force?: boolean }) =>
    usingEngine(openExistingEngine(options), async (engine) => {
      const copy = await backupStore(engine.storeConnection(), file, { overwrite: options.force === true });
      report(io, options, "backup", copy, `backed up ${engine.path} to ${copy.file}`);
    }),
  );

  const restore = withEngineOptions(
    new Command("restore")
      .description("replace the store with a backup (the current store is backed up first); asks on a terminal")
      .argument("<file>", "a file `hybridlink state backup` (or a backup before destroy) wrote")
      .option("-y, --yes", "restore without asking (needed when there is no terminal to ask on)"),
  );
  restore.addHelpText("after", "\nExample:\n  $ hybridlink state restore .hybridlink/backups/ha-dual-customer-gateway-2026-12-03T10-00-00Z.db --yes");
  restore.action(async (file: string, options: EngineOptions & { yes?: boolean }) => {
    const target = storePath(options);
    const incoming = checkBackup(path.resolve(file));
    if (path.resolve(file) === target) throw CliError.usage("BadBackup", `${target} is the store itself; nothing was restored.`, { path: file, hint: "give a backup file" });
    let before: BackupResult | undefined;
    if (fs.existsSync(target)) {
      const engine = CloudEngine.open({ path: target });
      try {
        refuseWhileLocked(engine);
        const question = `Replace ${target} (every stack and the simulated cloud) with ${incoming.file} (stacks: ${incoming.stacks.join(", ") || "none"})?`;
        if (cannotConfirm(io, options)) {
          throw CliError.usage("ConfirmationRequired", `restore replaces the whole store ${target}, and there is no terminal to confirm on: nothing was changed.`, {
            hint: "run again with --yes",
          });
        }
        if (options.yes !== true && !(await io.confirm!(question))) throw CliError.usage("Declined", "restore cancelled at the prompt: nothing was changed.");
        before = await backupStore(engine.storeConnection(), automaticBackupPath(target, "before-restore"));
      } finally {
        engine.close();
      }
    }
    const restored = await restoreStore(incoming.file, target);
    report(io, options, "restore", { ...restored, ...(before ? { previous: before.file } : {}) }, `restored ${target} from ${incoming.file}${before ? ` (the store it replaced is in ${before.file})` : ""}`);
  });

  return new Command("state").description("back up and restore the whole store").addCommand(backup).addCommand(restore);
}

function report(io: CliIo, options: EngineOptions, verb: string, result: BackupResult & { previous?: string }, text: string): void {
  if (options.json) io.out(JSON.stringify({ [verb]: result }, null, 2));
  else io.out(`${text}: ${result.bytes} bytes, ${result.stacks.length} stack(s)${result.stacks.length ? ` (${result.stacks.join(", ")})` : ""}; pre-shared keys in it stay sealed under the store's seal.key or $HYBRIDLINK_SEAL_KEY`);
  io.exitCode(EXIT_OK);
}

/** A restore under a running `up`/`destroy` would pull its records from under it. */
function refuseWhileLocked(engine: CloudEngine): void {
  const held = StackStore.of(engine).locks().all().find((l) => l.state !== "dead");
  if (held) {
    const name = held.holder.stack;
    throw new CliError("StackLocked", `Stack '${name}' is locked by ${describeHolder(held.holder)}; the store was not replaced.`, {
      exitCode: EXIT_BUSY,
      path: name,
      hint: `wait for it to finish, or clear a stale lock with \`hybridlink stack unlock ${name}\``,
    });
  }
}
