import * as crypto from "crypto";
import { CloudError } from "../../errors";
import { sameSignature } from "../helpers";
import { apiKey, ApiContext, ApiRequest, header } from "../http";
import { acs3Signature, parseAcs3Authorization, rpcV2Signature, V2_COMMON } from "./signing";

/**
 * An Alibaba request authenticated in either form the SDK sends: ACS3-HMAC-SHA256
 * in the Authorization header (the default), or the old RPC signature
 * (`signatureAlgorithm: "v2"`): HMAC-SHA1 in a `Signature` parameter, with the
 * key, nonce and timestamp as parameters too. Both get the same freshness and
 * nonce replay rules.
 */

/** cloud-api: the request time may differ from the server's by at most 15 minutes. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Nonces seen within the skew window, by value; a request replayed within it is refused. */
const seenNonces = new Map<string, number>();

/** True for a v2 request: no Authorization header, the key and signature among the parameters. */
export function isRpcV2(req: ApiRequest): boolean {
  return header(req, "authorization") === undefined && /(?:^|[?&])AccessKeyId=/.test(req.url) && /(?:^|[?&])Signature=/.test(req.url);
}

function checkFresh(ctx: ApiContext, stated: string | undefined, where: string): number {
  const at = Date.parse(stated ?? "");
  const now = ctx.nowSeconds() * 1000;
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_SKEW_MS) {
    throw new CloudError("InvalidTimeStamp.Expired", `${where} '${String(stated)}' is more than 15 minutes from the server's time (or not YYYY-MM-DDThh:mm:ssZ); check the client's clock.`);
  }
  return now;
}

function keyOf(ctx: ApiContext, accessKeyId: string): { account: string; secret: string } {
  const key = apiKey(ctx, accessKeyId);
  if (!key || key.cloud !== "alibaba") {
    throw new CloudError("InvalidAccessKeyId.NotFound", "The AccessKeyId is not a key of this simulated cloud. Create one with `hybridlink credentials create --account <id> --cloud alibaba`.");
  }
  return key;
}

const mismatch = (): CloudError =>
  new CloudError("SignatureDoesNotMatch", "The request's signature does not match the one computed with the key's AccessKeySecret. Check the secret.");

function useNonce(nonce: string | undefined, now: number, where: string): void {
  if (!nonce || seenNonces.has(nonce)) throw new CloudError("SignatureNonceUsed", `The ${where} was used already (or is missing); every request needs a new one.`);
  seenNonces.set(nonce, now);
  if (seenNonces.size > 100_000) {
    for (const [n, at] of seenNonces) if (now - at > MAX_SKEW_MS) seenNonces.delete(n);
  }
}

/**
 * The key's account, once the signature is verified; `params` (query and form
 * body) lose the v2 signature's own parameters so that only the action's remain.
 */
export function authenticate(req: ApiRequest, ctx: ApiContext, params: Map<string, string>): string {
  return isRpcV2(req) ? authenticateV2(req, ctx, params) : authenticateAcs3(req, ctx);
}

function authenticateAcs3(req: ApiRequest, ctx: ApiContext): string {
  const auth = parseAcs3Authorization(header(req, "authorization"));
  if (!auth) throw new CloudError("IncompleteSignature", "The Authorization header is missing or is not an ACS3-HMAC-SHA256 signature (nor is there a v2 Signature parameter).");
  const now = checkFresh(ctx, header(req, "x-acs-date"), "x-acs-date");
  const key = keyOf(ctx, auth.accessKeyId);
  const bodyHash = crypto.createHash("sha256").update(req.body).digest("hex");
  const expected = acs3Signature(key.secret, auth, { method: req.method, params: [...new URL(req.url, "http://x").searchParams], headers: req.headers, bodyHash });
  if (header(req, "x-acs-content-sha256") !== bodyHash || !sameSignature(expected, auth.signature)) throw mismatch();
  useNonce(header(req, "x-acs-signature-nonce"), now, "x-acs-signature-nonce");
  return key.account;
}

function authenticateV2(req: ApiRequest, ctx: ApiContext, params: Map<string, string>): string {
  const method = params.get("SignatureMethod");
  if (method !== "HMAC-SHA1" || params.get("SignatureVersion") !== "1.0") {
    // assumption: the code name; cloud-api documents HMAC-SHA1 with SignatureVersion 1.0 as the v2 signature.
    throw new CloudError(
      "IncompleteSignature",
      `SignatureMethod '${String(method)}' / SignatureVersion '${String(params.get("SignatureVersion"))}' is not the RPC v2 signature; use HMAC-SHA1 and 1.0 (or ACS3-HMAC-SHA256).`,
    );
  }
  const now = checkFresh(ctx, params.get("Timestamp"), "Timestamp");
  const key = keyOf(ctx, params.get("AccessKeyId") ?? "");
  const expected = rpcV2Signature(key.secret, req.method, params);
  if (!sameSignature(expected, params.get("Signature") ?? "")) throw mismatch();
  useNonce(params.get("SignatureNonce"), now, "SignatureNonce");
  for (const name of V2_COMMON) params.delete(name);
  return key.account;
}
