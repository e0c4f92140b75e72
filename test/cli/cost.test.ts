import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findProfile } from "../../lib/core/profiles";
import { BilledPeering, billPeaks, billPeering, parseUtcOffset, TrafficSample } from "../../lib/cli/cost/bill";
import { json, REPO, runCli, tempState } from "./run-cli";

const tencent = findProfile("tencent");
const peering = (requesterRegion: string, accepterRegion: string): BilledPeering => ({
  id: "pcx-1",
  name: "p",
  requesterAccount: "100000000001",
  requesterRegion,
  accepterRegion,
});
/** A 5-minute sample at Beijing time `hhmm` on 2025-03-01. */
const at = (day: number, hhmm: string, outMbps: number, inMbps: number): TrafficSample => ({
  at: Date.parse(`2025-03-0${day}T${hhmm.slice(0, 2)}:${hhmm.slice(2)}:00+08:00`),
  outMbps,
  inMbps,
});

describe("peering bill (seed 003 计费模式)", () => {
  test("the day's peak is the highest outbound plus the highest inbound sample, even from different samples", () => {
    const bill = billPeering(tencent, peering("ap-guangzhou", "ap-beijing"), [at(1, "0900", 8, 1), at(1, "0905", 2, 7), at(1, "2355", 3, 3)]);
    expect(bill.days).toEqual([
      expect.objectContaining({ date: "2025-03-01", samples: 3, peakOutMbps: 8, peakInMbps: 7, peakMbps: 15, tier: "0–20 Mbps", pricePerMbpsDay: 20, amount: 300 }),
    ]);
    expect(bill.total).toBe(300);
    expect(bill.payer).toBe("100000000001");
  });

  test("the whole peak is priced at the tier it falls in; 20 Mbps is still the first tier", () => {
    const cases: Array<[number, number, string | undefined, number | undefined]> = [
      [20, 20, "0–20 Mbps", 400],
      [20.5, 12, "20–100 Mbps", 246],
      [100, 12, "20–100 Mbps", 1200],
      [0, 20, "0–20 Mbps", 0],
    ];
    for (const [peak, price, tier, amount] of cases) {
      const day = billPeaks(tencent, peering("ap-guangzhou", "ap-shanghai"), peak, 0).days[0];
      expect({ peak, price: day.pricePerMbpsDay, tier: day.tier, amount: day.amount }).toEqual({ peak, price, tier, amount });
    }
  });

  test("above the last tier there is no list price (请与商务洽谈): the day and the total are unknown (null), never 0", () => {
    const bill = billPeaks(tencent, peering("ap-guangzhou", "ap-shanghai"), 60, 40.5);
    expect(bill.days[0]).toMatchObject({ peakMbps: 100.5, contactSales: true, amount: null, pricePerMbpsDay: null });
    expect(bill.total).toBeNull();
    expect(bill.note).toContain("contact sales");
    expect(bill.note).toContain("请与商务洽谈");
    // One such day makes a whole multi-day bill unknown, though the other days are priced.
    const days = billPeering(tencent, peering("ap-beijing", "na-toronto"), [at(4, "1200", 3, 2), at(5, "1200", 150, 40)]);
    expect(days.days.map((d) => d.amount)).toEqual([5 * 120, null]);
    expect(days.total).toBeNull();
  });

  test("a region outside seed 003's price columns is unpriced, never priced by guess", () => {
    const bill = billPeaks(tencent, peering("ap-chengdu", "ap-beijing"), 7, 3);
    expect(bill.priceGroup).toBeUndefined();
    expect(bill.days[0]).toMatchObject({ peakMbps: 10, tier: "0–20 Mbps", amount: null, pricePerMbpsDay: null, contactSales: false });
    expect(bill.total).toBeNull();
    expect(bill.note).toContain("unpriced: ap-chengdu is in none of seed 003's price columns");
  });

  test("ends in two price columns are priced at the dearer one, said as an assumption", () => {
    const bill = billPeaks(tencent, peering("ap-shanghai", "na-siliconvalley"), 4, 4);
    expect(bill).toMatchObject({ priceGroup: "northamerica", total: 8 * 120 });
    expect(bill.assumptions).toEqual([expect.stringMatching(/^assumption: the ends are in two price columns \(mainland, northamerica\)/)]);
    expect(billPeaks(tencent, peering("ap-shanghai", "ap-beijing"), 4, 4).assumptions).toBeUndefined();
  });

  test("the billing day's time zone is a setting, +08:00 by default", () => {
    const samples = [at(6, "2330", 4, 4), at(7, "0030", 6, 6)];
    const beijing = billPeering(tencent, peering("ap-guangzhou", "ap-beijing"), samples);
    expect(beijing.timeZone).toBe("+08:00");
    expect(beijing.days.map((d) => d.date)).toEqual(["2025-03-06", "2025-03-07"]);
    // At UTC-02:00 both samples (15:30 and 16:30 UTC) fall on the 6th, one day peaking at 12 Mbps.
    const west = billPeering(tencent, peering("ap-guangzhou", "ap-beijing"), samples, { utcOffsetMinutes: parseUtcOffset("-02:00") });
    expect(west.days.map((d) => [d.date, d.peakMbps])).toEqual([["2025-03-06", 12]]);
    expect(west.timeZone).toBe("-02:00");
    expect(() => parseUtcOffset("Beijing")).toThrow(/--time-zone is 'Beijing'.*\+08:00/);
  });

  test.each([
    ["ap-guangzhou", "ap-shanghai", "mainland", 20, 12],
    ["ap-guangzhou", "ap-hongkong", "hongkong", 120, 80],
    ["ap-hongkong", "na-toronto", "hongkong", 120, 80],
    ["na-siliconvalley", "ap-beijing", "northamerica", 120, 80],
  ])("%s ↔ %s is priced by the %s column (%d, %d per Mbps per day)", (a, b, group, low, high) => {
    expect(billPeaks(tencent, peering(a, b), 10, 0)).toMatchObject({ priceGroup: group, total: 10 * low });
    expect(billPeaks(tencent, peering(a, b), 30, 20)).toMatchObject({ priceGroup: group, total: 50 * high });
  });

  test("same-region peering is free whatever the traffic", () => {
    const bill = billPeering(tencent, peering("ap-guangzhou", "ap-guangzhou"), [at(1, "1000", 900, 900)]);
    expect(bill).toMatchObject({ crossRegion: false, total: 0, days: [] });
    expect(bill.note).toContain("free");
  });

  test("days are Beijing days: 23:55 and 00:00 (UTC+8) are billed on different days", () => {
    const bill = billPeering(tencent, peering("ap-guangzhou", "ap-shanghai"), [at(1, "2355", 5, 5), at(2, "0000", 30, 0)]);
    expect(bill.days.map((d) => [d.date, d.peakMbps, d.amount])).toEqual([
      ["2025-03-01", 10, 200],
      ["2025-03-02", 30, 360],
    ]);
    expect(bill.total).toBe(560);
  });

  test("a cloud whose seeds publish no prices says so instead of inventing one", () => {
    const bill = billPeaks(findProfile("alibaba"), peering("cn-hangzhou", "cn-beijing"), 10, 10);
    expect(bill).toMatchObject({ crossRegion: true, total: null, days: [] });
    expect(bill.note).toContain("unpriced");
    expect(bill.note).toContain("no cross-region peering prices");
  });

  test("fails when a region is not the profile's, naming the allowed ones", () => {
    expect(() => billPeaks(tencent, peering("ap-guangzhou", "mars-1"), 1, 1)).toThrow(/mars-1.*ap-guangzhou/s);
  });
});

