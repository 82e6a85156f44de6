DROP INDEX `trips_dates_idx`;--> statement-breakpoint
CREATE INDEX `trips_window_idx` ON `trips` (`start_date`,`end_date`,`start_half`,`end_half`,`kind`,`status`,`code`);