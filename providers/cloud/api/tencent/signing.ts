import * as crypto from "crypto";

/**
 * Tencent Cloud API 3.0 signature (TC3-HMAC-SHA256), recomputed from the
 * request as the server received it. Steps as ../shared/wire-notes.md verified
 * them against tencentcloud-sdk-nodejs: the SDK signs `host` without the port,
 * and takes the credential scope's service from the endpoint's first label
 * (`127` for 127.0.0.1), so the scope the request states is the one verified.
 */
export interface Tc3Authorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** The parts of an Authorization header, or undefined when it is not a TC3 one. */
export function parseTc3Authorization(header: string | undefined): Tc3Authorization | undefined {
  const m = header ? AUTHORIZATION.exec(header.trim()) : null;
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].split(";"), signature: m[5] };
}

export interface SignedRequest {
  readonly method: string;
  /** The raw query string (without `?`). */
  readonly query: string;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly timestamp: string;
}

const sha256Hex = (data: string | Buffer): string => crypto.createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => crypto.createHmac("sha256", key).update(data).digest();

/** The signature `secretKey` gives the request under the stated scope. */
export function tc3Signature(secretKey: string, auth: Tc3Authorization, request: SignedRequest): string {
  const canonicalHeaders = auth.signedHeaders
    .map((name) => {
      let value = String(request.headers[name] ?? "").trim().toLowerCase();
      if (name === "host") value = value.replace(/:\d+$/, "");
      return `${name}:${value}\n`;
    })
    .join("");
  const canonical = [
    request.method,
    "/",
    request.method === "GET" ? request.query : "",
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    sha256Hex(request.method === "GET" ? "" : request.body),
  ].join("\n");
  const scope = `${auth.date}/${auth.service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${request.timestamp}\n${scope}\n${sha256Hex(canonical)}`;
  return crypto.createHmac("sha256", signingKey(secretKey, auth.date, auth.service)).update(toSign).digest("hex");
}

/**
 * The derived signing key (three HMACs) depends only on the secret, the day
 * and the service: kept per key and day, as the SDK's own callers could, so a
 * busy client costs one HMAC per request instead of four. In memory only;
 * bounded so a flood of keys or days cannot grow it.
 */
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 1024;

function signingKey(secretKey: string, date: string, service: string): Buffer {
  const id = `${date}\n${service}\n${secretKey}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}
