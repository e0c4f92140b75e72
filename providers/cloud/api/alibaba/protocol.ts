import * as crypto from "crypto";
import { tryFindRegion } from "../../../../lib";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { ApiContext, ApiRequest, ApiResponse, header, json, withWireNames } from "../http";
import { AlibabaCall, AlibabaHandler } from "./handler";
import { VPC_HANDLERS } from "./handlers-vpc";
import { VPN_HANDLERS } from "./handlers-vpn";
import { authenticate } from "./auth";
import { readRequest, writeResponse } from "./wire";

/**
 * Alibaba Cloud VPC API (2016-04-28, RPC style) over the engine, as
 * @alicloud/vpc20160428 7.x sends it by default: POST, parameters in the
 * query, ACS3-HMAC-SHA256 signature. Errors must be 4xx/5xx with
 * {RequestId, Code, Message}: the SDK takes an HTTP 200 as success (wire-notes).
 */
export const ALIBABA_VERSION = "2016-04-28";

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
    // The v2 form names the action and version in parameters too; authenticate drops them from params.
    const action = header(req, "x-acs-action") ?? params.get("Action") ?? "";
    const version = header(req, "x-acs-version") ?? params.get("Version");
    const account = authenticate(req, ctx, params);
    if (version !== ALIBABA_VERSION) {
      throw new CloudError("InvalidVersion", `Version (x-acs-version) '${String(version)}' is not served; the VPC API here is ${ALIBABA_VERSION}.`);
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
