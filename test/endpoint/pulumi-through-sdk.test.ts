/**
 * `pulumi up` through the endpoint path: Pulumi's own runtime processes
 * (cmd/run for the program, cmd/dynamic-provider for the resources) behind
 * the harness's engine double, the provider host given HYBRIDLINK_ENDPOINT:
 * every resource is created by the official Tencent SDK in `hybridlink serve`
 * (a child process), none in the provider's own store.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { json, runCli } from "../cli/run-cli";
import { destroy, StackSettings, up } from "../pulumi-harness/harness";
import { serveCloud, ServedCloud } from "./served-cloud";

jest.setTimeout(300_000);

const S1 = path.resolve(__dirname, "../../examples/s1-vpc-idc-spd");

describe("pulumi up of S1 through the official SDK to hybridlink serve", () => {
  let cloud: ServedCloud;
  let settings: StackSettings;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-pulumi-endpoint-"));
  const served = () => (json(runCli(["ls", "--state", cloud.store, "--account", "100000000001", "--json"], { env: cloud.env })) as { resources: Array<{ id: string }> }).resources;

  beforeAll(async () => {
    cloud = await serveCloud(["100000000001"]);
    settings = {
      stack: "dev",
      checkpointFile: path.join(dir, "checkpoint.json"),
      statePath: path.join(dir, "provider-store.db"),
      env: { HL_S1_PSK: "pulumi-endpoint-s1-k3y" },
      providerEnv: {
        HYBRIDLINK_ENDPOINT: cloud.url,
        HYBRIDLINK_CREDENTIALS: cloud.env.HYBRIDLINK_CREDENTIALS,
        HYBRIDLINK_ADMIN_TOKEN: cloud.env.HYBRIDLINK_ADMIN_TOKEN,
        http_proxy: "",
        HTTP_PROXY: "",
      },
    };
  });
  afterAll(async () => {
    await cloud.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("up creates every resource in the served cloud, a second up is a no-op, destroy empties it", async () => {
    const run = await up(S1, settings);
    if (run.exitCode !== 0) throw new Error(run.output);
    const created = run.resources.filter((r) => r.custom);
    expect(created.length).toBeGreaterThan(0);
    const ids = new Set(served().map((r) => r.id));
    for (const r of created) expect(ids.has(r.id!)).toBe(true);
    // The provider host's own store was never made: the cloud is at the endpoint.
    expect(fs.existsSync(settings.statePath)).toBe(false);
    expect(fs.readFileSync(settings.checkpointFile, "utf8")).not.toContain("pulumi-endpoint-s1-k3y");

    const again = await up(S1, settings);
    expect(new Set(again.steps.map((s) => s.op))).toEqual(new Set(["same"]));

    const gone = await destroy(S1, settings);
    expect(gone.exitCode).toBe(0);
    expect(served()).toEqual([]);
  });
});
