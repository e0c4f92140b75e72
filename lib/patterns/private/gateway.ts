import { Construct } from "constructs";
import type { VpnGatewayType } from "../../core/manifest";
import type { Vpc } from "../../resources/vpc";
import { VpnGateway } from "../../resources/vpn-gateway";
import { PatternErrorCode, patternError } from "../errors";
import type { VpcSource, VpnGatewaySource } from "../sources";
import { displayName } from "./ids";
import { isVpc, isVpnGateway } from "./kinds";
import { Resolved, resolveVpc } from "./resolve";

export interface GatewayInputs {
  readonly vpc?: VpcSource;
  readonly vpnGateway?: VpnGatewaySource;
  /** True when the pattern was given CCN options (the gateway must be CCN-type). */
  readonly joinsCcn: boolean;
  /** The gateway types this pattern supports. */
  readonly allowedTypes: readonly VpnGatewayType[];
  /** How to say what the pattern is for, in messages ("SiteToSiteVpn connects one VPC"). */
  readonly purpose: string;
}

export interface ResolvedGateway {
  readonly gateway: Resolved<VpnGateway>;
  /** The VPC of a VPC-type gateway. */
  readonly vpc?: Resolved<Vpc>;
}

/**
 * The cloud end of a VPN pattern: the gateway given, or a new one (child
 * `VpnGateway`) on the VPC given or created (child `Vpc`). Contradictory
 * props throw here, before anything is created.
 */
export function resolveGateway(scope: Construct, inputs: GatewayInputs): ResolvedGateway {
  const source = inputs.vpnGateway;
  if (isVpnGateway(source)) return existingGateway(scope, source, inputs);
  if (!source && !inputs.vpc && !inputs.joinsCcn) {
    throw patternError(
      scope,
      PatternErrorCode.CLOUD_SIDE_REQUIRED,
      `no cloud side: pass 'vpc' (a Vpc, or { region, cidrs } to create one)${inputs.allowedTypes.includes("CCN") ? `, 'vpnGateway: { type: "CCN", region }' (with 'ccn' to reach cloud networks)` : ""}, or an existing 'vpnGateway'`,
    );
  }
  const type: VpnGatewayType = source?.type ?? (inputs.vpc && !inputs.joinsCcn ? "VPC" : "CCN");
  checkType(scope, type, inputs);
  if (type === "VPC") {
    if (!inputs.vpc) {
      throw patternError(
        scope,
        PatternErrorCode.CLOUD_SIDE_REQUIRED,
        `a VPC-type gateway needs a VPC: pass 'vpc' (a Vpc, or { region, cidrs } to create one) or an existing 'vpnGateway'`,
      );
    }
    const vpc = resolveVpc(scope, "Vpc", inputs.vpc);
    const gateway = new VpnGateway(scope, "VpnGateway", {
      type,
      vpc: vpc.value,
      region: source?.region,
      bandwidthMbps: source?.bandwidthMbps,
      name: source?.name ?? displayName(scope, "VpnGateway"),
    });
    return { gateway: { value: gateway, created: true }, vpc };
  }
  if (inputs.vpc) {
    throw patternError(
      scope,
      PatternErrorCode.GATEWAY_TYPE_MISMATCH,
      `a CCN-type gateway takes no VPC, but 'vpc' was given; list the VPC in 'ccn.vpcs' to reach it through the CCN, or use vpnGateway.type "VPC"`,
    );
  }
  if (!source?.region) {
    throw patternError(
      scope,
      PatternErrorCode.REGION_REQUIRED,
      `a CCN-type gateway has no VPC to take its region from: pass vpnGateway: { type: "CCN", region: "<region>" }`,
    );
  }
  const gateway = new VpnGateway(scope, "VpnGateway", {
    type,
    region: source.region,
    bandwidthMbps: source.bandwidthMbps,
    name: source.name ?? displayName(scope, "VpnGateway"),
  });
  return { gateway: { value: gateway, created: true } };
}

function existingGateway(scope: Construct, gateway: VpnGateway, inputs: GatewayInputs): ResolvedGateway {
  checkType(scope, gateway.type, inputs);
  if (inputs.vpc !== undefined) {
    if (!isVpc(inputs.vpc) || gateway.vpc !== inputs.vpc) {
      const given = isVpc(inputs.vpc) ? `'${inputs.vpc.node.path}'` : "a new VPC";
      throw patternError(
        scope,
        PatternErrorCode.GATEWAY_VPC_MISMATCH,
        `'vpc' is ${given} but VPN gateway '${gateway.node.path}' belongs to ${gateway.vpc ? `'${gateway.vpc.node.path}'` : "no VPC"}; pass only 'vpnGateway', or the gateway's own VPC`,
      );
    }
  }
  return {
    gateway: { value: gateway, created: false },
    ...(gateway.vpc ? { vpc: { value: gateway.vpc, created: false } } : {}),
  };
}

function checkType(scope: Construct, type: VpnGatewayType, inputs: GatewayInputs): void {
  if (!inputs.allowedTypes.includes(type)) {
    throw patternError(
      scope,
      PatternErrorCode.GATEWAY_TYPE_MISMATCH,
      `${inputs.purpose}; a ${type}-type gateway does not fit (allowed: ${inputs.allowedTypes.join(", ")})`,
    );
  }
  if (inputs.joinsCcn && type !== "CCN") {
    throw patternError(
      scope,
      PatternErrorCode.GATEWAY_TYPE_MISMATCH,
      `'ccn' was given but the gateway is ${type}-type; only a CCN-type gateway joins a CCN (seed 000 scenario 4): use vpnGateway.type "CCN" and list the VPCs in 'ccn.vpcs'`,
    );
  }
}
