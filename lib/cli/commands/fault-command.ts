import { Command } from "commander";
import { applyFault, renderFault } from "../drills/faults";
import { drillAccount, recordedOwner } from "../drills/accounts";
import { resolveDrillTarget } from "../drills/targets";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

/** `fail` and `recover` differ only in the fault operation they apply; one command shape serves both. */
export function faultCommand(io: CliIo, name: "fail" | "recover", operation: "Fail" | "Recover", description: string): Command {
  const command = new Command(name)
    .description(description)
    .argument("<target>", "a customer gateway (logical ID, cloud ID, name or public IP), an IDC site or a VPN connection");
  withAccountOption(withStackOption(withEngineOptions(command)));
  return command.action((text: string, options: AccountOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const model = engine.networkModel();
      const view = stackNamesFor(engine, options);
      const target = resolveDrillTarget(model, text, view, ["CustomerGateway", "IdcSite", "VpnConnection"]);
      const result = applyFault(engine, model, operation, target, drillAccount(options.account, view, recordedOwner(view, target.id)));
      io.out(options.json ? JSON.stringify(result, null, 2) : renderFault(result));
      io.exitCode(EXIT_OK);
    }),
  );
}
