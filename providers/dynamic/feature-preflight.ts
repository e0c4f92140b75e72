import { isRef, Manifest, ManifestResource, tryFindProfile } from "../../lib";
import { ACCOUNT_FEATURES, CloudError, grantCommand } from "../cloud";
import type { CloudClient } from "../cloud";

/** Whether `account` has been granted `feature` (the store's answer). */
export type FeatureLookup = (account: string, feature: string) => boolean;

/** The cloud's answer to "has this account this feature", asked once per account (DescribeAccountFeatures, as the operator). */
export function grantedFeatures(client: CloudClient): FeatureLookup {
  const granted = new Map<string, Set<string>>();
  return (account, feature) => {
    let features = granted.get(account);
    if (!features) {
      const items = (client.request("DescribeAccountFeatures", {}, { account, operator: true }).items ?? []) as Array<{ feature: string }>;
      features = new Set(items.map((i) => i.feature));
      granted.set(account, features);
    }
    return features.has(feature);
  };
}

/**
 * The account features (tickets) the resources to create need, checked before
 * the first create: the engine refuses a route-based connection or a gateway
 * route without the VPN route table's ticket, and peering above the cap
 * without its ticket — synth only warns (the ticket is the account's, not the
 * program's), so this is where `up` learns it would be refused half-way.
 */
export function preflightFeatures(manifest: Manifest, creating: ReadonlySet<string>, has: FeatureLookup): void {
  const profile = tryFindProfile(manifest.app.profile);
  if (!profile) return;
  const byId = new Map(manifest.resources.map((r) => [r.logicalId, r]));
  const missing = new Map<string, { account: string; feature: string; paths: string[] }>();
  for (const r of manifest.resources) {
    if (!creating.has(r.logicalId)) continue;
    for (const feature of featuresOf(r, byId, profile.peering.crossRegionBandwidthMbps?.[1])) {
      if (!ACCOUNT_FEATURES[feature].applies(profile) || has(r.account, feature)) continue;
      const key = `${r.account}\n${feature}`;
      const entry = missing.get(key) ?? { account: r.account, feature, paths: [] };
      entry.paths.push(r.path);
      missing.set(key, entry);
    }
  }
  if (!missing.size) return;
  const lines = [...missing.values()].map(
    (m) =>
      `  account ${m.account} lacks ${m.feature} (${ACCOUNT_FEATURES[m.feature].enables}), needed by ${m.paths.slice(0, 5).join(", ")}${m.paths.length > 5 ? ` and ${m.paths.length - 5} more` : ""}\n` +
      `    grant it once the cloud accepts the ticket: ${grantCommand(m.feature, m.account, profile.name)}`,
  );
  // The cloud's refusal, said before the first create (the same code the engine gives each resource).
  throw new CloudError(
    "UnsupportedOperation.FeatureNotEnabled",
    `${profile.displayName} would refuse ${missing.size === 1 ? "a resource" : "resources"} of this app for want of a ticket; nothing was created:\n${lines.join("\n")}`,
  );
}

function featuresOf(r: ManifestResource, byId: ReadonlyMap<string, ManifestResource>, cap: number | undefined): string[] {
  const p = r.props as unknown as Record<string, unknown>;
  if (r.type === "VpnConnection" && p.routeType === "ROUTE") return ["vpn-route-table"];
  if (r.type === "VpnGatewayRoute") return ["vpn-route-table"];
  if (r.type === "PeeringConnection" && cap !== undefined && typeof p.bandwidthMbps === "number" && p.bandwidthMbps > cap) {
    const region = (ref: unknown) => (isRef(ref) ? (byId.get(ref.ref)?.props as unknown as Record<string, unknown> | undefined)?.region : undefined);
    const [a, b] = [region(p.requesterVpc), region(p.accepterVpc)];
    if (a !== undefined && b !== undefined && a !== b) return ["peering-bandwidth-above-cap"];
  }
  return [];
}
