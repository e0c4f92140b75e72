import { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { finished, json, runCli, spawnCli, tempState } from "../cli/run-cli";

/** `hybridlink serve` as a child process on port 0 over its own store, with keys for some accounts. */
export interface ServedCloud {
  readonly url: string;
  readonly dir: string;
  /** The store serve runs on (the CLI may read it at the same time). */
  readonly store: string;
  /** The environment of a CLI run against this endpoint: keys file, admin token, no inherited proxy. */
  readonly env: NodeJS.ProcessEnv;
  /** The secret keys handed out (to check none leaks). */
  readonly secrets: readonly string[];
  stop(): Promise<number>;
}

export const ADMIN_TOKEN = "endpoint-test-admin-token";

export async function serveCloud(accounts: readonly string[], cloud: "tencent" | "alibaba" = "tencent", options: { tickets?: boolean } = {}): Promise<ServedCloud> {
  const t = tempState();
  const serverEnv = { ...t.env, HYBRIDLINK_ADMIN_TOKEN: ADMIN_TOKEN };
  const keys: Record<string, { secretId: string; secretKey: string }> = {};
  for (const account of accounts) {
    const key = json(runCli(["credentials", "create", "--account", account, "--cloud", cloud, "--json"], { env: serverEnv }));
    keys[account] = { secretId: String(key.SecretId ?? key.AccessKeyId), secretKey: String(key.SecretKey ?? key.AccessKeySecret) };
  }
  // The accounts hold the VPN route table's ticket (seed 000's gray release), as Tencent customers using route tables must.
  if (cloud === "tencent" && options.tickets !== false) {
    for (const account of accounts) {
      expect(runCli(["account", "feature", "grant", "vpn-route-table", "--account", account, "--ticket", "T-ENDPOINT"], { env: serverEnv }).code).toBe(0);
    }
  }
  const keysFile = path.join(t.dir, "keys.json");
  fs.writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  const child: ChildProcess = spawnCli(["serve", "--port", "0", "--json"], { env: serverEnv });
  const done = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(String((JSON.parse(out.split("\n")[0]) as { url: string }).url));
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${String(code)} before listening`)));
  });
  const local = path.join(t.dir, "local.db");
  return {
    url,
    dir: t.dir,
    store: t.state,
    env: {
      ...t.env,
      HYBRIDLINK_STATE: local,
      HYBRIDLINK_CREDENTIALS: keysFile,
      HYBRIDLINK_ADMIN_TOKEN: ADMIN_TOKEN,
      TENCENTCLOUD_SECRET_ID: "",
      TENCENTCLOUD_SECRET_KEY: "",
      ALIBABA_CLOUD_ACCESS_KEY_ID: "",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "",
      http_proxy: "",
      HTTP_PROXY: "",
    },
    secrets: Object.values(keys).map((k) => k.secretKey),
    stop: async () => {
      child.kill("SIGTERM");
      const result = await done;
      fs.rmSync(t.dir, { recursive: true, force: true });
      return result.code;
    },
  };
}
