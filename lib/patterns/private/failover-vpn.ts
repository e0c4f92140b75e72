import { Construct } from "constructs";
import { Intents } from "../../core/intents";
import type { IdcSite } from "../../resources/idc-site";
import type { Vpc } from "../../resources/vpc";
import type { VpnGateway } from "../../resources/vpn-gateway";
import type { CcnOptions, IdcSiteSource } from "../sources";
import { CloudSide, requireCloudSide } from "./cloud-side";
import { buildFailoverPair, checkDistinctDevices, FailoverPair, FailoverPairInputs } from "./failover-pair";
import { GatewayInputs, resolveGateway } from "./gateway";
import { resolveSite, siteSourceOf } from "./resolve";
import { TunnelRegistry } from "./tunnels";

/**
 * What ActiveStandbyVpn and HaDualCustomerGateway both take: the gateway's
 * inputs and the pair's, with the site and destinations still to resolve.
 */
export interface FailoverVpnInputs
  extends Omit<GatewayInputs, "joinsCcn">,
    Omit<FailoverPairInputs, "gateway" | "cloudCidrs" | "site" | "destinations"> {
  /** @default - no CCN */
  readonly ccn?: CcnOptions;
  /** @default - the site of `primary.device` */
  readonly site?: IdcSiteSource;
  /** @default - every CIDR of the site */
  readonly destinations?: readonly string[];
  readonly declareIntents: boolean;
}

/** A failover pair with its cloud end and IDC site. */
export interface FailoverVpn extends FailoverPair {
  readonly gateway: VpnGateway;
  /** The VPC of a VPC-type gateway. */
  readonly vpc?: Vpc;
  readonly cloud: CloudSide;
  readonly site: IdcSite;
}

/**
 * One IDC over an active and a standby tunnel (seed 000 scenario 5, seed 001):
 * the site and the devices are checked first, then the gateway (given or
 * created: child `Vpc`, `VpnGateway`), its cloud side (a VPC, or a CCN with
 * networks), the site (child `Idc` when created) and the pair. With
 * `declareIntents`, every cloud network and the IDC reach each other under a
 * single failure.
 */
export function buildFailoverVpn(scope: Construct, inputs: FailoverVpnInputs, tunnels: TunnelRegistry): FailoverVpn {
  const siteSource = siteSourceOf(scope, inputs.site, inputs.primary.device);
  checkDistinctDevices(scope, inputs.primary, inputs.standby);
  const { gateway, vpc } = resolveGateway(scope, { ...inputs, joinsCcn: inputs.ccn !== undefined });
  const cloud = requireCloudSide(scope, gateway.value, vpc?.value, inputs.ccn);
  const site = resolveSite(scope, "Idc", siteSource);
  const pair = buildFailoverPair(
    scope,
    { ...inputs, gateway: gateway.value, cloudCidrs: cloud.cidrs, site, destinations: inputs.destinations ?? site.value.cidrs },
    tunnels,
  );
  if (inputs.declareIntents) {
    for (const cloudNetwork of cloud.endpoints) Intents.of(scope).reachable(cloudNetwork, site.value, { underSingleFailure: true });
  }
  return { ...pair, gateway: gateway.value, ...(vpc ? { vpc: vpc.value } : {}), cloud, site: site.value };
}
