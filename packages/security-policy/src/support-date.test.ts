import { describe, expect, it } from "vitest";
import { parseSupportDate } from "./support-date.js";

describe("parseSupportDate", () => {
  it.each([
    ["2025-06-30", "2025-06-30"],
    ["until 2026-1-31", "2026-01-31"],
    ["2025-02", "2025-02-28"],
    ["2024/02", "2024-02-29"],
    ["June 30, 2025", "2025-06-30"],
    ["Sept. 1st 2026", "2026-09-01"],
    ["30 Jun 2025", "2025-06-30"],
    ["✅ until **December 2026**", "2026-12-31"],
  ])("%s -> %s", (text, date) => expect(parseSupportDate(text)).toBe(date));

  it.each(["", "yes", "2025-13-01", "1.2.3", "TBD", "Q3 2026"])("%s has no date", (text) =>
    expect(parseSupportDate(text)).toBeUndefined(),
  );
});
