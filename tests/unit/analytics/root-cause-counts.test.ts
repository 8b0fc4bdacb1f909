import { describe, expect, it } from "vitest";
import { rootCauseCounts } from "@/lib/analytics/follow-up-figures";

const causes = [
  { id: "c-wait", label: "Waiting time", archived: false },
  { id: "c-price", label: "Price", archived: false },
  { id: "c-old", label: "Old cause", archived: true },
  { id: "c-gone", label: "Unused archived cause", archived: true },
];

describe("root-cause counts", () => {
  it("list every cause offered (most frequent first, 0 included), archived ones only while they count, and none last", () => {
    const counts = [
      { rootCauseId: "c-price", followUps: 4 },
      { rootCauseId: "c-old", followUps: 1 },
      { rootCauseId: "", followUps: 7 },
    ];
    expect(rootCauseCounts(counts, causes)).toEqual([
      { rootCauseId: "c-price", label: "Price", followUps: 4 },
      { rootCauseId: "c-old", label: "Old cause", followUps: 1 },
      { rootCauseId: "c-wait", label: "Waiting time", followUps: 0 },
      { rootCauseId: null, label: "Not recorded", followUps: 7 },
    ]);
  });

  it("count a cause deleted meanwhile as not recorded, as its follow-ups now are, and leave out none when there is none", () => {
    expect(rootCauseCounts([{ rootCauseId: "c-deleted", followUps: 2 }], causes).at(-1)).toEqual({ rootCauseId: null, label: "Not recorded", followUps: 2 });
    expect(rootCauseCounts([{ rootCauseId: "c-wait", followUps: 1 }], causes).map((cause) => cause.label)).toEqual(["Waiting time", "Price"]);
  });

  it("sort ties by label", () => {
    expect(rootCauseCounts([], causes).map((cause) => cause.label)).toEqual(["Price", "Waiting time"]);
  });
});
