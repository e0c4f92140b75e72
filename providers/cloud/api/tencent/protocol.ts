import * as crypto from "crypto";
import { tryFindRegion } from "../../../../lib";
import { CloudError } from "../../errors";
import type { JsonObject } from "../../params";
import { ApiContext, ApiRequest, ApiResponse, json, withWireNames } from "../http";
import { TencentCall, TencentHandler } from "./handler";
import { CCN_HANDLERS } from "./handlers-ccn";
import { PEERING_HANDLERS } from "./handlers-peering";
import { VPC_HANDLERS } from "./handlers-vpc";
import { VPN_HANDLERS } from "./handlers-vpn";
import { readTencentRequest } from "./auth";
import { checkRequest, complete } from "./wire";

/**
 * Tencent Cloud API 3.0 (service vpc, version 2017-03-12) over the engine:
 * verify the TC3 signature with the key's secret, check the body against the
 * SDK's request model, run the action as the key's account, answer the SDK's
 * response model. Errors travel as HTTP 200 with `Response.Error`, the only
 * form in which the SDK keeps their code (wire-notes).
 */
export const TENCENT_VERSION = "2017-03-12";

export const TENCENT_HANDLERS: Readonly<Record<string, TencentHandler>> = { ...VPC_HANDLERS, ...VPN_HANDLERS, ...PEERING_HANDLERS, ...CCN_HANDLERS };

/** The SDK model an action's request and response follow; the seed's …Ex and Enable actions borrow their SDK siblings' (assumption). */
export function modelAction(action: string): string {
  const base = action.endsWith("Ex") ? action.slice(0, -2) : action;
  return base === "EnableVpcPeeringConnection" ? "AcceptVpcPeeringConnection" : base;
}

export function handleTencent(req: ApiRequest, ctx: ApiContext): ApiResponse {
  const requestId = crypto.randomUUID();
  let wireNames: Readonly<Record<string, string>> | undefined;
  try {
    const request = readTencentRequest(req, ctx);
    const { account, action, version, region } = request;
    if (version !== TENCENT_VERSION) {
      throw new CloudError("NoSuchVersion", `Version (X-TC-Version) '${String(version)}' is not served; the vpc API here is version ${TENCENT_VERSION}.`);
    }
    if (ctx.engine.profile.name !== "tencent") {
      throw new CloudError(
        "UnsupportedOperation",
        `This simulated cloud is ${ctx.engine.profile.displayName}; it answers that cloud's API only. Serve a store created with profile tencent.`,
      );
    }
    if (!tryFindRegion(ctx.engine.profile, region)) {
      throw new CloudError("UnsupportedRegion", `Region (X-TC-Region) '${region}' is not a region of the simulated cloud: ${ctx.engine.profile.regions.map((r) => r.name).join(", ")}.`);
    }
    const handler = TENCENT_HANDLERS[action];
    if (!handler) throw new CloudError("InvalidAction", `'${action}' is not an action of this simulated vpc API. Actions: ${Object.keys(TENCENT_HANDLERS).sort().join(", ")}.`);
    wireNames = handler.wireNames;
    const model = modelAction(action);
    const body = request.params(`${model}Request`);
    checkRequest(`${model}Request`, body);
    const call: TencentCall = {
      action,
      account,
      region,
      profile: ctx.engine.profile,
      // Writes are scoped to X-TC-Region: another region's resource is not found (RequestContext.region).
      engine: (engineAction: string, params: object): JsonObject => ctx.engine.request(engineAction, params, { account, region }),
    };
    const result = handler.run(body as never, call) as Record<string, unknown>;
    return json(200, { Response: { ...complete(`${model}Response`, result), RequestId: requestId } });
  } catch (err) {
    return json(200, { Response: { Error: errorOf(err, wireNames), RequestId: requestId } });
  }
}

function errorOf(err: unknown, wireNames: Readonly<Record<string, string>> | undefined): { Code: string; Message: string } {
  if (CloudError.isCloudError(err)) return { Code: err.code, Message: withWireNames(err.message, wireNames) };
  // Unexpected failures are not echoed: their text could quote a request's secret.
  return { Code: "InternalError", Message: "The simulated cloud failed to process the request; nothing was changed." };
}
