import { CloudError } from "../../errors";
import { sameSignature } from "../helpers";
import { apiKey, ApiContext, ApiRequest, header } from "../http";
import { flatParams, LEGACY_COMMON, LEGACY_METHODS, legacySignature, legacySignString, unflatten } from "./form";
import { parseTc3Authorization, tc3Signature } from "./signing";

/**
 * A Tencent request authenticated, in any of the forms the SDK sends: TC3 with
 * a JSON body (the default), TC3 with the parameters in a GET query, or the
 * legacy v1 signature with everything (action, region, key, signature) in the
 * parameters. Each is verified with the key's secret before anything is read.
 */
export interface TencentRequest {
  readonly account: string;
  readonly action: string;
  readonly version: string | undefined;
  readonly region: string;
  /** The action's parameters, nested as the JSON form has them, given the model they follow. */
  params(modelName: string): unknown;
}

/** cloud-api: a signature older (or newer) than five minutes is AuthFailure.SignatureExpire. */
const MAX_SKEW_SECONDS = 300;

/** True for a legacy v1 request: no X-TC-Action header, the key and signature among the parameters. */
export function isLegacyTencent(req: ApiRequest): boolean {
  return header(req, "x-tc-action") === undefined && /(?:^|[?&])SecretId=/.test(req.url + (req.method === "POST" ? `&${req.body.toString("latin1", 0, 4096)}` : ""));
}

function checkTimestamp(ctx: ApiContext, timestamp: string, where: string): number {
  const ts = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(ctx.nowSeconds() - ts) > MAX_SKEW_SECONDS) {
    throw new CloudError("AuthFailure.SignatureExpire", `${where} '${timestamp}' is more than ${MAX_SKEW_SECONDS}s from the server's time; check the client's clock.`);
  }
  return ts;
}

function keyOf(ctx: ApiContext, secretId: string): { account: string; secret: string } {
  const key = apiKey(ctx, secretId);
  if (!key || key.cloud !== "tencent") {
    throw new CloudError("AuthFailure.SecretIdNotFound", "The SecretId is not a key of this simulated cloud. Create one with `hybridlink credentials create --account <id> --cloud tencent`.");
  }
  return key;
}

const signatureFailure = (): CloudError =>
  new CloudError("AuthFailure.SignatureFailure", "The request's signature does not match the one computed with the key's SecretKey. Check the SecretKey.");

export function readTencentRequest(req: ApiRequest, ctx: ApiContext): TencentRequest {
  return header(req, "x-tc-action") !== undefined ? readTc3(req, ctx) : readLegacy(req, ctx);
}

function readTc3(req: ApiRequest, ctx: ApiContext): TencentRequest {
  const auth = parseTc3Authorization(header(req, "authorization"));
  if (!auth) {
    throw new CloudError("AuthFailure.InvalidAuthorization", "The Authorization header is missing or is not a TC3-HMAC-SHA256 signature.");
  }
  const timestamp = header(req, "x-tc-timestamp") ?? "";
  const ts = checkTimestamp(ctx, timestamp, "X-TC-Timestamp");
  const key = keyOf(ctx, auth.secretId);
  const question = req.url.indexOf("?");
  const query = question < 0 ? "" : req.url.slice(question + 1);
  const expected = tc3Signature(key.secret, auth, { method: req.method, query, headers: req.headers, body: req.body, timestamp });
  const dateOk = new Date(ts * 1000).toISOString().slice(0, 10) === auth.date;
  if (!dateOk || !sameSignature(expected, auth.signature)) throw signatureFailure();
  return {
    account: key.account,
    action: header(req, "x-tc-action") ?? "",
    version: header(req, "x-tc-version"),
    region: header(req, "x-tc-region") ?? "",
    params: (modelName) => {
      // GET (httpProfile.reqMethod) puts the parameters in the query, flat; POST sends them as JSON.
      if (req.method === "GET") return unflatten(modelName, flatParams(req.url, undefined, Buffer.alloc(0)));
      if (req.method !== "POST") throw new CloudError("UnsupportedProtocol", `Send requests as POST with a JSON body or as GET with a query (received ${req.method}).`);
      if (req.body.length === 0) return {};
      try {
        return JSON.parse(req.body.toString("utf8")) as unknown;
      } catch {
        throw new CloudError("InvalidParameter", "The request body is not valid JSON.");
      }
    },
  };
}

function readLegacy(req: ApiRequest, ctx: ApiContext): TencentRequest {
  if (req.method !== "GET" && req.method !== "POST") throw new CloudError("UnsupportedProtocol", `Send requests as GET or POST (received ${req.method}).`);
  const all = flatParams(req.url, header(req, "content-type"), req.body);
  const method = all.get("SignatureMethod") ?? "HmacSHA1";
  if (!LEGACY_METHODS[method]) {
    throw new CloudError("AuthFailure.SignatureFailure", `SignatureMethod '${method}' is not a v1 signature method; use HmacSHA256 or HmacSHA1 (or the TC3-HMAC-SHA256 Authorization header).`);
  }
  const signature = all.get("Signature");
  if (!signature) throw new CloudError("AuthFailure.InvalidAuthorization", "The request has no TC3 Authorization header and no v1 'Signature' parameter; sign it with either.");
  checkTimestamp(ctx, all.get("Timestamp") ?? "", "Timestamp");
  const key = keyOf(ctx, all.get("SecretId") ?? "");
  // The SDK signs the endpoint it was given, port included: the Host header as received.
  const expected = legacySignature(key.secret, method, legacySignString(req.method, header(req, "host") ?? "", all));
  if (!sameSignature(expected, signature)) throw signatureFailure();
  // No nonce replay check: the v1 Nonce is a random integer below 65536 (the SDK's), so honest requests repeat it.
  const own = new Map([...all].filter(([k]) => !LEGACY_COMMON.has(k)));
  return {
    account: key.account,
    action: all.get("Action") ?? "",
    version: all.get("Version"),
    region: all.get("Region") ?? "",
    params: (modelName) => unflatten(modelName, own),
  };
}
