import * as crypto from "crypto";
import { accountIdProblem } from "../../lib";
import { CloudError } from "./errors";
import { SealKey, sealWith, unsealWith } from "./seal";
import { Store } from "./store";

/** The clouds whose API `hybridlink serve` speaks; a key is bound to one. */
export const API_CLOUDS = ["tencent", "alibaba"] as const;
export type ApiCloud = (typeof API_CLOUDS)[number];

/** A key pair as `credentials create` prints it (the only time the secret is shown). */
export interface ApiKeyPair {
  readonly keyId: string;
  readonly secret: string;
  readonly account: string;
  readonly cloud: ApiCloud;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomText(length: number): string {
  const bytes = crypto.randomBytes(length);
  let text = "";
  for (const b of bytes) text += ALNUM[b % ALNUM.length];
  return text;
}

/**
 * A new key pair in the cloud's own format (assumption: lengths as the
 * clouds' consoles issue them — Tencent SecretId `AKID` + 32, SecretKey 32;
 * Alibaba AccessKeyId `LTAI` + 20, AccessKeySecret 30), stored with the secret sealed.
 */
export function createApiKey(store: Store, seal: SealKey, account: string, cloud: string, now: number): ApiKeyPair {
  if (!(API_CLOUDS as readonly string[]).includes(cloud)) {
    throw new CloudError("InvalidParameterValue.Cloud", `credentials: cloud '${cloud}' has no API here; use one of ${API_CLOUDS.join(", ")}.`);
  }
  const problem = accountIdProblem(account);
  if (problem) throw new CloudError("InvalidParameterValue.Account", `credentials: account '${String(account)}' is not ${problem}.`);
  const keyId = cloud === "tencent" ? `AKID${randomText(32)}` : `LTAI${randomText(20)}`;
  const secret = randomText(cloud === "tencent" ? 32 : 30);
  store.apiKeys.insert({ keyId, account, cloud, sealedSecret: sealWith(seal, secret, keyId), createdAt: now });
  return { keyId, secret, account, cloud: cloud as ApiCloud };
}

/** The key's account, cloud and secret (opened from its seal); undefined for an unknown key or one that does not open. */
export function tryOpenApiKey(store: Store, seal: SealKey, keyId: string): ApiKeyPair | undefined {
  const record = store.apiKeys.tryGet(keyId);
  if (!record) return undefined;
  const secret = unsealWith(seal, record.sealedSecret, keyId);
  if (secret === undefined) return undefined;
  return { keyId, secret, account: record.account, cloud: record.cloud as ApiCloud };
}
