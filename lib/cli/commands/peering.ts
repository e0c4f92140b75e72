import { valueText } from "../../core/errors";
import { Command } from "commander";
import { JsonObject } from "../../../providers/cloud";
import { drillAccount } from "../drills/accounts";
import { resolveDrillTarget } from "../drills/targets";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

const OPERATIONS = {
  accept: { action: "AcceptVpcPeeringConnection", description: "accept a pending peering request, as the accepter's account" },
  reject: { action: "RejectVpcPeeringConnection", description: "reject a pending peering request, as the accepter's account (the request disappears)" },
  enable: { action: "EnableVpcPeeringConnection", description: "re-activate an expired peering (the accepter re-consents; the requester renews the request)" },
} as const;

/** `hybridlink peering accept|reject|enable <id> --account <id>`: the other account's side of a cross-account peering (seed 003). */
export function peeringCommand(io: CliIo): Command {
  const peering = new Command("peering").description("answer a cross-account peering request: accept, reject, or enable an expired one");
  for (const [name, op] of Object.entries(OPERATIONS)) {
    const sub = new Command(name).description(op.description).argument("<peering>", "the peering connection: logical ID, cloud ID (pcx-…) or name");
    withAccountOption(withStackOption(withEngineOptions(sub)));
    sub.action((text: string, options: AccountOptions) =>
      usingEngine(openExistingEngine(options), (engine) => {
        const view = stackNamesFor(engine, options);
        const target = resolveDrillTarget(engine.networkModel(), text, view, ["PeeringConnection"]);
        // The accepter answers a request: default to the account the stack asked, when the user names none.
        const accepter = view.recordOf(target.id)?.inputs.accepterAccount;
        const account = drillAccount(options.account, view, typeof accepter === "string" ? accepter : undefined);
        const response = engine.request(op.action, { id: target.id }, { account });
        io.out(options.json ? JSON.stringify(response, null, 2) : renderPeering(target.name, target.id, response, account));
        io.exitCode(EXIT_OK);
      }),
    );
    peering.addCommand(sub.exitOverride());
  }
  return peering;
}

function renderPeering(name: string, id: string, r: JsonObject, account: string): string {
  if (r.deleted) return `peering connection ${name} (${id}) rejected by account ${account}: the request is gone`;
  const expiry = r.expiresAt ? ` (expires ${valueText(r.expiresAt)} unless accepted)` : "";
  return `peering connection ${name} (${id}) is ${String(r.state)}${expiry}, as account ${account}`;
}
