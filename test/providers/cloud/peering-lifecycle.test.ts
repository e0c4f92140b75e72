import { CloudEngine } from "../../../providers/cloud";
import { ACCOUNT_A, ACCOUNT_B, ACCOUNT_C, as, asOperator, memoryEngine, refusal, World } from "./helpers";

type Who = "requester" | "accepter" | "third";
type Op = "Accept" | "Reject" | "Enable" | "Modify" | "Delete";
type Outcome = { state: string } | { gone: true } | { code: string };

const ACCOUNT_OF: Record<Who, string> = { requester: ACCOUNT_A, accepter: ACCOUNT_B, third: ACCOUNT_C };
const ACTION_OF: Record<Op, string> = {
  Accept: "AcceptVpcPeeringConnection",
  Reject: "RejectVpcPeeringConnection",
  Enable: "EnableVpcPeeringConnection",
  Modify: "ModifyVpcPeeringConnection",
  Delete: "DeleteVpcPeeringConnection",
};

const UNAUTHORIZED = { code: "UnauthorizedOperation" };
const BAD_STATE = { code: "UnsupportedOperation.VpcPeerInvalidStateChange" };
const NOT_FOUND = { code: "ResourceNotFound" };
const GONE = { gone: true } as const;

/**
 * Every operation from every state by every party, cross-account (seed 003):
 * what the cloud allows and the code of every refusal.
 */
const TABLE: Array<[string, Op, Who, Outcome]> = [
  ["PENDING", "Accept", "requester", UNAUTHORIZED],
  ["PENDING", "Accept", "accepter", { state: "ACTIVE" }],
  ["PENDING", "Accept", "third", NOT_FOUND],
  ["PENDING", "Reject", "requester", UNAUTHORIZED],
  ["PENDING", "Reject", "accepter", GONE],
  ["PENDING", "Reject", "third", NOT_FOUND],
  ["PENDING", "Enable", "requester", BAD_STATE],
  ["PENDING", "Enable", "accepter", BAD_STATE],
  ["PENDING", "Enable", "third", NOT_FOUND],
  ["PENDING", "Modify", "requester", { state: "PENDING" }],
  ["PENDING", "Modify", "accepter", UNAUTHORIZED],
  ["PENDING", "Modify", "third", NOT_FOUND],
  ["PENDING", "Delete", "requester", GONE],
  ["PENDING", "Delete", "accepter", GONE],
  ["PENDING", "Delete", "third", NOT_FOUND],
  ["ACTIVE", "Accept", "requester", UNAUTHORIZED],
  ["ACTIVE", "Accept", "accepter", BAD_STATE],
  ["ACTIVE", "Accept", "third", NOT_FOUND],
  ["ACTIVE", "Reject", "requester", UNAUTHORIZED],
  ["ACTIVE", "Reject", "accepter", BAD_STATE],
  ["ACTIVE", "Reject", "third", NOT_FOUND],
  ["ACTIVE", "Enable", "requester", BAD_STATE],
  ["ACTIVE", "Enable", "accepter", BAD_STATE],
  ["ACTIVE", "Enable", "third", NOT_FOUND],
  ["ACTIVE", "Modify", "requester", { state: "ACTIVE" }],
  ["ACTIVE", "Modify", "accepter", UNAUTHORIZED],
  ["ACTIVE", "Modify", "third", NOT_FOUND],
  ["ACTIVE", "Delete", "requester", GONE],
  ["ACTIVE", "Delete", "accepter", GONE],
  ["ACTIVE", "Delete", "third", NOT_FOUND],
  ["EXPIRED", "Accept", "requester", UNAUTHORIZED],
  ["EXPIRED", "Accept", "accepter", BAD_STATE],
  ["EXPIRED", "Accept", "third", NOT_FOUND],
  ["EXPIRED", "Reject", "requester", UNAUTHORIZED],
  ["EXPIRED", "Reject", "accepter", BAD_STATE],
  ["EXPIRED", "Reject", "third", NOT_FOUND],
  // The accepter enabling consents again; the requester alone renews the request for acceptance.
  ["EXPIRED", "Enable", "requester", { state: "PENDING" }],
  ["EXPIRED", "Enable", "accepter", { state: "ACTIVE" }],
  ["EXPIRED", "Enable", "third", NOT_FOUND],
  ["EXPIRED", "Modify", "requester", { state: "EXPIRED" }],
  ["EXPIRED", "Modify", "accepter", UNAUTHORIZED],
  ["EXPIRED", "Modify", "third", NOT_FOUND],
  ["EXPIRED", "Delete", "requester", GONE],
  ["EXPIRED", "Delete", "accepter", GONE],
  ["EXPIRED", "Delete", "third", NOT_FOUND],
];

