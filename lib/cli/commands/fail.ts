import { Command } from "commander";
import { applyFault, renderFault } from "../drills/faults";
import { drillAccount, recordedOwner } from "../drills/accounts";
import { resolveDrillTarget } from "../drills/targets";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

/** `hybridlink fail <device|site|connection>`: take a customer-gateway device, an IDC site or a VPN tunnel down (failover drill). */
export function failCommand(io: CliIo): Command {
  const command = new Command("fail")
    .description("take a customer-gateway device, an IDC site or a VPN tunnel down (failover drill)")
    .argument("<target>", "a customer gateway (logical ID, cloud ID, name or public IP), an IDC site or a VPN connection");
  withAccountOption(withStackOption(withEngineOptions(command)));
  return command.action((text: string, options: AccountOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const model = engine.networkModel();
      const view = stackNamesFor(engine, options);
      const target = resolveDrillTarget(model, text, view, ["CustomerGateway", "IdcSite", "VpnConnection"]);
      const result = applyFault(engine, model, "Fail", target, drillAccount(options.account, view, recordedOwner(view, target.id)));
      io.out(options.json ? JSON.stringify(result, null, 2) : renderFault(result));
      io.exitCode(EXIT_OK);
    }),
  );
}