describe("hybridlink cost", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-cost-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("what-if from given peaks, as JSON", () => {
    const run = runCli(["cost", "--regions", "ap-guangzhou,na-toronto", "--peak-out", "30", "--peak-in", "15", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.bills).toHaveLength(1);
    expect(json.bills[0]).toMatchObject({ priceGroup: "northamerica", currency: "CNY", total: 3600 });
    expect(json.bills[0].days[0]).toMatchObject({ peakMbps: 45, tier: "20–100 Mbps", pricePerMbpsDay: 80, amount: 3600 });
  });

  test("what-if from a CSV of 5-minute samples: one line per Beijing day, text table", () => {
    const csv = path.join(dir, "samples.csv");
    fs.writeFileSync(
      csv,
      ["at,outMbps,inMbps", "2025-03-01T09:00:00+08:00,8,1", "2025-03-01T09:05:00+08:00,2,7", "2025-03-02T09:00:00+08:00,50,10"].join("\n"),
    );
    const run = runCli(["cost", "--regions", "ap-guangzhou,ap-shanghai", "--samples", csv]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2025-03-01\s+2\s+8\s+7\s+15 Mbps\s+0–20 Mbps\s+20\s+300\.00/);
    expect(run.stdout).toMatch(/2025-03-02\s+1\s+50\s+10\s+60 Mbps\s+20–100 Mbps\s+12\s+720\.00/);
    expect(run.stdout).toContain("total: 1020.00 CNY");
  });

  test.each([
    [["cost", "--regions", "ap-guangzhou,ap-shanghai"], "UsageFigures"],
    [["cost", "--regions", "ap-guangzhou,ap-shanghai", "--peak-out", "5"], "UsageFigures"],
    [["cost", "--regions", "ap-guangzhou,ap-shanghai", "--peak-out", "-1", "--peak-in", "2"], "UsageFigures"],
    [["cost", "--regions", "ap-guangzhou", "--peak-out", "1", "--peak-in", "2"], "UsageRegions"],
    [["cost", "--regions", "ap-guangzhou,ap-shanghai", "--peak-out", "1", "--peak-in", "2", "--profile", "aws"], "UnknownProfile"],
  ])("usage errors exit 2 with a code: %j", (args, code) => {
    const run = runCli(args as string[], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`[${code}]`);
  });

  test("a bad sample names its line, field and value", () => {
    const csv = path.join(dir, "bad.csv");
    fs.writeFileSync(csv, "at,outMbps,inMbps\n2025-03-01T09:00:00+08:00,8,1\n2025-03-01T09:05:00+08:00,lots,7\n");
    const run = runCli(["cost", "--regions", "ap-guangzhou,ap-shanghai", "--samples", csv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("line 3: 'outMbps' is \"lots\"");
  });
});

describe("hybridlink traffic record, and cost of deployed peerings from the recorded traffic (seed 003)", () => {
  // P3: Guangzhou (requester 100000000001, pays) ↔ Beijing (accepter 200000000002), 100 Mbps cap, accepted at once.
  const t = tempState();
  const cli = (...args: string[]) => runCli(args, { env: t.env });
  const billOf = () => json(cli("cost", "--json")).bills[0];
  beforeAll(() => expect(cli("up", "--yes", path.join(REPO, "examples", "p3-cross-account-cross-region"), "--accept-peerings").code).toBe(0));
  afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

  test("with nothing recorded the bill is the cap's ceiling and says how to record traffic", () => {
    const bill = billOf();
    expect(bill).toMatchObject({ source: "bandwidth cap", payer: "100000000001", total: null });
    expect(bill.days[0]).toMatchObject({ date: "ceiling/day", peakMbps: 200, contactSales: true });
    expect(bill.note).toContain("hybridlink traffic record");
  });

  test("traffic that would predate the peering is refused, with the command that makes room for it", () => {
    const run = cli("traffic", "record", "Peering/Connection", "--out", "30", "--in", "10", "--duration", "1d");
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("[InvalidParameterValue.SampleBeforePeering]");
    expect(run.stderr).toContain("starts 1d before the peering existed: advance the engine clock first (hybridlink clock advance 1d).");
    expect(json(cli("cost", "--json")).bills[0].source).toBe("bandwidth cap");
  });

  test("a day of steady traffic: 288 samples, billed per Beijing day at the day's peak (out max + in max) by tier", () => {
    cli("clock", "advance", "1d");
    const recorded = json(cli("traffic", "record", "Peering/Connection", "--out", "30", "--in", "10", "--duration", "1d", "--json"));
    expect(recorded).toEqual({
      peering: expect.stringMatching(/^pcx-/),
      recorded: 288,
      replaced: 0,
      from: "2025-01-01T00:00:00.000Z",
      to: "2025-01-02T00:00:00.000Z",
      periodSeconds: 300,
    });
    const bill = billOf();
    expect(bill).toMatchObject({ source: "recorded traffic", payer: "100000000001", priceGroup: "mainland", currency: "CNY", total: 960 });
    // 00:00–24:00 UTC is 08:00 one Beijing day to 08:00 the next: two billing days of 40 Mbps at 12 CNY.
    expect(bill.days.map((d: Record<string, unknown>) => [d.date, d.samples, d.peakMbps, d.tier, d.amount])).toEqual([
      ["2025-01-01", 192, 40, "20–100 Mbps", 480],
      ["2025-01-02", 96, 40, "20–100 Mbps", 480],
    ]);
    const text = cli("cost");
    expect(text.stdout).toMatch(/Peering-Connection \(pcx-\S+\)\s+ap-guangzhou ↔ ap-beijing\s+paid by 100000000001\s+prices: mainland\s+figures: recorded traffic/);
    expect(text.stdout).toMatch(/2025-01-01\s+192\s+30\s+10\s+40 Mbps\s+20–100 Mbps\s+12\s+480\.00/);
  });

  test("a burst over periods already measured needs --replace; the accepter may record it; the day's peak follows", () => {
    const burst = ["traffic", "record", "Peering-Connection", "--out", "80", "--in", "15", "--duration", "10m", "--end", "2025-01-01T12:00:00Z"];
    const refused = cli(...burst);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("[InvalidParameterValue.SampleExists]");
    expect(refused.stderr).toContain("--replace");
    const done = cli(...burst, "--replace", "--account", "200000000002");
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/2 sample\(s\) of 5 minutes from 2025-01-01T11:50:00.000Z to 2025-01-01T12:00:00.000Z \(engine clock\), out 80 Mbps, in 15 Mbps, as account 200000000002; 2 replaced/);
    const bill = billOf();
    expect(bill.days.map((d: Record<string, unknown>) => [d.date, d.peakOutMbps, d.peakInMbps, d.amount])).toEqual([
      ["2025-01-01", 80, 15, 95 * 12],
      ["2025-01-02", 30, 10, 480],
    ]);
    expect(bill.total).toBe(1620);
  });

  test("a samples file naming the peering is billed instead of the recorded traffic", () => {
    const file = path.join(t.dir, "measured.csv");
    fs.writeFileSync(file, "peering,at,outMbps,inMbps\nPeering/Connection,2025-01-03T10:00:00+08:00,5,5\n");
    const bill = json(cli("cost", "--samples", file, "--json")).bills[0];
    expect(bill).toMatchObject({ source: "samples file", total: 200, days: [expect.objectContaining({ date: "2025-01-03", peakMbps: 10 })] });
  });

  test.each([
    [["--out", "101", "--in", "0"], "InvalidParameterValue.AboveBandwidthCap"],
    [["--out", "lots", "--in", "0"], "UsageFigures"],
    [["--out", "1", "--in", "1", "--duration", "32d"], "UsageDuration"],
    [["--out", "1", "--in", "1", "--duration", "soon"], "InvalidParameterValue.Duration"],
    [["--out", "1", "--in", "1", "--end", "yesterday"], "UsageTime"],
    [["--out", "1", "--in", "1", "--end", "2025-01-05T00:00:00Z"], "InvalidParameterValue.SampleInFuture"],
    [["--out", "1", "--in", "1", "--account", "300000000003"], "ResourceNotFound"],
  ])("traffic record %j is refused with [%s] and records nothing", (args, code) => {
    const before = json(cli("cost", "--json")).bills[0].days;
    const run = cli("traffic", "record", "Peering/Connection", ...(args as string[]));
    // The CLI's own checks are usage errors (exit 2); the cloud's refusals exit 3.
    expect(run.code).toBe(code.startsWith("Usage") ? 2 : 3);
    expect(run.stderr).toContain(`[${code}]`);
    expect(json(cli("cost", "--json")).bills[0].days).toEqual(before);
  });

  test("a missing figure or an unknown peering is a usage error", () => {
    expect(cli("traffic", "record", "Peering/Connection", "--out", "1").code).toBe(2);
    const unknown = cli("traffic", "record", "pcx-nope", "--out", "1", "--in", "1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("[UnknownTarget]");
  });
});
