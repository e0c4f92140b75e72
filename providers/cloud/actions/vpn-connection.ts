import { requireFeature } from "../account-features";
import { valueText } from "../../../lib";
import { HealthCheck, IkeOptions, IpsecOptions, SpdPolicy, VpnRouteType } from "../../../lib";
import { CloudProfile } from "../../../lib";
import { cite } from "../../../lib";
import { FACTS } from "../../../lib";
import { parseCidr, tryParseIp } from "../../../lib";
import { NarrowedSelectors } from "../../../lib";
import { tunnelStatus } from "../dataplane/tunnel";
import { CloudError } from "../errors";
import { JsonObject, ParamReader } from "../params";
import { ResourceRow } from "../store";
import { firstOverlap, insideAny, readCidrList } from "../validation/addressing";
import { readHealthCheck, readIke, readIpsec, readOptionalPreSharedKey, readPreSharedKey } from "../validation/ipsec";
import { asJson, defaultChoices, negotiationRecord, readNegotiationChoices, storedNegotiation } from "../validation/negotiation";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";
import { ActionContext } from "./types";

/**
 * VPN connection (IPsec 连接): a tunnel between a VPN gateway and a customer
 * gateway. Keys go to the secret table; Describe shows the negotiation state
 * derived at read time (both ends agree, gateway ready, device and site up).
 */
