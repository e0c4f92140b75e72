import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { CloudEngine } from "../../../../providers/cloud";
import { ApiServer, startApiServer } from "../../../../providers/cloud/api/server";
import { grantTickets } from "../helpers";

/** The Tencent SDK's vpc client class. */
export const TencentVpcClient = tencentcloud.vpc.v20170312.Client;
export type TencentVpc = InstanceType<typeof TencentVpcClient>;

/** A simulated cloud behind `hybridlink serve`'s server on port 0, with SDK clients for its keys. */
export interface SdkCloud {
  readonly engine: CloudEngine;
  readonly server: ApiServer;
  /** The host:port the SDKs' endpoint setting takes. */
  readonly endpoint: string;
  close(): Promise<void>;
  /** Calls a simulator-only verb on the admin path. */
  admin(action: string, account: string, params?: object): Promise<Record<string, unknown>>;
}

export async function startSdkCloud(profile: "tencent" | "alibaba"): Promise<SdkCloud> {
  // The SDKs honour http_proxy; the server is local.
  for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];
  const engine = CloudEngine.open({ path: ":memory:", profile });
  const server = await startApiServer({ engine });
  const endpoint = server.url.replace("http://", "");
  return {
    engine,
    server,
    endpoint,
    close: async () => {
      await server.close();
      engine.close();
    },
    admin: async (action, account, params = {}) => {
      const res = await fetch(`${server.url}/_hybridlink/admin/${action}`, {
        method: "POST",
        headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ Account: account, Params: params }),
      });
      const body = (await res.json()) as { Response?: Record<string, unknown>; Error?: { Code: string; Message: string } };
      if (!res.ok || body.Error) throw Object.assign(new Error(body.Error?.Message), { code: body.Error?.Code, status: res.status });
      return body.Response!;
    },
  };
}

/**
 * A Tencent vpc client for a new key of `account` (or the given key pair). The account holds the VPN route
 * table's ticket (seed 000's gray release), as a Tencent customer using route tables must; the refusal without
 * it is test/providers/cloud/account-features.test.ts's.
 */
export function tencentClient(cloud: SdkCloud, account: string, region = "ap-guangzhou", key = cloud.engine.createApiKey(account, "tencent")): TencentVpc {
  grantTickets(cloud.engine, [account]);
  return new TencentVpcClient({
    credential: { secretId: key.keyId, secretKey: key.secret },
    region,
    profile: { httpProfile: { endpoint: cloud.endpoint, protocol: "http://" } },
  });
}

/** The Alibaba SDK's VPC client (7.x) and its models. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import AlibabaVpcClient = require("@alicloud/vpc20160428");
import { $OpenApiUtil } from "@alicloud/openapi-core";
export type AlibabaVpc = InstanceType<typeof AlibabaVpcClient.default>;
export const $alibaba = AlibabaVpcClient;

/** An Alibaba VPC client for a new key of `account` (or the given key pair). */
export function alibabaClient(cloud: SdkCloud, account: string, region = "cn-hangzhou", key = cloud.engine.createApiKey(account, "alibaba")): AlibabaVpc {
  return new AlibabaVpcClient.default(
    new $OpenApiUtil.Config({ accessKeyId: key.keyId, accessKeySecret: key.secret, regionId: region, endpoint: cloud.endpoint, protocol: "http" }),
  );
}
