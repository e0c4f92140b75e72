/**
 * The IDC device's view of one IPsec connection (seed 001 step 4, 下载配置):
 * the cloud side's local and remote subnets swapped, the cloud gateway's public
 * IP as the peer, the same key and proposals. A pure function over plain
 * values, so one layout serves the constructs (before deploy: the gateway IP a
 * reference, the key its source) and the engine's configuration download
 * (after deploy: the address, the key when asked for). Its fields are a
 * superset of the engine's `DeviceView` (providers/cloud/device-config/view.ts).
 */
import type { HealthCheck, IkeOptions, IpsecOptions, Ref, SecretRef, SpdPolicy, VpnRouteType } from "../core/manifest";
import type { TunnelRole } from "./sources";

/** Selectors that match every address: what a route-based tunnel without policies negotiates. */
export const ANY_TRAFFIC: readonly string[] = ["0.0.0.0/0"];

/** Everything the device configuration is rendered from, in the cloud side's terms. */
export interface DeviceConfigurationInput<Ip = string | Ref, Key = SecretRef> {
  /** Name of the IPsec connection on the cloud side. */
  readonly connectionName: string;
  /** Name of the customer gateway (the IDC device). */
  readonly deviceName: string;
  /** The device's static public IPv4. */
  readonly deviceIp: string;
  /** Name of the cloud VPN gateway. */
  readonly gatewayName: string;
  /** The cloud gateway's public IP: a reference (`{ ref, attr: "publicIp" }`) before deploy, the address after. */
  readonly gatewayPublicIp: Ip;
  /**
   * The pre-shared key: its source before deploy, the value in a download that asks for it.
   *
   * @default - not included
   */
  readonly preSharedKey?: Key;
  /** `SPD` (policy-based) or `ROUTE` (route-based). */
  readonly routeType: VpnRouteType;
  /** The connection's policies, cloud side: local = cloud networks, remote = IDC networks. */
  readonly spdPolicies: readonly SpdPolicy[];
  /**
   * A connection without policies: the cloud-side networks the device routes into this tunnel.
   *
   * @default - none
   */
  readonly cloudCidrs?: readonly string[];
  /**
   * A connection without policies: the IDC networks behind the device.
   *
   * @default - none
   */
  readonly siteCidrs?: readonly string[];
  /** IKE phase-1 proposal, which the device must match. */
  readonly ike: IkeOptions;
  /** IPsec phase-2 proposal, which the device must match. */
  readonly ipsec: IpsecOptions;
  /**
   * The cloud side's health check of this connection.
   *
   * @default - none
   */
  readonly healthCheck?: HealthCheck;
  /**
   * Active or standby, for a tunnel of a failover pair.
   *
   * @default - not part of a pair
   */
  readonly role?: TunnelRole;
}

/** One end of the tunnel as the device sees it. */
export interface DeviceConfigurationEndpoint<Ip> {
  /** Display name (the customer gateway's, or the VPN gateway's). */
  readonly name: string;
  /** Public address of this end. */
  readonly address: Ip;
  /** IKE identity: the address, as the clouds' own downloads use. */
  readonly id: Ip;
  /** The networks behind this end. */
  readonly subnets: readonly string[];
}

/** What goes on the IDC's VPN device for one connection, in the device's terms. */
export interface DeviceConfiguration<Ip = string | Ref, Key = SecretRef> {
  /** The connection's name on the cloud side. */
  readonly name: string;
  /** `SPD`: traffic matched by the selectors; `ROUTE`: routed into the tunnel by `routes`. */
  readonly routeType: VpnRouteType;
  /** This device: its subnets are the IDC's networks (seed 001 LocalSubnet). */
  readonly local: DeviceConfigurationEndpoint<string>;
  /** The cloud VPN gateway: its subnets are the cloud's networks (seed 001 RemoteSubnet). */
  readonly remote: DeviceConfigurationEndpoint<Ip>;
  /** Phase-2 selectors, one pair per policy, swapped; any↔any for a route-based tunnel without policies. */
  readonly selectors: ReadonlyArray<{ readonly localSubnets: readonly string[]; readonly remoteSubnets: readonly string[] }>;
  /** Route-based tunnels: destinations the device routes into the tunnel (policies route by themselves). */
  readonly routes: readonly string[];
  /** IKE phase-1 proposal, as the cloud side has it. */
  readonly ike: IkeOptions;
  /** IPsec phase-2 proposal, as the cloud side has it. */
  readonly ipsec: IpsecOptions;
  /** The cloud probes `idcIp` (an address the device must answer for) from `cloudIp`. */
  readonly healthCheck?: { readonly cloudIp: string; readonly idcIp: string; readonly intervalMs: number; readonly retries: number };
  /** The key: its source before deploy, the value in a download that asks for it. */
  readonly preSharedKey?: Key;
  /** Active or standby, for a tunnel of a failover pair. */
  readonly role?: TunnelRole;
}

/** Renders the device's view of one connection: subnets, selectors and health-check ends swapped. */
export function renderDeviceConfiguration<Ip, Key>(input: DeviceConfigurationInput<Ip, Key>): DeviceConfiguration<Ip, Key> {
  const policies = input.spdPolicies;
  const selectors =
    policies.length > 0
      ? policies.map((p) => ({ localSubnets: [...p.remoteCidrs], remoteSubnets: [...p.localCidrs] }))
      : [{ localSubnets: ANY_TRAFFIC, remoteSubnets: ANY_TRAFFIC }];
  const localSubnets = policies.length > 0 ? unique(policies.flatMap((p) => p.remoteCidrs)) : unique(input.siteCidrs ?? []);
  const remoteSubnets = policies.length > 0 ? unique(policies.flatMap((p) => p.localCidrs)) : unique(input.cloudCidrs ?? []);
  const check = input.healthCheck;
  return {
    name: input.connectionName,
    routeType: input.routeType,
    local: { name: input.deviceName, address: input.deviceIp, id: input.deviceIp, subnets: localSubnets },
    remote: { name: input.gatewayName, address: input.gatewayPublicIp, id: input.gatewayPublicIp, subnets: remoteSubnets },
    selectors,
    routes: input.routeType === "ROUTE" ? remoteSubnets : [],
    ike: { ...input.ike },
    ipsec: { ...input.ipsec },
    ...(check && check.enabled
      ? { healthCheck: { cloudIp: check.localIp, idcIp: check.remoteIp, intervalMs: check.intervalMs, retries: check.retries } }
      : {}),
    ...(input.preSharedKey !== undefined ? { preSharedKey: input.preSharedKey } : {}),
    ...(input.role ? { role: input.role } : {}),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