export const VPN_CONNECTION_KIND: ResourceKind = {
  type: "VpnConnection",
  names: {
    create: "CreateVpnConnection",
    describe: "DescribeVpnConnections",
    modify: "ModifyVpnConnectionAttribute",
    delete: "DeleteVpnConnection",
  },
  fields: [
    "name", "vpnGateway", "customerGateway", "vpc", "preSharedKey", "routeType",
    "spdPolicies", "ike", "ipsec", "healthCheck", "customerDevice", "negotiation",
  ],
  mutable: ["name", "preSharedKey", "healthCheck", "customerDevice", "negotiation"],
  refFields: { vpnGateway: ["VpnGateway"], customerGateway: ["CustomerGateway"], vpc: ["Vpc"] },
  scopeField: "vpnGateway",
  plan(params, ctx) {
    const name = params.string("name");
    const gateway = readOwnedRef(params, "vpnGateway", "VpnGateway", ctx);
    if (gateway.props.ipsecEnabled !== true) {
      throw params.error(
        "UnsupportedOperation.IpsecVpnDisabled",
        "vpnGateway",
        `is '${gateway.id}', whose IPsec-VPN is disabled; enable it (ipsecEnabled: true, a replacement) or use another gateway.`,
      );
    }
    const device = readOwnedRef(params, "customerGateway", "CustomerGateway", ctx);
    const vpc = readConnectionVpc(params, gateway, ctx);
    const preSharedKey = readPreSharedKey(params, "preSharedKey", ctx.profile);
    const routeType = params.oneOf<VpnRouteType>("routeType", ["SPD", "ROUTE"]);
    // Tencent: route-based connections are the VPN route table, in gray release (seed 000): the account needs its ticket.
    if (routeType === "ROUTE") requireFeature(ctx, "vpn-route-table", "a route-based connection (routeType ROUTE)");
    const spdPolicies = readSpdPolicies(params, routeType);
    const ike = readIke(params, "ike", ctx.profile);
    const ipsec = readIpsec(params, "ipsec", ctx.profile);
    const healthCheck = readHealthCheck(params, "healthCheck", ctx.profile);
    const customerDevice = readCustomerDevice(params, ctx.profile);
    const choices = readNegotiationChoices(params, ctx.profile, defaultChoices(ctx.profile, gateway.props.publicIp as string, device.props.ipAddress as string));

    const sides = networksOf(gateway, device, ctx);
    checkNoOverlap(sides, ctx);
    checkPolicies(spdPolicies, sides, ctx);
    if (healthCheck) checkHealthCheckAddresses(healthCheck, sides, ctx);

    return {
      props: {
        name,
        vpnGateway: gateway.id,
        customerGateway: device.id,
        ...(vpc ? { vpc } : {}),
        routeType,
        spdPolicies,
        ike,
        ipsec,
        ...(healthCheck ? { healthCheck } : {}),
        ...(customerDevice.props ? { customerDevice: customerDevice.props } : {}),
        negotiation: asJson(negotiationRecord(choices, ike, ipsec, routeType, spdPolicies)),
      },
      region: gateway.region,
      secrets: {
        preSharedKey,
        ...(customerDevice.preSharedKey !== undefined ? { "customerDevice.preSharedKey": customerDevice.preSharedKey } : {}),
      },
    };
  },
  modify(row, params, ctx) {
    const props: JsonObject = {};
    const secrets: Record<string, string | undefined> = {};
    const name = params.optionalString("name");
    if (name !== undefined) props.name = name;
    const key = readOptionalPreSharedKey(params, "preSharedKey", ctx.profile);
    if (key !== undefined) secrets.preSharedKey = key;
    if (params.has("healthCheck")) {
      const healthCheck = readHealthCheck(params, "healthCheck", ctx.profile)!;
      const gateway = ctx.store.resources.tryGet(row.props.vpnGateway as string)!;
      const device = ctx.store.resources.tryGet(row.props.customerGateway as string)!;
      checkHealthCheckAddresses(healthCheck, networksOf(gateway, device, ctx), ctx);
      props.healthCheck = healthCheck;
    }
    if (params.has("negotiation")) {
      const gateway = ctx.store.resources.tryGet(row.props.vpnGateway as string)!;
      const device = ctx.store.resources.tryGet(row.props.customerGateway as string)!;
      const stored = storedNegotiation(row.props, ctx.profile, gateway.props.publicIp as string, device.props.ipAddress as string);
      const choices = readNegotiationChoices(params, ctx.profile, stored);
      const p = row.props as unknown as { ike: IkeOptions; ipsec: IpsecOptions; routeType: VpnRouteType; spdPolicies: SpdPolicy[] };
      props.negotiation = asJson(negotiationRecord(choices, p.ike, p.ipsec, p.routeType, p.spdPolicies));
    }
    if (params.has("customerDevice")) {
      const device = readCustomerDevice(params, ctx.profile);
      props.customerDevice = device.props ?? {};
      secrets["customerDevice.preSharedKey"] = device.preSharedKey;
    }
    return { props, secrets };
  },
  attributes(row, ctx) {
    const s = tunnelStatus(row, ctx.store, ctx.now);
    return {
      state: s.state,
      ...(s.reason ? { stateReason: s.reason, stateDetail: s.detail } : {}),
      negotiated: s.negotiated,
      tunnelUp: s.tunnelUp,
      healthCheckStatus: s.healthCheckEnabled ? (s.routable ? "UP" : "DOWN") : "DISABLED",
      // What the CHILD_SAs carry once negotiated (RFC 7296 §2.9 narrowing applied), and a rekey that will fail.
      ...(s.selectors ? { negotiatedSelectors: negotiatedSelectors(s.policies ?? [], s.selectors) } : {}),
      ...(s.rekeyFailure ? { rekeyStatus: "FAILS", rekeyDetail: s.rekeyFailure } : {}),
    };
  },
};

/** The networks on each side of a connection, where the engine knows them. */
interface Sides {
  readonly gateway: ResourceRow;
  readonly device: ResourceRow;
  /** Cloud side: the VPC's CIDRs for a VPC-type gateway; unknown for CCN-type (its networks come from the CCN). */
  readonly cloud?: readonly string[];
  /** IDC side: the site's CIDRs when the customer gateway names its site. */
  readonly idc?: readonly string[];
}

