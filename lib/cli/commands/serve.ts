import { Command, Option } from "commander";
import { HybridlinkError } from "../../core/errors";
import { ProfileName } from "../../core/profiles";
import { CloudEngine } from "../../../providers/cloud";
import { startApiServer } from "../../../providers/cloud";
import { CliIo, EXIT_OK } from "../io";
import { storePath } from "../session";

/** The admin token comes from here when set; otherwise serve makes one and prints it. */
export const ADMIN_TOKEN_ENV = "HYBRIDLINK_ADMIN_TOKEN";

interface ServeOptions {
  readonly host: string;
  readonly port: string;
  readonly state?: string;
  readonly profile?: ProfileName;
  readonly json?: boolean;
}

/**
 * `hybridlink serve`: the simulated cloud over HTTP, speaking Tencent Cloud
 * API 3.0 (a tencent store) or Alibaba Cloud's VPC RPC API (an alibaba
 * store), so the official SDKs work against it. Runs until SIGINT/SIGTERM.
 */
export function serveCommand(io: CliIo): Command {
  return new Command("serve")
    .description("serve the simulated cloud over HTTP to the official Tencent Cloud / Alibaba Cloud SDKs (until Ctrl-C)")
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option("--state <file>", "the simulated cloud's store file (default: $HYBRIDLINK_STATE, else .hybridlink/state.db here)")
    .addOption(new Option("--profile <cloud>", "the cloud of a new store (an existing store keeps its own)").choices(["tencent", "alibaba"]))
    .option("--json", "print the listening address as JSON")
    .action((options: ServeOptions) => serve(io, options));
}

async function serve(io: CliIo, options: ServeOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new HybridlinkError("InvalidPort", `--port '${options.port}' is not a port: use 0 (any free port) to 65535.`);
  }
  const engine = CloudEngine.open({ path: storePath(options), ...(options.profile ? { profile: options.profile } : {}) });
  const server = await startApiServer({ engine, host: options.host, port, adminToken: process.env[ADMIN_TOKEN_ENV] || undefined }).catch((err: NodeJS.ErrnoException) => {
    engine.close();
    throw new HybridlinkError("ListenFailed", `cannot listen on ${options.host}:${port} (${err.code ?? err.message}). Choose another --port or --host.`);
  });
  const api = engine.profile.name === "alibaba" ? "Alibaba Cloud VPC API 2016-04-28" : "Tencent Cloud API 3.0 (vpc 2017-03-12)";
  const adminToken = process.env[ADMIN_TOKEN_ENV] ? `$${ADMIN_TOKEN_ENV}` : server.adminToken;
  if (options.json) io.out(JSON.stringify({ url: server.url, api, profile: engine.profile.name, state: engine.path, adminToken }));
  else {
    io.out(`hybridlink serve: listening on ${server.url}`);
    io.out(`  ${api} over the store ${engine.path}; keys: hybridlink credentials create --account <id>`);
    io.out(`  admin path ${server.url}/_hybridlink/admin/<verb>, Authorization: Bearer ${adminToken}`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await server.close();
  engine.close();
  if (!options.json) io.out("hybridlink serve: stopped");
  io.exitCode(EXIT_OK);
}
