import { Construct } from "constructs";
import type { CustomerGateway } from "../../resources/customer-gateway";
import type { IdcSite } from "../../resources/idc-site";
import type { VpnConnection } from "../../resources/vpn-connection";
import type { VpnGateway } from "../../resources/vpn-gateway";
import { RoutePreference, VpnGatewayRoute } from "../../resources/vpn-gateway-route";
import { PatternErrorCode, patternError } from "../errors";
import type { TunnelHealthCheckOptions, TunnelOptions } from "../sources";
import { connectTunnel } from "./connection";
import { destinationsOutside } from "./destinations";
import { resolveHealthCheck } from "./health-check";
import { isCustomerGateway } from "./kinds";
import { checkDevice, Resolved, resolveDevice } from "./resolve";
import { TunnelRegistry } from "./tunnels";

/** The construct IDs of a failover pair's children, so each pattern can speak its seed's vocabulary. */
export interface FailoverPairIds {
  readonly primaryDevice: string;
  readonly standbyDevice: string;
  readonly primaryConnection: string;
  readonly standbyConnection: string;
  /** Prefix of the active routes (`<prefix>-<n>`). */
  readonly activeRoute: string;
  /** Prefix of the standby routes (`<prefix>-<n>`). */
  readonly standbyRoute: string;
}

export interface FailoverPairInputs {
  readonly gateway: VpnGateway;
  /** Cloud networks behind the gateway: the connections' local subnets and the health-check source. */
  readonly cloudCidrs: readonly string[];
  readonly site: Resolved<IdcSite>;
  readonly primary: TunnelOptions;
  readonly standby: TunnelOptions;
  /** IDC blocks that get an active and a standby route. */
  readonly destinations: readonly string[];
  readonly healthCheck?: TunnelHealthCheckOptions;
  /** @default - the gateway route's default (true on a VPC-type gateway) */
  readonly publishToVpc?: boolean;
  readonly ids: FailoverPairIds;
}

/** What a failover pair consists of. */
export interface FailoverPair {
  readonly primaryDevice: CustomerGateway;
  readonly standbyDevice: CustomerGateway;
  readonly primaryConnection: VpnConnection;
  readonly standbyConnection: VpnConnection;
  readonly activeRoutes: readonly VpnGatewayRoute[];
  readonly standbyRoutes: readonly VpnGatewayRoute[];
}

/** Throws when primary and standby end on one device: a pair needs two (seed 000 scenario 5, seed 001). */
export function checkDistinctDevices(scope: Construct, primary: TunnelOptions, standby: TunnelOptions): void {
  const ip = (t: TunnelOptions): string => (isCustomerGateway(t.device) ? t.device.customerGatewayIp : t.device);
  if (primary.device === standby.device || ip(primary) === ip(standby)) {
    throw patternError(
      scope,
      PatternErrorCode.SAME_DEVICE_TWICE,
      `primary and standby tunnels both end on device ${ip(primary)}; a failover pair needs two IDC devices with distinct public IPs, or one device failing takes both tunnels down`,
    );
  }
}

/**
 * Two route-based connections from one gateway to two devices of one IDC,
 * each with a health check, and for every destination an active route via
 * the primary and a standby route via the standby. Both connections carry the
 * same traffic selectors (cloud networks ↔ destinations), which the device
 * configurations mirror (seed 001 step 4).
 */
export function buildFailoverPair(scope: Construct, inputs: FailoverPairInputs, tunnels: TunnelRegistry): FailoverPair {
  checkDestinations(scope, inputs.site.value, inputs.destinations);
  const check = (tunnel: TunnelOptions) =>
    resolveHealthCheck(scope, {
      shared: inputs.healthCheck,
      tunnel: tunnel.healthCheck,
      cloudCidrs: inputs.cloudCidrs,
      siteCidrs: inputs.destinations,
      required: true,
    });
  const primaryCheck = check(inputs.primary);
  const standbyCheck = check(inputs.standby);
  // Both devices are checked before either is created: creating one registers it with the site.
  checkDevice(scope, inputs.site.value, inputs.primary.device);
  checkDevice(scope, inputs.site.value, inputs.standby.device);
  const primaryDevice = resolveDevice(scope, inputs.ids.primaryDevice, inputs.site, inputs.primary.device).value;
  const standbyDevice = resolveDevice(scope, inputs.ids.standbyDevice, inputs.site, inputs.standby.device).value;
  const selectors = inputs.cloudCidrs.length > 0 ? [{ localCidrs: [...inputs.cloudCidrs], remoteCidrs: [...inputs.destinations] }] : [];
  const connect = (id: string, device: CustomerGateway, tunnel: TunnelOptions, healthCheck: typeof primaryCheck): VpnConnection =>
    connectTunnel(scope, id, { gateway: inputs.gateway, device, tunnel, routeType: "ROUTE", spdPolicies: selectors, healthCheck });
  const primaryConnection = connect(inputs.ids.primaryConnection, primaryDevice, inputs.primary, primaryCheck);
  const standbyConnection = connect(inputs.ids.standbyConnection, standbyDevice, inputs.standby, standbyCheck);
  const route = (prefix: string, connection: VpnConnection, preference: RoutePreference): VpnGatewayRoute[] =>
    inputs.destinations.map(
      (destinationCidr, i) =>
        new VpnGatewayRoute(scope, `${prefix}-${i}`, {
          vpnGateway: inputs.gateway,
          destinationCidr,
          connection,
          preference,
          ...(inputs.publishToVpc !== undefined ? { publishToVpc: inputs.publishToVpc } : {}),
        }),
    );
  const activeRoutes = route(inputs.ids.activeRoute, primaryConnection, RoutePreference.ACTIVE);
  const standbyRoutes = route(inputs.ids.standbyRoute, standbyConnection, RoutePreference.STANDBY);
  const cloudCidrs = () => inputs.cloudCidrs;
  tunnels.add({ device: primaryDevice, connection: primaryConnection, role: "active", cloudCidrs });
  tunnels.add({ device: standbyDevice, connection: standbyConnection, role: "standby", cloudCidrs });
  return { primaryDevice, standbyDevice, primaryConnection, standbyConnection, activeRoutes, standbyRoutes };
}

function checkDestinations(scope: Construct, site: IdcSite, destinations: readonly string[]): void {
  const outside = destinationsOutside(destinations, site.cidrs);
  if (outside.length > 0) {
    throw patternError(
      scope,
      PatternErrorCode.DESTINATION_OUTSIDE_NETWORK,
      `destinations ${outside.join(", ")} are not inside IDC site '${site.node.path}' (${site.cidrs.join(", ")}); a failover pair routes only to its IDC's networks: use blocks within them, or omit 'destinations' for all of them`,
    );
  }
}
