import { CustomerDeviceSpec, HealthCheck, IkeOptions, SpdPolicy } from "../../../lib/core/manifest";
import { FaultRecord, ResourceRow, Store } from "../store";
import { sameBlocks, tunnelSelectors } from "./selectors";

/** Why a tunnel does not carry traffic. */
export type TunnelDownReason =
  | "GATEWAY_PENDING"
  | "PSK_MISMATCH"
  | "IKE_VERSION_MISMATCH"
  | "SUBNET_MISMATCH"
  | "DEVICE_DOWN"
  | "SITE_DOWN"
  | "CONNECTION_DOWN";

/** A connection's state at one engine instant, derived from config, clock and faults. */
export interface TunnelStatus {
  /** AVAILABLE (tunnel up), PENDING (gateway provisioning), NEGOTIATION_FAILED (ends disagree), DOWN (device, site or the tunnel itself failed). */
  readonly state: "AVAILABLE" | "PENDING" | "NEGOTIATION_FAILED" | "DOWN";
  readonly reason?: TunnelDownReason;
  /** What to change, for people; never holds a key. */
  readonly detail?: string;
  /** Both ends agree (key, IKE version, proposals, mirrored subnets); independent of time and faults. */
  readonly negotiated: boolean;
  /** Packets pass now. */
  readonly tunnelUp: boolean;
  /** What route selection believes (health-check detection applied). */
  readonly routable: boolean;
  readonly healthCheckEnabled: boolean;
}

/** The connection's props as stored. */
interface ConnectionProps {
  readonly vpnGateway: string;
  readonly customerGateway: string;
  readonly spdPolicies: readonly SpdPolicy[];
  readonly ike: IkeOptions;
  readonly healthCheck?: HealthCheck;
  readonly customerDevice?: Omit<CustomerDeviceSpec, "preSharedKey">;
}

/**
 * Whether the health check believes the tunnel down at `now`. The tunnel is
 * down over the union of its device's, its site's and its own faults; the check needs
 * `detection` ms of failed probes to declare it down, so an outage shorter
 * than that goes unnoticed, and recovery is noticed `detection` ms late.
 */
export function detectedDown(faults: readonly FaultRecord[], detection: number, now: number): boolean {
  const outages = faults
    .map((f) => [f.failedAt, f.recoveredAt ?? Infinity] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of outages) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.some(([start, end]) => end - start >= detection && now >= start + detection && now < end + detection);
}

/** Whether both ends of a connection agree, and if not, the first disagreement. */
export function negotiate(conn: ResourceRow, store: Store): { reason?: TunnelDownReason; detail?: string } {
  const p = conn.props as unknown as ConnectionProps;
  const cloudKey = store.secrets.tryGet(conn.id, "preSharedKey");
  const deviceKey = store.secrets.tryGet(conn.id, "customerDevice.preSharedKey") ?? cloudKey;
  if (cloudKey !== deviceKey) {
    return { reason: "PSK_MISMATCH", detail: "the device's pre-shared key differs from the connection's; set the same key on both ends" };
  }
  const deviceIke = p.customerDevice?.ikeVersion ?? p.ike.version;
  if (deviceIke.toLowerCase() !== p.ike.version.toLowerCase()) {
    return { reason: "IKE_VERSION_MISMATCH", detail: `the device speaks ${deviceIke}, the connection ${p.ike.version}; use one IKE version on both ends` };
  }
  // The device takes its proposals from the downloaded configuration, so phase-1/2 proposals always match here.
  const s = tunnelSelectors(p.spdPolicies, p.customerDevice);
  if (!sameBlocks(s.deviceLocal, s.cloudRemote) || !sameBlocks(s.deviceRemote, s.cloudLocal)) {
    return {
      reason: "SUBNET_MISMATCH",
      detail:
        `the device protects ${s.deviceLocal.join(", ")} → ${s.deviceRemote.join(", ")}, but the connection expects ` +
        `${s.cloudRemote.join(", ")} → ${s.cloudLocal.join(", ")}; mirror the connection's subnets on the device`,
    };
  }
  return {};
}

/**
 * The state of a connection at `now`. A failed device, site or tunnel takes the
 * tunnel down at once; an enabled health check notices after interval ×
 * retries (if the outage lasts that long) and notices recovery as late, so
 * `routable` lags `tunnelUp` by that detection time. Without a health check `routable` stays true: routes never
 * move and traffic is blackholed (seed 001, DESIGN "Health checks and time").
 */
export function tunnelStatus(conn: ResourceRow, store: Store, now: number): TunnelStatus {
  const p = conn.props as unknown as ConnectionProps;
  const gateway = store.resources.tryGet(p.vpnGateway);
  const device = store.resources.tryGet(p.customerGateway);
  const siteId = device?.props.site as string | undefined;
  const hc = p.healthCheck;
  const healthCheckEnabled = hc?.enabled === true;
  const negotiation = negotiate(conn, store);
  const negotiated = negotiation.reason === undefined;
  const gatewayReady = gateway?.state === "AVAILABLE";

  const deviceDown = device ? store.faults.tryGetOpen(device.id) !== undefined : true;
  const siteDown = siteId ? store.faults.tryGetOpen(siteId) !== undefined : false;
  const ownFault = store.faults.tryGetOpen(conn.id);
  const tunnelUp = gatewayReady && negotiated && !deviceDown && !siteDown && !ownFault;

  let routable = true;
  if (healthCheckEnabled) {
    const history = [
      ...(device ? store.faults.history(device.id) : []),
      ...(siteId ? store.faults.history(siteId) : []),
      ...store.faults.history(conn.id),
    ];
    routable = gatewayReady && negotiated && !detectedDown(history, hc!.intervalMs * hc!.retries, now);
  }

  const base = { negotiated, tunnelUp, routable, healthCheckEnabled };
  if (!gatewayReady) {
    return { ...base, state: "PENDING", reason: "GATEWAY_PENDING", detail: `VPN gateway '${p.vpnGateway}' is still provisioning` };
  }
  if (!negotiated) return { ...base, state: "NEGOTIATION_FAILED", reason: negotiation.reason, detail: negotiation.detail };
  if (deviceDown) return { ...base, state: "DOWN", reason: "DEVICE_DOWN", detail: `customer gateway '${p.customerGateway}' is down` };
  if (siteDown) return { ...base, state: "DOWN", reason: "SITE_DOWN", detail: `IDC site '${siteId}' is down` };
  if (ownFault) {
    return { ...base, state: "DOWN", reason: "CONNECTION_DOWN", detail: `the tunnel itself is down since ${new Date(ownFault.failedAt).toISOString()} (FailVpnConnection)` };
  }
  return { ...base, state: "AVAILABLE" };
}
