import * as crypto from "crypto";
import { tryFindRegion } from "../../../../lib";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { sameSignature } from "../helpers";
import { apiKey, ApiContext, ApiRequest, ApiResponse, header, json, withWireNames } from "../http";
import { AlibabaCall, AlibabaHandler } from "./handler";
import { VPC_HANDLERS } from "./handlers-vpc";
import { VPN_HANDLERS } from "./handlers-vpn";
import { acs3Signature, parseAcs3Authorization } from "./signing";
import { readRequest, writeResponse } from "./wire";

/**
 * Alibaba Cloud VPC API (2016-04-28, RPC style) over the engine, as
 * @alicloud/vpc20160428 7.x sends it by default: POST, parameters in the
 * query, ACS3-HMAC-SHA256 signature. Errors must be 4xx/5xx with
 * {RequestId, Code, Message}: the SDK takes an HTTP 200 as success (wire-notes).
 */
export const ALIBABA_VERSION = "2016-04-28";
/** cloud-api: x-acs-date may differ from the server's time by at most 15 minutes. */
const MAX_SKEW_MS = 15 * 60 * 1000;

export const ALIBABA_HANDLERS: Readonly<Record<string, AlibabaHandler>> = { ...VPC_HANDLERS, ...VPN_HANDLERS };

/** The HTTP status the SDK expects with each code family. */
function statusOf(code: string): number {
  if (code.endsWith(".NotFound") || code === "ResourceNotFound") return 404;
  if (code.startsWith("UnauthorizedOperation") || code === "Forbidden") return 403;
  if (code.startsWith("InternalError")) return 500;
  return 400;
}

export function handleAlibaba(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const requestId = crypto.randomUUID().toUpperCase();
  let wireNames: Readonly<Record<string, string>> | undefined;
  try {
    const params = readParams(req);
    const account = authenticate(req, ctx);
    const action = header(req, "x-acs-action") ?? "";
    if (header(req, "x-acs-version") !== ALIBABA_VERSION) {
      throw new CloudError("InvalidVersion", `x-acs-version '${String(header(req, "x-acs-version"))}' is not served; the VPC API here is ${ALIBABA_VERSION}.`);
    }
    if (ctx.engine.profile.name !== "alibaba") {
      throw new CloudError("UnsupportedOperation", `This simulated cloud is ${ctx.engine.profile.displayName}; it answers that cloud's API only. Serve a store created with profile alibaba.`);
    }
    const handler = ALIBABA_HANDLERS[action];
    if (!handler) throw new CloudError("InvalidAction.NotFound", `'${action}' is not an action of this simulated VPC API. Actions: ${Object.keys(ALIBABA_HANDLERS).sort().join(", ")}.`);
    wireNames = handler.wireNames;
    const request = readRequest(`${action}Request`, params);
    const region = typeof request.regionId === "string" ? request.regionId : "";
    if (!region) throw new CloudError("MissingRegionId", "RegionId is mandatory for this action.");
    if (!tryFindRegion(ctx.engine.profile, region)) {
      throw new CloudError("InvalidRegionId.NotFound", `RegionId '${region}' is not a region of the simulated cloud: ${ctx.engine.profile.regions.map((r) => r.name).join(", ")}.`);
    }
    const call: AlibabaCall = {
      account,
      region,
      profile: ctx.engine.profile,
      // Writes are scoped to RegionId: another region's resource is not found (RequestContext.region).
      engine: (engineAction: string, engineParams: object): JsonObject => ctx.engine.request(engineAction, engineParams, { account, region }),
    };
    const result = handler.run(request as never, call) as Record<string, unknown>;
    return json(200, { ...writeResponse(`${action}ResponseBody`, result), RequestId: requestId });
  } catch (err) {
    const e = CloudError.isCloudError(err) ? err : new CloudError("InternalError", "The simulated cloud failed to process the request.");
    return json(statusOf(e.code), { RequestId: requestId, Code: e.code, Message: withWireNames(e.message, wireNames) });
  }
}

/** Query parameters plus, for a form body (CreateVpnConnection's TunnelOptionsSpecification), the body's. */
function readParams(req: ApiRequest): Map<string, string> {
  const params = new Map<string, string>(new URL(req.url, "http://x").searchParams);
  if (String(header(req, "content-type")).startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(req.body.toString("utf8"))) params.set(k, v);
  }
  return params;
}

const seenNonces = new Map<string, number>();

function authenticate(req: ApiRequest, ctx: ApiContext): string {
  const auth = parseAcs3Authorization(header(req, "authorization"));
  if (!auth) throw new CloudError("IncompleteSignature", "The Authorization header is missing or is not an ACS3-HMAC-SHA256 signature.");
  const date = Date.parse(header(req, "x-acs-date") ?? "");
  const now = ctx.nowSeconds() * 1000;
  if (!Number.isFinite(date) || Math.abs(now - date) > MAX_SKEW_MS) {
    throw new CloudError("InvalidTimeStamp.Expired", `x-acs-date '${String(header(req, "x-acs-date"))}' is more than 15 minutes from the server's time; check the client's clock.`);
  }
  const key = apiKey(ctx, auth.accessKeyId);
  if (!key || key.cloud !== "alibaba") {
    throw new CloudError("InvalidAccessKeyId.NotFound", "The AccessKeyId is not a key of this simulated cloud. Create one with `hybridlink credentials create --account <id> --cloud alibaba`.");
  }
  const bodyHash = crypto.createHash("sha256").update(req.body).digest("hex");
  const expected = acs3Signature(key.secret, auth, { method: req.method, params: [...new URL(req.url, "http://x").searchParams], headers: req.headers, bodyHash });
  if (header(req, "x-acs-content-sha256") !== bodyHash || !sameSignature(expected, auth.signature)) {
    throw new CloudError("SignatureDoesNotMatch", "The request's signature does not match the one computed with the key's AccessKeySecret. Check the secret.");
  }
  const nonce = header(req, "x-acs-signature-nonce") ?? "";
  if (!nonce || seenNonces.has(nonce)) throw new CloudError("SignatureNonceUsed", "The x-acs-signature-nonce was used already; every request needs a new one.");
  seenNonces.set(nonce, now);
  if (seenNonces.size > 100_000) {
    for (const [n, at] of seenNonces) if (now - at > MAX_SKEW_MS) seenNonces.delete(n);
  }
  return key.account;
}
