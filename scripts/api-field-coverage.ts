/**
 * Which SDK model fields the simulated cloud ignores, per in-scope action:
 * runs the conformance walks (test/providers/cloud/api/*-sequence.ts) through
 * the official SDKs against the server, recording which request fields each
 * handler reads and which response fields it sets (the rest are answered with
 * their type's zero value). Writes docs/api-fields.md.
 *
 * Run: npx tsx scripts/api-field-coverage.ts
 */
import * as fs from "fs";
import * as path from "path";
import { ALIBABA_HANDLERS } from "../providers/cloud/api/alibaba/protocol";
import { ALIBABA_MODELS } from "../providers/cloud/api/alibaba/models.generated";
import { modelAction, TENCENT_HANDLERS } from "../providers/cloud/api/tencent/protocol";
import { TENCENT_MODELS } from "../providers/cloud/api/tencent/models.generated";
import { ALIBABA_WALK } from "../test/providers/cloud/api/alibaba-sequence";
import { $alibaba, alibabaClient, startSdkCloud, tencentClient } from "../test/providers/cloud/api/sdk-harness";
import { Got, TENCENT_WALK } from "../test/providers/cloud/api/tencent-sequence";

type Handlers = Record<string, { run(request: never, call: never): object }>;

/** A deep proxy that records every property path read. */
function recording(value: unknown, prefix: string, read: Set<string>, given: Set<string>): unknown {
  if (typeof value !== "object" || value === null) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a Proxy over the SDK models' untyped JSON, recording which fields are read
      const v = Reflect.get(target, key, receiver);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- a Proxy over the SDK models' untyped JSON, recording which fields are read
      if (typeof key !== "string" || typeof v === "function") return v;
      const at = Array.isArray(target) ? (/^\d+$/.test(key) ? prefix : `${prefix}.${key}`) : prefix ? `${prefix}.${key}` : key;
      if (!/^\d+$/.test(key) && key !== "length") {
        read.add(at);
        if (v !== undefined && v !== null) given.add(at);
      }
      return recording(v, at, read, given);
    },
  });
}

/** Every field path a model declares (nested models followed, arrays flattened). */
function declared(models: Record<string, Record<string, string>>, name: string, prefix: string, keyOf: (k: string, spec: string) => [string, string], depth = 0): string[] {
  const model = models[name];
  if (!model || depth > 3) return [];
  return Object.entries(model).flatMap(([k, spec]) => {
    const [field, type] = keyOf(k, spec);
    const at = prefix ? `${prefix}.${field}` : field;
    const inner = type.replace(/\[\]$/, "");
    return models[inner] ? [at, ...declared(models, inner, at, keyOf, depth + 1)] : [at];
  });
}

/** Every field path set in a value; `filled` gets those holding a non-empty list or object (only their children can be judged). */
function present(value: unknown, prefix: string, out: Set<string>, filled: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => present(v, prefix, out, filled));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const at = prefix ? `${prefix}.${k}` : k;
      out.add(at);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- a Proxy over the SDK models' untyped JSON, recording which fields are read
      if (typeof v === "object" && v !== null && Object.keys(v).length > 0) filled.add(at);
      present(v, at, out, filled);
    }
  }
}

interface Seen {
  read: Set<string>;
  /** Read paths that had a value in the walk: only their children can be judged. */
  given: Set<string>;
  set: Set<string>;
  filled: Set<string>;
}

const parentOf = (f: string): string | undefined => (f.includes(".") ? f.slice(0, f.lastIndexOf(".")) : undefined);

function instrument(handlers: Handlers): Map<string, Seen> {
  const seen = new Map<string, Seen>();
  for (const [action, h] of Object.entries(handlers)) {
    const original = h.run.bind(h);
    h.run = (request: never, call: never) => {
      const s = seen.get(action) ?? { read: new Set<string>(), given: new Set<string>(), set: new Set<string>(), filled: new Set<string>() };
      seen.set(action, s);
      const result = original(recording(request, "", s.read, s.given) as never, call);
      present(result, "", s.set, s.filled);
      return result;
    };
  }
  return seen;
}

/** Tencent names are wire names already; Alibaba's camelCase properties map to wire names through the model. */
function alibabaWire(models: Record<string, Record<string, string>>, modelName: string, camelPath: string): string {
  let model = modelName;
  return camelPath
    .split(".")
    .map((part) => {
      const spec = models[model]?.[part];
      if (!spec) return part;
      const [wire, type] = spec.split(" ");
      model = type.replace(/\[\]$/, "");
      return wire;
    })
    .join(".");
}

