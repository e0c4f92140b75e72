import { isRef, Manifest, ManifestResource } from "../../lib";
import { CloudError } from "../cloud";
import type { CloudClient } from "../cloud";

/**
 * Before anything is opened or created: refuses an app the endpoint path
 * cannot deploy whole (naming each resource), then tries every account's key
 * once over the wire, so a bad key stops the deploy before its first create.
 */
export function preflightEndpoint(manifest: Manifest, endpoint: string, client: () => CloudClient): void {
  const refusals = endpointRefusals(manifest.resources, manifest.app.profile);
  if (refusals.length) {
    throw new CloudError(
      "UnsupportedOperation.EndpointPath",
      `This app cannot be deployed through ${endpoint} (nothing was created):\n${refusals.map((r) => `  - ${r}`).join("\n")}\n` +
        "Deploy it in process (drop --endpoint and HYBRIDLINK_ENDPOINT), or change what is listed.",
    );
  }
  // The client is made only now: the refusals above are said even for a profile no SDK speaks.
  client().checkAccounts?.([manifest.app.defaultAccount, ...manifest.resources.map((r) => r.account), ...peeringAccepters(manifest)]);
}

/** The first region the app names: where the endpoint path makes what names no region (a customer gateway, a CCN). */
export function endpointRegion(manifest: Manifest): string | undefined {
  for (const r of manifest.resources) {
    const region = (r.props as unknown as Record<string, unknown>).region;
    if (typeof region === "string") return region;
  }
  return undefined;
}

/** The accounts that accept the app's peerings (they act too, with `--accept-peerings`). */
function peeringAccepters(manifest: Manifest): string[] {
  return manifest.resources.flatMap((r) => {
    const accepter = (r.props as unknown as Record<string, unknown>).accepterAccount;
    return r.type === "PeeringConnection" && typeof accepter === "string" ? [accepter] : [];
  });
}

/**
 * What the endpoint path cannot send, found from the manifest before anything
 * is created: a deployment through the SDK either can do all of it or starts
 * nothing (the same refusals tencent-kinds.ts makes at the call, said up front).
 */
export function endpointRefusals(resources: readonly ManifestResource[], profile: string): string[] {
  if (profile !== "tencent" && profile !== "alibaba") {
    return [`the app's profile is '${profile}', which has no official SDK here: the endpoint path speaks Tencent Cloud API 3.0 and Alibaba Cloud's VPC API`];
  }
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const out: string[] = [];
  for (const r of resources) {
    const p = r.props as unknown as Record<string, unknown>;
    const at = `${r.type} '${r.path}'`;
    out.push(...common(r.type, p, at, byId), ...(profile === "tencent" ? tencent(r.type, p, at) : alibaba(r.type, p, at)));
  }
  return out;
}

/** What neither cloud's mapping sends. */
function common(type: string, p: Record<string, unknown>, at: string, byId: ReadonlyMap<string, ManifestResource>): string[] {
  switch (type) {
    case "Vpc":
      return Array.isArray(p.cidrs) && p.cidrs.length > 1 ? [`${at}: ${p.cidrs.length} CIDR blocks; the endpoint path sends CreateVpc's one CidrBlock`] : [];
    case "Subnet": {
      const table = isRef(p.routeTable) ? byId.get(p.routeTable.ref) : undefined;
      return table && (table.props as unknown as Record<string, unknown>).main !== true
        ? [`${at}: uses route table '${table.path}', not its VPC's default; associating another table is not mapped on the endpoint path yet`]
        : [];
    }
    case "RouteTable":
      return p.main !== true ? [`${at}: a second route table (its delete and subnet association are not mapped on the endpoint path yet)`] : [];
    case "VpnConnection":
      return p.customerDevice !== undefined ? [`${at}: 'customerDevice' configures the simulated on-premises device, which no cloud API carries`] : [];
    case "PeeringConnection":
      return p.crossBorderApproval !== undefined ? [`${at}: 'crossBorderApproval' is a ticket with the cloud, not an API field`] : [];
    default:
      return [];
  }
}

function tencent(type: string, p: Record<string, unknown>, at: string): string[] {
  if (type !== "VpnGatewayRoute") return [];
  return [
    ...(p.weight !== undefined ? [`${at}: 'weight' is Alibaba's; Tencent's gateway routes take Priority`] : []),
  ];
}

function alibaba(type: string, p: Record<string, unknown>, at: string): string[] {
  switch (type) {
    case "Ccn":
    case "CcnAttachment":
      return [`${at}: CCN is Tencent's (Alibaba's Cloud Enterprise Network is another API, not served)`];
    case "VpnGateway":
      return p.type === "CCN" ? [`${at}: a CCN-type gateway is Tencent's`] : [];
    case "Route":
      return [`${at}: VPC route entries are not mapped for Alibaba on the endpoint path yet (DescribeRouteEntryList is not served)`];
    case "PeeringConnection":
      return [`${at}: Alibaba's VPC peering (CreateVpcPeerConnection) is not served`];
    case "VpnConnection":
      return p.routeType !== "ROUTE" ? [`${at}: routeType '${String(p.routeType)}'; Alibaba connections are destination-routed (ROUTE) on the endpoint path`] : [];
    case "VpnGatewayRoute":
      return p.weight === undefined ? [`${at}: Alibaba's CreateVpnRouteEntry requires 'weight' (100 active, 0 standby)`] : [];
    default:
      return [];
  }
}
