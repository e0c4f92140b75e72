import { ALIBABA_CHARGE_TYPES, IDC_SITE_TAG } from "../cloud";
import type { JsonObject } from "../cloud";
import { CloudKind, CloudPort, list, notFound, one, periodOf, s, unsupported } from "./kind";

/**
 * The engine's resource actions as Alibaba Cloud VPC API calls (2016-04-28,
 * RPC), in the official SDK's model names (camelCase; the SDK puts them on
 * the wire as the API's PascalCase). Every request names its RegionId, as
 * the API requires. Alibaba answers times as ISO strings or epoch
 * milliseconds; both are turned into the engine's ISO form.
 */

const time = (v: unknown): string | undefined =>
  typeof v === "number" && v > 0 ? new Date(v).toISOString() : typeof v === "string" && v !== "" ? new Date(v).toISOString() : undefined;
const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
/** `{vpcs: {vpc: [...]}}` → the list inside. */
const inner = (v: unknown, key: string): Record<string, unknown>[] => list(obj(v)[key]);

const VPC: CloudKind = {
  create(p, port) {
    const cidrs = p.cidrs as string[];
    if (cidrs.length > 1) throw unsupported("cidrs", `a VPC with ${cidrs.length} CIDR blocks: the endpoint path sends CreateVpc's one CidrBlock.`);
    const region = s(p.region);
    const out = port.call(region, "CreateVpc", { regionId: region, vpcName: p.name, cidrBlock: cidrs[0] });
    const id = s(out.vpcId);
    port.remember(id, region);
    // cloud-api: CreateVpc also makes the VPC's system route table (answered as RouteTableId).
    port.remember(s(out.routeTableId), region);
    return VPC.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const vpc = one(inner(port.call(region, "DescribeVpcs", { regionId: region, vpcId: id }).vpcs, "vpc"), "VPC", id);
    const extra = (obj(vpc.secondaryCidrBlocks).secondaryCidrBlock as string[] | undefined) ?? [];
    return { id, account: port.account, name: vpc.vpcName, region, cidrs: [s(vpc.cidrBlock), ...extra], createdAt: time(vpc.creationTime) };
  },
  delete(id, port) {
    const region = port.regionOf(id);
    port.call(region, "DeleteVpc", { regionId: region, vpcId: id });
  },
};

function systemTable(vpc: string, port: CloudPort): Record<string, unknown> {
  const region = port.regionOf(vpc);
  const out = port.call(region, "DescribeRouteTableList", { regionId: region, vpcId: vpc, routeTableType: "System" });
  return one(inner(out.routerTableList, "routerTableListType"), "the system route table of VPC", vpc);
}

function tableItem(t: Record<string, unknown>, region: string, port: CloudPort): JsonObject {
  return { id: s(t.routeTableId), account: port.account, name: t.routeTableName, vpc: t.vpcId, main: t.routeTableType === "System", region, createdAt: time(t.creationTime) };
}

