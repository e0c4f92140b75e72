import { CloudError } from "../cloud";
import type { JsonObject } from "../cloud";
import { CloudKind, CloudPort, iso, list, notFound, one, s, unsupported } from "./kind";

/**
 * The engine's resource actions as Tencent Cloud API 3.0 calls (vpc
 * 2017-03-12, the official SDK's model names), and Tencent's answers back as
 * the engine's Describe items: the providers' one CRUD runs unchanged over
 * either. Each kind says how to create, describe, modify and delete it; what
 * Tencent's API cannot express is refused here, before anything is sent.
 */

const VPC: CloudKind = {
  create(p, port) {
    const cidrs = p.cidrs as string[];
    if (cidrs.length > 1) throw unsupported("cidrs", `a VPC with ${cidrs.length} CIDR blocks: the endpoint path sends CreateVpc's one CidrBlock (secondary blocks are not mapped yet). Use one block, or the in-process engine.`);
    const region = s(p.region);
    const out = port.call(region, "CreateVpc", { VpcName: p.name, CidrBlock: cidrs[0] });
    const id = s((out.Vpc as Record<string, unknown>).VpcId);
    port.remember(id, region);
    return VPC.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const vpc = one(port.call(region, "DescribeVpcs", { VpcIds: [id] }).VpcSet, "VPC", id);
    const extra = list(vpc.AssistantCidrSet).map((a) => s(a.CidrBlock));
    return { id, account: port.account, name: vpc.VpcName, region, cidrs: [s(vpc.CidrBlock), ...extra], createdAt: iso(vpc.CreatedTime) };
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteVpc", { VpcId: id });
  },
};

/** The VPC's default route table: Tencent makes one with every VPC and deletes it with the VPC. */
export function mainTableOf(vpc: string, port: CloudPort): Record<string, unknown> {
  const set = port.call(port.regionOf(vpc), "DescribeRouteTables", {
    Filters: [{ Name: "vpc-id", Values: [vpc] }, { Name: "association.main", Values: ["true"] }],
  }).RouteTableSet;
  return one(set, "the default route table of VPC", vpc);
}

const SUBNET: CloudKind = {
  create(p, port) {
    const vpc = s(p.vpc);
    const region = port.regionOf(vpc);
    const main = s(mainTableOf(vpc, port).RouteTableId);
    if (p.routeTable !== undefined && p.routeTable !== main) {
      throw unsupported("routeTable", `subnet '${s(p.name)}' names route table '${s(p.routeTable)}', not its VPC's default '${main}': associating another table (ReplaceRouteTableAssociation) is not mapped on the endpoint path yet.`);
    }
    // assumption: a subnet without a zone goes to the region's first zone; Tencent's CreateSubnet requires Zone.
    const out = port.call(region, "CreateSubnet", { VpcId: vpc, SubnetName: p.name, CidrBlock: p.cidr, Zone: s(p.zone) || `${region}-1` });
    const id = s((out.Subnet as Record<string, unknown>).SubnetId);
    port.remember(id, region);
    return SUBNET.describe(id, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    const sn = one(port.call(region, "DescribeSubnets", { SubnetIds: [id] }).SubnetSet, "subnet", id);
    return { id, account: port.account, name: sn.SubnetName, vpc: sn.VpcId, cidr: sn.CidrBlock, routeTable: sn.RouteTableId, zone: sn.Zone, region, createdAt: iso(sn.CreatedTime) };
  },
  delete(id, port) {
    port.call(port.regionOf(id), "DeleteSubnet", { SubnetId: id });
  },
};

function tableItem(t: Record<string, unknown>, region: string, port: CloudPort): JsonObject {
  return { id: s(t.RouteTableId), account: port.account, name: t.RouteTableName, vpc: t.VpcId, main: t.Main === true, region, createdAt: iso(t.CreatedTime) };
}

const ROUTE_TABLE: CloudKind = {
  create(p, port) {
    const vpc = s(p.vpc);
    const region = port.regionOf(vpc);
    if (p.main === true) {
      // The default table exists already: the resource adopts it (as a provider's "default route table" resource does).
      const table = mainTableOf(vpc, port);
      port.remember(s(table.RouteTableId), region);
      return tableItem(table, region, port);
    }
    const out = port.call(region, "CreateRouteTable", { VpcId: vpc, RouteTableName: p.name });
    const table = out.RouteTable as Record<string, unknown>;
    port.remember(s(table.RouteTableId), region);
    return tableItem(table, region, port);
  },
  describe(id, port) {
    const region = port.regionOf(id);
    return tableItem(one(port.call(region, "DescribeRouteTables", { RouteTableIds: [id] }).RouteTableSet, "route table", id), region, port);
  },
  delete(id, port) {
    const item = ROUTE_TABLE.describe(id, port);
    // The default table goes with its VPC (Tencent refuses deleting it); the adopted resource lets go of it.
    if (item.main === true) return;
    throw unsupported("RouteTable", `deleting route table '${id}' (DeleteRouteTable) is not mapped on the endpoint path yet; delete it with the SDK or the console.`);
  },
};

/** cloud-api: CreateRoutes' GatewayType for the engine's next-hop types. */
const GATEWAY_TYPE: Readonly<Record<string, string>> = { VPN_GATEWAY: "VPN", PEERING: "PEERCONNECTION", CCN: "CCN" };
const NEXT_HOP_TYPE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GATEWAY_TYPE).map(([k, v]) => [v, k]));

