-- The rollups keyed by (filter, value) hold ("", "") for the whole tenant and ("channel", …), ("survey", …),
-- ("segment", …), ("region", …) for one filter: the value depends on the filter, and "" goes with "" most of all.
-- Without being told, the planner multiplies the two conditions' selectivities and expects a twentieth of the rows a
-- store leaderboard reads (2,300 for 40,000 at 10,000,000 responses), so it sorts them to aggregate, spilling to
-- disk, instead of hashing them: 47 ms against 24 ms (docs/benchmarks.md). Extended statistics tell it.
CREATE STATISTICS "StoreFeedbackRollup_filter_value_stats" (dependencies, ndistinct) ON "filter", "value" FROM "StoreFeedbackRollup";
CREATE STATISTICS "FollowUpRollup_filter_value_stats" (dependencies, ndistinct) ON "filter", "value" FROM "FollowUpRollup";
CREATE STATISTICS "FollowUpHourRollup_filter_value_stats" (dependencies, ndistinct) ON "filter", "value" FROM "FollowUpHourRollup";
CREATE STATISTICS "RootCauseRollup_filter_value_stats" (dependencies, ndistinct) ON "filter", "value" FROM "RootCauseRollup";
ANALYZE "StoreFeedbackRollup", "FollowUpRollup", "FollowUpHourRollup", "RootCauseRollup";
