import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { grantRouteTableTicket, json, REPO, runCli } from "../cli/run-cli";
import { serveCloud, ServedCloud } from "./served-cloud";

/**
 * The example suite through the endpoint path (issue 13, item 3): `hybridlink
 * up --endpoint` sends every create through the official Tencent or Alibaba SDK to
 * `hybridlink serve` (a child process), and the cloud it builds has the same
 * reachability as the same app deployed in process. Then destroy leaves the
 * served cloud empty. Examples the endpoint path cannot carry are refused
 * before anything is created (the last test).
 */
const EXAMPLES: ReadonlyArray<readonly [string, readonly string[], "tencent" | "alibaba"]> = [
  ["s1-vpc-idc-spd", ["100000000001"], "tencent"],
  ["s6-vpc-idcs-no-transit", ["100000000001"], "tencent"],
  ["p1-peering-non-transitive", ["100000000001"], "tencent"],
  ["s2-vpc-gateway-idc-transit", ["100000000001"], "tencent"],
  ["s3-ccn-gateway-idc-transit", ["100000000001"], "tencent"],
  ["s4-ccn-idcs-cloud-networks", ["100000000001"], "tencent"],
  ["s5a-active-standby-tunnels", ["100000000001"], "tencent"],
  ["s5b-active-standby-ccn", ["100000000001"], "tencent"],
  // Cross-account: each account signs with its own key; the accepter's key accepts.
  ["p3-cross-account-cross-region", ["100000000001", "200000000002"], "tencent"],
  // Seed 001's HA pair through the Alibaba SDK: two connections with health checks, destination routes weighted 100/0, published.
  ["ha-dual-customer-gateway", ["100000000001"], "alibaba"],
];

/** `npm test` runs one of each kind of path (SPD, cross-account, CCN, Alibaba); `npm run test:endpoint` runs all. */
const QUICK = new Set(["s1-vpc-idc-spd", "p3-cross-account-cross-region", "s4-ccn-idcs-cloud-networks", "ha-dual-customer-gateway"]);
const RUN = process.env.HYBRIDLINK_ENDPOINT_ALL === "1" ? EXAMPLES : EXAMPLES.filter(([example]) => QUICK.has(example));

type Matrix = { pairs: Array<{ from: string; to: string; verdict: string }> };

