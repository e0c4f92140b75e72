/**
 * `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures.
 * Each bench module exports `run(report)`; `report(name, value, unit, note?)`
 * records one measured figure. Speed is measured here, never in unit tests.
 *
 * Usage: npm run bench [-- <filter>]   (filter = part of a bench file name)
 */
import * as fs from "fs";
import * as path from "path";

export type Report = (name: string, value: number, unit: string, note?: string) => void;

interface BenchModule {
  run(report: Report): Promise<void> | void;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
    .sort();
  const results: Array<{ bench: string; name: string; value: number; unit: string; note?: string }> = [];
  for (const file of files) {
    const bench = file.replace(/\.bench\.ts$/, "");
    console.log(`\n== ${bench}`);
    const mod = (await import(path.join(__dirname, file))) as BenchModule;
    await mod.run((name, value, unit, note) => {
      results.push({ bench, name, value, unit, note });
      const shown = Number.isInteger(value) ? String(value) : value.toPrecision(4);
      console.log(`  ${name.padEnd(58)} ${shown.padStart(12)} ${unit}${note ? `   ${note}` : ""}`);
    });
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
