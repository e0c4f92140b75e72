import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import { confirmPlan } from "../deploy/confirm";
import { emptyManifest, lockFor, openDeployment } from "../deploy/deployment";
import { renderPlan } from "../deploy/plan-view";
import { applyDeployment, renderApplyReport } from "../deploy/run";
import { CliIo, EXIT_OK } from "../io";
import { EngineOptions, withEngineOptions, withStackOption } from "../options";
import { resolveProgram } from "../load-app";
import { stackNameOf } from "../program";
import { colorsFor } from "../render/colors";
import { openExistingEngine } from "../session";
import { automaticBackupPath, backupStore } from "../stack/backup";
import { StackInfo, StackStore } from "../stack/stack-store";

/** `hybridlink destroy [program]`: delete every resource of a stack, dependents first, then forget the stack. */
export function destroyCommand(io: CliIo): Command {
  const command = new Command("destroy")
    .description("delete every resource of a deployed stack (dependents first) and forget the stack")
    .argument("[program]", "the app whose stack to destroy (its folder names the stack); or use --stack")
    .option("-y, --yes", "destroy without asking (needed when there is no terminal to ask on: scripts, CI)")
    .option("--no-backup", "do not back up the store first (by default a copy goes to backups/ beside the store: `hybridlink state restore` brings it back)")
    .option("--endpoint <url>", "the stack was deployed through the official SDK to this endpoint (default: $HYBRIDLINK_ENDPOINT)");
  withStackOption(withEngineOptions(command), "the stack to destroy (default: the program's folder name, else the only stack)");
  return command.action(async (program: string | undefined, options: EngineOptions & { yes?: boolean; backup?: boolean; endpoint?: string }) => {
    const stack = findStack(options, program);
    const opened = openDeployment(stack.name, stack.program, emptyManifest(stack.app), { ...options, ...lockFor("destroy", io) });
    const c = colorsFor(io);
    try {
      const creating = [...opened.records.values()].filter((r) => r.status === "CREATING");
      if (!options.json) io.out(renderPlan(opened.view, c));
      await confirmPlan(io, options, "destroy", opened.view, opened.operations.length);
      // Deletes cannot be undone in the cloud; in the simulator a copy taken now can (state restore) — unless the
      // cloud is at an endpoint: then this store holds only the records, and restoring them would bring nothing back.
      const backup = opened.operations.length && options.backup !== false && opened.endpoint === undefined ? await backupStore(opened.engine.storeConnection(), automaticBackupPath(opened.engine.path, `destroy-${stack.name}`)) : undefined;
      if (backup && !options.json) io.out(`backup of the store before destroy: ${backup.file} (undo with \`hybridlink state restore ${backup.file}\`)`);
      const report = opened.operations.length ? await applyDeployment(io, c, opened, options.json === true) : { applied: [], remaining: 0, interrupted: false, exitCode: EXIT_OK };
      const complete = report.exitCode === EXIT_OK && creating.length === 0;
      if (complete) opened.ctx.store.removeStack(stack.name);
      if (options.json) io.out(JSON.stringify({ plan: opened.view, ...report, stackRemoved: complete, unconfirmedCreates: creating.map((r) => r.logicalId), backup: backup?.file ?? null }, null, 2));
      else {
        if (opened.operations.length) io.out(renderApplyReport(report, "destroy", c));
        for (const r of creating) {
          io.out(c.yellow(`${r.path}: a create was interrupted before the cloud answered; run \`hybridlink up\` to finish it (it cannot be made twice), then destroy again`));
        }
        if (complete) io.out(`stack ${stack.name} destroyed`);
      }
      io.exitCode(report.exitCode);
    } finally {
      opened.close();
    }
  });
}

/** The stack to destroy: `--stack`, else the program folder's name, else the only stack in the store. */
function findStack(options: EngineOptions, program: string | undefined): StackInfo {
  const engine = openExistingEngine(options);
  const store = StackStore.open(engine.path);
  try {
    const stacks = store.stacks();
    const wanted = options.stack ?? (program ? stackNameOf(resolveProgram(program)) : undefined);
    const found = wanted !== undefined ? stacks.find((s) => s.name === wanted) : stacks.length === 1 ? stacks[0] : undefined;
    if (!found) {
      throw new HybridlinkError(
        "UnknownStack",
        wanted !== undefined
          ? `No stack '${wanted}' is deployed in ${engine.path}${stacks.length ? ` (stacks: ${stacks.map((s) => s.name).join(", ")})` : ""}.`
          : stacks.length
            ? `Several stacks are deployed in ${engine.path} (${stacks.map((s) => s.name).join(", ")}): say which with --stack <name>.`
            : `Nothing is deployed in ${engine.path}.`,
      );
    }
    return found;
  } finally {
    store.close();
    engine.close();
  }
}
