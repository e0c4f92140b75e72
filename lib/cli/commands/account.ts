import { Command, Option } from "commander";
import * as fs from "fs";
import { CloudEngine, JsonObject } from "../../../providers/cloud";
import { HybridlinkError, valueText } from "../../core/errors";
import { PROFILE_NAMES, ProfileName } from "../../core/profiles";
import { CliIo, EXIT_OK } from "../io";
import { withEngineOptions } from "../options";
import { storePath, usingEngine } from "../session";

/** Who the operator's listing is made as: the engine wants an account on every request; the answer is everyone's. */
const OPERATOR_ACCOUNT = "operator";

interface FeatureItem {
  readonly account: string;
  readonly cloud: string;
  readonly feature: string;
  readonly ticket: string;
  readonly grantedAt: string;
}

interface FeatureOptions {
  readonly account?: string;
  readonly ticket?: string;
  readonly cloud?: ProfileName;
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
    .addOption(cloudOption());
  withEngineOptions(grant);
  grant.action((feature: string, options: FeatureOptions) => featureRequest(io, options, "GrantAccountFeature", { feature, ticket: options.ticket ?? "" }, true));

  const revoke = new Command("revoke")
    .description("take a feature back from an account")
    .argument("<feature>", "vpn-route-table | peering-bandwidth-above-cap")
    .requiredOption("--account <id>", "the account")
    .addOption(cloudOption());
  withEngineOptions(revoke);
  revoke.action((feature: string, options: FeatureOptions) => featureRequest(io, options, "RevokeAccountFeature", { feature }, false));

  const ls = new Command("ls")
    .description("the features granted, on every cloud of the store (the operator's view)")
    .option("--account <id>", "only this account's")
    .addOption(new Option("--cloud <cloud>", "only this cloud's").choices([...PROFILE_NAMES]));
  withEngineOptions(ls);
  ls.action((options: FeatureOptions) => listFeatures(io, options));

  const feature = new Command("feature")
    .description("features a ticket with the cloud enables for an account (VPN route table in gray release, peering above the cap)")
    .addCommand(grant.exitOverride())
    .addCommand(revoke.exitOverride())
    .addCommand(ls.exitOverride());
  return new Command("account").description("what the cloud has enabled for an account").addCommand(feature.exitOverride());
}

/** A grant is one cloud's answer to a ticket; a store holds several clouds side by side. */
function cloudOption(): Option {
  return new Option("--cloud <cloud>", "the cloud whose support answered the ticket (default: the store's first cloud; tencent for a new store)").choices([...PROFILE_NAMES]);
}

function openStore(options: FeatureOptions, mayCreate: boolean): CloudEngine {
  const file = storePath(options);
  // A grant may come before the first deployment (tickets do): it creates the store; the others need one.
  if (!mayCreate && !fs.existsSync(file)) {
    throw new HybridlinkError("NoState", `${file}: no simulated cloud has been created here yet, so no account has features. Grant one first, or point --state at the store.`);
  }
  return CloudEngine.open({ path: file, ...(options.cloud ? { profile: options.cloud } : {}) });
}

function featureRequest(io: CliIo, options: FeatureOptions, action: string, params: JsonObject, mayCreate: boolean): Promise<void> {
  return usingEngine(openStore(options, mayCreate), (e) => {
    const response = e.request(action, params, { account: options.account!, operator: true });
    io.out(options.json ? JSON.stringify(response, null, 2) : render(action, response));
    io.exitCode(EXIT_OK);
  });
}

/** Every grant in the store (the operator's view), narrowed to an account or a cloud when asked. */
function listFeatures(io: CliIo, options: FeatureOptions): Promise<void> {
  const { cloud, ...rest } = options;
  return usingEngine(openStore(rest, false), (e) => {
    const response = e.request("DescribeAccountFeatures", { allAccounts: true }, { account: options.account ?? OPERATOR_ACCOUNT, operator: true });
    const items = (response.items as FeatureItem[]).filter((f) => (options.account === undefined || f.account === options.account) && (cloud === undefined || f.cloud === cloud));
    io.out(options.json ? JSON.stringify({ items }, null, 2) : renderList(items, options));
    io.exitCode(EXIT_OK);
  });
}

function render(action: string, r: JsonObject): string {
  if (action === "GrantAccountFeature") return `account ${valueText(r.account)}: ${valueText(r.feature)} granted on ${valueText(r.cloud)} (ticket ${valueText(r.ticket)}, ${valueText(r.grantedAt)} engine clock)`;
  return `account ${valueText(r.account)}: ${valueText(r.feature)} revoked on ${valueText(r.cloud)}`;
}

function renderList(items: readonly FeatureItem[], options: FeatureOptions): string {
  if (!items.length) return `no features granted${options.account ? ` to account ${options.account}` : ""}${options.cloud ? ` on ${options.cloud}` : ""}`;
  return items.map((f) => `account ${f.account}  ${f.cloud}  ${f.feature}  ticket ${f.ticket}  since ${f.grantedAt}`).join("\n");
}
