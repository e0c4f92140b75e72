import * as fs from "fs";
import * as path from "path";
import { Command, Option } from "commander";
import { HybridlinkError } from "../../core/errors";
import { drillAccount, recordedOwner } from "../drills/accounts";
import { resolveDrillTarget } from "../drills/targets";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

/** The CLI's format names and the engine's. */
const FORMATS = { strongswan: "swanctl", json: "json" } as const;

interface ConfigOptions extends AccountOptions {
  readonly format: keyof typeof FORMATS;
  readonly out?: string;
  readonly includePreSharedKey?: boolean;
  readonly side: "customer" | "cloud";
}

/**
 * `hybridlink config <connection>`: the IDC device's configuration for one
 * tunnel (seed 001 step 4), its local and remote subnets swapped relative to
 * the cloud side. The pre-shared key is left out unless asked for, and then
 * only written to a file, never to the terminal.
 */
export function configCommand(io: CliIo): Command {
  const command = new Command("config")
    .description("the IDC VPN device's configuration for a connection: strongSwan swanctl.conf or vendor-neutral JSON")
    .argument("<connection>", "the VPN connection: logical ID, cloud ID (vpnx-…) or name")
    .addOption(new Option("--format <format>", "strongswan (swanctl.conf) or json").choices(Object.keys(FORMATS)).default("strongswan"))
    .option("-o, --out <file>", "write the configuration to this file instead of standard output")
    .option("--include-pre-shared-key", "put the pre-shared key in the file (needs --out; the file is created readable by you only)")
    .addOption(
      new Option("--side <side>", "customer: the IDC device's side; cloud: the simulated VPN gateway's own side, from the engine's records")
        .choices(["customer", "cloud"])
        .default("customer"),
    );
  withAccountOption(withStackOption(withEngineOptions(command)));
  return command.action((text: string, options: ConfigOptions) => {
    if (options.includePreSharedKey && !options.out) {
      throw new HybridlinkError("SecretToTerminal", "--include-pre-shared-key writes the key only to a file: add --out <file> (it is created with mode 600).");
    }
    return usingEngine(openExistingEngine(options), (engine) => {
      const view = stackNamesFor(engine, options);
      const target = resolveDrillTarget(engine.networkModel(), text, view, ["VpnConnection"]);
      const response = engine.request(
        "DownloadCustomerGatewayConfiguration",
        { id: target.id, format: FORMATS[options.format], includePreSharedKey: options.includePreSharedKey === true, side: options.side },
        { account: drillAccount(options.account, view, recordedOwner(view, target.id)) },
      );
      const configuration = String(response.configuration);
      if (options.out) {
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, configuration.endsWith("\n") ? configuration : `${configuration}\n`, { mode: 0o600 });
      }
      if (options.json) {
        // With --out the configuration stays in the file: the key may be in it.
        const { configuration: _omitted, ...meta } = response;
        io.out(JSON.stringify(options.out ? { ...meta, writtenTo: options.out } : response, null, 2));
      } else if (options.out) {
        io.out(`${target.name} (${target.id}): ${options.format} configuration written to ${options.out}` +
          (response.preSharedKeyIncluded ? " (with the pre-shared key: keep the file private)" : " (without the pre-shared key: set it on the device from your key source)"));
      } else {
        io.out(configuration.trimEnd());
      }
      io.exitCode(EXIT_OK);
    });
  });
}
