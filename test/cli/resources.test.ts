import * as fs from "fs";
import * as path from "path";
import { json, REPO, runCli, tempState } from "./run-cli";

const example = (name: string) => path.join(REPO, "examples", name);
const HA_PSK = "ha-test-key-that-must-never-print-1";

describe("stacks of two clouds in one store: stack ls/rm, ls, describe, cost", () => {
  const t = tempState();
  const env = { ...t.env, HL_HA_PSK_CGW1: HA_PSK, HL_HA_PSK_CGW2: HA_PSK };
  const cli = (...args: string[]) => runCli(args, { env });
  beforeAll(() => {
    expect(cli("up", "--yes", example("s1-vpc-idc-spd")).code).toBe(0);
    expect(cli("up", "--yes", example("ha-dual-customer-gateway")).code).toBe(0);
  });
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("stack ls lists both stacks with their cloud and resource count; the one deployed last is current", () => {
    const { stacks } = json(cli("stack", "ls", "--json"));
    expect(stacks.map((s: Record<string, unknown>) => [s.name, s.profile, s.resources, s.current])).toEqual([
      ["ha-dual-customer-gateway", "alibaba", 11, true],
      ["s1-vpc-idc-spd", "tencent", 8, false],
    ]);
    expect(cli("stack", "ls").stdout).toMatch(/ha-dual-customer-gateway \*\s+alibaba\s+11/);
  });

  test("ls: every stack's resources by default, narrowed by --stack, --kind and --region", () => {
    expect(json(cli("ls", "--json")).resources).toHaveLength(19);
    const s1 = json(cli("ls", "--stack", "s1-vpc-idc-spd", "--json")).resources;
    expect(s1).toHaveLength(8);
    expect(new Set(s1.map((r: { stack: string }) => r.stack))).toEqual(new Set(["s1-vpc-idc-spd"]));
    const tunnels = json(cli("ls", "--kind", "vpn connection", "--region", "cn-hangzhou", "--json")).resources;
    expect(tunnels.map((r: Record<string, string>) => [r.type, r.logicalId, r.state])).toEqual([
      ["VpnConnection", "Ha/IpsecConnection1", "AVAILABLE"],
      ["VpnConnection", "Ha/IpsecConnection2", "AVAILABLE"],
    ]);
    const text = cli("ls", "--kind", "VpnGateway");
    expect(text.stdout).toMatch(/VPN gateway\s+vpngw-\S+\s+Ha-VpnGateway\s+cn-hangzhou\s+AVAILABLE\s+ha-dual-customer-gateway:Ha\/VpnGateway/);
    const bad = cli("ls", "--kind", "loadbalancer", "--json");
    expect(bad.code).toBe(2);
    expect(json(bad).error).toMatchObject({ code: "UnknownKind", path: "--kind", hint: expect.stringContaining("VpnConnection") });
  });

  test("ls --account lists what that account can see, deployed by a stack or not", () => {
    const all = json(cli("ls", "--account", "100000000001", "--json")).resources;
    expect(all.length).toBeGreaterThanOrEqual(19);
    expect(json(cli("ls", "--account", "999999999999", "--json")).resources).toEqual([]);
  });

  test("describe: fields, state, stack, what it refers to and what refers to it; never the key", () => {
    const d = json(cli("describe", "Ha/IpsecConnection1", "--json"));
    expect(d).toMatchObject({ kind: "VpnConnection", state: "AVAILABLE", stack: "ha-dual-customer-gateway", logicalId: "Ha/IpsecConnection1" });
    expect(d.references.map((r: { field: string; kind: string }) => [r.field, r.kind])).toEqual([
      ["vpnGateway", "VpnGateway"],
      ["customerGateway", "CustomerGateway"],
      ["vpc", "Vpc"],
    ]);
    expect(d.referencedBy).toEqual([expect.objectContaining({ field: "nextHop", kind: "VpnGatewayRoute" })]);
    const text = cli("describe", d.id);
    expect(text.stdout).toMatch(/^VPN connection vpnx-\S+\s+AVAILABLE/);
    expect(text.stdout).toContain("referred to by:");
    expect(Math.max(...text.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(100);
    for (const run of [text, cli("describe", "Ha/IpsecConnection2", "--json"), cli("ls", "--json")]) expect(run.stdout).not.toContain(HA_PSK);
  });

  test.each(["Vpc", "Subnet", "RouteTable", "Route", "VpnGateway", "CustomerGateway", "VpnConnection", "VpnGatewayRoute", "IdcSite"])(
    "describe works for every deployed %s",
    (kind) => {
      const [first] = json(cli("ls", "--kind", kind, "--json")).resources;
      expect(json(cli("describe", first.id, "--json"))).toMatchObject({ id: first.id, kind });
    },
  );

  test("describe of something that is not there is a usage error saying how to find what is", () => {
    const run = cli("describe", "Nothing/Here", "--json");
    expect(run.code).toBe(2);
    expect(json(run).error).toMatchObject({ code: "UnknownResource", hint: expect.stringContaining("hybridlink ls") });
  });

  test("cost with nothing to bill says why (exit 0); for a stack that does not exist it fails (exit 2)", () => {
    const none = cli("cost", "--stack", "s1-vpc-idc-spd");
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("nothing to bill: stack(s) s1-vpc-idc-spd have no VPC peering connection");
    const missing = cli("cost", "--stack", "p9", "--json");
    expect(missing.code).toBe(2);
    expect(json(missing).error.code).toBe("UnknownStack");
  });

  test("stack rm refuses a stack with resources (destroy first, or --force); an empty one goes", () => {
    const refused = cli("stack", "rm", "s1-vpc-idc-spd", "--json");
    expect(refused.code).toBe(2);
    expect(json(refused).error).toMatchObject({ code: "StackNotEmpty", hint: expect.stringContaining("hybridlink destroy --stack s1-vpc-idc-spd") });
    expect(cli("destroy", "--stack", "s1-vpc-idc-spd", "--yes").code).toBe(0);
    // destroy forgets the stack; rm of an unknown one names those left.
    const gone = cli("stack", "rm", "s1-vpc-idc-spd", "--json");
    expect(json(gone).error).toMatchObject({ code: "UnknownStack", hint: "stacks here: ha-dual-customer-gateway" });
    expect(json(cli("stack", "rm", "ha-dual-customer-gateway", "--force", "--json"))).toEqual({ removed: "ha-dual-customer-gateway", resourcesLeftInCloud: 11 });
    expect(json(cli("stack", "ls", "--json")).stacks).toEqual([]);
  });
});
