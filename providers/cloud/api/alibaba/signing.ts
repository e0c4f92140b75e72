import * as crypto from "crypto";

/**
 * Alibaba Cloud ACS3-HMAC-SHA256 signature, recomputed from the request as
 * received; steps as ../shared/wire-notes.md verified them against
 * @alicloud/vpc20160428 7.x: canonical query of the decoded parameters sorted
 * by key with RFC 3986 values, each signed header `name:trim(value)` (host with
 * its port), the body's SHA-256, string to sign `ACS3-HMAC-SHA256\n<hash>`.
 */
export interface Acs3Authorization {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION = /^ACS3-HMAC-SHA256 Credential=([^,\s]+), ?SignedHeaders=([a-z0-9;.-]+), ?Signature=([0-9a-f]{64})$/;

export function parseAcs3Authorization(header: string | undefined): Acs3Authorization | undefined {
  const m = header ? AUTHORIZATION.exec(header.trim()) : null;
  if (!m) return undefined;
  return { accessKeyId: m[1], signedHeaders: m[2].split(";"), signature: m[3] };
}

/** encodeURIComponent plus the characters RFC 3986 reserves that it leaves alone. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface AcsSignedRequest {
  readonly method: string;
  /** Decoded query parameters. */
  readonly params: ReadonlyArray<readonly [string, string]>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly bodyHash: string;
}

export function acs3Signature(secret: string, auth: Acs3Authorization, request: AcsSignedRequest): string {
  const query = [...request.params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join("&");
  const headers = auth.signedHeaders.map((name) => `${name}:${String(request.headers[name] ?? "").trim()}\n`).join("");
  const canonical = [request.method, "/", query, headers, auth.signedHeaders.join(";"), request.bodyHash].join("\n");
  const toSign = `ACS3-HMAC-SHA256\n${crypto.createHash("sha256").update(canonical).digest("hex")}`;
  return crypto.createHmac("sha256", secret).update(toSign).digest("hex");
}

/** The v2 signature's own parameters (cloud-api: RPC 公共请求参数), apart from the action's. */
export const V2_COMMON = [
  "Action", "Version", "Format", "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion", "AccessKeyId", "Signature", "SecurityToken",
] as const;

/**
 * The RPC v2 signature (the SDK's getRPCSignature): every parameter but
 * Signature, sorted by key, `rfc3986(key)=rfc3986(value)` joined by `&`; string
 * to sign `METHOD&%2F&rfc3986(that)`; base64 HMAC-SHA1 keyed with `secret&`.
 */
export function rpcV2Signature(secret: string, method: string, params: ReadonlyMap<string, string>): string {
  const canonical = [...params.keys()]
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(params.get(k)!)}`)
    .join("&");
  return crypto.createHmac("sha1", `${secret}&`).update(`${method}&${rfc3986("/")}&${rfc3986(canonical)}`).digest("base64");
}