function networksOf(gateway: ResourceRow, device: ResourceRow, ctx: ActionContext): Sides {
  const vpc = gateway.props.vpc ? ctx.store.resources.tryGet(gateway.props.vpc as string) : undefined;
  const site = device.props.site ? ctx.store.resources.tryGet(device.props.site as string) : undefined;
  return {
    gateway,
    device,
    ...(vpc ? { cloud: vpc.props.cidrs as string[] } : {}),
    ...(site ? { idc: site.props.cidrs as string[] } : {}),
  };
}

function readConnectionVpc(params: ParamReader, gateway: ResourceRow, ctx: ActionContext): string | undefined {
  if (!params.has("vpc")) {
    params.value("vpc");
    return gateway.props.vpc as string | undefined;
  }
  if (gateway.props.type === "CCN") {
    throw new CloudError(
      "InvalidParameterCombination",
      `${ctx.action}: connections on CCN-type gateway '${gateway.id}' take no 'vpc'; omit it.`,
    );
  }
  const vpc = readOwnedRef(params, "vpc", "Vpc", ctx);
  if (vpc.id !== gateway.props.vpc) {
    throw params.error(
      "InvalidParameterValue.VpcMismatch",
      "vpc",
      `is '${vpc.id}', but gateway '${gateway.id}' is attached to VPC '${valueText(gateway.props.vpc)}'. Use the gateway's VPC or omit vpc.`,
    );
  }
  return vpc.id;
}

function readSpdPolicies(params: ParamReader, routeType: VpnRouteType): SpdPolicy[] {
  const policies = params.has("spdPolicies") ? params.objectArray("spdPolicies") : (params.value("spdPolicies"), []);
  const result = policies.map((p) => {
    const policy = {
      localCidrs: readCidrList(p, "localCidrs", { nonEmpty: true }).map((c) => c.text),
      remoteCidrs: readCidrList(p, "remoteCidrs", { nonEmpty: true }).map((c) => c.text),
    };
    p.done();
    return policy;
  });
  if (routeType === "SPD" && result.length === 0) {
    throw params.error(
      "InvalidParameterValue.SpdPolicy",
      "spdPolicies",
      "is empty, but routeType is SPD: give at least one policy {localCidrs, remoteCidrs}, or use routeType ROUTE.",
    );
  }
  return result;
}

function readCustomerDevice(params: ParamReader, profile: CloudProfile): { props?: JsonObject; preSharedKey?: string } {
  const device = params.optionalObject("customerDevice");
  if (!device) return {};
  const preSharedKey = readOptionalPreSharedKey(device, "preSharedKey", profile);
  const ikeVersion = device.optionalString("ikeVersion");
  const localCidrs = device.has("localCidrs") ? readCidrList(device, "localCidrs").map((c) => c.text) : (device.value("localCidrs"), undefined);
  const remoteCidrs = device.has("remoteCidrs") ? readCidrList(device, "remoteCidrs").map((c) => c.text) : (device.value("remoteCidrs"), undefined);
  const ike = readDeviceProposal(device, "ike", { encryption: profile.ipsec.ikeEncryption, integrity: profile.ipsec.ikeIntegrity, dhGroup: profile.ipsec.ikeDhGroups });
  const ipsec = readDeviceProposal(device, "ipsec", { encryption: profile.ipsec.ipsecEncryption, integrity: profile.ipsec.ipsecIntegrity, pfsDhGroup: profile.ipsec.ipsecPfsDhGroups });
  device.done();
  const props: JsonObject = {
    ...(ikeVersion !== undefined ? { ikeVersion } : {}),
    ...(ike ? { ike } : {}),
    ...(ipsec ? { ipsec } : {}),
    ...(localCidrs ? { localCidrs } : {}),
    ...(remoteCidrs ? { remoteCidrs } : {}),
  };
  return { props, ...(preSharedKey !== undefined ? { preSharedKey } : {}) };
}

