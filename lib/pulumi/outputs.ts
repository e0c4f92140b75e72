import * as pulumi from "@pulumi/pulumi";
import type { CloudResource } from "./resource";

/** A VPN gateway after deploy: what the IDC's device configuration needs. */
export interface VpnGatewayOutputs {
  /** The cloud ID. */
  readonly id: pulumi.Output<string>;
  /** The public address the IDC's devices dial. */
  readonly publicIp: pulumi.Output<string | undefined>;
  /** AVAILABLE once provisioned. */
  readonly state: pulumi.Output<string | undefined>;
}

/** A VPN connection (tunnel) after deploy. */
export interface VpnConnectionOutputs {
  /** The cloud ID. */
  readonly id: pulumi.Output<string>;
  /** The negotiation state the cloud reports (e.g. AVAILABLE, or why not). */
  readonly state: pulumi.Output<string | undefined>;
}

/** A peering connection after deploy. */
export interface PeeringConnectionOutputs {
  /** The cloud ID. */
  readonly id: pulumi.Output<string>;
  /** ACTIVE, or PENDING until the accepter account accepts (then EXPIRED after 7 days). */
  readonly state: pulumi.Output<string | undefined>;
}

/** What a deployment exports, keyed by construct path: `export const outputs = deploy(app).outputs`. */
export interface DeploymentOutputs {
  readonly vpnGateways: Readonly<Record<string, VpnGatewayOutputs>>;
  readonly vpnConnections: Readonly<Record<string, VpnConnectionOutputs>>;
  readonly peeringConnections: Readonly<Record<string, PeeringConnectionOutputs>>;
}

/** The typed outputs of the given resources (all of a deployment, or those under one component). */
export function outputsOf(resources: Readonly<Record<string, CloudResource>>, only?: readonly string[]): DeploymentOutputs {
  const vpnGateways: Record<string, VpnGatewayOutputs> = {};
  const vpnConnections: Record<string, VpnConnectionOutputs> = {};
  const peeringConnections: Record<string, PeeringConnectionOutputs> = {};
  for (const path of only ?? Object.keys(resources)) {
    const r = resources[path];
    if (!r) continue;
    if (r.resourceType === "VpnGateway") vpnGateways[path] = { id: r.id, publicIp: r.publicIp!, state: r.state! };
    else if (r.resourceType === "VpnConnection") vpnConnections[path] = { id: r.id, state: r.state! };
    else if (r.resourceType === "PeeringConnection") peeringConnections[path] = { id: r.id, state: r.state! };
  }
  return { vpnGateways, vpnConnections, peeringConnections };
}
