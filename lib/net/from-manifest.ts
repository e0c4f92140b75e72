import { Manifest, ManifestResource, SecretRef, VpnConnectionSpec } from "../core/manifest";
import { ManifestIndex } from "../core/manifest-index";
import { findProfile, preferenceRank } from "../core/profiles";
import { NetConnection, NetPeering, NetworkModel } from "./model";
import { narrowPolicies, negotiateSelectors, SelectorConfig } from "./negotiation";

export interface ModelFromManifestOptions {
  /**
   * Which cross-account peerings count as accepted. `none`: they stay PENDING
   * (what a fresh deploy shows until the other account accepts); `trusted`:
   * those whose accepter account is among the app's trusted accounts are
   * ACTIVE; `all`: every one is ACTIVE. Same-account peerings are always
   * ACTIVE (seed 003: 同账户…新建后对等连接立即生效).
   *
   * @default "none"
   */
  readonly acceptCrossAccountPeerings?: "none" | "trusted" | "all";
}

/**
 * The synth-time model of a manifest: everything provisioned (gateways
 * AVAILABLE, devices up), same-account peerings ACTIVE, and each tunnel up
 * when both ends agree as the manifest describes them — the device's
 * pre-shared key from the same secret source, the same IKE version and
 * selectors that share addresses (IKEv2 narrows them, RFC 7296 §2.9; IKEv1 needs
 * them mirrored). A tunnel that does not negotiate is down
 * and not routable, with the reason recorded. IDs are logical IDs.
 *
 * Gateway routes published to the VPC need no entry here: the forwarding
 * model puts them in the VPC's main route table, next hop the gateway.
 */
export function modelFromManifest(manifest: Manifest, options: ModelFromManifestOptions = {}): NetworkModel {
  const index = new ManifestIndex(manifest);
  const profile = findProfile(manifest.app.profile);
  const accepted = options.acceptCrossAccountPeerings ?? "none";
  const trusted = new Set(manifest.app.trustedAccounts);
  const id = (r: { ref: string } | undefined): string => r?.ref ?? "";

  return {
    vpcs: index.ofType("Vpc").map((r) => ({ id: r.logicalId, name: r.props.name, region: r.props.region, account: r.account, cidrs: r.props.cidrs })),
    subnets: index.ofType("Subnet").map((r) => ({
      id: r.logicalId,
      name: r.props.name,
      vpc: id(r.props.vpc),
      cidr: r.props.cidr,
      routeTable: id(r.props.routeTable),
    })),
    routeTables: index.ofType("RouteTable").map((r) => ({ id: r.logicalId, vpc: id(r.props.vpc), main: r.props.main })),
    routes: index.ofType("Route").map((r) => ({
      id: r.logicalId,
      routeTable: id(r.props.routeTable),
      destinationCidr: r.props.destinationCidr,
      nextHopType: r.props.nextHopType,
      nextHop: id(r.props.nextHop),
      enabled: r.props.enabled,
    })),
    vpnGateways: index.ofType("VpnGateway").map((r) => ({
      id: r.logicalId,
      name: r.props.name,
      type: r.props.type,
      region: r.props.region,
      ...(r.props.vpc ? { vpc: r.props.vpc.ref } : {}),
      available: true,
      ...(typeof r.props.bandwidthMbps === "number" ? { bandwidthMbps: r.props.bandwidthMbps } : {}),
    })),
    connections: index.ofType("VpnConnection").map((r) => connectionOf(r, index)),
    gatewayRoutes: index.ofType("VpnGatewayRoute").map((r) => ({
      id: r.logicalId,
      gateway: id(r.props.vpnGateway),
      destinationCidr: r.props.destinationCidr,
      connection: id(r.props.nextHop),
      rank: preferenceRank(profile, r.props),
      publishToVpc: r.props.publishToVpc,
      enabled: r.props.enabled,
    })),
    ccns: index.ofType("Ccn").map((r) => ({ id: r.logicalId, name: r.props.name })),
    ccnAttachments: index.ofType("CcnAttachment").map((r) => ({
      id: r.logicalId,
      ccn: id(r.props.ccn),
      instanceType: r.props.instanceType,
      instance: id(r.props.instance),
    })),
    directConnectGateways: index.ofType("DirectConnectGateway").map((r) => ({
      id: r.logicalId,
      name: r.props.name,
      region: r.props.region,
      onPremPrefixes: r.props.onPremPrefixes,
    })),
    peerings: index.ofType("PeeringConnection").map((r): NetPeering => {
      const sameAccount = r.account === r.props.accepterAccount;
      const active = sameAccount || accepted === "all" || (accepted === "trusted" && trusted.has(r.props.accepterAccount));
      return {
        id: r.logicalId,
        name: r.props.name,
        requesterVpc: id(r.props.requesterVpc),
        accepterVpc: id(r.props.accepterVpc),
        state: active ? "ACTIVE" : "PENDING",
        ...(typeof r.props.bandwidthMbps === "number" ? { bandwidthMbps: r.props.bandwidthMbps } : {}),
      };
    }),
    idcSites: index.ofType("IdcSite").map((r) => ({ id: r.logicalId, name: r.props.name, cidrs: r.props.cidrs })),
    customerGateways: index.ofType("CustomerGateway").map((r) => ({
      id: r.logicalId,
      name: r.props.name,
      ipAddress: r.props.ipAddress,
      ...(r.props.site ? { site: r.props.site.ref } : {}),
      up: true,
    })),
  };
}