describe("the examples through the official SDK to hybridlink serve", () => {
  const inProcess = fs.mkdtempSync(path.join(os.tmpdir(), "hl-endpoint-inproc-"));
  afterAll(() => fs.rmSync(inProcess, { recursive: true, force: true }));

  test.each(RUN)("%s: same reachability as in process, destroy leaves nothing", async (example, accounts, api) => {
    const cloud: ServedCloud = await serveCloud(accounts, api);
    try {
      const program = path.join(REPO, "examples", example);
      const up = runCli(["up", program, "--yes", "--accept-peerings", "--endpoint", cloud.url, "--json"], { env: cloud.env });
      expect(up.stderr).toBe("");
      expect(up.code).toBe(0);
      const deployed = json(up) as { endpoint: string; applied: unknown[] };
      expect(deployed.endpoint).toBe(cloud.url);
      expect(deployed.applied.length).toBeGreaterThan(0);

      const local = path.join(inProcess, `${example}.db`);
      // The in-process cloud's accounts hold the same tickets as the served one's.
      if (api === "tencent") for (const account of accounts) grantRouteTableTicket({ HYBRIDLINK_STATE: local, NO_COLOR: "1" }, account);
      expect(runCli(["up", program, "--yes", "--accept-peerings", "--state", local], { env: { HYBRIDLINK_STATE: local, NO_COLOR: "1" } }).code).toBe(0);
      // The served cloud's own store, read by the CLI while serve runs; the in-process store beside it.
      const served = json(runCli(["matrix", "--state", cloud.store, "--json"], { env: cloud.env })) as Matrix;
      const direct = json(runCli(["matrix", "--state", local, "--json"], { env: { NO_COLOR: "1" } })) as Matrix;
      expect(served.pairs.length).toBeGreaterThan(0);
      expect(served.pairs).toEqual(direct.pairs);

      // Every kind the in-process cloud holds is in the served cloud, the simulated on-premises side (admin path) included;
      // the served one may hold VPC routes besides: Tencent publishes a gateway route to the VPC as a VPC route (docs/endpoint.md).
      const kindsIn = (store: string, env: NodeJS.ProcessEnv) =>
        new Set(accounts.flatMap((account) => (json(runCli(["ls", "--state", store, "--account", account, "--json"], { env })) as { resources: Array<{ type: string }> }).resources.map((r) => r.type)));
      const servedKinds = kindsIn(cloud.store, cloud.env);
      const directKinds = kindsIn(local, { NO_COLOR: "1" });
      expect([...directKinds].filter((k) => !servedKinds.has(k))).toEqual([]);
      expect([...servedKinds].filter((k) => !directKinds.has(k) && k !== "Route")).toEqual([]);

      // A failover drill on both clouds: the first customer gateway's device down, the same reachability after.
      const device = (json(runCli(["ls", "--state", local, "--kind", "CustomerGateway", "--json"], { env: { NO_COLOR: "1" } })) as { resources: Array<{ id: string; account: string }> }).resources[0];
      if (device) {
        expect(runCli(["fail", device.id, "--state", cloud.store, "--account", device.account], { env: cloud.env }).code).toBe(0);
        expect(runCli(["fail", device.id, "--state", local, "--account", device.account], { env: { NO_COLOR: "1" } }).code).toBe(0);
        const servedAfter = json(runCli(["matrix", "--state", cloud.store, "--json"], { env: cloud.env })) as Matrix;
        const directAfter = json(runCli(["matrix", "--state", local, "--json"], { env: { NO_COLOR: "1" } })) as Matrix;
        expect(servedAfter.pairs).toEqual(directAfter.pairs);
        expect(runCli(["recover", device.id, "--state", cloud.store, "--account", device.account], { env: cloud.env }).code).toBe(0);
      }

      // A second up changes nothing (decided from the local records, no call needed).
      const again = json(runCli(["up", program, "--yes", "--accept-peerings", "--endpoint", cloud.url, "--json"], { env: cloud.env })) as { applied: unknown[] };
      expect(again.applied).toEqual([]);

      const destroy = runCli(["destroy", program, "--yes", "--endpoint", cloud.url, "--json"], { env: cloud.env });
      expect(destroy.code).toBe(0);
      for (const account of accounts) {
        const left = json(runCli(["ls", "--state", cloud.store, "--account", account, "--json"], { env: cloud.env })) as { resources: unknown[] };
        expect(left.resources).toEqual([]);
      }
      // No key the test handed out shows in anything the CLI printed.
      for (const secret of cloud.secrets) expect(up.stdout + destroy.stdout + destroy.stderr).not.toContain(secret);
    } finally {
      expect(await cloud.stop()).toBe(0);
    }
  });

  test("an app the endpoint path cannot carry is refused whole, before anything is created", async () => {
    const cloud = await serveCloud(["100000000001"]);
    try {
      // An app with a second route table (its subnet association is not mapped yet), written for this test.
      const program = path.join(cloud.dir, "app.js");
      fs.writeFileSync(
        program,
        [
          'const { IdcSite, NetworkApp, Vpc } = require("hybridlink");',
          'const app = new NetworkApp({ profile: "tencent", defaultAccount: "100000000001" });',
          'const vpc = new Vpc(app, "Vpc", { region: "ap-chengdu", cidrs: ["172.31.0.0/16"] });',
          'vpc.addSubnet("App", { cidr: "172.31.1.0/24", routeTable: vpc.addRouteTable("Extra") });',
          'new IdcSite(app, "Site", { cidrs: ["10.200.0.0/16"] });',
          "module.exports = { app };",
        ].join("\n"),
      );
      const up = runCli(["up", program, "--yes", "--endpoint", cloud.url, "--json"], { env: cloud.env });
      expect(up.code).toBe(3);
      const error = (json(up) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("UnsupportedOperation.EndpointPath");
      expect(error.message).toMatch(/nothing was created/);
      expect(error.message).toMatch(/RouteTable 'Vpc\/Extra'/);
      expect(error.message).toMatch(/drop --endpoint/);
      // P2 is a CCB app: no official SDK to speak.
      const ccb = runCli(["up", path.join(REPO, "examples", "p2-peering-one-way"), "--yes", "--endpoint", cloud.url, "--json"], { env: cloud.env });
      expect(ccb.code).toBe(3);
      expect((json(ccb) as { error: { message: string } }).error.message).toMatch(/profile is 'ccb', which has no official SDK/);
      const left = json(runCli(["ls", "--state", cloud.store, "--account", "100000000001", "--json"], { env: cloud.env })) as { resources: unknown[] };
      expect(left.resources).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });

  test("without the VPN route table's ticket in the served cloud, up through the SDK stops before its first create", async () => {
    const cloud = await serveCloud(["100000000001"], "tencent", { tickets: false });
    try {
      const up = runCli(["up", path.join(REPO, "examples", "s2-vpc-gateway-idc-transit"), "--yes", "--endpoint", cloud.url, "--json"], { env: cloud.env });
      expect(up.code).toBe(3);
      expect((json(up) as { error: { code: string; message: string } }).error).toMatchObject({ code: "UnsupportedOperation.FeatureNotEnabled", message: expect.stringContaining("nothing was created") });
      const left = json(runCli(["ls", "--state", cloud.store, "--account", "100000000001", "--json"], { env: cloud.env })) as { resources: unknown[] };
      expect(left.resources).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });

  test("without a key for the account: a clear error naming the variables, nothing created, no secret printed", async () => {
    const cloud = await serveCloud(["100000000001"]);
    try {
      const up = runCli(["up", path.join(REPO, "examples", "s1-vpc-idc-spd"), "--yes", "--endpoint", cloud.url, "--json"], {
        env: { ...cloud.env, HYBRIDLINK_CREDENTIALS: "" },
      });
      expect(up.code).not.toBe(0);
      expect(up.stdout).toMatch(/TENCENTCLOUD_SECRET_ID/);
      expect(fs.existsSync(cloud.env.HYBRIDLINK_STATE!)).toBe(false);
      const left = json(runCli(["ls", "--state", cloud.store, "--account", "100000000001", "--json"], { env: cloud.env })) as { resources: unknown[] };
      expect(left.resources).toEqual([]);
    } finally {
      await cloud.stop();
    }
  });

  test("a wrong key is the cloud's AuthFailure, and an endpoint that is not a URL says what to give", async () => {
    const cloud = await serveCloud(["100000000001"]);
    try {
      const keys = path.join(cloud.dir, "wrong.json");
      fs.writeFileSync(keys, JSON.stringify({ "100000000001": { secretId: "AKIDnotakey", secretKey: "not-the-secret" } }));
      const wrong = runCli(["up", path.join(REPO, "examples", "s1-vpc-idc-spd"), "--yes", "--endpoint", cloud.url, "--json"], { env: { ...cloud.env, HYBRIDLINK_CREDENTIALS: keys } });
      expect(wrong.code).toBe(3);
      expect((json(wrong) as { error: { code: string } }).error.code).toMatch(/^AuthFailure/);
      expect(wrong.stdout + wrong.stderr).not.toContain("not-the-secret");
      // The keys are tried before the first create: not even the simulated IDC site (admin path) was made.
      const left = json(runCli(["ls", "--state", cloud.store, "--account", "100000000001", "--json"], { env: cloud.env })) as { resources: unknown[] };
      expect(left.resources).toEqual([]);

      const notUrl = runCli(["up", path.join(REPO, "examples", "s1-vpc-idc-spd"), "--yes", "--endpoint", "localhost 8080", "--json"], { env: cloud.env });
      expect(notUrl.code).not.toBe(0);
      expect((json(notUrl) as { error: { message: string } }).error.message).toMatch(/'localhost 8080' is not a URL/);
    } finally {
      await cloud.stop();
    }
  });
});
