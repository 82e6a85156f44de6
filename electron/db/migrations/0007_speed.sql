-- Issue 12 (speed). The summary bounds its window scan from below by the longest trip
-- (start_date >= window start − longest span): this index answers "longest span" in one step.
CREATE INDEX `trips_span_idx` ON `trips` ((julianday(`end_date`) - julianday(`start_date`)));--> statement-breakpoint
-- The visited units of a trip in their order, read from the index alone (no table lookup per row).
CREATE INDEX `trip_units_trip_idx` ON `trip_units` (`trip_id`,`position`,`unit_id`);