interface Setup {
  engine: CloudEngine;
  peering: string;
  routes: string[];
}

/** A's VPC peered to B's VPC (cross-account, same region), brought to `state`, with a route on each side. */
function peeringIn(state: string): Setup {
  const engine = memoryEngine();
  const a = new World(engine, ACCOUNT_A);
  const b = new World(engine, ACCOUNT_B);
  const va = a.vpc(["10.0.0.0/16"]);
  const vb = b.vpc(["10.1.0.0/16"]);
  const peering = a.request("CreateVpcPeeringConnection", {
    name: "a-b",
    requesterVpc: va.vpc,
    accepterVpc: vb.vpc,
    accepterAccount: ACCOUNT_B,
  }).id as string;
  const routes = [
    a.request("CreateRoute", { routeTable: va.table, destinationCidr: "10.1.0.0/16", nextHopType: "PEERING", nextHop: peering, enabled: true }).id as string,
    b.request("CreateRoute", { routeTable: vb.table, destinationCidr: "10.0.0.0/16", nextHopType: "PEERING", nextHop: peering, enabled: true }).id as string,
  ];
  if (state === "ACTIVE") b.request("AcceptVpcPeeringConnection", { id: peering });
  if (state === "EXPIRED") a.request("AdvanceClock", { duration: "7d" });
  expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe(state);
  return { engine, peering, routes };
}

function peeringOf(engine: CloudEngine, account: string, id: string): Record<string, unknown> | undefined {
  const items = engine.request("DescribeVpcPeeringConnections", {}, as(account)).items as Array<Record<string, unknown>>;
  return items.find((i) => i.id === id);
}

function routeIds(engine: CloudEngine, account: string): string[] {
  return (engine.request("DescribeRoutes", {}, as(account)).items as Array<{ id: string }>).map((r) => r.id);
}

describe("peering lifecycle (seed 003): every operation from every state", () => {
  test.each(TABLE)("%s: %s by the %s", (state, op, who, outcome) => {
    const { engine, peering, routes } = peeringIn(state);
    const params = op === "Modify" ? { id: peering, name: "renamed" } : { id: peering };
    const call = () => engine.request(ACTION_OF[op], params, as(ACCOUNT_OF[who]));

    if ("code" in outcome) {
      const before = peeringOf(engine, ACCOUNT_A, peering);
      expect(refusal(call).code).toBe(outcome.code);
      // A refused transition changes nothing.
      expect(peeringOf(engine, ACCOUNT_A, peering)).toEqual(before);
      expect([...routeIds(engine, ACCOUNT_A), ...routeIds(engine, ACCOUNT_B)].sort()).toEqual([...routes].sort());
    } else if ("gone" in outcome) {
      call();
      expect(peeringOf(engine, ACCOUNT_A, peering)).toBeUndefined();
      expect(peeringOf(engine, ACCOUNT_B, peering)).toBeUndefined();
      // Deleting (or rejecting) a peering deletes the routes through it, on both sides (seed 003).
      expect(routeIds(engine, ACCOUNT_A)).toEqual([]);
      expect(routeIds(engine, ACCOUNT_B)).toEqual([]);
    } else {
      const result = call();
      expect(result.state).toBe(outcome.state);
      expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe(outcome.state);
      expect(peeringOf(engine, ACCOUNT_B, peering)?.state).toBe(outcome.state);
      if (op === "Modify") expect(peeringOf(engine, ACCOUNT_B, peering)?.name).toBe("renamed");
    }
  });
});

