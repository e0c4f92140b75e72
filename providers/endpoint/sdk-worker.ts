import { runAsWorker } from "synckit";
import type { AdminWireCall, AlibabaWireCall, TencentWireCall, WireCall, WireResult } from "./wire-call";

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
  const key = `${call.protocol}${call.endpoint}\n${call.secretId}\n${call.secretKey}\n${call.region}`;
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

/** The npm packages each cloud's SDK comes in: optional peer dependencies, needed only on the endpoint path. */
const SDK_PACKAGES: Readonly<Record<"tencent" | "alibaba", string>> = {
  tencent: "tencentcloud-sdk-nodejs",
  alibaba: "@alicloud/vpc20160428 @alicloud/openapi-core",
};

/** An SDK's error as plain data: the cloud's code (or EndpointUnreachable when none came back), message and request ID. */
function failure(err: unknown, message: unknown, requestId: unknown, cloud: "tencent" | "alibaba"): WireResult {
  const e = err as { code?: unknown; message?: unknown };
  // The SDK itself is missing (it is an optional peer dependency): say which package to install, not a require stack.
  if (e.code === "MODULE_NOT_FOUND" && SDK_PACKAGES[cloud].split(" ").some((name) => String(e.message).includes(`'${name}`))) {
    return { ok: false, code: "SdkNotInstalled", message: `The endpoint path sends requests with the cloud's official SDK, which is not installed here. Install it beside hybridlink: npm install ${SDK_PACKAGES[cloud]}` };
  }
  return {
    ok: false,
    code: typeof e.code === "string" && e.code !== "" ? e.code : "EndpointUnreachable",
    message: typeof message === "string" ? message : typeof e.message === "string" ? e.message : String(err),
    ...(typeof requestId === "string" ? { requestId } : {}),
  };
}

async function tencent(call: TencentWireCall): Promise<WireResult> {
  try {
    return { ok: true, data: await tencentClient(call).request(call.action, call.params) };
  } catch (err) {
    // TencentCloudSDKHttpException carries the cloud's code and request ID; a transport failure has neither.
    const e = err as { requestId?: unknown };
    return failure(err, undefined, e.requestId, "tencent");
  }
}

type AlibabaClient = Record<string, (request: object) => Promise<{ body?: unknown }>>;
type AlibabaModule = { default: new (config: object) => AlibabaClient } & Record<string, unknown>;
const alibabaClients = new Map<string, AlibabaClient>();
let alibabaModule: AlibabaModule | undefined;

function alibabaClient(call: AlibabaWireCall): AlibabaClient {
  const key = `${call.protocol}${call.endpoint}\n${call.accessKeyId}\n${call.accessKeySecret}\n${call.region}`;
  let client = alibabaClients.get(key);
  if (!client) {
    // Loaded here, not at the top: only an endpoint user needs the SDKs (optional peer dependencies).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    alibabaModule ??= require("@alicloud/vpc20160428") as AlibabaModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { $OpenApiUtil } = require("@alicloud/openapi-core") as { $OpenApiUtil: { Config: new (c: object) => object } };
    client = new alibabaModule.default(
      new $OpenApiUtil.Config({ accessKeyId: call.accessKeyId, accessKeySecret: call.accessKeySecret, regionId: call.region, endpoint: call.endpoint, protocol: call.protocol }),
    );
    alibabaClients.set(key, client);
  }
  return client;
}

async function alibaba(call: AlibabaWireCall): Promise<WireResult> {
  try {
    const client = alibabaClient(call);
    const method = call.action.charAt(0).toLowerCase() + call.action.slice(1);
    const Request = alibabaModule![`${call.action}Request`] as (new (p: object) => object) | undefined;
    if (typeof client[method] !== "function" || !Request) return { ok: false, code: "InvalidAction.NotFound", message: `The Alibaba SDK has no ${call.action}.` };
    // Lists of structures (a customer gateway's Tags) go in as the SDK's own model of them, which names their wire fields.
    const params: Record<string, unknown> = { ...call.params };
    for (const [name, value] of Object.entries(params)) {
      const Item = alibabaModule![`${call.action}Request${name.charAt(0).toUpperCase()}${name.slice(1)}`] as (new (p: object) => object) | undefined;
      if (Item && Array.isArray(value)) params[name] = value.map((v: object) => new Item(v));
    }
    const response = await client[method](new Request(params));
    // The body is a model instance; its own fields as plain data (camelCase, as the SDK names them).
    return { ok: true, data: JSON.parse(JSON.stringify(response.body ?? {})) as Record<string, unknown> };
  } catch (err) {
    // The SDK's message prefixes the code and the URL; the cloud's own Message and RequestId are in data.
    const e = err as { data?: { RequestId?: unknown; Message?: unknown } };
    return failure(err, e.data?.Message, e.data?.RequestId, "alibaba");
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

runAsWorker((call: WireCall): Promise<WireResult> => (call.kind === "tencent" ? tencent(call) : call.kind === "alibaba" ? alibaba(call) : admin(call)));
