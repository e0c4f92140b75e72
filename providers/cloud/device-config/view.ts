import { HealthCheck, IkeOptions, IpsecOptions, SpdPolicy, VpnRouteType } from "../../../lib";
import { CloudProfile } from "../../../lib";
import { parseId } from "../ids";
import { ResourceRow, Store } from "../store";
import { NegotiationRecord, SaLifetime, storedNegotiation } from "../validation/negotiation";
import { cloudNetworks, idcNetworks } from "./networks";

/** One end of the tunnel, seen from the side the configuration is for. */
export interface DeviceEndpoint {
  /** Public address of this end. */
  readonly address: string;
  /** IKE identity (the address unless the connection sets another). */
  readonly id: string;
  /** Networks this end protects. */
  readonly subnets: readonly string[];
}

/** A pair of traffic selectors, from this side's point of view. */
export interface DeviceSelector {
  readonly localSubnets: readonly string[];
  readonly remoteSubnets: readonly string[];
}

/** Dead peer detection as this side runs it. */
export interface DeviceDpd {
  /** False: this side sends no liveness checks (it still answers the peer's, RFC 7296 §2.4). */
  readonly enabled: boolean;
  /** Seconds between liveness checks while nothing arrives. */
  readonly delaySeconds: number;
  /** Seconds without an answer before the peer is declared dead. */
  readonly timeoutSeconds: number;
  readonly action: "restart" | "clear";
}

/**
 * A route-based tunnel as an XFRM interface: its SAs select 0.0.0.0/0 both
 * ways, so the policies carry an interface ID and only the routes through the
 * interface decide what enters the tunnel (never a default route).
 */
export interface RouteInterface {
  /** if_id_in / if_id_out of the CHILD_SAs (the connection's number). */
  readonly ifId: number;
  /** Suggested interface name (at most 15 characters, Linux's limit). */
  readonly name: string;
  /** The networks to route into the interface: the other side's networks only. */
  readonly routes: readonly string[];
}

/**
 * One side's configuration of a connection. `customer`: the IDC device's,
 * the cloud's with local and remote swapped (seed 001 step 4: the download's
 * LocalSubnet is the IDC's networks, RemoteSubnet the VPC's). `cloud`: the
 * simulated gateway's own, from the engine's records.
 */
export interface DeviceView {
  readonly vpnConnectionId: string;
  readonly name: string;
  readonly side: "customer" | "cloud";
  readonly routeType: VpnRouteType;
  /** This side. */
  readonly local: DeviceEndpoint;
  /** The other side. */
  readonly remote: DeviceEndpoint;
  /** One selector pair per CHILD_SA. */
  readonly selectors: readonly DeviceSelector[];
  /** IKE options (exchangeMode only under IKEv1). */
  readonly ike: IkeOptions;
  /** The IKE PRF, in the integrity vocabulary. */
  readonly ikePrf: string;
  readonly ipsec: IpsecOptions;
  readonly lifetimes: { readonly ike: SaLifetime; readonly ipsec: SaLifetime };
  readonly dpd: DeviceDpd;
  /** initiator: brings the tunnel up at once; responder: waits for the peer; on-traffic: starts when a packet needs it. */
  readonly initiation: "initiator" | "responder" | "on-traffic";
  readonly natTraversal: boolean;
  readonly routeInterface?: RouteInterface;
  /** The cloud probes `idcIp` from `cloudIp`; the device must answer. */
  readonly healthCheck?: { readonly cloudIp: string; readonly idcIp: string; readonly intervalMs: number; readonly retries: number };
  /** Present only when the download asked for it. */
  readonly preSharedKey?: string;
}

interface ConnectionProps {
  name: string;
  vpnGateway: string;
  customerGateway: string;
  routeType: VpnRouteType;
  spdPolicies: readonly SpdPolicy[];
  ike: IkeOptions;
  ipsec: IpsecOptions;
  healthCheck?: HealthCheck;
}

/**
 * How often a side probes: a third of the DPD timeout, so three probes fit
 * before the gateway gives up (assumption: the APIs give only the timeout).
 */
export function dpdDelaySeconds(timeoutSeconds: number): number {
  return Math.max(1, Math.round(timeoutSeconds / 3));
}

