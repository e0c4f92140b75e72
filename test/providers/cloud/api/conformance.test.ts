import * as fs from "fs";
import { ALIBABA_ACTIONS, TENCENT_ACTIONS } from "../../../../providers/cloud/api/actions-in-scope";
import { modelAction } from "../../../../providers/cloud/api/tencent/protocol";
import { alibabaModels, generatedFiles, tencentModels } from "../../../../scripts/gen-api-shapes";
import { ALIBABA_WALK } from "./alibaba-sequence";
import { $alibaba, alibabaClient, SdkCloud, startSdkCloud, tencentClient } from "./sdk-harness";
import { Got, TENCENT_WALK } from "./tencent-sequence";

/**
 * Conformance: every in-scope action, called through the official SDK, answers every field its SDK model
 * declares, in the declared type. The models are read afresh from the installed SDKs (not from the server's
 * generated copy, which must equal them).
 */
type Models = Record<string, Record<string, string>>;

/** Problems of `value` against `model` (Tencent: field → type; Alibaba: property → "Wire type"). */
function mismatches(models: Models, modelName: string, value: unknown, path: string, wireOf: (spec: string, key: string) => [string, string]): string[] {
  const model = models[modelName];
  if (typeof value !== "object" || value === null) return [`${path}: not an object`];
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(model)) {
    const [field, type] = wireOf(spec, key);
    const v = (value as Record<string, unknown>)[field];
    const check = (item: unknown, t: string, at: string): void => {
      if (models[t]) problems.push(...mismatches(models, t, item, at, wireOf));
      else if (t === "string" || t === "number" || t === "boolean") {
        if (typeof item !== t) problems.push(`${at}: ${JSON.stringify(item)} is not a ${t}`);
      } else if (t !== "any" && item === undefined) problems.push(`${at}: missing`);
    };
    if (type.endsWith("[]")) {
      if (!Array.isArray(v)) problems.push(`${path}.${field}: ${JSON.stringify(v)} is not an array`);
      else v.forEach((item, i) => check(item, type.slice(0, -2), `${path}.${field}[${i}]`));
    } else check(v, type, `${path}.${field}`);
  }
  return problems;
}

// Read once: parsing vpc_models.d.ts takes a moment.
let tencentCache: Models | undefined;
let alibabaCache: Models | undefined;
const freshTencent = (): Models => (tencentCache ??= tencentModels());
const freshAlibaba = (): Models => (alibabaCache ??= alibabaModels());

test("the check finds a missing or mistyped field (it can fail)", () => {
  const problems = mismatches(freshTencent(), "CreateVpcResponse", { Vpc: { VpcId: 7 }, RequestId: "r" }, "CreateVpc", (t, k) => [k, t]);
  expect(problems).toEqual(expect.arrayContaining(["CreateVpc.Vpc.VpcId: 7 is not a string", "CreateVpc.Vpc.DnsServerSet: undefined is not an array"]));
});

test("the server's shapes are the installed SDKs' models (regenerate with scripts/gen-api-shapes.ts)", () => {
  for (const { file, text } of generatedFiles()) expect(fs.readFileSync(file, "utf8")).toBe(text);
});

describe("Tencent: every in-scope action answers its SDK model", () => {
  let cloud: SdkCloud;
  const answers = new Map<string, unknown[]>();
  beforeAll(async () => {
    cloud = await startSdkCloud("tencent");
    const clients = { A: tencentClient(cloud, "100001", "ap-guangzhou"), B: tencentClient(cloud, "100002", "ap-shanghai") };
    const got: Got = {};
    for (const [label, params, as] of TENCENT_WALK) {
      const action = label.split("#")[0];
      const answer = action.startsWith("admin:")
        ? await cloud.admin(action.slice(6), "100001", params(got))
        : ((await clients[as ?? "A"].request(action, params(got))) as Record<string, unknown>);
      got[label] = answer;
      if (!action.startsWith("admin:")) answers.set(action, [...(answers.get(action) ?? []), answer]);
    }
  });
  afterAll(() => cloud.close());

  test("the walk calls every in-scope action", () => {
    expect([...answers.keys()].sort()).toEqual([...TENCENT_ACTIONS].sort());
  });

  test.each([...TENCENT_ACTIONS])("%s", (action) => {
    const models = freshTencent();
    const problems = (answers.get(action) ?? []).flatMap((answer) =>
      mismatches(models, `${modelAction(action)}Response`, answer, action, (type, key) => [key, type]),
    );
    expect(problems).toEqual([]);
  });
});

describe("Alibaba: every in-scope action answers its SDK model", () => {
  let cloud: SdkCloud;
  const answers = new Map<string, unknown[]>();
  beforeAll(async () => {
    cloud = await startSdkCloud("alibaba");
    const client = alibabaClient(cloud, "1234567890") as unknown as Record<string, (request: unknown) => Promise<{ body: unknown }>>;
    const got: Got = {};
    for (const [label, params] of ALIBABA_WALK) {
      const action = label.split("#")[0];
      if (action.startsWith("admin:")) {
        got[label] = await cloud.admin(action.slice(6), "1234567890", params(got));
        continue;
      }
      const Request = ($alibaba as unknown as Record<string, new (m: object) => unknown>)[`${action}Request`];
      const method = action.charAt(0).toLowerCase() + action.slice(1);
      const { body } = await client[method].call(client, new Request({ regionId: "cn-hangzhou", ...params(got) }));
      got[label] = body as Record<string, unknown>;
      answers.set(action, [...(answers.get(action) ?? []), body]);
    }
  });
  afterAll(() => cloud.close());

  test("the walk calls every in-scope action", () => {
    expect([...answers.keys()].sort()).toEqual([...ALIBABA_ACTIONS].sort());
  });

  test.each([...ALIBABA_ACTIONS])("%s", (action) => {
    const models = freshAlibaba();
    // The SDK has cast the body into its model classes: check the properties it declares.
    const problems = (answers.get(action) ?? []).flatMap((answer) =>
      mismatches(models, `${action}ResponseBody`, answer, action, (spec, key) => [key, spec.slice(spec.indexOf(" ") + 1)]),
    );
    expect(problems).toEqual([]);
  });
});
