import * as fs from "fs";
import * as path from "path";
import { StackStore } from "../../lib/cli/stack/stack-store";
import { json, REPO, runCli, tempState } from "./run-cli";

const HA = path.join(REPO, "examples", "ha-dual-customer-gateway");
const STACK = "ha-dual-customer-gateway";

/**
 * A no-op up decides "unchanged" from the digest the stack recorded when an
 * up completed; any write to the stack's records clears it, and then the
 * full plan decides. Both must give the same answers.
 */
describe("up with nothing changed", () => {
  let t: ReturnType<typeof tempState>;
  beforeEach(() => {
    t = tempState();
  });
  afterEach(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  const digestOf = () => {
    const store = StackStore.open(t.state);
    try {
      return store.tryGetDeployedDigest(STACK);
    } finally {
      store.close();
    }
  };

  test("a completed up records the digest; a record written since clears it, and the full plan still finds nothing to do", () => {
    expect(runCli(["up", HA, "--yes"], { env: t.env }).code).toBe(0);
    expect(digestOf()).toMatch(/^[0-9a-f]{64}$/);

    const store = StackStore.open(t.state);
    const record = store.resources(STACK).find((r) => r.logicalId === "Vpc")!;
    store.putResource(STACK, record);
    store.close();
    expect(digestOf()).toBeUndefined();

    const again = json(runCli(["up", HA, "--yes", "--json"], { env: t.env }));
    expect(again.plan.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 11 });
    expect(digestOf()).toMatch(/^[0-9a-f]{64}$/);
  });

  test("with the digest matching, a rotated key is still an update (keys are compared with their recorded digests)", () => {
    expect(runCli(["up", HA, "--yes"], { env: t.env }).code).toBe(0);
    const rotated = json(runCli(["plan", HA, "--json"], { env: { ...t.env, HL_HA_PSK_CGW1: "rotated-key-1" } }));
    expect(rotated.counts).toMatchObject({ update: 1, same: 10 });
    expect(rotated.changes).toEqual([expect.objectContaining({ action: "update", changed: ["preSharedKey"] })]);
  });

  test("a record that says otherwise than the digest is not trusted: a deleted record is planned again", () => {
    expect(runCli(["up", HA, "--yes"], { env: t.env }).code).toBe(0);
    const store = StackStore.open(t.state);
    store.removeResource(STACK, "Ha/DestinationRoute2-0");
    store.close();
    const plan = json(runCli(["plan", HA, "--json"], { env: t.env }));
    expect(plan.counts.create).toBe(1);
  });
});