const ROUTE_TABLE: CloudKind = {
  create(p, port) {
    if (p.main !== true) throw unsupported("RouteTable", "a custom route table (CreateRouteTable and its vSwitch association are not served yet); use the VPC's system table.");
    // The system table exists with the VPC: the resource adopts it.
    const vpc = s(p.vpc);
    const table = systemTable(vpc, port);
    const region = port.regionOf(vpc);
    port.remember(s(table.routeTableId), region);
    return tableItem(table, region, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const out = port.call(region, "DescribeRouteTableList", { regionId: region, routeTableId: id });
    return tableItem(one(inner(out.routerTableList, "routerTableListType"), "route table", id), region, port);
  },
  // The system table goes with its VPC (the cloud refuses deleting it): the adopted resource lets go of it.
  delete: () => undefined,
};

const SUBNET: CloudKind = {
  create(p, port) {
    const vpc = s(p.vpc);
    const region = port.regionOf(vpc);
    const system = s(systemTable(vpc, port).routeTableId);
    if (p.routeTable !== undefined && p.routeTable !== system) {
      throw unsupported("routeTable", `vSwitch '${s(p.name)}' names route table '${s(p.routeTable)}', not its VPC's system table '${system}' (associating a custom table is not served yet).`);
    }
    // assumption: a vSwitch without a zone goes to zone "<region>-a"; Alibaba's CreateVSwitch requires ZoneId.
    const out = port.call(region, "CreateVSwitch", { regionId: region, vpcId: vpc, vSwitchName: p.name, cidrBlock: p.cidr, zoneId: s(p.zone) || `${region}-a` });
    const id = s(out.vSwitchId);
    port.remember(id, region);
    return SUBNET.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const sw = one(inner(port.call(region, "DescribeVSwitches", { regionId: region, vSwitchId: id }).vSwitches, "vSwitch"), "vSwitch", id);
    return {
      id, account: port.account, name: sw.vSwitchName, vpc: sw.vpcId, cidr: sw.cidrBlock, zone: sw.zoneId,
      routeTable: obj(sw.routeTable).routeTableId, region, createdAt: time(sw.creationTime),
    };
  },
  delete(id, port) {
    const region = port.regionOf(id);
    port.call(region, "DeleteVSwitch", { regionId: region, vSwitchId: id });
  },
};

/** cloud-api: DescribeVpnGateway's Spec is the bandwidth as "<n>M". */
const specMbps = (spec: unknown): number => Number(s(spec).replace(/M$/i, "")) || 0;

const VPN_GATEWAY: CloudKind = {
  create(p, port) {
    if (p.type === "CCN") throw unsupported("type", "a CCN-type gateway is Tencent's; Alibaba's VPN gateways attach to a VPC.");
    const region = s(p.region);
    const out = port.call(region, "CreateVpnGateway", {
      regionId: region, vpcId: p.vpc, name: p.name, bandwidth: p.bandwidthMbps,
      enableIpsec: p.ipsecEnabled !== false, enableSsl: p.sslEnabled === true, ...(p.sslConnections !== undefined ? { sslConnections: p.sslConnections } : {}),
      // cloud-api: Alibaba's InstanceChargeType is PREPAY | POSTPAY, and Period is in months.
      ...(p.chargeType !== undefined ? { instanceChargeType: ALIBABA_CHARGE_TYPES[p.chargeType === "PREPAID" ? "PREPAID" : "POSTPAID_BY_HOUR"].request } : {}),
      ...(p.periodMonths !== undefined ? { period: p.periodMonths } : {}),
    });
    const id = s(out.vpnGatewayId);
    port.remember(id, region);
    return VPN_GATEWAY.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const gw = port.call(region, "DescribeVpnGateway", { regionId: region, vpnGatewayId: id });
    if (s(gw.vpnGatewayId) !== id) throw notFound("VPN gateway", id);
    return {
      id, account: port.account, name: gw.name, region, type: "VPC", vpc: gw.vpcId, bandwidthMbps: specMbps(gw.spec),
      // DescribeVpnGateway returns no period: it is read back from CreateTime and EndTime.
      ...(gw.chargeType === ALIBABA_CHARGE_TYPES.PREPAID.described ? { chargeType: "PREPAID", ...periodOf(time(gw.createTime), time(gw.endTime)) } : {}),
      ipsecEnabled: gw.ipsecVpn === "enable", sslEnabled: gw.sslVpn === "enable", publicIp: gw.internetIp,
      // cloud-api: Status init | provisioning | active | updating | deleting.
      state: gw.status === "active" ? "AVAILABLE" : "PENDING",
      createdAt: time(gw.createTime),
    };
  },
  delete(id, port) {
    const region = port.regionOf(id);
    port.call(region, "DeleteVpnGateway", { regionId: region, vpnGatewayId: id });
  },
};

const CUSTOMER_GATEWAY: CloudKind = {
  create(p, port) {
    // Its own region when it names one; else, our assumption, the app's first region (the engine's are account-wide).
    const region = typeof p.region === "string" ? p.region : port.defaultRegion();
    const out = port.call(region, "CreateCustomerGateway", {
      regionId: region, name: p.name, ipAddress: p.ipAddress,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(p.site !== undefined ? { tags: [{ key: IDC_SITE_TAG, value: p.site }] } : {}),
    });
    const id = s(out.customerGatewayId);
    port.remember(id, region);
    return { ...CUSTOMER_GATEWAY.describe(id, port), ...(p.site !== undefined ? { site: p.site } : {}) };
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const cgw = port.call(region, "DescribeCustomerGateway", { regionId: region, customerGatewayId: id });
    if (s(cgw.customerGatewayId) !== id) throw notFound("customer gateway", id);
    return {
      id, account: port.account, name: cgw.name, ipAddress: cgw.ipAddress, region,
      ...(typeof cgw.description === "string" && cgw.description !== "" ? { description: cgw.description } : {}),
      createdAt: time(cgw.createTime),
    };
  },
  delete(id, port) {
    const region = port.regionOf(id);
    port.call(region, "DeleteCustomerGateway", { regionId: region, customerGatewayId: id });
  },
};

const csv = (v: unknown): string[] => s(v).split(",").map((c) => c.trim()).filter(Boolean);

const VPN_CONNECTION: CloudKind = {
  create(p, port) {
    if (p.customerDevice !== undefined) throw unsupported("customerDevice", "how the on-premises device is configured is the simulator's; no cloud API carries it.");
    if (p.routeType !== "ROUTE") throw unsupported("routeType", "the simulator's Alibaba connections are destination-routed (ROUTE), as seed 001 builds them; SPD is not mapped.");
    const gateway = s(p.vpnGateway);
    const region = port.regionOf(gateway);
    const ike = (p.ike ?? {}) as JsonObject;
    const ipsec = (p.ipsec ?? {}) as JsonObject;
    const hc = p.healthCheck as JsonObject | undefined;
    const policies = (p.spdPolicies as Array<{ localCidrs: string[]; remoteCidrs: string[] }>) ?? [];
    // cloud-api: IkeConfig, IpsecConfig and HealthCheckConfig are JSON strings; the key travels as IkeConfig.Psk.
    const out = port.call(region, "CreateVpnConnection", {
      regionId: region, vpnGatewayId: gateway, customerGatewayId: p.customerGateway, name: p.name,
      localSubnet: [...new Set(policies.flatMap((x) => x.localCidrs))].join(","),
      remoteSubnet: [...new Set(policies.flatMap((x) => x.remoteCidrs))].join(","),
      ikeConfig: JSON.stringify({ Psk: p.preSharedKey, IkeVersion: ike.version, IkeMode: ike.exchangeMode, IkeEncAlg: ike.encryption, IkeAuthAlg: ike.integrity, IkePfs: ike.dhGroup, IkeLifetime: ike.lifetimeSeconds }),
      ipsecConfig: JSON.stringify({ IpsecEncAlg: ipsec.encryption, IpsecAuthAlg: ipsec.integrity, IpsecPfs: ipsec.pfsDhGroup, IpsecLifetime: ipsec.lifetimeSeconds }),
      ...(hc?.enabled === true
        ? { healthCheckConfig: JSON.stringify({ enable: "true", sip: hc.localIp, dip: hc.remoteIp, interval: String(Number(hc.intervalMs) / 1000), retry: String(hc.retries) }) }
        : {}),
    });
    const id = s(out.vpnConnectionId);
    port.remember(id, region);
    return { ...VPN_CONNECTION.describe(id, port), ...(p.vpc !== undefined ? { vpc: p.vpc } : {}) };
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const c = port.call(region, "DescribeVpnConnection", { regionId: region, vpnConnectionId: id });
    if (s(c.vpnConnectionId) !== id) throw notFound("IPsec connection", id);
    const ike = obj(c.ikeConfig);
    const ipsec = obj(c.ipsecConfig);
    const hc = obj(c.vcoHealthCheck);
    return {
      id, account: port.account, name: c.name, vpnGateway: c.vpnGatewayId, customerGateway: c.customerGatewayId, routeType: "ROUTE",
      spdPolicies: [{ localCidrs: csv(c.localSubnet), remoteCidrs: csv(c.remoteSubnet) }],
      ike: { version: ike.ikeVersion, exchangeMode: ike.ikeMode, encryption: ike.ikeEncAlg, integrity: ike.ikeAuthAlg, dhGroup: ike.ikePfs, lifetimeSeconds: ike.ikeLifetime },
      ipsec: { encryption: ipsec.ipsecEncAlg, integrity: ipsec.ipsecAuthAlg, pfsDhGroup: ipsec.ipsecPfs, lifetimeSeconds: ipsec.ipsecLifetime },
      ...(hc.enable === "true" ? { healthCheck: { enabled: true, localIp: hc.sip, remoteIp: hc.dip, intervalMs: Number(hc.interval) * 1000, retries: Number(hc.retry) } } : {}),
      tunnelUp: c.status === "ipsec_sa_established",
      region, createdAt: time(c.createTime),
    };
  },
  delete(id, port) {
    const region = port.regionOf(id);
    port.call(region, "DeleteVpnConnection", { regionId: region, vpnConnectionId: id });
  },
};

/**
 * Alibaba names a destination route by its gateway, destination and next hop
 * (there is no route ID): the engine-side ID is the three joined with "|" (our encoding).
 */
function routeKey(id: string): { gateway: string; dest: string; nextHop: string } {
  const [gateway, dest, nextHop] = id.split("|");
  if (!gateway || !dest || !nextHop) throw notFound("VPN destination route", id);
  return { gateway, dest, nextHop };
}

const VPN_GATEWAY_ROUTE: CloudKind = {
  create(p, port) {
    const gateway = s(p.vpnGateway);
    const region = port.regionOf(gateway);
    if (p.weight === undefined) throw unsupported("weight", "Alibaba's CreateVpnRouteEntry requires Weight (100 active, 0 standby).");
    port.call(region, "CreateVpnRouteEntry", { regionId: region, vpnGatewayId: gateway, routeDest: p.destinationCidr, nextHop: p.nextHop, weight: p.weight, publishVpc: p.publishToVpc === true });
    return VPN_GATEWAY_ROUTE.describe([gateway, s(p.destinationCidr), s(p.nextHop)].join("|"), port);
  },
  describe(id, port) {
    const { gateway, dest, nextHop } = routeKey(id);
    const region = port.regionOf(gateway);
    const entries = inner(port.call(region, "DescribeVpnRouteEntries", { regionId: region, vpnGatewayId: gateway }).vpnRouteEntries, "vpnRouteEntry");
    const r = entries.find((e) => e.routeDest === dest && e.nextHop === nextHop);
    if (!r) throw notFound("VPN destination route", id);
    return { id, account: port.account, vpnGateway: gateway, destinationCidr: dest, nextHop, weight: r.weight, publishToVpc: r.state === "published", enabled: true, createdAt: time(r.createTime) };
  },
  modify(p, port) {
    const { gateway, dest, nextHop } = routeKey(s(p.id));
    if (Object.keys(p).some((k) => k !== "id" && k !== "publishToVpc")) throw unsupported("VpnGatewayRoute", "on the endpoint path a destination route changes only whether it is published (PublishVpnRouteEntry); replace it for anything else.");
    const region = port.regionOf(gateway);
    port.call(region, "PublishVpnRouteEntry", { regionId: region, vpnGatewayId: gateway, routeDest: dest, nextHop, routeType: "dbr", publishVpc: p.publishToVpc === true });
  },
  delete(id, port) {
    const { gateway, dest, nextHop } = routeKey(id);
    const region = port.regionOf(gateway);
    const current = VPN_GATEWAY_ROUTE.describe(id, port);
    port.call(region, "DeleteVpnRouteEntry", { regionId: region, vpnGatewayId: gateway, routeDest: dest, nextHop, weight: current.weight });
  },
};

export const ALIBABA_KINDS: Readonly<Record<string, CloudKind>> = {
  Vpc: VPC,
  RouteTable: ROUTE_TABLE,
  Subnet: SUBNET,
  VpnGateway: VPN_GATEWAY,
  CustomerGateway: CUSTOMER_GATEWAY,
  VpnConnection: VPN_CONNECTION,
  VpnGatewayRoute: VPN_GATEWAY_ROUTE,
};