function routeItem(r: Record<string, unknown>, table: Record<string, unknown>, region: string, port: CloudPort): JsonObject {
  return {
    id: s(r.RouteItemId),
    account: port.account,
    routeTable: s(table.RouteTableId),
    destinationCidr: r.DestinationCidrBlock,
    nextHopType: NEXT_HOP_TYPE[s(r.GatewayType)] ?? s(r.GatewayType),
    nextHop: r.GatewayId,
    enabled: r.Enabled !== false,
    region,
    vpc: table.VpcId,
    createdAt: iso(r.CreatedTime),
  };
}

/**
 * Every route table of the region, page by page (cloud-api: DescribeRouteTables
 * takes Offset/Limit as strings, Limit at most 100).
 */
export function routeTablesIn(region: string, call: (region: string, action: string, params: object) => Record<string, unknown>): Record<string, unknown>[] {
  const tables: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = call(region, "DescribeRouteTables", { Offset: String(offset), Limit: "100" });
    const set = list(page.RouteTableSet);
    tables.push(...set);
    if (set.length < 100 || tables.length >= Number(page.TotalCount ?? 0)) return tables;
  }
}

/** A route by its RouteItemId: Tencent describes routes only inside their tables. */
function findRoute(id: string, port: CloudPort): { route: Record<string, unknown>; table: Record<string, unknown>; region: string } {
  const region = port.regionOf(id);
  for (const table of routeTablesIn(region, (r, a, p) => port.call(r, a, p))) {
    const route = list(table.RouteSet).find((r) => r.RouteItemId === id);
    if (route) return { route, table, region };
  }
  throw notFound("route", id);
}

const ROUTE: CloudKind = {
  create(p, port) {
    const tableId = s(p.routeTable);
    const region = port.regionOf(tableId);
    const gatewayType = GATEWAY_TYPE[s(p.nextHopType)];
    if (!gatewayType) throw unsupported("nextHopType", `'${s(p.nextHopType)}' has no CreateRoutes GatewayType mapped; use one of ${Object.keys(GATEWAY_TYPE).join(", ")}.`);
    const out = port.call(region, "CreateRoutes", {
      RouteTableId: tableId,
      Routes: [{ DestinationCidrBlock: p.destinationCidr, GatewayType: gatewayType, GatewayId: p.nextHop, Enabled: p.enabled !== false }],
    });
    const table = one(out.RouteTableSet, "route table", tableId);
    // The new route is the table's one for this destination and next hop (one route per destination: rule HL-ADDR-009).
    const route = list(table.RouteSet).find((r) => r.DestinationCidrBlock === p.destinationCidr && r.GatewayId === p.nextHop);
    if (!route) throw new CloudError("InternalError", `CreateRoutes answered without the route to ${s(p.destinationCidr)} in '${tableId}'.`);
    port.remember(s(route.RouteItemId), region);
    return routeItem(route, table, region, port);
  },
  describe(id, port) {
    const { route, table, region } = findRoute(id, port);
    return routeItem(route, table, region, port);
  },
  delete(id, port) {
    const { table, region } = findRoute(id, port);
    port.call(region, "DeleteRoutes", { RouteTableId: table.RouteTableId, Routes: [{ RouteItemId: id }] });
  },
};

export const TENCENT_NETWORK_KINDS: Readonly<Record<string, CloudKind>> = { Vpc: VPC, Subnet: SUBNET, RouteTable: ROUTE_TABLE, Route: ROUTE };
