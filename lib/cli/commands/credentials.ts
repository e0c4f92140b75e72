import { Command, Option } from "commander";
import * as fs from "fs";
import { CloudEngine } from "../../../providers/cloud";
import { CliIo, EXIT_OK } from "../io";
import { withEngineOptions } from "../options";
import { storePath, usingEngine } from "../session";

interface CreateOptions {
  readonly account: string;
  readonly cloud?: "tencent" | "alibaba";
  readonly state?: string;
  readonly json?: boolean;
}

/** The environment variables each cloud's own tools read a key from (what `--endpoint` clients read too). */
export const KEY_ENV = {
  tencent: { id: "TENCENTCLOUD_SECRET_ID", secret: "TENCENTCLOUD_SECRET_KEY", idName: "SecretId", secretName: "SecretKey" },
  alibaba: { id: "ALIBABA_CLOUD_ACCESS_KEY_ID", secret: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", idName: "AccessKeyId", secretName: "AccessKeySecret" },
} as const;

/** `hybridlink credentials create`: an API key pair of an account for `hybridlink serve`. */
export function credentialsCommand(io: CliIo): Command {
  const create = new Command("create")
    .description("print a new API key pair bound to an account (the secret is shown once and stored sealed)")
    .requiredOption("--account <id>", "the account the key acts as")
    .addOption(new Option("--cloud <cloud>", "whose API the key is for (default: the store's cloud)").choices(["tencent", "alibaba"]));
  withEngineOptions(create);
  create.action((options: CreateOptions) =>
    usingEngine(openForKeys(options), (engine) => {
      const cloud = options.cloud ?? (engine.profile.name === "alibaba" ? "alibaba" : "tencent");
      const key = engine.createApiKey(options.account, cloud);
      const env = KEY_ENV[key.cloud];
      if (options.json) {
        io.out(JSON.stringify({ account: key.account, cloud: key.cloud, [env.idName]: key.keyId, [env.secretName]: key.secret, env: { [env.id]: key.keyId, [env.secret]: key.secret } }, null, 2));
      } else {
        io.out(`${env.idName}:     ${key.keyId}`);
        io.out(`${env.secretName}:    ${key.secret}   (shown this once; the store keeps it sealed)`);
        io.out(`account ${key.account}, ${key.cloud} API. For the SDKs and \`--endpoint\`:`);
        io.out(`  export ${env.id}=${key.keyId} ${env.secret}=${key.secret}`);
      }
      io.exitCode(EXIT_OK);
    }),
  );
  return new Command("credentials").description("API keys of the simulated cloud's HTTP API (hybridlink serve)").addCommand(create.exitOverride());
}

/** The store (a new one is created for the key's cloud, so `serve` then answers that cloud's API). */
function openForKeys(options: CreateOptions): CloudEngine {
  const file = storePath(options);
  return CloudEngine.open({ path: file, ...(options.cloud && !fs.existsSync(file) ? { profile: options.cloud } : {}) });
}
