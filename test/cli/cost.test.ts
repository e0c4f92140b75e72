import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findProfile } from "../../lib/core/profiles";
import { BilledPeering, billPeaks, billPeering, TrafficSample } from "../../lib/cli/cost/bill";
import { runCli } from "./run-cli";

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

  test("above the last tier there is no list price: contact sales, nothing summed", () => {
    const bill = billPeaks(tencent, peering("ap-guangzhou", "ap-shanghai"), 60, 40.5);
    expect(bill.days[0]).toMatchObject({ peakMbps: 100.5, contactSales: true });
    expect(bill.days[0].amount).toBeUndefined();
    expect(bill.total).toBe(0);
    expect(bill.note).toContain("contact sales");
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
    expect(bill).toMatchObject({ crossRegion: true, total: 0, days: [] });
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
