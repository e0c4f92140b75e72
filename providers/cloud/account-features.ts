import { cite, CloudProfile, FACTS, findProfile, PROFILE_NAMES, Source } from "../../lib";
import { CloudError } from "./errors";
import type { ActionContext } from "./actions/types";

/**
 * What a ticket with the cloud enables for an account. The seeds name two:
 * Tencent's VPN route table is in gray release (seed 000: 灰度测试中…请提交 [工单申请]),
 * and cross-region peering above the 10 Gbps cap is by ticket (seed 003:
 * 如果需更大带宽请提起工单). The engine checks them as account features the
 * store's operator grants (`hybridlink account feature grant`), standing in
 * for the cloud's support answering the ticket.
 */
export interface AccountFeature {
  readonly name: string;
  /** What it enables, for messages. */
  readonly enables: string;
  readonly source: Source;
  /** Whether the cloud gates this at all. */
  applies(profile: CloudProfile): boolean;
}

export const ACCOUNT_FEATURES: Readonly<Record<string, AccountFeature>> = {
  "vpn-route-table": {
    name: "vpn-route-table",
    enables: "the VPN route table: route-based VPN connections and VPN gateway routes",
    source: FACTS.vpnRouteTableGray,
    applies: (profile) => profile.vpnRouteTableGrayRelease,
  },
  "peering-bandwidth-above-cap": {
    name: "peering-bandwidth-above-cap",
    enables: "cross-region peering bandwidth above the cap",
    source: FACTS.crossRegionCapTicket,
    applies: (profile) => profile.peering.crossRegionBandwidthMbps !== undefined,
  },
};

export const ACCOUNT_FEATURE_NAMES: readonly string[] = Object.keys(ACCOUNT_FEATURES);

/** The clouds that gate `feature` (where a grant of it means something). */
export function cloudsGating(feature: AccountFeature): CloudProfile[] {
  return PROFILE_NAMES.map(findProfile).filter((p) => feature.applies(p));
}

/**
 * True when the account may use the feature on this cloud: that cloud granted it
 * (a ticket is answered by one cloud's support), or the cloud does not gate it.
 */
export function hasFeature(ctx: ActionContext, name: string): boolean {
  const feature = ACCOUNT_FEATURES[name];
  return !feature.applies(ctx.profile) || ctx.store.features.tryGet(ctx.account, ctx.profile.name, name) !== undefined;
}

/** The CLI command that grants it, as refusals and warnings print it. */
export function grantCommand(feature: string, account: string, cloud: string): string {
  return `hybridlink account feature grant ${feature} --account ${account} --ticket <ticket reference> --cloud ${cloud}`;
}

/**
 * Refuses `what` when the account lacks the feature. The code is ours (an
 * assumption): the cloud's API reference documents none for a feature an
 * account has not been enabled for; UnsupportedOperation is its class for what
 * the account cannot do.
 */
export function requireFeature(ctx: ActionContext, name: string, what: string): void {
  if (hasFeature(ctx, name)) return;
  const feature = ACCOUNT_FEATURES[name];
  throw new CloudError(
    "UnsupportedOperation.FeatureNotEnabled",
    `${ctx.action}: ${what} needs ${feature.enables}, which account '${ctx.account}' has not been enabled for on ${ctx.profile.displayName} (${cite(feature.source)}). ` +
      `Ask the cloud by ticket; in the simulator the operator grants it: ${grantCommand(name, ctx.account, ctx.profile.name)}.`,
  );
}
