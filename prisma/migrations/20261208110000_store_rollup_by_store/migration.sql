-- A view limited to stores (a region of 200, a store, a store manager's) reads StoreFeedbackRollup for its trend and
-- leaderboard. The primary key has the store last, after the period: "these 200 stores, these 60 months" then walks
-- every store's rows of each month once per store asked for (7 s for a region's five-year trend at 10,000,000
-- responses and 2,000 stores, docs/benchmarks.md). With the store before the period, it is one descent per store
-- and its own months. Only a new period's row touches the index: a click's updates to existing rows change no
-- indexed column and stay heap-only (HOT).
CREATE INDEX "StoreFeedbackRollup_store_idx" ON "StoreFeedbackRollup"("organizationId", "filter", "value", "storeId", "grain", "periodStart");
