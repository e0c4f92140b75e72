import { billingProblem, VpnGatewayChargeType, VpnGatewayType } from "../../../lib";
import { formatIp, parseIp } from "../../../lib";
import { CloudError } from "../errors";
import { ParamReader } from "../params";
import { readRegion } from "../validation/addressing";
import { ResourceTable } from "../store/resources";
import { ResourceKind } from "./kind";
import { readOwnedRef } from "./lookup";
import { ActionContext } from "./types";

/** Gateways get public addresses from here, by their ID number (deterministic per store, never reused). */
const PUBLIC_IP_BASE = parseIp("101.33.0.0");

/**
 * VPN gateway (VPN 网关): VPC-type (attached to a VPC in its region) or
 * CCN-type (no VPC). PENDING until its provisioning delay has passed on the
 * engine clock, then AVAILABLE. The delay is spread over the profile's range
 * (seed 001: 一般需要1-5分钟) by a hash of the gateway's ID: each gateway of a
 * store takes its own time, the same on every run.
 */
export const VPN_GATEWAY_KIND: ResourceKind = {
  type: "VpnGateway",
  names: {
    create: "CreateVpnGateway",
    describe: "DescribeVpnGateways",
    modify: "ModifyVpnGatewayAttribute",
    delete: "DeleteVpnGateway",
  },
  fields: ["name", "region", "type", "vpc", "bandwidthMbps", "ipsecEnabled", "sslEnabled", "sslConnections", "chargeType", "periodMonths"],
  mutable: ["name", "bandwidthMbps"],
  refFields: { vpc: ["Vpc"] },
  scopeField: "vpc",
  plan(params, ctx, id) {
    const name = params.string("name");
    const region = readRegion(params, "region", ctx.profile);
    const type = params.oneOf<VpnGatewayType>("type", ["VPC", "CCN"]);
    if (!ctx.profile.vpnGatewayTypes.includes(type)) {
      throw params.error(
        "UnsupportedOperation.VpnGatewayType",
        "type",
        ctx.profile.vpnGatewayTypes.length
          ? `is ${type}; ${ctx.profile.displayName} offers ${ctx.profile.vpnGatewayTypes.join(", ")} VPN gateways only.`
          : `is ${type}; ${ctx.profile.displayName} offers no VPN gateways.`,
      );
    }
    const vpc = readGatewayVpc(params, type, region.name, ctx);
    const bandwidthMbps = readBandwidth(params, ctx);
    const ipsecEnabled = params.boolean("ipsecEnabled");
    const sslEnabled = params.boolean("sslEnabled");
    const sslConnections = params.optionalNumber("sslConnections", { integer: true });
    if (sslConnections !== undefined && (!sslEnabled || sslConnections < 1)) {
      throw new CloudError(
        "InvalidParameterCombination",
        `${ctx.action}: 'sslConnections' is ${sslConnections}, but ${sslEnabled ? "it must be at least 1" : "SSL-VPN is not enabled"}. ` +
          "Set sslEnabled: true with a positive connection count, or omit sslConnections.",
      );
    }
    const billing = readBilling(params);
    const publicIp = formatIp(PUBLIC_IP_BASE + ResourceTable.idNumber(id));
    return {
      props: {
        name,
        region: region.name,
        type,
        ...(vpc ? { vpc } : {}),
        bandwidthMbps,
        ipsecEnabled,
        sslEnabled,
        ...(sslConnections !== undefined ? { sslConnections } : {}),
        ...billing,
        publicIp,
      },
      region: region.name,
      state: "PENDING",
      dueAt: ctx.now + provisioningSeconds(id, ctx.profile.vpnGatewayProvisioningSeconds) * 1000,
    };
  },
  modify(_row, params, ctx) {
    const name = params.optionalString("name");
    const bandwidthMbps = params.has("bandwidthMbps") ? readBandwidth(params, ctx) : undefined;
    return {
      props: { ...(name !== undefined ? { name } : {}), ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}) },
    };
  },
  attributes(row) {
    return row.dueAt !== undefined ? { availableAt: new Date(row.dueAt).toISOString() } : {};
  },
};

function readGatewayVpc(params: ParamReader, type: VpnGatewayType, region: string, ctx: ActionContext): string | undefined {
  if (type === "CCN") {
    if (params.has("vpc")) {
      throw new CloudError(
        "InvalidParameterCombination",
        `${ctx.action}: a CCN-type VPN gateway takes no 'vpc' (it reaches networks through its CCN). Omit vpc, or create a VPC-type gateway.`,
      );
    }
    params.value("vpc");
    return undefined;
  }
  const vpc = readOwnedRef(params, "vpc", "Vpc", ctx);
  if (vpc.region !== region) {
    throw params.error(
      "InvalidParameterValue.RegionMismatch",
      "vpc",
      `is VPC '${vpc.id}' in ${vpc.region}, but the gateway is in ${region}. A VPN gateway must be in its VPC's region.`,
    );
  }
  return vpc.id;
}

function readBandwidth(params: ParamReader, ctx: ActionContext): number {
  const bandwidth = params.number("bandwidthMbps", { integer: true });
  const allowed = ctx.profile.vpnGatewayBandwidthsMbps;
  if (!allowed.includes(bandwidth)) {
    throw params.error(
      "InvalidParameterValue.Bandwidth",
      "bandwidthMbps",
      `is ${bandwidth}; ${ctx.profile.displayName} VPN gateways come in ${allowed.join(", ")} Mbps.`,
    );
  }
  return bandwidth;
}

/**
 * The billing terms (seed 001 计费周期), stored only when given: a gateway
 * created without them is billed by the hour, as before they existed.
 */
function readBilling(params: ParamReader): { chargeType?: VpnGatewayChargeType; periodMonths?: number } {
  const chargeType = params.optionalString("chargeType");
  const periodMonths = params.value("periodMonths");
  const problem = billingProblem(chargeType, periodMonths);
  if (problem) {
    const value = problem.field === "chargeType" ? `'${chargeType}'` : periodMonths === undefined ? "missing" : JSON.stringify(periodMonths);
    throw params.error("InvalidParameterValue.BillingTerms", problem.field, `is ${value}; allowed: ${problem.allowed}.`);
  }
  return {
    ...(chargeType !== undefined ? { chargeType: chargeType as VpnGatewayChargeType } : {}),
    ...(typeof periodMonths === "number" ? { periodMonths } : {}),
  };
}

/** A whole number of seconds in [min, max], from an FNV-1a hash of the gateway's ID (deterministic, spread evenly). */
export function provisioningSeconds(id: string, [min, max]: readonly [number, number]): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return min + (hash % (max - min + 1));
}