async function main(): Promise<void> {
  const tencentSeen = instrument(TENCENT_HANDLERS);
  const alibabaSeen = instrument(ALIBABA_HANDLERS);
  const tencent = await startSdkCloud("tencent");
  const clients = { A: tencentClient(tencent, "100001", "ap-guangzhou"), B: tencentClient(tencent, "100002", "ap-shanghai") };
  const got: Got = {};
  for (const [label, params, as] of TENCENT_WALK) {
    const action = label.split("#")[0];
    got[label] = action.startsWith("admin:")
      ? await tencent.admin(action.slice(6), "100001", params(got))
      : ((await clients[as ?? "A"].request(action, params(got))) as Record<string, unknown>);
  }
  await tencent.close();
  const alibaba = await startSdkCloud("alibaba");
  const client = alibabaClient(alibaba, "1234567890") as unknown as Record<string, (r: unknown) => Promise<{ body: Record<string, unknown> }>>;
  const agot: Got = {};
  for (const [label, params] of ALIBABA_WALK) {
    const action = label.split("#")[0];
    if (action.startsWith("admin:")) {
      agot[label] = await alibaba.admin(action.slice(6), "1234567890", params(agot));
      continue;
    }
    const Request = ($alibaba as unknown as Record<string, new (m: object) => unknown>)[`${action}Request`];
    agot[label] = (await client[action.charAt(0).toLowerCase() + action.slice(1)].call(client, new Request({ regionId: "cn-hangzhou", ...params(agot) }))).body;
  }
  await alibaba.close();

  const lines = [
    "# SDK model fields the simulated cloud ignores",
    "",
    "Generated by `npx tsx scripts/api-field-coverage.ts` from the conformance walks: for each in-scope action, the",
    "request fields its handler never reads, and the response fields it has no value for (answered with the declared",
    "type's zero value: `\"\"`, `0`, `false`, `[]`). Nested fields are dotted and judged only where the walk gave their",
    "parent a value. `Tags` of requests are read only for the `hybridlink:idc-site` tag. Reads can depend on the",
    "request: DeleteRoutes matches by DestinationCidrBlock/GatewayId only when neither RouteId nor RouteItemId is given;",
    "CreateVpnConnection reads SecurityPolicyDatabases for SPD (Policy/STATIC) connections only.",
    "",
    "## Tencent Cloud API 3.0 (vpc 2017-03-12)",
    "",
    "| action | request fields ignored | response fields without a value |",
    "|---|---|---|",
  ];
  const tkey = (k: string, spec: string): [string, string] => [k, spec];
  for (const action of Object.keys(TENCENT_HANDLERS)) {
    const s = tencentSeen.get(action) ?? { read: new Set<string>(), given: new Set<string>(), set: new Set<string>(), filled: new Set<string>() };
    const model = modelAction(action);
    const ignoredIn = judgeable(declared(TENCENT_MODELS, `${model}Request`, "", tkey), s.given).filter((f) => !s.read.has(f));
    const unsetOut = judgeable(declared(TENCENT_MODELS, `${model}Response`, "", tkey), s.filled).filter((f) => f !== "RequestId" && !s.set.has(f));
    lines.push(`| ${action} | ${ignoredIn.join(", ") || "—"} | ${collapse(unsetOut).join(", ") || "—"} |`);
  }
  lines.push("", "## Alibaba Cloud VPC API (2016-04-28)", "", "| action | request fields ignored | response fields without a value |", "|---|---|---|");
  const akey = (_k: string, spec: string): [string, string] => [spec.split(" ")[0], spec.split(" ")[1]];
  for (const action of Object.keys(ALIBABA_HANDLERS)) {
    const s = alibabaSeen.get(action) ?? { read: new Set<string>(), given: new Set<string>(), set: new Set<string>(), filled: new Set<string>() };
    const wire = (paths: Set<string>, model: string) => new Set([...paths].map((p) => alibabaWire(ALIBABA_MODELS, model, p)));
    const read = wire(s.read, `${action}Request`);
    const given = wire(s.given, `${action}Request`);
    const set = wire(s.set, `${action}ResponseBody`);
    const filled = wire(s.filled, `${action}ResponseBody`);
    // RegionId is read by the protocol layer for every action.
    const ignoredIn = judgeable(declared(ALIBABA_MODELS, `${action}Request`, "", akey), given).filter((f) => f !== "RegionId" && !read.has(f));
    const unsetOut = judgeable(declared(ALIBABA_MODELS, `${action}ResponseBody`, "", akey), filled).filter((f) => f !== "RequestId" && !set.has(f));
    lines.push(`| ${action} | ${ignoredIn.join(", ") || "—"} | ${collapse(unsetOut).join(", ") || "—"} |`);
  }
  const out = path.resolve(__dirname, "..", "docs", "api-fields.md");
  fs.writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

/** Top-level fields, and nested ones whose parent had a value in the walk (of an absent parent nothing can be told). */
function judgeable(fields: string[], withValue: Set<string>): string[] {
  return fields.filter((f) => {
    const parent = parentOf(f);
    return parent === undefined || withValue.has(parent);
  });
}

/** Drops the nested fields of a parent that is itself without a value (`Vpc.TagSet` covers `Vpc.TagSet.Key`). */
function collapse(fields: string[]): string[] {
  const set = new Set(fields);
  return fields.filter((f) => {
    const parts = f.split(".");
    for (let i = 1; i < parts.length; i++) if (set.has(parts.slice(0, i).join("."))) return false;
    return true;
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
