import { IConstruct } from "constructs";
import { HybridlinkError } from "./errors";
import { CloudProfile } from "./profiles";

/**
 * What every construct can learn from the root of its tree. Kept apart from
 * NetworkApp so resources can look it up without importing the app (and synth).
 */
export const APP_CONTEXT = Symbol.for("hybridlink.AppContext");

export interface AppContext {
  readonly profile: CloudProfile;
  readonly defaultAccount: string;
  readonly trustedAccounts: readonly string[];
}

/** The context of the NetworkApp at the root of `scope`'s tree; throws if it has none. */
export function appContextOf(scope: IConstruct): AppContext {
  const root = scope.node.root as unknown as Record<symbol, AppContext | undefined>;
  const context = root[APP_CONTEXT];
  if (!context) {
    throw new HybridlinkError(
      "HL-PROPS-002",
      `${scope.node.path || "<root>"}: hybridlink constructs must live under a NetworkApp (new NetworkApp({ profile: "tencent" }))`,
    );
  }
  return context;
}
