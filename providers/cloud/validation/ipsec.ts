import { HealthCheck, IkeOptions, IpsecOptions } from "../../../lib";
import { CloudProfile } from "../../../lib";
import { ParamReader } from "../params";

/** Reads a pre-shared key and checks it against the profile's charset and length, never echoing it. */
export function readPreSharedKey(params: ParamReader, name: string, profile: CloudProfile): string {
  return checkPreSharedKey(params, name, params.string(name, { secret: true }), profile);
}

export function readOptionalPreSharedKey(params: ParamReader, name: string, profile: CloudProfile): string | undefined {
  const key = params.optionalString(name, { secret: true });
  return key === undefined ? undefined : checkPreSharedKey(params, name, key, profile);
}

function checkPreSharedKey(params: ParamReader, name: string, key: string, profile: CloudProfile): string {
  const rule = profile.ipsec.preSharedKey;
  if (!rule.pattern.test(key)) {
    throw params.error(
      "InvalidParameterValue.PreSharedKey",
      name,
      `is not a valid pre-shared key for ${profile.displayName} (a key of ${key.length} characters was received; ` +
        `its value is not shown). Use ${rule.description}.`,
    );
  }
  return key;
}

function vocabulary(params: ParamReader, name: string, value: string, allowed: readonly string[], code: string): string {
  if (!allowed.includes(value)) {
    throw params.error(code, name, `is '${value}', which is not allowed. Use one of: ${allowed.join(", ")}.`);
  }
  return value;
}

function inRange(params: ParamReader, name: string, value: number, [min, max]: readonly [number, number], code: string, unit: string): number {
  if (value < min || value > max) {
    throw params.error(code, name, `is ${value}, outside ${min}–${max} ${unit}. Choose a value in that range.`);
  }
  return value;
}

/** Reads IKE (phase 1) options against the profile's vocabulary. */
export function readIke(params: ParamReader, name: string, profile: CloudProfile): IkeOptions {
  const ike = params.object(name);
  const v = profile.ipsec;
  const code = "InvalidParameterValue.IkeConfig";
  const version = vocabulary(ike, "version", ike.string("version"), v.ikeVersions, code);
  const result = {
    version,
    encryption: vocabulary(ike, "encryption", ike.string("encryption"), v.ikeEncryption, code),
    integrity: vocabulary(ike, "integrity", ike.string("integrity"), v.ikeIntegrity, code),
    dhGroup: vocabulary(ike, "dhGroup", ike.string("dhGroup"), v.ikeDhGroups, code),
    lifetimeSeconds: inRange(ike, "lifetimeSeconds", ike.number("lifetimeSeconds", { integer: true }), v.ikeLifetimeSeconds, code, "seconds"),
  };
  const mode = ike.optionalString("exchangeMode");
  if (mode !== undefined) vocabulary(ike, "exchangeMode", mode, v.ikeExchangeModes, code);
  ike.done();
  // Main vs aggressive mode exists only in IKEv1 (RFC 2409 §5); IKEv2 has one exchange, so the field is
  // accepted (both APIs take it for any version) but neither stored nor shown for IKEv2.
  if (!version.toLowerCase().endsWith("1")) return result;
  return { ...result, exchangeMode: mode ?? v.defaults.ike.exchangeMode };
}

/** Reads IPsec (phase 2) options against the profile's vocabulary. */
export function readIpsec(params: ParamReader, name: string, profile: CloudProfile): IpsecOptions {
  const ipsec = params.object(name);
  const v = profile.ipsec;
  const code = "InvalidParameterValue.IpsecConfig";
  const result: IpsecOptions = {
    encryption: vocabulary(ipsec, "encryption", ipsec.string("encryption"), v.ipsecEncryption, code),
    integrity: vocabulary(ipsec, "integrity", ipsec.string("integrity"), v.ipsecIntegrity, code),
    pfsDhGroup: vocabulary(ipsec, "pfsDhGroup", ipsec.string("pfsDhGroup"), v.ipsecPfsDhGroups, code),
    lifetimeSeconds: inRange(ipsec, "lifetimeSeconds", ipsec.number("lifetimeSeconds", { integer: true }), v.ipsecLifetimeSeconds, code, "seconds"),
  };
  ipsec.done();
  return result;
}

/** Reads a health check; its addresses are checked by the caller, who knows both sides' networks. */
export function readHealthCheck(params: ParamReader, name: string, profile: CloudProfile): HealthCheck | undefined {
  const hc = params.optionalObject(name);
  if (!hc) return undefined;
  const range = profile.healthCheck;
  const code = "InvalidParameterValue.HealthCheck";
  const result: HealthCheck = {
    enabled: hc.boolean("enabled"),
    localIp: hc.string("localIp"),
    remoteIp: hc.string("remoteIp"),
    intervalMs: inRange(hc, "intervalMs", hc.number("intervalMs", { integer: true }), range.intervalMs, code, "ms"),
    retries: inRange(hc, "retries", hc.number("retries", { integer: true }), range.retries, code, "probes"),
  };
  hc.done();
  return result;
}