describe("peering timing", () => {
  test("a cross-account request expires exactly 7 days after creation, on the engine clock", () => {
    const { engine, peering } = peeringIn("PENDING");
    expect(peeringOf(engine, ACCOUNT_B, peering)?.expiresAt).toBe("2025-01-08T00:00:00.000Z");
    engine.request("AdvanceClock", { seconds: 7 * 86400 - 1 }, asOperator(ACCOUNT_A));
    expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe("PENDING");
    const advanced = engine.request("AdvanceClock", { duration: "1s" }, asOperator(ACCOUNT_B));
    expect(advanced.transitions).toEqual([
      { id: peering, type: "PeeringConnection", from: "PENDING", to: "EXPIRED", at: "2025-01-08T00:00:00.000Z" },
    ]);
    expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe("EXPIRED");
  });

  test("another account advancing the clock is not told about the peering", () => {
    const { engine } = peeringIn("PENDING");
    expect(engine.request("AdvanceClock", { duration: "8d" }, asOperator(ACCOUNT_C)).transitions).toEqual([]);
  });

  test("an accepted peering never expires", () => {
    const { engine, peering } = peeringIn("ACTIVE");
    engine.request("AdvanceClock", { duration: "30d" }, asOperator(ACCOUNT_A));
    expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe("ACTIVE");
  });

  test("a renewed request waits for acceptance and expires 7 days after the renewal", () => {
    const { engine, peering } = peeringIn("EXPIRED");
    engine.request("AdvanceClock", { duration: "2d" }, asOperator(ACCOUNT_A));
    expect(engine.request("EnableVpcPeeringConnection", { id: peering }, as(ACCOUNT_A)).state).toBe("PENDING");
    engine.request("AdvanceClock", { duration: "6d" }, asOperator(ACCOUNT_A));
    expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe("PENDING");
    engine.request("AcceptVpcPeeringConnection", { id: peering }, as(ACCOUNT_B));
    expect(peeringOf(engine, ACCOUNT_A, peering)?.state).toBe("ACTIVE");
  });

  test("same account: ACTIVE at once, nothing to accept or reject", () => {
    const engine = memoryEngine();
    const a = new World(engine);
    const v1 = a.vpc(["10.0.0.0/16"]);
    const v2 = a.vpc(["10.1.0.0/16"]);
    const created = a.request("CreateVpcPeeringConnection", { name: "p", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: ACCOUNT_A });
    expect(created.state).toBe("ACTIVE");
    expect(created).not.toHaveProperty("expiresAt");
    expect(refusal(() => a.request("AcceptVpcPeeringConnection", { id: created.id })).code).toBe(BAD_STATE.code);
    expect(refusal(() => a.request("RejectVpcPeeringConnection", { id: created.id })).code).toBe(BAD_STATE.code);
    a.request("AdvanceClock", { duration: "8d" });
    expect(peeringOf(engine, ACCOUNT_A, created.id as string)?.state).toBe("ACTIVE");
  });
});

describe("the routes through a peering (seed 004: 下一跳是该对等连接的目的网段)", () => {
  test("Describe filters routes by next hop, and deleting the peering takes exactly those routes", () => {
    const engine = memoryEngine();
    const a = new World(engine);
    const v1 = a.vpc(["10.0.0.0/16"]);
    const v2 = a.vpc(["10.1.0.0/16"]);
    const v3 = a.vpc(["10.2.0.0/16"]);
    const p12 = a.request("CreateVpcPeeringConnection", { name: "12", requesterVpc: v1.vpc, accepterVpc: v2.vpc, accepterAccount: ACCOUNT_A }).id;
    const p13 = a.request("CreateVpcPeeringConnection", { name: "13", requesterVpc: v1.vpc, accepterVpc: v3.vpc, accepterAccount: ACCOUNT_A }).id;
    const route = (table: string, destinationCidr: string, nextHop: unknown) =>
      a.request("CreateRoute", { routeTable: table, destinationCidr, nextHopType: "PEERING", nextHop, enabled: true }).id;
    const via12 = [route(v1.table, "10.1.0.0/16", p12), route(v2.table, "10.0.0.0/16", p12)];
    const via13 = [route(v1.table, "10.2.0.0/16", p13), route(v3.table, "10.0.0.0/16", p13)];

    const byHop = (nextHop: unknown) =>
      (a.request("DescribeRoutes", { filters: { nextHop } }).items as Array<{ id: string }>).map((r) => r.id).sort();
    expect(byHop(p12)).toEqual([...via12].sort());

    a.request("DeleteVpcPeeringConnection", { id: p12 });
    expect(byHop(p12)).toEqual([]);
    expect(byHop(p13)).toEqual([...via13].sort());
  });
});
