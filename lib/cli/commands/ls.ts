import { Command } from "commander";
import { NOUNS } from "../../../providers/cloud";
import { accountsToList, inventory } from "../inventory/resources";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { renderTable } from "../render/table";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

interface LsOptions extends AccountOptions {
  readonly kind?: string;
  readonly region?: string;
}

/**
 * `hybridlink ls`: the resources of a stack (`--stack`) or of an account
 * (`--account`: everything it can see, deployed by a stack or not), as the
 * cloud describes them; `--kind` and `--region` narrow the list.
 */
export function lsCommand(io: CliIo): Command {
  const command = new Command("ls")
    .description("list deployed resources (of a stack, or everything an account can see): kind, ID, name, region, state, stack and logical ID")
    .option("--kind <kind>", "only this kind: Vpc, Subnet, VpnGateway, VpnConnection, PeeringConnection, … (or its name: 'vpn connection', or ID prefix: vpnx)")
    .option("--region <region>", "only resources in this region (e.g. ap-guangzhou)");
  withAccountOption(withStackOption(withEngineOptions(command), "only this stack's resources (default: every stack's, and with --account everything the account can see)"));
  command.addHelpText(
    "after",
    "\nExamples:\n  $ hybridlink ls --stack ha-dual-customer-gateway\n  $ hybridlink ls --kind vpnconnection --region ap-guangzhou\n  $ hybridlink ls --account 200000000002",
  );
  return command.action((options: LsOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const view = stackNamesFor(engine, options);
      const accounts = accountsToList(view, options.account, view.recordedAccounts);
      // An account asked for: everything it can see; otherwise what the stacks deployed.
      const items = inventory(engine, view, accounts, { kind: options.kind, region: options.region, stackOnly: options.account === undefined });
      if (options.json) {
        io.out(JSON.stringify({ resources: items.map(({ fields: _fields, ...summary }) => summary) }, null, 2));
      } else if (!items.length) {
        io.out("no resources match" + (options.kind || options.region ? " (--kind/--region narrow the list)" : ""));
      } else {
        const rows = items.map((r) => [NOUNS[r.type], r.id, r.name ?? "", r.region ?? "", r.state ?? "", r.stack ? `${r.stack}:${r.logicalId}` : `(account ${r.account})`]);
        io.out(renderTable([{ header: "kind" }, { header: "id" }, { header: "name" }, { header: "region" }, { header: "state" }, { header: "stack:logical ID" }], rows));
        io.out(`${items.length} resource(s); details: hybridlink describe <id>`);
      }
      io.exitCode(EXIT_OK);
    }),
  );
}
