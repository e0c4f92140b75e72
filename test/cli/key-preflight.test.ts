import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../providers/cloud";
import { json, REPO, runCli, tempState } from "./run-cli";

// A pre-shared key the cloud would refuse (too long, a line break) stops `up`
// before its first create, naming every bad key without showing it.

const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const ACCOUNT = "100000000001";

function vpcCount(state: string): number {
  if (!fs.existsSync(state)) return 0;
  const engine = CloudEngine.open({ path: state });
  try {
    return Number(engine.request("DescribeVpcs", {}, { account: ACCOUNT }).totalCount);
  } finally {
    engine.close();
  }
}

describe("up refuses keys the cloud would refuse, before anything is created", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => (t = tempState()));
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("a 60,000-character key and a key with a line break: both named, neither shown, nothing created", () => {
    const long = "k".repeat(60_000);
    const run = runCli(["up", "--yes", "--json", HA], { env: { ...t.env, HL_HA_PSK_CGW1: long, HL_HA_PSK_CGW2: "line1\nline2" } });
    expect(run.code).not.toBe(0);
    const { error } = json(run);
    expect(error.code).toBe("HL-VPN-008");
    expect(error.message).toContain("[Ha/IpsecConnection1] preSharedKey from environment variable HL_HA_PSK_CGW1: a key of 60000 characters");
    expect(error.message).toContain("[Ha/IpsecConnection2] preSharedKey from environment variable HL_HA_PSK_CGW2: a key of 11 characters with a line break");
    expect(error.message).toContain("nothing was created");
    expect(run.stdout + run.stderr).not.toContain("kkkkkkkk");
    expect(run.stdout + run.stderr).not.toContain("line1");
    expect(vpcCount(t.state)).toBe(0);
  });

  test("with good keys the same app deploys", () => {
    const run = runCli(["up", "--yes", "--json", HA], { env: { ...t.env, HL_HA_PSK_CGW1: "Good-Key-1", HL_HA_PSK_CGW2: "Good-Key-2" } });
    expect(json(run).exitCode).toBe(0);
    expect(vpcCount(t.state)).toBe(1);
  });
});
