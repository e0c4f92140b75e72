import * as fs from "fs";
import * as path from "path";
import { CloudEngine } from "../../../providers/cloud";
import { MIGRATIONS, openDatabase } from "../../../providers/cloud/store";
import { ACCOUNT_A, ACCOUNT_B, memoryEngine, refusal, tempDir, World } from "./helpers";

type Sample = { peering: string; at: string; outMbps: number; inMbps: number; recordedBy: string; requesterAccount: string };

/** A's VPC in Guangzhou peered to B's in Beijing (cross-region, 100 Mbps cap), accepted, one day later on the engine clock. */
function crossRegion(engine: CloudEngine = memoryEngine()) {
  const a = new World(engine, ACCOUNT_A);
  const b = new World(engine, ACCOUNT_B);
  const va = a.vpc(["10.0.0.0/16"]);
  const vb = b.vpc(["10.1.0.0/16"], "ap-beijing");
  const peering = a.request("CreateVpcPeeringConnection", {
    name: "gz-bj",
    requesterVpc: va.vpc,
    accepterVpc: vb.vpc,
    accepterAccount: ACCOUNT_B,
    bandwidthMbps: 100,
  }).id as string;
  b.request("AcceptVpcPeeringConnection", { id: peering });
  a.request("AdvanceClock", { duration: "1d" });
  const samples = (params: object = {}) => a.request("DescribeVpcPeeringTraffic", { peering, ...params }).items as Sample[];
  const record = (samples: object[], extra: object = {}) => a.request("RecordVpcPeeringTraffic", { peering, samples, ...extra });
  return { engine, a, b, va, vb, peering, samples, record };
}