function connectionOf(r: ManifestResource<"VpnConnection">, index: ManifestIndex): NetConnection {
  const p = r.props;
  const downReason = disagreement(p) ?? missingEnd(p, index);
  return {
    id: r.logicalId,
    name: p.name,
    gateway: p.vpnGateway.ref,
    customerGateway: p.customerGateway.ref,
    routeType: p.routeType,
    // A device proposing other selectors narrows the CHILD_SAs (RFC 7296 §2.9): the SPD carries what was agreed.
    spdPolicies: downReason === undefined ? negotiatedPolicies(p) : p.spdPolicies,
    tunnelUp: downReason === undefined,
    // At steady state route selection knows what negotiation knows.
    routable: downReason === undefined,
    healthCheckEnabled: p.healthCheck?.enabled === true,
    ...(downReason ? { downReason } : {}),
  };
}

function missingEnd(p: VpnConnectionSpec, index: ManifestIndex): string | undefined {
  if (!index.tryResolve(p.vpnGateway, "VpnGateway")) return `its VPN gateway '${p.vpnGateway.ref}' is not in the manifest`;
  if (!index.tryResolve(p.customerGateway, "CustomerGateway")) return `its customer gateway '${p.customerGateway.ref}' is not in the manifest`;
  return undefined;
}

/** Why the two ends of a tunnel would not negotiate, or undefined when they agree. */
function disagreement(p: VpnConnectionSpec): string | undefined {
  const device = p.customerDevice;
  if (!device) return undefined;
  if (device.preSharedKey && secretSource(device.preSharedKey) !== secretSource(p.preSharedKey)) {
    return `the IDC device's pre-shared key comes from ${secretSource(device.preSharedKey)} but the gateway's from ${secretSource(p.preSharedKey)}`;
  }
  if (device.ikeVersion && device.ikeVersion.toUpperCase() !== p.ike.version.toUpperCase()) {
    return `the IDC device speaks ${device.ikeVersion}, the gateway ${p.ike.version}`;
  }
  if (device.localCidrs || device.remoteCidrs) {
    const s = selectorConfig(p);
    const agreed = negotiateSelectors(s, p.ike.version.toLowerCase().endsWith("1") ? 1 : 2);
    if (!agreed.ok) return `the IDC device's selectors do not match the connection's: ${agreed.detail}`;
  }
  return undefined;
}

/** Both ends' selectors: the gateway's from its SPD policies (0.0.0.0/0 when route-based without any), the device's from its overrides or mirrored. */
function selectorConfig(p: VpnConnectionSpec): SelectorConfig {
  const any = ["0.0.0.0/0"];
  const cloudLocal = p.spdPolicies.length ? p.spdPolicies.flatMap((x) => x.localCidrs) : any;
  const cloudRemote = p.spdPolicies.length ? p.spdPolicies.flatMap((x) => x.remoteCidrs) : any;
  return {
    cloudLocal,
    cloudRemote,
    deviceLocal: p.customerDevice?.localCidrs ?? cloudRemote,
    deviceRemote: p.customerDevice?.remoteCidrs ?? cloudLocal,
  };
}

function negotiatedPolicies(p: VpnConnectionSpec): VpnConnectionSpec["spdPolicies"] {
  const device = p.customerDevice;
  if (!device?.localCidrs && !device?.remoteCidrs) return p.spdPolicies;
  const s = selectorConfig(p);
  return narrowPolicies(p.spdPolicies, s.deviceLocal, s.deviceRemote);
}

/** Where a key comes from (never the key). */
function secretSource(s: SecretRef): string {
  return s.secret.source === "env" ? `env:${s.secret.name}` : `pulumi-config:${s.secret.key}`;
}
