/**
 * The IDC device's view of one IPsec connection (seed 001 step 4, 下载配置):
 * the cloud side's local and remote subnets swapped, the cloud gateway's public
 * IP as the peer, the same key source and proposals. A pure function over
 * plain values, so the same layout serves the constructs (before deploy, with
 * the gateway IP still a reference and the key as its source) and the engine's
 * configuration download (after deploy, with the values).
 */
import type { HealthCheck, IkeOptions, IpsecOptions, Ref, SecretRef, SpdPolicy, VpnRouteType } from "../core/manifest";
import type { TunnelRole } from "./sources";

/** Selectors that match every address: what a route-based tunnel negotiates. */
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
  /** The pre-shared key: its source before deploy, the value in the engine's download. */
  readonly preSharedKey: Key;
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
  readonly ike: IkeOptions;
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

/** What goes on the IDC's VPN device for one connection, in the device's terms. */
export interface DeviceConfiguration<Ip = string | Ref, Key = SecretRef> {
  readonly connectionName: string;
  /** This device: the local end of the tunnel. */
  readonly local: { readonly name: string; readonly publicIp: string };
  /** The cloud VPN gateway: the remote end. */
  readonly remote: { readonly name: string; readonly publicIp: Ip };
  readonly preSharedKey: Key;
  /** `SPD`: traffic is matched by the subnets below; `ROUTE`: by routes into the tunnel. */
  readonly routeType: VpnRouteType;
  /** The IDC networks (seed 001 LocalSubnet: the cloud side's remote subnets). */
  readonly localSubnets: readonly string[];
  /** The cloud networks (seed 001 RemoteSubnet: the cloud side's local subnets). */
  readonly remoteSubnets: readonly string[];
  /** Phase-2 selectors to negotiate: the subnets, or any↔any for a route-based tunnel without policies. */
  readonly trafficSelectors: { readonly local: readonly string[]; readonly remote: readonly string[] };
  /** Destinations the device routes into the tunnel (route-based tunnels; policies route by themselves). */
  readonly routes: readonly string[];
  readonly ike: IkeOptions;
  readonly ipsec: IpsecOptions;
  /** The probes the device must answer: from the cloud's address to one of its own. */
  readonly healthCheck?: {
    /** The IDC address the cloud probes (the cloud side's remote IP). */
    readonly localIp: string;
    /** The cloud address probes come from (the cloud side's local IP). */
    readonly remoteIp: string;
    readonly intervalMs: number;
    readonly retries: number;
  };
  readonly role?: TunnelRole;
}

/** Renders the device's view of one connection: subnets and health-check ends swapped. */
export function renderDeviceConfiguration<Ip, Key>(input: DeviceConfigurationInput<Ip, Key>): DeviceConfiguration<Ip, Key> {
  const hasPolicies = input.spdPolicies.length > 0;
  const localSubnets = hasPolicies ? unique(input.spdPolicies.flatMap((p) => p.remoteCidrs)) : unique(input.siteCidrs ?? []);
  const remoteSubnets = hasPolicies ? unique(input.spdPolicies.flatMap((p) => p.localCidrs)) : unique(input.cloudCidrs ?? []);
  const check = input.healthCheck;
  return {
    connectionName: input.connectionName,
    local: { name: input.deviceName, publicIp: input.deviceIp },
    remote: { name: input.gatewayName, publicIp: input.gatewayPublicIp },
    preSharedKey: input.preSharedKey,
    routeType: input.routeType,
    localSubnets,
    remoteSubnets,
    trafficSelectors: hasPolicies
      ? { local: localSubnets, remote: remoteSubnets }
      : { local: ANY_TRAFFIC, remote: ANY_TRAFFIC },
    routes: input.routeType === "ROUTE" ? remoteSubnets : [],
    ike: { ...input.ike },
    ipsec: { ...input.ipsec },
    ...(check && check.enabled
      ? { healthCheck: { localIp: check.remoteIp, remoteIp: check.localIp, intervalMs: check.intervalMs, retries: check.retries } }
      : {}),
    ...(input.role ? { role: input.role } : {}),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
