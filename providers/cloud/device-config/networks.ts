import { parseCidr, cidrsOverlap } from "../../../lib";
import { ResourceRow, Store } from "../store";

/**
 * What each side of a route-based tunnel routes into it. The tunnel's SAs
 * select 0.0.0.0/0, so these routes alone decide what enters it: the other
 * side's networks, never a default route.
 */

/**
 * The cloud-side networks an IDC reaches through this connection: the
 * gateway's VPC, the other destinations of the gateway's route table (other
 * IDCs, scenario 2's transit) and, for a gateway attached to a CCN, what the
 * CCN's other attachments bring (VPCs, direct-connect prefixes). The IDC's own
 * networks are left out.
 */
export function cloudNetworks(connection: ResourceRow, store: Store): string[] {
  const gateway = store.resources.tryGet(connection.props.vpnGateway as string)!;
  const own = idcOwn(connection, store);
  const out: string[] = [];
  const vpc = gateway.props.vpc ? store.resources.tryGet(gateway.props.vpc as string) : undefined;
  if (vpc) out.push(...(vpc.props.cidrs as string[]));
  for (const route of gatewayRoutes(gateway.id, store)) {
    if (route.props.nextHop !== connection.id && route.props.enabled !== false) out.push(route.props.destinationCidr as string);
  }
  const attachment = store.resources.ofType("CcnAttachment").find((a) => a.props.instance === gateway.id);
  if (attachment) {
    for (const other of store.resources.ofType("CcnAttachment")) {
      if (other.props.ccn !== attachment.props.ccn || other.id === attachment.id) continue;
      const instance = store.resources.tryGet(other.props.instance as string);
      if (!instance) continue;
      if (instance.type === "Vpc") out.push(...(instance.props.cidrs as string[]));
      if (instance.type === "DirectConnectGateway") out.push(...(instance.props.onPremPrefixes as string[]));
      if (instance.type === "VpnGateway") out.push(...gatewayRoutes(instance.id, store).map((r) => r.props.destinationCidr as string));
    }
  }
  return unique(out).filter((n) => !own.some((o) => cidrsOverlap(parseCidr(o), parseCidr(n))));
}

/** The IDC networks the gateway routes into this connection (its route-table entries whose next hop it is). */
export function idcNetworks(connection: ResourceRow, store: Store): string[] {
  const gateway = connection.props.vpnGateway as string;
  const routed = gatewayRoutes(gateway, store).filter((r) => r.props.nextHop === connection.id).map((r) => r.props.destinationCidr as string);
  return unique(routed.length ? routed : idcOwn(connection, store));
}

function gatewayRoutes(gateway: string, store: Store): ResourceRow[] {
  return store.resources.ofType("VpnGatewayRoute").filter((r) => r.props.vpnGateway === gateway);
}

/** The IDC site's networks, when the customer gateway names its site. */
function idcOwn(connection: ResourceRow, store: Store): string[] {
  const device = store.resources.tryGet(connection.props.customerGateway as string);
  const site = device?.props.site ? store.resources.tryGet(device.props.site as string) : undefined;
  return site ? (site.props.cidrs as string[]) : [];
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
