import { Manifest, ManifestResource } from "../../lib/core/manifest";
import { listEndpoints, modelFromManifest } from "../../lib/net";
import { Trace } from "../../lib/net/verdicts";
import { EngineDeployment } from "./engine-deployment";

/** The parts of an active/standby pair a failover drill acts on and looks for, by logical ID. */
export interface ActiveStandbyPair {
  /** The connection of the preferred gateway route (tunnel 1). */
  readonly primary: string;
  /** The connection of the standby route (tunnel 2). */
  readonly standby: string;
  /** The customer-gateway device of tunnel 1: the one drills fail. */
  readonly device: string;
  /** The account that owns the device. */
  readonly deviceAccount: string;
  /** The IDC site behind both devices. */
  readonly site: string;
  /** The cloud networks (VPCs and direct-connect networks) that reach the IDC through the pair. */
  readonly cloudNetworks: readonly string[];
  /** Simulated ms a health check needs to notice tunnel 1 down or back up (interval × retries); undefined without one. */
  readonly detectionMs?: number;
}

/**
 * Reads the pair from the manifest rather than naming it per example: the
 * gateway routes to one destination, preferred (rank 0) and standby, and
 * the connections, device and site behind them.
 */
export function activeStandbyPair(manifest: Manifest): ActiveStandbyPair {
  const model = modelFromManifest(manifest);
  const ranked = [...model.gatewayRoutes].sort((a, b) => a.rank - b.rank);
  const destinations = new Set(ranked.map((r) => r.destinationCidr));
  if (ranked.length < 2 || destinations.size !== 1) {
    throw new Error(`expected gateway routes to one destination with two preferences, found ${ranked.map((r) => `${r.destinationCidr} rank ${r.rank}`).join(", ")}`);
  }
  const primary = ranked[0].connection;
  const standby = ranked[ranked.length - 1].connection;
  if (primary === standby || ranked[0].rank === ranked[ranked.length - 1].rank) throw new Error("the gateway routes do not form an active/standby pair");
  const device = model.connections.find((c) => c.id === primary)!.customerGateway;
  const cgw = model.customerGateways.find((g) => g.id === device)!;
  const connection = manifest.resources.find((r): r is ManifestResource<"VpnConnection"> => r.logicalId === primary && r.type === "VpnConnection")!;
  const hc = connection.props.healthCheck;
  return {
    primary,
    standby,
    device,
    deviceAccount: manifest.resources.find((r) => r.logicalId === device)!.account,
    site: cgw.site!,
    cloudNetworks: listEndpoints(model)
      .filter((e) => e.kind === "VPC" || e.kind === "DIRECT_CONNECT_GATEWAY")
      .map((e) => e.id),
    ...(hc?.enabled ? { detectionMs: hc.intervalMs * hc.retries } : {}),
  };
}

/** The connections a packet went through (leaving the gateway, or chosen by the IDC), or its drop verdict. */
export function tunnelsOf(trace: Trace): string[] | string {
  if (trace.verdict !== "DELIVERED") return trace.verdict;
  const ids = trace.hops.flatMap((h) =>
    h.at.kind === "VPN_CONNECTION" ? [h.at.id] : h.entry?.table === "IDC_TUNNELS" && h.entry.entryId ? [h.entry.entryId] : [],
  );
  return [...new Set(ids)];
}

/**
 * cloud network → IDC and IDC → cloud network, as the engine's
 * DescribeReachability answers them to `account`: the connections each way
 * went through, or the drop verdict.
 */
export function pathsOnEngine(deployment: EngineDeployment, account: string, cloud: string, site: string): [string[] | string, string[] | string] {
  const answer = deployment.request("DescribeReachability", { from: deployment.cloudId(cloud), to: deployment.cloudId(site) }, account);
  const pair = answer.pair as unknown as { forward: Trace; reverse: Trace };
  return [tunnelsOf(pair.forward), tunnelsOf(pair.reverse)];
}
