import { CustomerDeviceSpec, HealthCheck, IkeOptions, IpsecOptions, SpdPolicy, valueText } from "../../../lib";
import { FaultRecord, ResourceRow, Store } from "../store";
import { NarrowedSelectors, narrowPolicies, negotiateSelectors } from "../../../lib";
import { tunnelSelectors } from "./selectors";

/** Why a tunnel does not carry traffic. */
export type TunnelDownReason =
  | "GATEWAY_PENDING"
  | "PSK_MISMATCH"
  | "IKE_VERSION_MISMATCH"
  | "SUBNET_MISMATCH"
  | "PROPOSAL_MISMATCH"
  | "REKEY_FAILED"
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
  /** What the negotiation settled on, when the ends agree (see `Negotiation`). */
  readonly selectors?: NarrowedSelectors;
  readonly policies?: readonly SpdPolicy[];
  readonly rekeyFailure?: string;
}

/** The connection's props as stored. */
interface ConnectionProps {
  readonly vpnGateway: string;
  readonly customerGateway: string;
  readonly spdPolicies: readonly SpdPolicy[];
  readonly ike: IkeOptions;
  readonly healthCheck?: HealthCheck;
  readonly customerDevice?: Omit<CustomerDeviceSpec, "preSharedKey"> & {
    /** Engine-only: a device offering another IKE or ESP proposal (a misconfigured device). */
    readonly ike?: Partial<Pick<IkeOptions, "encryption" | "integrity" | "dhGroup">>;
    readonly ipsec?: Partial<Pick<IpsecOptions, "encryption" | "integrity" | "pfsDhGroup">>;
  };
  readonly ipsec: IpsecOptions;
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

/** The outcome of one negotiation between the gateway and the device, as IKE runs it. */
export interface Negotiation {
  /** Why no CHILD_SA comes up; undefined when one does. */
  readonly reason?: TunnelDownReason;
  readonly detail?: string;
  /** The selectors the CHILD_SAs carry (RFC 7296 §2.9 narrowing applied), when they come up. */
  readonly selectors?: NarrowedSelectors;
  /** The SPD policies narrowed the same way (each policy to what the device proposes), when they come up. */
  readonly policies?: readonly SpdPolicy[];
  /**
   * Set when the tunnel comes up but its first CHILD_SA rekey fails: under IKEv2 the first CHILD_SA
   * is made inside IKE_AUTH without a Diffie-Hellman exchange (RFC 7296 §1.2), so the PFS group is
   * negotiated only at the rekey (CREATE_CHILD_SA with KE, §1.3.3), and a mismatch shows there.
   */
  readonly rekeyFailure?: string;
}

/**
 * Whether both ends of a connection agree, in the order IKEv2 checks
 * (RFC 7296): IKE version and IKE proposal (IKE_SA_INIT), pre-shared key
 * (IKE_AUTH), ESP proposal without DH and traffic selectors (the CHILD_SA in
 * IKE_AUTH, narrowed per §2.9), then the PFS group (first rekey). The device
 * is the downloaded configuration unless `customerDevice` overrides a part.
 */
export function negotiate(conn: ResourceRow, store: Store): Negotiation {
  const p = conn.props as unknown as ConnectionProps;
  const device = p.customerDevice;
  const deviceIke = device?.ikeVersion ?? p.ike.version;
  if (deviceIke.toLowerCase() !== p.ike.version.toLowerCase()) {
    return { reason: "IKE_VERSION_MISMATCH", detail: `the device speaks ${deviceIke}, the connection ${p.ike.version}; use one IKE version on both ends` };
  }
  const ikeDiff = differences(p.ike, device?.ike, ["encryption", "integrity", "dhGroup"]);
  if (ikeDiff) {
    return { reason: "PROPOSAL_MISMATCH", detail: `NO_PROPOSAL_CHOSEN in IKE_SA_INIT: the device proposes ${ikeDiff}; offer the connection's IKE proposal on the device` };
  }
  const cloudKey = store.secrets.tryGet(conn.id, "preSharedKey");
  const deviceKey = store.secrets.tryGet(conn.id, "customerDevice.preSharedKey") ?? cloudKey;
  if (cloudKey !== deviceKey) {
    return { reason: "PSK_MISMATCH", detail: "AUTHENTICATION_FAILED: the device's pre-shared key differs from the connection's; set the same key on both ends" };
  }
  const version = p.ike.version.toLowerCase().endsWith("1") ? 1 : 2;
  const espDiff = differences(p.ipsec, device?.ipsec, version === 1 ? ["encryption", "integrity", "pfsDhGroup"] : ["encryption", "integrity"]);
  if (espDiff) {
    return { reason: "PROPOSAL_MISMATCH", detail: `NO_PROPOSAL_CHOSEN for the CHILD_SA: the device proposes ESP ${espDiff}; offer the connection's IPsec proposal on the device` };
  }
  const s = tunnelSelectors(p.spdPolicies, device);
  const agreed = negotiateSelectors(s, version);
  if (!agreed.ok) return { reason: "SUBNET_MISMATCH", detail: agreed.detail };
  const pfsDiff = version === 2 ? differences(p.ipsec, device?.ipsec, ["pfsDhGroup"]) : undefined;
  return {
    selectors: agreed.selectors,
    policies: device?.localCidrs || device?.remoteCidrs ? narrowPolicies(p.spdPolicies, s.deviceLocal, s.deviceRemote) : p.spdPolicies,
    ...(pfsDiff
      ? { rekeyFailure: `the device's ESP proposal has ${pfsDiff}: the first CHILD_SA comes up without a DH exchange, but its rekey (CREATE_CHILD_SA with KE) fails with NO_PROPOSAL_CHOSEN and the SA expires at its hard lifetime; use the same PFS group on both ends` }
      : {}),
  };
}

/** The fields where the device's override differs from the connection, as "field X (the connection: Y)", or undefined. */
function differences(cloud: object, device: object | undefined, fields: readonly string[]): string | undefined {
  if (!device) return undefined;
  const c = cloud as Record<string, unknown>;
  const d = device as Record<string, unknown>;
  const diffs = fields
    .filter((f) => d[f] !== undefined && valueText(d[f]).toLowerCase() !== valueText(c[f]).toLowerCase())
    .map((f) => `${f} ${valueText(d[f])} (the connection: ${valueText(c[f])})`);
  return diffs.length ? diffs.join(", ") : undefined;
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
  // A CHILD_SA whose rekey fails lives until its hard lifetime, counted from when the tunnel could first come up.
  const hardMs = p.ipsec.lifetimeSeconds * 1000;
  const establishedAt = Math.max(conn.createdAt, gateway?.updatedAt ?? conn.createdAt);
  const expired = negotiation.rekeyFailure !== undefined && hardMs > 0 && now >= establishedAt + hardMs;
  const tunnelUp = gatewayReady && negotiated && !expired && !deviceDown && !siteDown && !ownFault;

  let routable = true;
  if (healthCheckEnabled) {
    const history = [
      ...(device ? store.faults.history(device.id) : []),
      ...(siteId ? store.faults.history(siteId) : []),
      ...store.faults.history(conn.id),
    ];
    routable = gatewayReady && negotiated && !detectedDown(history, hc.intervalMs * hc.retries, now);
  }

  const base = {
    negotiated,
    tunnelUp,
    routable,
    healthCheckEnabled,
    ...(negotiation.selectors ? { selectors: negotiation.selectors, policies: negotiation.policies } : {}),
    ...(negotiation.rekeyFailure ? { rekeyFailure: negotiation.rekeyFailure } : {}),
  };
  if (!gatewayReady) {
    return { ...base, state: "PENDING", reason: "GATEWAY_PENDING", detail: `VPN gateway '${p.vpnGateway}' is still provisioning` };
  }
  if (!negotiated) return { ...base, state: "NEGOTIATION_FAILED", reason: negotiation.reason, detail: negotiation.detail };
  if (expired) return { ...base, state: "NEGOTIATION_FAILED", reason: "REKEY_FAILED", detail: negotiation.rekeyFailure };
  if (deviceDown) return { ...base, state: "DOWN", reason: "DEVICE_DOWN", detail: `customer gateway '${p.customerGateway}' is down` };
  if (siteDown) return { ...base, state: "DOWN", reason: "SITE_DOWN", detail: `IDC site '${siteId}' is down` };
  if (ownFault) {
    return { ...base, state: "DOWN", reason: "CONNECTION_DOWN", detail: `the tunnel itself is down since ${new Date(ownFault.failedAt).toISOString()} (FailVpnConnection)` };
  }
  return { ...base, state: "AVAILABLE" };
}
