import { Command, Option } from "commander";
import * as fs from "fs";
import { CloudEngine, JsonObject } from "../../../providers/cloud";
import { HybridlinkError, valueText } from "../../core/errors";
import { CliIo, EXIT_OK } from "../io";
import { withEngineOptions } from "../options";
import { storePath, usingEngine } from "../session";

interface FeatureOptions {
  readonly account: string;
  readonly ticket?: string;
  readonly cloud?: "tencent" | "alibaba" | "ccb";
  readonly state?: string;
  readonly json?: boolean;
}

/**
 * `hybridlink account feature grant|revoke|ls`: what a ticket with the cloud
 * enabled for an account — the VPN route table in gray release (Tencent), peering
 * bandwidth above the cap. Granting stands in for the cloud's support answering
 * the ticket, so it is the store's operator's act (the CLI holds the file).
 */
export function accountCommand(io: CliIo): Command {
  const grant = new Command("grant")
    .description("enable a feature for an account, as the cloud does when it accepts a ticket")
    .argument("<feature>", "vpn-route-table | peering-bandwidth-above-cap")
    .requiredOption("--account <id>", "the account the ticket was for")
    .requiredOption("--ticket <reference>", "the ticket's reference (kept with the grant)")
    .addOption(new Option("--cloud <cloud>", "the cloud of a new store (an existing store keeps its own)").choices(["tencent", "alibaba", "ccb"]));
  withEngineOptions(grant);
  grant.action((feature: string, options: FeatureOptions) => featureRequest(io, options, "GrantAccountFeature", { feature, ticket: options.ticket ?? "" }, true));

  const revoke = new Command("revoke")
    .description("take a feature back from an account")
    .argument("<feature>", "vpn-route-table | peering-bandwidth-above-cap")
    .requiredOption("--account <id>", "the account");
  withEngineOptions(revoke);
  revoke.action((feature: string, options: FeatureOptions) => featureRequest(io, options, "RevokeAccountFeature", { feature }, false));

  const ls = new Command("ls").description("the features an account has been granted").requiredOption("--account <id>", "the account");
  withEngineOptions(ls);
  ls.action((options: FeatureOptions) => featureRequest(io, options, "DescribeAccountFeatures", {}, false));

  const feature = new Command("feature")
    .description("features a ticket with the cloud enables for an account (VPN route table in gray release, peering above the cap)")
    .addCommand(grant.exitOverride())
    .addCommand(revoke.exitOverride())
    .addCommand(ls.exitOverride());
  return new Command("account").description("what the cloud has enabled for an account").addCommand(feature.exitOverride());
}

function featureRequest(io: CliIo, options: FeatureOptions, action: string, params: JsonObject, mayCreate: boolean): Promise<void> {
  const file = storePath(options);
  // A grant may come before the first deployment (tickets do): it creates the store; the others need one.
  if (!mayCreate && !fs.existsSync(file)) {
    throw new HybridlinkError("NoState", `${file}: no simulated cloud has been created here yet, so no account has features. Grant one first, or point --state at the store.`);
  }
  const engine = CloudEngine.open({ path: file, ...(options.cloud && !fs.existsSync(file) ? { profile: options.cloud } : {}) });
  return usingEngine(engine, (e) => {
    const response = e.request(action, params, { account: options.account, operator: true });
    io.out(options.json ? JSON.stringify(response, null, 2) : render(action, response));
    io.exitCode(EXIT_OK);
  });
}

function render(action: string, r: JsonObject): string {
  if (action === "GrantAccountFeature") return `account ${String(r.account)}: ${String(r.feature)} granted (ticket ${String(r.ticket)}, ${String(r.grantedAt)} engine clock)${r.note ? `\n  note: ${valueText(r.note)}` : ""}`;
  if (action === "RevokeAccountFeature") return `account ${String(r.account)}: ${String(r.feature)} revoked`;
  const items = (r.items ?? []) as Array<{ feature: string; ticket: string; grantedAt: string }>;
  if (!items.length) return `account ${String(r.account)}: no features granted`;
  return [`account ${String(r.account)}:`, ...items.map((f) => `  ${f.feature}  ticket ${f.ticket}  since ${f.grantedAt}`)].join("\n");
}
