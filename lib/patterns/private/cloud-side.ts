import { Construct } from "constructs";
import type { DirectConnectGateway } from "../../resources/direct-connect-gateway";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";
import { PatternErrorCode, patternError } from "../errors";
import type { CcnOptions } from "../sources";
import { CcnFabric } from "./ccn-fabric";

/** The cloud networks a gateway's IDCs reach: its VPC, or the networks listed on its CCN. */
export interface CloudSide {
  readonly fabric?: CcnFabric;
  readonly cidrs: readonly string[];
  /** Intent endpoints: the VPC, or the CCN's listed VPCs and direct-connect gateways. */
  readonly endpoints: ReadonlyArray<Vpc | DirectConnectGateway>;
}

/**
 * The cloud side of a pattern that must reach some cloud network (a failover
 * pair): the VPC of a VPC-type gateway, or a CCN with networks. An unattached
 * CCN-type gateway reaches no cloud network, which such a pattern refuses.
 */
export function requireCloudSide(scope: Construct, gateway: VpnGateway, vpc: Vpc | undefined, ccn: CcnOptions | undefined): CloudSide {
  if (vpc) return { cidrs: vpc.cidrs, endpoints: [vpc] };
  if (!ccn) {
    throw patternError(
      scope,
      PatternErrorCode.NOTHING_TO_REACH,
      `CCN-type gateway '${gateway.node.path}' is attached to no CCN, so the IDC would reach no cloud network; pass 'ccn: { vpcs, directConnectGateways }', or a VPC-type gateway with 'vpc'`,
    );
  }
  const fabric = new CcnFabric(scope, ccn, gateway);
  return { fabric, cidrs: fabric.cloudCidrs, endpoints: fabric.endpoints };
}
