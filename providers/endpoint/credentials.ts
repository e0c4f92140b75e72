import * as fs from "fs";
import { CloudError } from "../cloud";

/** A Tencent key pair (SecretId/SecretKey), as `hybridlink credentials create` prints it. */
export interface KeyPair {
  readonly secretId: string;
  readonly secretKey: string;
}

/** Environment variables the endpoint path reads: Tencent's own tools' names for the key, ours for the rest. */
export const ENDPOINT_ENV = {
  endpoint: "HYBRIDLINK_ENDPOINT",
  adminToken: "HYBRIDLINK_ADMIN_TOKEN",
  credentialsFile: "HYBRIDLINK_CREDENTIALS",
  region: "HYBRIDLINK_REGION",
  tencentSecretId: "TENCENTCLOUD_SECRET_ID",
  tencentSecretKey: "TENCENTCLOUD_SECRET_KEY",
  alibabaKeyId: "ALIBABA_CLOUD_ACCESS_KEY_ID",
  alibabaKeySecret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
} as const;

/**
 * The key each account's requests are signed with. A multi-account app (a
 * cross-account peering, accepted by its peer) needs one key per account:
 * `$HYBRIDLINK_CREDENTIALS` names a JSON file `{"<account>": {"secretId",
 * "secretKey"}}` (or accessKeyId/accessKeySecret). Any other account uses the key
 * of TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (Alibaba:
 * ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), the variables
 * the clouds' own CLIs and SDKs read. The cloud
 * acts as the key's owner whatever the app says: a key of another account
 * would act there (the cloud API has no "act as").
 */
export interface Keyring {
  /** The key requests made as `account` are signed with. */
  forAccount(account: string): KeyPair;
  /** One key of the ring (the default's, else the file's first), to derive the digest key from. */
  any(): KeyPair;
}

export function credentialsFrom(env: NodeJS.ProcessEnv = process.env, cloud: "tencent" | "alibaba" = "tencent"): Keyring {
  const [idVar, secretVar] = cloud === "alibaba" ? [ENDPOINT_ENV.alibabaKeyId, ENDPOINT_ENV.alibabaKeySecret] : [ENDPOINT_ENV.tencentSecretId, ENDPOINT_ENV.tencentSecretKey];
  const file = env[ENDPOINT_ENV.credentialsFile];
  let perAccount: Record<string, KeyPair> = {};
  if (file) {
    try {
      // Either cloud's names for the pair: SecretId/SecretKey (Tencent), AccessKeyId/AccessKeySecret (Alibaba).
      const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>;
      perAccount = Object.fromEntries(
        Object.entries(raw).map(([account, k]) => [account, { secretId: (k.secretId ?? k.accessKeyId) as string, secretKey: (k.secretKey ?? k.accessKeySecret) as string }]),
      );
    } catch (err) {
      throw new CloudError(
        "AuthFailure.CredentialsFile",
        `${ENDPOINT_ENV.credentialsFile} names '${file}', which is not a readable JSON file (${(err as NodeJS.ErrnoException).code ?? "not JSON"}). ` +
          `Write {"<account>": {"secretId": "...", "secretKey": "..."}} there (hybridlink credentials create --account <id> --json prints a key).`,
      );
    }
  }
  const fallback = env[idVar] && env[secretVar] ? { secretId: env[idVar], secretKey: env[secretVar] } : undefined;
  const valid = (k: KeyPair | undefined): k is KeyPair => k !== undefined && typeof k.secretId === "string" && typeof k.secretKey === "string";
  const forAccount = (account: string): KeyPair => {
    const own = perAccount[account];
    if (valid(own)) return own;
    if (fallback) return fallback;
    // Never the key itself in a message: only where to put one.
    throw new CloudError(
      "AuthFailure.SecretIdNotFound",
      `No key for account '${account}' on the endpoint path. Set ${idVar} and ${secretVar}, ` +
        `or give the account its own key in the JSON file ${ENDPOINT_ENV.credentialsFile} names (hybridlink credentials create --account ${account} prints one).`,
    );
  };
  return {
    forAccount,
    any: () => fallback ?? Object.values(perAccount).find(valid) ?? forAccount("(any)"),
  };
}
