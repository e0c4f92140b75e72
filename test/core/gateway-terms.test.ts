import { prepaidExpiry, prepaidPeriodOf } from "../../lib";

/** A subscription's end, and the period read back from it (neither cloud's Describe returns the period). */
describe("prepaid gateway expiry", () => {
  test("the same day and time, the months later", () => {
    expect(prepaidExpiry("2026-03-14T09:30:00.000Z", 12)).toBe("2027-03-14T09:30:00.000Z");
    expect(prepaidExpiry("2026-11-02T00:00:00.000Z", 3)).toBe("2027-02-02T00:00:00.000Z");
  });

  test("a day past a shorter month's end clamps to its last day (our assumption)", () => {
    expect(prepaidExpiry("2027-01-31T12:00:00.000Z", 1)).toBe("2027-02-28T12:00:00.000Z");
    expect(prepaidExpiry("2027-08-31T12:00:00.000Z", 6)).toBe("2028-02-29T12:00:00.000Z");
  });

  test("each period the clouds sell reads back from its expiry; other spans read as none", () => {
    for (const months of [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36]) {
      expect(prepaidPeriodOf("2026-05-31T08:00:00.000Z", prepaidExpiry("2026-05-31T08:00:00.000Z", months))).toBe(months);
    }
    expect(prepaidPeriodOf("2026-05-01T00:00:00.000Z", "2026-05-20T00:00:00.000Z")).toBeUndefined();
    expect(prepaidPeriodOf("2026-05-01T00:00:00.000Z", prepaidExpiry("2026-05-01T00:00:00.000Z", 10))).toBeUndefined();
  });
});
