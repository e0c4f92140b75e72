import * as crypto from "crypto";
import { ACTIONS_BY_TYPE } from "../../actions";
import { CloudError } from "../../errors";
import { FAULT_TARGETS } from "../../lifecycle";
import { ApiContext, ApiRequest, ApiResponse, header, json } from "../http";

/** Where the simulator-only verbs live, apart from every cloud action. */
export const ADMIN_PATH = "/_hybridlink/admin/";

/**
 * Verbs no real cloud has: the engine clock, failure drills, the data plane's
 * trace and matrix, and the on-premises side (IDC sites, direct-connect
 * networks) the cloud API cannot create. Each is an engine action, run as the
 * account the request names.
 */
export const ADMIN_ACTIONS: readonly string[] = [
  "DescribeClock",
  "AdvanceClock",
  ...FAULT_TARGETS.flatMap((t) => [`Fail${t}`, `Recover${t}`]),
  "Trace",
  "DescribeReachability",
  ...(["IdcSite", "DirectConnectGateway"] as const).flatMap((t) => [ACTIONS_BY_TYPE[t].create, ACTIONS_BY_TYPE[t].describe, ACTIONS_BY_TYPE[t].delete]),
  "RecordVpcPeeringTraffic",
  // Tickets: granting stands in for the cloud's support (seed 000's gray release, seed 003's cap).
  "GrantAccountFeature",
  "RevokeAccountFeature",
  "DescribeAccountFeatures",
];

const STATUS: Readonly<Record<string, number>> = { AuthFailure: 401, ResourceNotFound: 404, InvalidAction: 404, UnauthorizedOperation: 403 };

/** POST /_hybridlink/admin/<Action>, `Authorization: Bearer <admin token>`, body `{"Account": "...", "Params": {...}}`. */
export function handleAdmin(req: ApiRequest, ctx: ApiContext, adminToken: string): ApiResponse {
  const requestId = crypto.randomUUID();
  try {
    const given = Buffer.from((header(req, "authorization") ?? "").replace(/^Bearer /, ""));
    const expected = Buffer.from(adminToken);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      throw new CloudError("AuthFailure", "The admin path needs `Authorization: Bearer <admin token>` (the token `hybridlink serve` printed).");
    }
    const action = req.url.slice(ADMIN_PATH.length).split("?")[0];
    if (!ADMIN_ACTIONS.includes(action)) {
      throw new CloudError("InvalidAction", `'${action}' is not a simulator verb. Verbs: ${ADMIN_ACTIONS.join(", ")}. Cloud actions go to the cloud's API.`);
    }
    let body: { Account?: unknown; Params?: unknown };
    try {
      body = req.body.length ? (JSON.parse(req.body.toString("utf8")) as typeof body) : {};
    } catch {
      throw new CloudError("InvalidParameter", "The body must be JSON: {\"Account\": \"<account>\", \"Params\": {…}}.");
    }
    if (typeof body.Account !== "string") throw new CloudError("MissingParameter", "The body needs 'Account' (the account the verb acts as).");
    const result = ctx.engine.request(action, (body.Params ?? {}), { account: body.Account, operator: true });
    return json(200, { Response: result, RequestId: requestId });
  } catch (err) {
    const e = CloudError.isCloudError(err) ? err : new CloudError("InternalError", "The simulator failed to process the request.");
    return json(STATUS[e.code.split(".")[0]] ?? (e.code.startsWith("Internal") ? 500 : 400), { Error: { Code: e.code, Message: e.message }, RequestId: requestId });
  }
}
