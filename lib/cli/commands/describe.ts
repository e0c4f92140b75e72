import { valueText } from "../../core/errors";
import { Command } from "commander";
import { JsonObject, KINDS, NOUNS } from "../../../providers/cloud";
import { ResourceType } from "../../core/manifest";
import { drillAccount } from "../drills/accounts";
import { CliError } from "../errors";
import { accountsToList, inventory, InventoryItem, typeOfCloudId } from "../inventory/resources";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { colorsFor } from "../render/colors";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

/** Field names that could hold a secret: never printed, whatever the cloud returned. */
const SECRET_FIELD = /(preSharedKey|psk|secret|password|privateKey)/i;

/** A resource with its relations both ways. */
export interface Description {
  readonly id: string;
  readonly kind: ResourceType;
  readonly account: string;
  readonly state?: string;
  readonly stack?: string;
  readonly logicalId?: string;
  readonly path?: string;
  readonly fields: JsonObject;
  /** The resources this one names (its gateway, VPC, customer gateway…). */
  readonly references: ReadonlyArray<{ readonly field: string; readonly id: string; readonly kind?: ResourceType; readonly name?: string }>;
  /** The resources that name this one. */
  readonly referencedBy: ReadonlyArray<{ readonly field: string; readonly id: string; readonly kind: ResourceType; readonly name?: string }>;
}

/** `hybridlink describe <id>`: one resource's fields, state and relations, as the cloud describes it; secrets never shown. */
export function describeCommand(io: CliIo): Command {
  const command = new Command("describe")
    .description("one resource in full: its fields and state, the stack and construct that deployed it, what it refers to and what refers to it (keys redacted)")
    .argument("<resource>", "a cloud ID (vpnx-00000001), or a logical ID or construct path of a deployed stack (Ha/IpsecConnection1)");
  withAccountOption(withStackOption(withEngineOptions(command)));
  command.addHelpText("after", "\nExamples:\n  $ hybridlink describe Ha/IpsecConnection1\n  $ hybridlink describe vpngw-00000001 --json");
  return command.action((text: string, options: AccountOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const view = stackNamesFor(engine, options);
      const id = view.cloudIdOf(text) ?? text;
      const kind = typeOfCloudId(id);
      if (!kind) {
        throw CliError.usage("UnknownResource", `'${text}' is neither a cloud ID (like vpc-00000001) nor a logical ID of a deployed stack.`, {
          path: text,
          hint: "list what is deployed with `hybridlink ls`",
        });
      }
      const account = drillAccount(options.account, view, view.recordOf(id)?.account);
      // The cloud answers as the owner (or the peer it is shared with); another account's resource is "not found".
      const item = ((engine.request(KINDS[kind].names.describe, { ids: [id] }, { account }).items ?? []) as JsonObject[])[0];
      if (!item) throw CliError.usage("UnknownResource", `${NOUNS[kind]} '${id}' is not visible to account ${account}.`, { path: id });
      const everything = inventory(engine, view, accountsToList(view, options.account, [...view.recordedAccounts, account]));
      const description = describeOne(id, kind, item, everything, view.recordOf(id), view.stackOf(id));
      io.out(options.json ? JSON.stringify(description, null, 2) : renderDescription(description, colorsFor(io).bold));
      io.exitCode(EXIT_OK);
    }),
  );
}

function describeOne(
  id: string,
  kind: ResourceType,
  item: JsonObject,
  everything: readonly InventoryItem[],
  record: { logicalId: string; path: string } | undefined,
  stack: string | undefined,
): Description {
  const byId = new Map(everything.map((r) => [r.id, r]));
  const references = Object.keys(KINDS[kind].refFields)
    .flatMap((field) => idsIn(item[field]).map((ref) => ({ field, id: ref })))
    .map((r) => ({ ...r, ...(byId.get(r.id) ? { kind: byId.get(r.id)!.type, ...(byId.get(r.id)!.name ? { name: byId.get(r.id)!.name } : {}) } : {}) }));
  const referencedBy = everything.flatMap((other) =>
    Object.keys(KINDS[other.type].refFields)
      .filter((field) => idsIn(other.fields[field]).includes(id))
      .map((field) => ({ field, id: other.id, kind: other.type, ...(other.name ? { name: other.name } : {}) })),
  );
  return {
    id,
    kind,
    account: String(item.account),
    ...(typeof item.state === "string" ? { state: item.state } : {}),
    ...(stack ? { stack } : {}),
    ...(record ? { logicalId: record.logicalId, path: record.path } : {}),
    fields: redact(item) as JsonObject,
    references,
    referencedBy,
  };
}

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** A deep copy with every secret-looking field replaced: defence in depth, the cloud returns none. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? "(redacted)" : redact(v)]));
}

function renderDescription(d: Description, bold: (s: string) => string): string {
  const lines = [bold(`${NOUNS[d.kind]} ${d.id}`) + (d.state ? `  ${d.state}` : "")];
  lines.push(`  account   ${d.account}`);
  if (d.stack) lines.push(`  stack     ${d.stack}  (${d.path})`);
  lines.push("fields:");
  for (const [k, v] of Object.entries(d.fields)) {
    if (k === "id" || k === "account" || k === "state") continue;
    const flat = typeof v === "object" ? JSON.stringify(v) : valueText(v);
    // Long structures fold onto their own lines, so the description fits 100 columns.
    lines.push(flat.length <= 78 ? `  ${k.padEnd(19)} ${flat}` : `  ${k}:\n${JSON.stringify(v, null, 2).replace(/^/gm, "    ")}`);
  }
  const rel = (r: { field: string; id: string; kind?: ResourceType; name?: string }) =>
    `  ${r.field.padEnd(19)} ${r.kind ? `${NOUNS[r.kind]} ` : ""}${r.id}${r.name ? ` (${r.name})` : ""}`;
  if (d.references.length) lines.push("refers to:", ...d.references.map(rel));
  if (d.referencedBy.length) lines.push("referred to by:", ...d.referencedBy.map(rel));
  return lines.join("\n");
}
