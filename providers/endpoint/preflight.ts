import { isRef, ManifestResource } from "../../lib";

/**
 * What the endpoint path cannot send, found from the manifest before anything
 * is created: a deployment through the SDK either can do all of it or starts
 * nothing (the same refusals tencent-kinds.ts makes at the call, said up front).
 */
export function endpointRefusals(resources: readonly ManifestResource[], profile: string): string[] {
  if (profile !== "tencent") {
    return [`the app's profile is '${profile}': the endpoint path speaks Tencent Cloud API 3.0 only so far (Alibaba's VPC API is served by hybridlink serve, but the deploy path does not send it yet)`];
  }
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const out: string[] = [];
  for (const r of resources) {
    const p = r.props as unknown as Record<string, unknown>;
    const at = `${r.type} '${r.path}'`;
    switch (r.type) {
      case "Ccn":
      case "CcnAttachment":
        out.push(`${at}: CCN is not mapped on the endpoint path yet (DescribeCcns, DetachCcnInstances and DeleteCcn are not served)`);
        break;
      case "Vpc":
        if (Array.isArray(p.cidrs) && p.cidrs.length > 1) out.push(`${at}: ${p.cidrs.length} CIDR blocks; the endpoint path sends CreateVpc's one CidrBlock`);
        break;
      case "Subnet": {
        const table = isRef(p.routeTable) ? byId.get(p.routeTable.ref) : undefined;
        if (table && (table.props as unknown as Record<string, unknown>).main !== true) {
          out.push(`${at}: uses route table '${table.path}', not its VPC's default; associating another table is not mapped on the endpoint path yet`);
        }
        break;
      }
      case "RouteTable":
        if (p.main !== true) out.push(`${at}: a second route table (its delete and subnet association are not mapped on the endpoint path yet)`);
        break;
      case "VpnGateway":
        if (p.type === "CCN") out.push(`${at}: a CCN-type gateway (CCN is not mapped on the endpoint path yet)`);
        break;
      case "VpnConnection":
        if (p.customerDevice !== undefined) out.push(`${at}: 'customerDevice' configures the simulated on-premises device, which no cloud API carries`);
        break;
      case "VpnGatewayRoute":
        if (p.publishToVpc === true) out.push(`${at}: 'publishToVpc' is not part of Tencent's CreateVpnGatewayRoutes (the VPC reaches the gateway through a VPC route, next hop the VPN gateway)`);
        if (p.weight !== undefined) out.push(`${at}: 'weight' is Alibaba's; Tencent's gateway routes take Priority`);
        break;
      case "PeeringConnection":
        if (p.crossBorderApproval !== undefined) out.push(`${at}: 'crossBorderApproval' is a ticket with the cloud, not an API field`);
        break;
      default:
        break;
    }
  }
  return out;
}
