import * as fs from "fs";
import * as path from "path";
import { json, REPO, runCli, tempState } from "./run-cli";

/**
 * The VPN route table's ticket through the CLI, as a user meets it: `up` of a
 * route-table app (scenario 2, Tencent) stops before its first create and says
 * how to grant the ticket; granted, the same `up` deploys.
 */
describe("hybridlink account feature", () => {
  const t = tempState();
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));
  const S2 = path.join(REPO, "examples", "s2-vpc-gateway-idc-transit");
  const env = { ...t.env, HL_S2_PSK_IDC1: "s2-cli-k3y-0001", HL_S2_PSK_IDC2: "s2-cli-k3y-0002", HL_S2_PSK_IDC3: "s2-cli-k3y-0003" };

  test("up without the ticket is refused before anything is created, naming the grant; with it, up deploys", () => {
    const refused = runCli(["up", S2, "--yes", "--json"], { env });
    expect(refused.code).toBe(3);
    const error = (json(refused) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("UnsupportedOperation.FeatureNotEnabled");
    expect(error.message).toContain("nothing was created");
    expect(error.message).toContain("hybridlink account feature grant vpn-route-table --account 100000000001");
    // Not even the store's records: the plan stopped first.
    expect((json(runCli(["stack", "ls", "--json"], { env })) as { stacks: unknown[] }).stacks).toEqual([]);

    const granted = runCli(["account", "feature", "grant", "vpn-route-table", "--account", "100000000001", "--ticket", "T-CLI-7"], { env });
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain("vpn-route-table granted on tencent (ticket T-CLI-7");
    const listed = json(runCli(["account", "feature", "ls", "--account", "100000000001", "--json"], { env })) as { items: Array<{ feature: string; ticket: string }> };
    expect(listed.items).toEqual([expect.objectContaining({ feature: "vpn-route-table", ticket: "T-CLI-7" })]);

    const up = runCli(["up", S2, "--yes"], { env });
    expect(up.stderr).toBe("");
    expect(up.code).toBe(0);
  });

  test("bad grants: an unknown feature, a missing ticket, an account that is not an ID — clear errors, exit non-zero", () => {
    const unknown = runCli(["account", "feature", "grant", "bgp", "--account", "100000000001", "--ticket", "T", "--json"], { env });
    expect(unknown.code).not.toBe(0);
    expect((json(unknown) as { error: { message: string } }).error.message).toContain("vpn-route-table, peering-bandwidth-above-cap");
    const noTicket = runCli(["account", "feature", "grant", "vpn-route-table", "--account", "100000000001"], { env });
    expect(noTicket.code).toBe(2);
    expect(noTicket.stderr).toContain("--ticket");
    const badAccount = runCli(["account", "feature", "grant", "vpn-route-table", "--account", "acme", "--ticket", "T", "--json"], { env });
    expect(badAccount.code).not.toBe(0);
    expect((json(badAccount) as { error: { code: string } }).error.code).toBe("InvalidParameterValue.Account");
  });

  test("per cloud, and the operator's listing: grant --cloud alibaba is refused (exit 3, JSON error naming tencent, store unchanged); ls lists every grant, --account and --cloud narrow it; revoke", () => {
    const u = tempState();
    try {
      const grant = (account: string, ticket: string, ...more: string[]) =>
        runCli(["account", "feature", "grant", "vpn-route-table", "--account", account, "--ticket", ticket, "--json", ...more], { env: u.env });
      expect(grant("520000000052", "INC-4410").code).toBe(0);
      expect(json(runCli(["account", "feature", "grant", "peering-bandwidth-above-cap", "--account", "530000000053", "--ticket", "INC-4411", "--json"], { env: u.env }))).toMatchObject({
        account: "530000000053",
        cloud: "tencent",
        feature: "peering-bandwidth-above-cap",
      });
      const listed = () => json(runCli(["account", "feature", "ls", "--json"], { env: u.env })) as { items: Array<{ account: string; cloud: string; feature: string; ticket: string }> };
      const before = listed();
      expect(before.items.map((f) => `${f.account} ${f.cloud} ${f.feature} ${f.ticket}`)).toEqual([
        "520000000052 tencent vpn-route-table INC-4410",
        "530000000053 tencent peering-bandwidth-above-cap INC-4411",
      ]);

      const elsewhere = grant("520000000052", "INC-4412", "--cloud", "alibaba");
      expect(elsewhere.code).toBe(3);
      const error = (json(elsewhere) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("InvalidParameterValue.Feature");
      expect(error.message).toContain("does not gate 'vpn-route-table'");
      expect(error.message).toContain("--cloud tencent");
      expect(listed()).toEqual(before);

      const one = json(runCli(["account", "feature", "ls", "--account", "530000000053", "--json"], { env: u.env })) as { items: Array<{ feature: string }> };
      expect(one.items.map((f) => f.feature)).toEqual(["peering-bandwidth-above-cap"]);
      expect((json(runCli(["account", "feature", "ls", "--cloud", "alibaba", "--json"], { env: u.env })) as { items: unknown[] }).items).toEqual([]);
      const text = runCli(["account", "feature", "ls"], { env: u.env });
      expect(text.stdout).toContain("account 520000000052  tencent  vpn-route-table  ticket INC-4410");

      expect(runCli(["account", "feature", "revoke", "vpn-route-table", "--account", "520000000052"], { env: u.env }).stdout).toContain("vpn-route-table revoked on tencent");
      const again = runCli(["account", "feature", "revoke", "vpn-route-table", "--account", "520000000052", "--json"], { env: u.env });
      expect(again.code).not.toBe(0);
      expect((json(again) as { error: { code: string } }).error.code).toBe("ResourceNotFound");
      expect(listed().items.map((f) => f.account)).toEqual(["530000000053"]);
    } finally {
      fs.rmSync(u.dir, { recursive: true, force: true });
    }
  });

  test("ls on a folder with no store says so (NoState) and creates nothing", () => {
    const v = tempState();
    try {
      const ls = runCli(["account", "feature", "ls", "--json"], { env: v.env });
      expect(ls.code).not.toBe(0);
      expect((json(ls) as { error: { code: string } }).error.code).toBe("NoState");
      expect(fs.readdirSync(v.dir).filter((f) => f.endsWith(".db"))).toEqual([]);
    } finally {
      fs.rmSync(v.dir, { recursive: true, force: true });
    }
  });
});
