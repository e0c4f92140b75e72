import { is, isPlainObject, PropCheck } from "../../core/props";
import { cidrList, COMMON, ipv4, region, resourceOf, secretValue } from "../../resources/prop-checks";
import { IKE_OPTIONS, IPSEC_OPTIONS } from "../../resources/vpn-connection";
import { isCustomerGateway, isIdcSite, isVpc, isVpnGateway } from "./kinds";

// Run-time shapes of the pattern props that several patterns share (see lib/core/props.ts).

/** VpcSource: an existing Vpc, or `{ region, cidrs }` for a new one. */
export const vpcSource: PropCheck = is.either(
  'an existing Vpc, or { region, cidrs } for a new one (e.g. { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] })',
  { accepts: isVpc, check: () => undefined },
  { accepts: isPlainObject, check: is.object({ ...COMMON, region, cidrs: cidrList, subnets: is.optional(is.strings("subnet CIDR blocks")) }) },
);

/** VpnGatewaySource: an existing VpnGateway, or the options of a new one. */
export const vpnGatewaySource: PropCheck = is.either(
  'an existing VpnGateway, or { type?, region?, bandwidthMbps?, name? } for a new one',
  { accepts: isVpnGateway, check: () => undefined },
  {
    accepts: isPlainObject,
    check: is.object({
      type: is.optional(is.oneOf(["VPC", "CCN"])),
      region: is.optional(region),
      bandwidthMbps: is.optional(is.number({ unit: "Mbps" })),
      name: is.optional(is.name()),
    }),
  },
);

/** IdcSiteSource: an existing IdcSite, or `{ cidrs }` for a new one. */
export const idcSiteSource: PropCheck = is.either(
  'an existing IdcSite, or { cidrs } for a new one (e.g. { cidrs: ["192.168.0.0/16"] })',
  { accepts: isIdcSite, check: () => undefined },
  { accepts: isPlainObject, check: is.object({ cidrs: cidrList, name: is.optional(is.name()) }) },
);

/** DeviceSource: a CustomerGateway of the site, or the public IPv4 of a new one. */
export const deviceSource: PropCheck = is.either(
  'a CustomerGateway of the site, or the public IPv4 address of a new one (e.g. "203.0.113.10")',
  { accepts: isCustomerGateway, check: () => undefined },
  { accepts: (v) => typeof v === "string", check: ipv4 },
);

/** TunnelHealthCheckOptions: every field optional. */
export const tunnelHealthCheck: PropCheck = is.optional(
  is.object({
    enabled: is.optional(is.boolean()),
    localIp: is.optional(ipv4),
    remoteIp: is.optional(ipv4),
    intervalMs: is.optional(is.number({ integer: true, unit: "ms" })),
    retries: is.optional(is.number({ integer: true })),
  }),
);

/** TunnelOptions of a failover pair's primary or standby. */
export const tunnelOptions: PropCheck = is.object(
  { device: deviceSource, preSharedKey: secretValue, healthCheck: tunnelHealthCheck, ike: IKE_OPTIONS, ipsec: IPSEC_OPTIONS },
  "the tunnel's options { device, preSharedKey, healthCheck?, ike?, ipsec? }",
);

/** CcnOptions: the CCN to join and the networks on it. */
export const ccnOptions: PropCheck = is.optional(
  is.object({
    ccn: is.optional(resourceOf("Ccn")),
    vpcs: is.optional(is.list(resourceOf("Vpc"), "Vpc constructs")),
    directConnectGateways: is.optional(is.list(resourceOf("DirectConnectGateway"), "DirectConnectGateway constructs")),
  }),
);

/** Route destinations: CIDR blocks. */
export const destinations: PropCheck = is.optional(cidrList);

/** One side's routes of a peering. */
export const peeringSide: PropCheck = is.optional(
  is.object({
    addRoutes: is.optional(is.boolean()),
    routeTables: is.optional(is.list(resourceOf("RouteTable"), "RouteTable constructs")),
    destinations,
  }),
);

export const flag: PropCheck = is.optional(is.boolean());

const common = { healthCheck: tunnelHealthCheck, declareIntents: flag };
const cloudSide = { vpc: is.optional(vpcSource), vpnGateway: is.optional(vpnGatewaySource) };

export const SITE_TO_SITE_VPN_PROPS = {
  ...common,
  ...cloudSide,
  site: is.optional(idcSiteSource),
  device: is.optional(deviceSource),
  preSharedKey: secretValue,
  localCidrs: is.optional(cidrList),
  remoteCidrs: is.optional(cidrList),
  routeTables: is.optional(is.list(resourceOf("RouteTable"), "RouteTable constructs")),
  ike: IKE_OPTIONS,
  ipsec: IPSEC_OPTIONS,
};

export const HUB_SPOKE_VPN_PROPS = { ...common, ...cloudSide, ccn: ccnOptions, idcTransit: flag, routing: is.optional(is.oneOf(["ROUTE_TABLE", "SPD"])) };

export const HUB_SPOKE_OPTIONS = {
  site: is.optional(idcSiteSource),
  device: is.optional(deviceSource),
  preSharedKey: secretValue,
  healthCheck: tunnelHealthCheck,
  ike: IKE_OPTIONS,
  ipsec: IPSEC_OPTIONS,
};

const failoverPair = { ...common, ...cloudSide, site: is.optional(idcSiteSource), primary: tunnelOptions, standby: tunnelOptions, destinations };

export const ACTIVE_STANDBY_VPN_PROPS = { ...failoverPair, ccn: ccnOptions };

export const HA_DUAL_CUSTOMER_GATEWAY_PROPS = { ...failoverPair, publishToVpc: flag };

export const VPC_PEERING_PROPS = {
  requester: resourceOf("Vpc"),
  accepter: resourceOf("Vpc"),
  requesterRoutes: peeringSide,
  accepterRoutes: peeringSide,
  name: is.optional(is.name()),
  declareIntents: flag,
};

export const CROSS_REGION_PEERING_PROPS = {
  ...VPC_PEERING_PROPS,
  bandwidthMbps: is.number({ unit: "Mbps" }),
  crossBorderApproval: is.optional(is.string("a ticket ID", false)),
};