/**
 * A device offering another proposal than the connection's (engine-only: it
 * models a misconfigured device, as the other customerDevice fields do).
 */
function readDeviceProposal(device: ParamReader, name: string, allowed: Readonly<Record<string, readonly string[]>>): JsonObject | undefined {
  const proposal = device.optionalObject(name);
  if (!proposal) return undefined;
  const out: JsonObject = {};
  for (const [field, values] of Object.entries(allowed)) {
    if (proposal.has(field)) out[field] = proposal.oneOf(field, values);
    else proposal.value(field);
  }
  proposal.done();
  return out;
}

/** The selectors Describe shows as negotiated: the narrowed SPD policies, or the one pair of a route-based tunnel. */
function negotiatedSelectors(policies: readonly SpdPolicy[], selectors: NarrowedSelectors): JsonObject[] {
  const pairs = policies.length ? policies : [{ localCidrs: selectors.cloudLocal, remoteCidrs: selectors.cloudRemote }];
  return pairs.map((p) => ({ localCidrs: [...p.localCidrs], remoteCidrs: [...p.remoteCidrs] }));
}

function checkNoOverlap(sides: Sides, ctx: ActionContext): void {
  if (!sides.cloud || !sides.idc) return;
  const hit = firstOverlap(sides.idc, sides.cloud);
  if (hit) {
    throw new CloudError(
      "InvalidParameterValue.CidrOverlap",
      `${ctx.action}: IDC site '${valueText(sides.device.props.site)}' network ${hit[0]} overlaps ${hit[1]} of VPC '${valueText(sides.gateway.props.vpc)}'. ` +
        `The data centre's networks and the VPC's must not overlap (${cite(FACTS.idcVpcOverlap)}); renumber one side.`,
    );
  }
}

function checkPolicies(policies: readonly SpdPolicy[], sides: Sides, ctx: ActionContext): void {
  policies.forEach((p, i) => {
    for (const local of p.localCidrs) {
      if (sides.cloud && !insideAny(parseCidr(local), sides.cloud)) {
        throw policyError(ctx, i, `local CIDR ${local} is not inside VPC '${valueText(sides.gateway.props.vpc)}' (${sides.cloud.join(", ")})`);
      }
    }
    for (const remote of p.remoteCidrs) {
      if (sides.idc && !insideAny(parseCidr(remote), sides.idc)) {
        throw policyError(ctx, i, `remote CIDR ${remote} is not inside IDC site '${valueText(sides.device.props.site)}' (${sides.idc.join(", ")})`);
      }
    }
  });
}

function policyError(ctx: ActionContext, index: number, what: string): CloudError {
  return new CloudError(
    "InvalidParameterValue.SpdPolicy",
    `${ctx.action}: spdPolicies[${index}]: ${what}. Local CIDRs are the cloud side's networks, remote CIDRs the IDC's.`,
  );
}

function checkHealthCheckAddresses(hc: HealthCheck, sides: Sides, ctx: ActionContext): void {
  const check = (name: "localIp" | "remoteIp", networks: readonly string[] | undefined, side: string) => {
    const ip = tryParseIp(hc[name]);
    if (ip === undefined) {
      throw new CloudError("InvalidParameterValue.HealthCheck", `${ctx.action}: 'healthCheck.${name}' must be an IPv4 address, received '${hc[name]}'.`);
    }
    if (networks && !networks.some((n) => { const c = parseCidr(n); return c.start <= ip && ip <= c.end; })) {
      throw new CloudError(
        "InvalidParameterValue.HealthCheck",
        `${ctx.action}: 'healthCheck.${name}' is ${hc[name]}, outside the ${side} (${networks.join(", ")}). ` +
          "Probes go from an address on the cloud side (localIp) to one in the IDC (remoteIp).",
      );
    }
  };
  check("localIp", sides.cloud, "cloud side");
  check("remoteIp", sides.idc, "IDC side");
}
