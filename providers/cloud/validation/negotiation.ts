import { IkeOptions, IpsecOptions, SpdPolicy, VpnRouteType } from "../../../lib";
import { CloudProfile, DpdSettings, NegotiationInitiation } from "../../../lib";
import { JsonObject, ParamReader } from "../params";

/** SA lifetimes: the API's one value is the hard limit; the gateway rekeys before it (NEGOTIATION_SOURCES.rekeyMargin). */
export interface SaLifetime {
  readonly rekeySeconds: number;
  readonly hardSeconds: number;
}

/**
 * What the simulated gateway negotiates with, beyond the proposals: the
 * engine's own record of its side of the tunnel (issue 18, gap 5), stored as
 * the connection's `negotiation` prop and shown by Describe. Every default
 * comes from the profile, which cites its source (cloud-api or assumption).
 */
export interface NegotiationRecord {
  /** The gateway's IKE identity (type ADDRESS: its public IP unless set). */
  readonly localId: string;
  /** The identity the gateway expects of the device (its public IP unless set). */
  readonly remoteId: string;
  readonly initiation: NegotiationInitiation;
  readonly dpd: DpdSettings;
  readonly natTraversal: boolean;
  /** The IKE PRF, named like the integrity algorithms (derived from ike.integrity). */
  readonly ikePrf: string;
  readonly ikeLifetime: SaLifetime;
  readonly ipsecLifetime: SaLifetime;
  /** What the gateway proposes, one pair per CHILD_SA: the SPD policies, or 0.0.0.0/0 both ways for a route-based connection. */
  readonly trafficSelectors: readonly SpdPolicy[];
}

/** The identities, DPD, initiation and NAT traversal a request may set. */
export interface NegotiationChoices {
  readonly localId: string;
  readonly remoteId: string;
  readonly initiation: NegotiationInitiation;
  readonly dpd: DpdSettings;
  readonly natTraversal: boolean;
}

const CODE = "InvalidParameterValue.Negotiation";

/** Reads the optional `negotiation` param over `base` (the profile's defaults, or the stored record on Modify). */
export function readNegotiationChoices(params: ParamReader, profile: CloudProfile, base: NegotiationChoices): NegotiationChoices {
  const n = params.optionalObject("negotiation");
  if (!n) return base;
  const v = profile.ipsec.negotiation;
  const localId = n.has("localId") ? identity(n, "localId") : (n.value("localId"), base.localId);
  const remoteId = n.has("remoteId") ? identity(n, "remoteId") : (n.value("remoteId"), base.remoteId);
  const initiation = n.has("initiation") ? n.oneOf("initiation", v.initiations) : (n.value("initiation"), base.initiation);
  const natTraversal = n.optionalBoolean("natTraversal") ?? base.natTraversal;
  let dpd = base.dpd;
  const d = n.optionalObject("dpd");
  if (d) {
    const timeoutSeconds = d.optionalNumber("timeoutSeconds", { integer: true }) ?? dpd.timeoutSeconds;
    const [min, max] = v.dpdTimeoutSeconds;
    if (timeoutSeconds < min || timeoutSeconds > max) {
      throw d.error(CODE, "timeoutSeconds", `is ${timeoutSeconds}, outside ${min}–${max} seconds. Choose a value in that range.`);
    }
    dpd = {
      enabled: d.optionalBoolean("enabled") ?? dpd.enabled,
      timeoutSeconds,
      action: d.has("action") ? d.oneOf("action", ["restart", "clear"] as const) : (d.value("action"), dpd.action),
    };
    d.done();
  }
  n.done();
  return { localId, remoteId, initiation, dpd, natTraversal };
}

/** IKE identities: up to 100 characters without spaces (Alibaba IkeConfig.LocalId/RemoteId). */
function identity(params: ParamReader, name: string): string {
  const value = params.string(name);
  if (!/^[\x21-\x7e]{1,100}$/.test(value)) {
    throw params.error(CODE, name, `is '${value}'; an IKE identity is an IP address or a name of 1–100 printable characters without spaces.`);
  }
  return value;
}

/** The profile's defaults for a new connection between these two addresses. */
export function defaultChoices(profile: CloudProfile, gatewayIp: string, deviceIp: string): NegotiationChoices {
  const d = profile.ipsec.negotiation.defaults;
  return { localId: gatewayIp, remoteId: deviceIp, initiation: d.initiation, dpd: d.dpd, natTraversal: d.natTraversal };
}

/** The full record: the choices plus what follows from the proposals and the route type. */
export function negotiationRecord(
  choices: NegotiationChoices,
  ike: IkeOptions,
  ipsec: IpsecOptions,
  routeType: VpnRouteType,
  spdPolicies: readonly SpdPolicy[],
): NegotiationRecord {
  return {
    ...choices,
    ikePrf: ike.integrity,
    ikeLifetime: lifetime(ike.lifetimeSeconds),
    ipsecLifetime: lifetime(ipsec.lifetimeSeconds),
    trafficSelectors: routeType === "ROUTE" && spdPolicies.length === 0 ? [{ localCidrs: ["0.0.0.0/0"], remoteCidrs: ["0.0.0.0/0"] }] : spdPolicies,
  };
}

function lifetime(hardSeconds: number): SaLifetime {
  // Alibaba allows 0 (no limit given): keep 0, meaning no rekey is scheduled.
  return { rekeySeconds: Math.floor((hardSeconds * 9) / 10), hardSeconds };
}

/** The stored record as JSON (for the row's props). */
export function asJson(record: NegotiationRecord): JsonObject {
  return JSON.parse(JSON.stringify(record)) as JsonObject;
}

/** The record of a stored connection; rows written before it existed get the profile's defaults. */
export function storedNegotiation(
  props: JsonObject,
  profile: CloudProfile,
  gatewayIp: string,
  deviceIp: string,
): NegotiationRecord {
  const stored = props.negotiation as NegotiationRecord | undefined;
  if (stored) return stored;
  return negotiationRecord(
    defaultChoices(profile, gatewayIp, deviceIp),
    props.ike as IkeOptions,
    props.ipsec as IpsecOptions,
    props.routeType as VpnRouteType,
    props.spdPolicies as SpdPolicy[],
  );
}
