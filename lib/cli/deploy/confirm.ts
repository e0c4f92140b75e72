import { CliError } from "../errors";
import { CliIo } from "../io";
import { PlanView } from "./plan-view";

/** What `up` and `destroy` need to know to decide whether they may go ahead. */
export interface ConfirmOptions {
  /** `--yes`: go ahead without asking (scripts, CI). */
  readonly yes?: boolean;
}

/**
 * True when the command must refuse rather than ask: no `--yes` and no
 * terminal to ask on (as Pulumi refuses a non-interactive update without
 * `--yes`). Checked before anything is opened for writing.
 */
export function cannotConfirm(io: CliIo, options: ConfirmOptions): boolean {
  return options.yes !== true && !(io.isInteractive === true && io.confirm !== undefined);
}

/**
 * Asks before `up` or `destroy` changes anything (the plan has been shown
 * above): deletions are named in the question, as they cannot be undone.
 * Without a terminal and without `--yes` it refuses (exit 2, nothing
 * changed); a "no" on the terminal stops the same way.
 */
export async function confirmPlan(io: CliIo, options: ConfirmOptions, verb: "up" | "destroy", view: PlanView, operations: number): Promise<void> {
  if (operations === 0 || options.yes === true) return;
  const deletes = view.changes.filter((s) => s.action === "delete" || s.action === "replace");
  if (cannotConfirm(io, options)) {
    throw CliError.usage(
      "ConfirmationRequired",
      `${verb} would make ${operations} change(s) to stack '${view.stack}'` +
        (deletes.length ? `, deleting ${deletes.length} resource(s)` : "") +
        ", and there is no terminal to confirm on: nothing was changed.",
      { hint: `review the plan (\`hybridlink plan\`${verb === "destroy" ? " or the list above" : ""}), then run again with --yes` },
    );
  }
  const goes = deletes.length ? ` This deletes ${deletes.length} resource(s): ${deletes.map((s) => s.path).join(", ")}.` : "";
  const question = `${verb === "destroy" ? "Destroy" : "Apply"} ${operations} change(s) to stack '${view.stack}'?${goes}`;
  if (!(await io.confirm!(question))) {
    throw CliError.usage("Declined", `${verb} cancelled at the prompt: nothing was changed.`, { hint: "run again and answer yes, or pass --yes" });
  }
}