describe("RecordVpcPeeringTraffic: one measurement per 5-minute period (seed 003)", () => {
  test("a sample without a time is the engine clock's current period; explicit times go to their period's start", () => {
    const w = crossRegion();
    expect(w.record([{ outMbps: 30, inMbps: 10 }])).toEqual({
      peering: w.peering,
      recorded: 1,
      replaced: 0,
      from: "2025-01-02T00:00:00.000Z",
      to: "2025-01-02T00:05:00.000Z",
      periodSeconds: 300,
    });
    w.record([
      { at: "2025-01-01T08:07:30+08:00", outMbps: 5, inMbps: 1.5 },
      { at: "2025-01-01T12:00:00Z", outMbps: 0, inMbps: 100 },
    ]);
    expect(w.samples()).toEqual([
      { peering: w.peering, requesterAccount: ACCOUNT_A, at: "2025-01-01T00:05:00.000Z", outMbps: 5, inMbps: 1.5, recordedBy: ACCOUNT_A },
      { peering: w.peering, requesterAccount: ACCOUNT_A, at: "2025-01-01T12:00:00.000Z", outMbps: 0, inMbps: 100, recordedBy: ACCOUNT_A },
      { peering: w.peering, requesterAccount: ACCOUNT_A, at: "2025-01-02T00:00:00.000Z", outMbps: 30, inMbps: 10, recordedBy: ACCOUNT_A },
    ]);
  });

  test("a period already measured is refused unless replace is asked for, and then overwritten", () => {
    const w = crossRegion();
    w.record([{ at: "2025-01-01T10:00:00Z", outMbps: 1, inMbps: 1 }]);
    const err = refusal(() => w.record([{ at: "2025-01-01T09:00:00Z", outMbps: 2, inMbps: 2 }, { at: "2025-01-01T10:04:59Z", outMbps: 9, inMbps: 9 }]));
    expect(err.code).toBe("InvalidParameterValue.SampleExists");
    expect(err.message).toContain("2025-01-01T10:00:00.000Z");
    expect(err.message).toContain("replace: true");
    // Refused as a whole: the new 09:00 sample was not stored either.
    expect(w.samples().map((s) => [s.at, s.outMbps])).toEqual([["2025-01-01T10:00:00.000Z", 1]]);

    expect(w.b.request("RecordVpcPeeringTraffic", { peering: w.peering, replace: true, samples: [{ at: "2025-01-01T10:04:59Z", outMbps: 9, inMbps: 8 }] })).toMatchObject({
      recorded: 1,
      replaced: 1,
    });
    expect(w.samples()).toEqual([expect.objectContaining({ at: "2025-01-01T10:00:00.000Z", outMbps: 9, inMbps: 8, recordedBy: ACCOUNT_B })]);
  });

  test.each([
    ["two samples of one period", [{ at: "2025-01-01T10:01:00Z", outMbps: 1, inMbps: 1 }, { at: "2025-01-01T10:03:00Z", outMbps: 1, inMbps: 1 }], "InvalidParameterValue.DuplicateSample", "'samples[2].at' falls in the period starting 2025-01-01T10:00:00.000Z, as samples[1] does"],
    ["a period after the engine clock's now", [{ at: "2025-01-02T00:00:01Z", outMbps: 1, inMbps: 1 }], "InvalidParameterValue.SampleInFuture", "AdvanceClock"],
    ["a period before the peering existed", [{ at: "2024-12-31T23:55:00Z", outMbps: 1, inMbps: 1 }], "InvalidParameterValue.SampleBeforePeering", "2025-01-01T00:00:00.000Z"],
    ["more than the 100 Mbps cap one way", [{ at: "2025-01-01T10:00:00Z", outMbps: 100.5, inMbps: 1 }], "InvalidParameterValue.AboveBandwidthCap", "100 Mbps cap"],
    ["a negative bandwidth", [{ at: "2025-01-01T10:00:00Z", outMbps: 1, inMbps: -1 }], "InvalidParameterValue.Bandwidth", "'samples[1].inMbps' is -1"],
    ["a bandwidth that is not a number", [{ at: "2025-01-01T10:00:00Z", outMbps: "30", inMbps: 1 }], "InvalidParameter", "'samples[1].outMbps' must be a finite number"],
    ["a time that is not ISO 8601", [{ at: "Jan 1 2025", outMbps: 1, inMbps: 1 }], "InvalidParameterValue.Time", "'samples[1].at' must be an ISO 8601 time"],
    ["a sample with an unknown field", [{ at: "2025-01-01T10:00:00Z", outMbps: 1, inMbps: 1, peakMbps: 2 }], "UnknownParameter", "'samples[1].peakMbps'"],
    ["no samples", [], "InvalidParameterValue.SampleCount", "1–8928"],
  ])("refuses %s, naming the sample, and stores nothing (not even the good sample before it)", (_what, samples, code, mention) => {
    const w = crossRegion();
    const good = { at: "2025-01-01T06:00:00Z", outMbps: 3, inMbps: 3 };
    const err = refusal(() => w.record(samples.length ? [good, ...samples] : samples));
    expect(err.code).toBe(code);
    expect(err.message).toContain(mention);
    expect(w.samples()).toEqual([]);
  });

  test("too many samples in one request", () => {
    const w = crossRegion();
    const err = refusal(() => w.record(Array.from({ length: 8929 }, () => ({ outMbps: 1, inMbps: 1 }))));
    expect(err.code).toBe("InvalidParameterValue.SampleCount");
  });

  test("only an ACTIVE peering carries traffic: pending and expired ones are refused", () => {
    const engine = memoryEngine();
    const a = new World(engine, ACCOUNT_A);
    const b = new World(engine, ACCOUNT_B);
    const peering = a.request("CreateVpcPeeringConnection", {
      name: "p",
      requesterVpc: a.vpc(["10.0.0.0/16"]).vpc,
      accepterVpc: b.vpc(["10.1.0.0/16"]).vpc,
      accepterAccount: ACCOUNT_B,
    }).id;
    const record = () => a.request("RecordVpcPeeringTraffic", { peering, samples: [{ outMbps: 1, inMbps: 1 }] });
    const pending = refusal(record);
    expect(pending.code).toBe("UnsupportedOperation.PeeringNotActive");
    expect(pending.message).toContain("PENDING");
    expect(pending.message).toContain("AcceptVpcPeeringConnection");
    a.request("AdvanceClock", { duration: "7d" });
    expect(refusal(record).message).toContain("EXPIRED");
    b.request("EnableVpcPeeringConnection", { id: peering });
    expect(record()).toMatchObject({ recorded: 1 });
  });

  test("same-region peerings are recorded too (no cap; the bill says free)", () => {
    const engine = memoryEngine();
    const w = new World(engine);
    const peering = w.request("CreateVpcPeeringConnection", {
      name: "p",
      requesterVpc: w.vpc(["10.0.0.0/16"]).vpc,
      accepterVpc: w.vpc(["10.1.0.0/16"], "ap-guangzhou", "vpc2").vpc,
      accepterAccount: ACCOUNT_A,
    }).id;
    expect(w.request("RecordVpcPeeringTraffic", { peering, samples: [{ outMbps: 50_000, inMbps: 0 }] })).toMatchObject({ recorded: 1 });
  });

  test("a cap lowered later bounds the samples recorded after it", () => {
    const w = crossRegion();
    w.a.request("ModifyVpcPeeringConnection", { id: w.peering, bandwidthMbps: 10 });
    expect(refusal(() => w.record([{ outMbps: 11, inMbps: 0 }])).code).toBe("InvalidParameterValue.AboveBandwidthCap");
    expect(w.record([{ outMbps: 10, inMbps: 10 }])).toMatchObject({ recorded: 1 });
  });
});

