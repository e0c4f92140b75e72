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
    expect(granted.stdout).toContain("vpn-route-table granted (ticket T-CLI-7");
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
});
