import { HealthCheck, IkeOptions, IpsecOptions, SpdPolicy, VpnRouteType } from "../../../lib/core/manifest";
import { ResourceRow, Store } from "../store";

/** One end of the tunnel as the IDC device sees it. */
export interface DeviceEndpoint {
  /** Public address of this end. */
  readonly address: string;
  /** IKE identity (the address, as the cloud's own downloads use). */
  readonly id: string;
  /** Networks this end protects. */
  readonly subnets: readonly string[];
}

/** A pair of traffic selectors, from the device's point of view. */
export interface DeviceSelector {
  readonly localSubnets: readonly string[];
  readonly remoteSubnets: readonly string[];
}

/**
 * The IDC device's view of a connection: the cloud's configuration with
 * local and remote swapped (seed 001 step 4: the download's LocalSubnet is
 * the IDC's networks, RemoteSubnet the VPC's).
 */
export interface DeviceView {
  readonly vpnConnectionId: string;
  readonly name: string;
  readonly routeType: VpnRouteType;
  /** This device. */
  readonly local: DeviceEndpoint;
  /** The cloud VPN gateway. */
  readonly remote: DeviceEndpoint;
  /** One selector pair per SPD policy; a route-based connection without policies selects everything. */
  readonly selectors: readonly DeviceSelector[];
  readonly ike: IkeOptions;
  readonly ipsec: IpsecOptions;
  /** The cloud probes `idcIp` from `cloudIp`; the device must answer. */
  readonly healthCheck?: { readonly cloudIp: string; readonly idcIp: string; readonly intervalMs: number; readonly retries: number };
  /** Present only when the download asked for it. */
  readonly preSharedKey?: string;
}

/** Builds the device view of a stored connection. */
export function deviceView(connection: ResourceRow, store: Store, includePreSharedKey: boolean): DeviceView {
  const p = connection.props as unknown as {
    name: string;
    vpnGateway: string;
    customerGateway: string;
    routeType: VpnRouteType;
    spdPolicies: readonly SpdPolicy[];
    ike: IkeOptions;
    ipsec: IpsecOptions;
    healthCheck?: HealthCheck;
  };
  const gateway = store.resources.tryGet(p.vpnGateway)!;
  const device = store.resources.tryGet(p.customerGateway)!;
  const gatewayIp = gateway.props.publicIp as string;
  const deviceIp = device.props.ipAddress as string;
  const selectors: DeviceSelector[] = p.spdPolicies.length
    ? p.spdPolicies.map((s) => ({ localSubnets: s.remoteCidrs, remoteSubnets: s.localCidrs }))
    : [{ localSubnets: ["0.0.0.0/0"], remoteSubnets: ["0.0.0.0/0"] }];
  const key = includePreSharedKey ? store.secrets.tryGet(connection.id, "preSharedKey") : undefined;
  const hc = p.healthCheck?.enabled ? p.healthCheck : undefined;
  return {
    vpnConnectionId: connection.id,
    name: p.name,
    routeType: p.routeType,
    local: { address: deviceIp, id: deviceIp, subnets: unique(selectors.flatMap((s) => s.localSubnets)) },
    remote: { address: gatewayIp, id: gatewayIp, subnets: unique(selectors.flatMap((s) => s.remoteSubnets)) },
    selectors,
    ike: p.ike,
    ipsec: p.ipsec,
    ...(hc ? { healthCheck: { cloudIp: hc.localIp, idcIp: hc.remoteIp, intervalMs: hc.intervalMs, retries: hc.retries } } : {}),
    ...(key !== undefined ? { preSharedKey: key } : {}),
  };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
