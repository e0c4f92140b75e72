import { CloudEngine } from "../../../providers/cloud";
import { FAULT_LIFECYCLE, FAULT_TARGETS, FaultOperation, FaultState, FaultTarget } from "../../../providers/cloud/lifecycle";
import { ACCOUNT_A, ACCOUNT_C, as, asOperator, memoryEngine, refusal, World } from "./helpers";

type Who = "owner" | "third";
type Outcome = { state: FaultState } | { code: string };

const ALREADY_DOWN = { code: "UnsupportedOperation.AlreadyDown" };
const NOT_DOWN = { code: "UnsupportedOperation.NotDown" };
const NOT_FOUND = { code: "ResourceNotFound" };

/** Every fault operation from every state by the owner and by another account, for each target type (written out, not derived from FAULT_LIFECYCLE). */
const PER_TARGET: Array<[FaultState, FaultOperation, Who, Outcome]> = [
  ["UP", "Fail", "owner", { state: "DOWN" }],
  ["UP", "Fail", "third", NOT_FOUND],
  ["UP", "Recover", "owner", NOT_DOWN],
  ["UP", "Recover", "third", NOT_FOUND],
  ["DOWN", "Fail", "owner", ALREADY_DOWN],
  ["DOWN", "Fail", "third", NOT_FOUND],
  ["DOWN", "Recover", "owner", { state: "UP" }],
  ["DOWN", "Recover", "third", NOT_FOUND],
];
const TABLE = (["CustomerGateway", "IdcSite", "VpnConnection"] as FaultTarget[]).flatMap((type) =>
  PER_TARGET.map(([state, op, who, outcome]) => [type, state, op, who, outcome] as const),
);

/** A provisioned tunnel (with a health check) between A's VPC and A's site, the target brought to `state`. */
function targetIn(type: FaultTarget, state: FaultState): { engine: CloudEngine; id: string; connection: string } {
  const engine = memoryEngine();
  const w = new World(engine, ACCOUNT_A);
  const { vpc } = w.vpc(["10.0.0.0/16"]);
  const gw = w.gateway(vpc);
  const site = w.site(["192.168.0.0/16"]);
  const device = w.device("203.0.113.1", site);
  const connection = w.connection(gw, device, { healthCheck: { enabled: true, localIp: "10.0.0.10", remoteIp: "192.168.0.10", intervalMs: 2000, retries: 3 } });
  w.request("AdvanceClock", { duration: "5m" });
  const id = { CustomerGateway: device, IdcSite: site, VpnConnection: connection }[type];
  if (state === "DOWN") w.request(`Fail${type}`, { id });
  return { engine, id, connection };
}

function faultState(engine: CloudEngine, type: FaultTarget, id: string): FaultState {
  const described = {
    CustomerGateway: () => (engine.request("DescribeCustomerGateways", { ids: [id] }, as(ACCOUNT_A)).items as Array<{ deviceState: FaultState }>)[0].deviceState,
    IdcSite: () => (engine.request("DescribeIdcSites", { ids: [id] }, as(ACCOUNT_A)).items as Array<{ siteState: FaultState }>)[0].siteState,
    VpnConnection: () => ((engine.request("DescribeVpnConnections", { ids: [id] }, as(ACCOUNT_A)).items as Array<{ tunnelUp: boolean }>)[0].tunnelUp ? "UP" : "DOWN"),
  };
  return described[type]() as FaultState;
}

describe("fault lifecycle: every operation from every state, by the owner and by another account", () => {
  test("the engine serves Fail and Recover for exactly the fault targets", () => {
    const names = memoryEngine().actionNames().filter((n) => /^(Fail|Recover)/.test(n));
    expect(names.sort()).toEqual(FAULT_TARGETS.flatMap((t) => [`Fail${t}`, `Recover${t}`]).sort());
    expect(FAULT_TARGETS).toEqual(["CustomerGateway", "IdcSite", "VpnConnection"]);
    expect(FAULT_LIFECYCLE).toEqual({
      Fail: { from: "UP", to: "DOWN", refusal: ALREADY_DOWN.code },
      Recover: { from: "DOWN", to: "UP", refusal: NOT_DOWN.code },
    });
  });

  test.each(TABLE)("%s %s: %s by the %s", (type, state, op, who, outcome) => {
    const { engine, id, connection } = targetIn(type, state);
    const account = who === "owner" ? ACCOUNT_A : ACCOUNT_C;
    const call = () => engine.request(`${op}${type}`, { id }, asOperator(account));
    if ("code" in outcome) {
      const err = refusal(call);
      expect(err.code).toBe(outcome.code);
      expect(err.message).toContain(id);
      expect(faultState(engine, type, id)).toBe(state);
    } else {
      expect(call()).toEqual({ id, state: outcome.state, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect(faultState(engine, type, id)).toBe(outcome.state);
      // Whatever the target, the tunnel through it follows at once.
      expect((engine.request("DescribeVpnConnections", { ids: [connection] }, as(ACCOUNT_A)).items as Array<{ tunnelUp: boolean }>)[0].tunnelUp).toBe(
        outcome.state === "UP",
      );
    }
  });
});
