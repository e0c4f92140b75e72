import { HybridlinkError } from "../../core/errors";
import { StackView } from "../stack/lookup";
import { latestStack, StackInfo } from "../stack/stack-store";

/**
 * The account a drill request is made as: `--account`, else
 * HYBRIDLINK_ACCOUNT, else the account the stack recorded for the target
 * (its owner; for answering a peering request, the accepter), else the
 * app's default account when one stack is deployed.
 */
export function drillAccount(
  explicit: string | undefined,
  view: StackView,
  recorded?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const account = explicit ?? (env.HYBRIDLINK_ACCOUNT || undefined) ?? recorded ?? defaultAccountOf(view.stacks);
  if (!account) {
    throw new HybridlinkError(
      "AccountRequired",
      "Which account makes this request? Pass --account <id> (or set HYBRIDLINK_ACCOUNT); " +
        (view.stacks.length > 1 ? "several stacks are deployed here, so there is no single default." : "no deployed stack records one."),
    );
  }
  return account;
}

/** The app's default account when every stack considered agrees on one, else the one of the stack deployed last. */
function defaultAccountOf(stacks: readonly StackInfo[]): string | undefined {
  const accounts = new Set(stacks.map((s) => s.app.defaultAccount));
  return accounts.size === 1 ? [...accounts][0] : latestStack(stacks)?.app.defaultAccount;
}

/** The owner the stack recorded for a cloud ID. */
export function recordedOwner(view: StackView, cloudId: string): string | undefined {
  return view.recordOf(cloudId)?.account;
}