/** Builds one side's view of a stored connection. */
export function deviceView(
  connection: ResourceRow,
  store: Store,
  profile: CloudProfile,
  includePreSharedKey: boolean,
  side: "customer" | "cloud" = "customer",
): DeviceView {
  const p = connection.props as unknown as ConnectionProps;
  const gateway = store.resources.tryGet(p.vpnGateway)!;
  const device = store.resources.tryGet(p.customerGateway)!;
  const gatewayIp = gateway.props.publicIp as string;
  const deviceIp = device.props.ipAddress as string;
  const record = storedNegotiation(connection.props, profile, gatewayIp, deviceIp);
  const cloudSelectors: DeviceSelector[] = record.trafficSelectors.map((s) => ({ localSubnets: s.localCidrs, remoteSubnets: s.remoteCidrs }));
  const selectors = side === "cloud" ? cloudSelectors : cloudSelectors.map((s) => ({ localSubnets: s.remoteSubnets, remoteSubnets: s.localSubnets }));
  const gatewayEnd = { address: gatewayIp, id: record.localId };
  const deviceEnd = { address: deviceIp, id: record.remoteId };
  const [local, remote] = side === "cloud" ? [gatewayEnd, deviceEnd] : [deviceEnd, gatewayEnd];
  const key = includePreSharedKey ? store.secrets.tryGet(connection.id, "preSharedKey") : undefined;
  const hc = p.healthCheck?.enabled ? p.healthCheck : undefined;
  const { exchangeMode, ...ikeV2 } = p.ike;
  return {
    vpnConnectionId: connection.id,
    name: p.name,
    side,
    routeType: p.routeType,
    local: { ...local, subnets: unique(selectors.flatMap((s) => s.localSubnets)) },
    remote: { ...remote, subnets: unique(selectors.flatMap((s) => s.remoteSubnets)) },
    selectors,
    ike: p.ike.version.toLowerCase().endsWith("1") ? { ...ikeV2, exchangeMode: exchangeMode ?? profile.ipsec.defaults.ike.exchangeMode } : ikeV2,
    ikePrf: record.ikePrf,
    ipsec: p.ipsec,
    lifetimes: { ike: record.ikeLifetime, ipsec: record.ipsecLifetime },
    dpd: side === "cloud" ? cloudDpd(record) : customerDpd(record),
    initiation: side === "cloud" ? cloudInitiation(record) : record.initiation === "active" ? "responder" : "initiator",
    natTraversal: record.natTraversal,
    ...(isRouteBased(record) ? { routeInterface: routeInterface(connection, side === "cloud" ? idcNetworks(connection, store) : cloudNetworks(connection, store)) } : {}),
    ...(hc ? { healthCheck: { cloudIp: hc.localIp, idcIp: hc.remoteIp, intervalMs: hc.intervalMs, retries: hc.retries } } : {}),
    ...(key !== undefined ? { preSharedKey: key } : {}),
  };
}

/** The gateway runs the DPD the connection records. */
function cloudDpd(record: NegotiationRecord): DeviceDpd {
  return { ...record.dpd, delaySeconds: dpdDelaySeconds(record.dpd.timeoutSeconds) };
}

/**
 * The device always probes, with the gateway's timeout, and restarts the
 * tunnel when the gateway is gone (assumption: the device is the side that
 * needs the tunnel back; the gateway may have DPD off, Tencent's default).
 */
function customerDpd(record: NegotiationRecord): DeviceDpd {
  return { enabled: true, delaySeconds: dpdDelaySeconds(record.dpd.timeoutSeconds), timeoutSeconds: record.dpd.timeoutSeconds, action: "restart" };
}

function cloudInitiation(record: NegotiationRecord): DeviceView["initiation"] {
  return record.initiation === "active" ? "initiator" : record.initiation === "passive" ? "responder" : "on-traffic";
}

function isRouteBased(record: NegotiationRecord): boolean {
  return record.trafficSelectors.some((s) => s.localCidrs.includes("0.0.0.0/0") || s.remoteCidrs.includes("0.0.0.0/0"));
}

function routeInterface(connection: ResourceRow, routes: readonly string[]): RouteInterface {
  // if_id 0 means "no interface": IDs count from 1, wrapped into 1..2^32-1.
  const ifId = (((parseId(connection.id)?.number ?? 1) - 1) % 0xffffffff) + 1;
  return { ifId, name: `xfrm-${ifId.toString(36)}`.slice(0, 15), routes };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
