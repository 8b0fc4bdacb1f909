-- Rollup rows per calendar year (UTC) beside day, week and month: see 20261207110000_year_rollups. A new enum value
-- can only be used once the transaction that adds it has committed, hence a migration of its own.
ALTER TYPE "RollupGrain" ADD VALUE 'year';
