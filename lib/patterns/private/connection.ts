import { Construct } from "constructs";
import type { SpdPolicy, VpnRouteType } from "../../core/manifest";
import type { CustomerGateway } from "../../resources/customer-gateway";
import { HealthCheckOptions, VpnConnection } from "../../resources/vpn-connection";
import type { VpnGateway } from "../../resources/vpn-gateway";
import type { TunnelOptions } from "../sources";
import { displayName } from "./ids";

/** How one connection of a pattern is made: its ends, the user's tunnel settings, and what the pattern decided. */
export interface TunnelConnectionInputs {
  readonly gateway: VpnGateway;
  readonly device: CustomerGateway;
  /** The user's settings of this tunnel: key, IKE and IPsec options (every pattern's props carry them). */
  readonly tunnel: Pick<TunnelOptions, "preSharedKey" | "ike" | "ipsec">;
  readonly routeType: VpnRouteType;
  readonly spdPolicies: readonly SpdPolicy[];
  readonly healthCheck: HealthCheckOptions | undefined;
}

/** The connection child `id` of `scope`, named after its construct path like every resource a pattern creates. */
export function connectTunnel(scope: Construct, id: string, inputs: TunnelConnectionInputs): VpnConnection {
  return new VpnConnection(scope, id, {
    name: displayName(scope, id),
    vpnGateway: inputs.gateway,
    customerGateway: inputs.device,
    preSharedKey: inputs.tunnel.preSharedKey,
    routeType: inputs.routeType,
    spdPolicies: inputs.spdPolicies,
    ike: inputs.tunnel.ike,
    ipsec: inputs.tunnel.ipsec,
    healthCheck: inputs.healthCheck,
  });
}