describe("DescribeVpcPeeringTraffic", () => {
  test("filters by peering and by a [from, to) range of period starts", () => {
    const w = crossRegion();
    w.record(["00:00", "00:05", "00:10", "00:15"].map((t, i) => ({ at: `2025-01-01T${t}:00Z`, outMbps: i, inMbps: i })));
    const ats = (params: object) => w.samples(params).map((s) => s.at.slice(11, 16));
    expect(ats({})).toEqual(["00:00", "00:05", "00:10", "00:15"]);
    expect(ats({ from: "2025-01-01T00:05:00Z", to: "2025-01-01T00:15:00Z" })).toEqual(["00:05", "00:10"]);
    // A period belongs to the range when it starts in it.
    expect(ats({ from: "2025-01-01T00:04:59Z", to: "2025-01-01T00:10:01Z" })).toEqual(["00:05", "00:10"]);
    expect(ats({ from: "2025-01-01T08:15:00+08:00" })).toEqual(["00:15"]);
    expect(refusal(() => w.samples({ from: "2025-01-01T01:00:00Z", to: "2025-01-01T00:00:00Z" })).code).toBe("InvalidParameterValue.TimeRange");
    expect(refusal(() => w.samples({ from: 1735689600000 })).code).toBe("InvalidParameterValue.Time");
  });

  test("without a peering it lists every visible peering's samples, peering by peering", () => {
    const w = crossRegion();
    const third = w.a.vpc(["10.2.0.0/16"], "ap-guangzhou", "vpc3");
    const local = w.a.request("CreateVpcPeeringConnection", { name: "local", requesterVpc: w.va.vpc, accepterVpc: third.vpc, accepterAccount: ACCOUNT_A }).id as string;
    w.a.request("RecordVpcPeeringTraffic", { peering: local, samples: [{ outMbps: 7, inMbps: 7 }] });
    w.record([{ outMbps: 1, inMbps: 1 }]);
    const all = w.a.request("DescribeVpcPeeringTraffic", {});
    expect(all).toMatchObject({ totalCount: 2, periodSeconds: 300 });
    expect((all.items as Sample[]).map((s) => s.peering)).toEqual([w.peering, local].sort());
    // B is the accepter of the first peering only.
    expect((w.b.request("DescribeVpcPeeringTraffic", {}).items as Sample[]).map((s) => s.peering)).toEqual([w.peering]);
  });

  test("a deleted (or rejected) peering's samples go with it", () => {
    const w = crossRegion();
    w.record([{ outMbps: 1, inMbps: 1 }]);
    w.b.request("DeleteVpcPeeringConnection", { id: w.peering });
    expect(refusal(() => w.samples()).code).toBe("ResourceNotFound");
    expect(w.a.request("DescribeVpcPeeringTraffic", {}).totalCount).toBe(0);
  });
});

describe("schema", () => {
  test("a store made before traffic existed (schema 2) gains the table on open, with its resources intact", () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, "old.db");
      openDatabase(file, MIGRATIONS.filter((m) => m.version <= 2)).close();
      const first = CloudEngine.open({ path: file });
      crossRegion(first).record([{ outMbps: 4, inMbps: 2 }]);
      first.close();
      const reopened = CloudEngine.open({ path: file });
      expect(reopened.request("DescribeVpcPeeringTraffic", {}, { account: ACCOUNT_A }).totalCount).toBe(1);
      reopened.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
