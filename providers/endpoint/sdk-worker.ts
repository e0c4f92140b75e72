import { runAsWorker } from "synckit";
import type { TencentWireCall, AdminWireCall, WireCall, WireResult } from "./wire-call";

/**
 * The worker thread behind `SdkCloudClient`: the official SDKs are
 * asynchronous, the providers' CRUD is synchronous (the engine is), so the
 * calling thread blocks on this one (synckit: Atomics.wait plus a message
 * port) while it runs the SDK's promise. One SDK client per endpoint, key and
 * region is kept for the worker's life, as an application would keep it.
 */

type TencentClient = { request(action: string, req: object): Promise<Record<string, unknown>> };
const tencentClients = new Map<string, TencentClient>();

function tencentClient(call: TencentWireCall): TencentClient {
  const key = `${call.protocol}${call.endpoint}\n${call.secretId}\n${call.region}`;
  let client = tencentClients.get(key);
  if (!client) {
    // Loaded here, not at the top: only an endpoint user needs the SDK (an optional peer dependency).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tc = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc/v20170312/vpc_client") as {
      Client: new (config: object) => TencentClient;
    };
    client = new tc.Client({
      credential: { secretId: call.secretId, secretKey: call.secretKey },
      region: call.region,
      profile: { httpProfile: { endpoint: call.endpoint, protocol: call.protocol } },
    });
    tencentClients.set(key, client);
  }
  return client;
}

async function tencent(call: TencentWireCall): Promise<WireResult> {
  try {
    return { ok: true, data: await tencentClient(call).request(call.action, call.params) };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown; requestId?: unknown };
    // TencentCloudSDKHttpException carries the cloud's code; a transport failure has none.
    return {
      ok: false,
      code: typeof e.code === "string" && e.code !== "" ? e.code : "EndpointUnreachable",
      message: typeof e.message === "string" ? e.message : String(err),
      ...(typeof e.requestId === "string" ? { requestId: e.requestId } : {}),
    };
  }
}

async function admin(call: AdminWireCall): Promise<WireResult> {
  try {
    const res = await fetch(`${call.url}/_hybridlink/admin/${call.action}`, {
      method: "POST",
      headers: { authorization: `Bearer ${call.token}`, "content-type": "application/json" },
      body: JSON.stringify({ Account: call.account, Params: call.params }),
    });
    const body = (await res.json()) as { Response?: Record<string, unknown>; Error?: { Code: string; Message: string }; RequestId?: string };
    if (body.Error) return { ok: false, code: body.Error.Code, message: body.Error.Message, ...(body.RequestId ? { requestId: body.RequestId } : {}) };
    return { ok: true, data: body.Response ?? {} };
  } catch (err) {
    return { ok: false, code: "EndpointUnreachable", message: (err as Error).message };
  }
}

runAsWorker((call: WireCall): Promise<WireResult> => (call.kind === "tencent" ? tencent(call) : admin(call)));
