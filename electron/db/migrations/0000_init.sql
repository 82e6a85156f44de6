CREATE TABLE `cadre_year_overrides` (
	`cadre_id` integer NOT NULL,
	`year` integer NOT NULL,
	`subject` integer NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`cadre_id`, `year`),
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cadres` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`full_name` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`position` text NOT NULL,
	`department_id` integer NOT NULL,
	`full_time` integer DEFAULT true NOT NULL,
	`service_start` text,
	`service_end` text,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cadres_service_range" CHECK("cadres"."service_end" IS NULL OR "cadres"."service_start" IS NULL OR "cadres"."service_end" >= "cadres"."service_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cadres_code_unique` ON `cadres` (`code`);--> statement-breakpoint
CREATE INDEX `cadres_department_idx` ON `cadres` (`department_id`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`batch_id` text NOT NULL,
	`source` text NOT NULL,
	`entity` text NOT NULL,
	`entity_key` text NOT NULL,
	`action` text NOT NULL,
	`old_value` text,
	`new_value` text
);
--> statement-breakpoint
CREATE INDEX `change_log_entity_idx` ON `change_log` (`entity`,`entity_key`);--> statement-breakpoint
CREATE INDEX `change_log_batch_idx` ON `change_log` (`batch_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`abbreviation` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `exemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cadre_id` integer NOT NULL,
	`reason` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`note` text,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "exemptions_range" CHECK("exemptions"."to_date" >= "exemptions"."from_date")
);
--> statement-breakpoint
CREATE INDEX `exemptions_cadre_idx` ON `exemptions` (`cadre_id`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY NOT NULL,
	`issuer_name` text NOT NULL,
	`place_name` text NOT NULL,
	`issuer_abbreviation` text NOT NULL,
	`issuer_level_name` text NOT NULL,
	`congress_term` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`full_name` text NOT NULL,
	`position` text NOT NULL,
	`authority` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trip_participants` (
	`trip_id` integer NOT NULL,
	`cadre_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`trip_id`, `cadre_id`),
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trip_participants_cadre_idx` ON `trip_participants` (`cadre_id`);--> statement-breakpoint
CREATE TABLE `trip_units` (
	`trip_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`trip_id`, `unit_id`),
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trip_units_unit_idx` ON `trip_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `trips` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`start_date` text NOT NULL,
	`start_half` text DEFAULT 'SANG' NOT NULL,
	`end_date` text NOT NULL,
	`end_half` text DEFAULT 'CHIEU' NOT NULL,
	`kind` text NOT NULL,
	`topic` text,
	`status` text DEFAULT 'DA_THUC_HIEN' NOT NULL,
	`travel_order_no` text,
	`report_date` text,
	`note` text,
	`created_at` text NOT NULL,
	CONSTRAINT "trips_range" CHECK("trips"."end_date" > "trips"."start_date" OR ("trips"."end_date" = "trips"."start_date" AND NOT ("trips"."start_half" = 'CHIEU' AND "trips"."end_half" = 'SANG')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trips_code_unique` ON `trips` (`code`);--> statement-breakpoint
CREATE INDEX `trips_dates_idx` ON `trips` (`start_date`,`end_date`);--> statement-breakpoint
CREATE INDEX `trips_status_idx` ON `trips` (`status`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`valid_from` text,
	`valid_to` text,
	`merged_into_id` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "units_valid_range" CHECK("units"."valid_to" IS NULL OR "units"."valid_from" IS NULL OR "units"."valid_to" >= "units"."valid_from")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_unique` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `year_settings` (
	`year` integer PRIMARY KEY NOT NULL,
	`target_days` integer NOT NULL,
	`window_start` text NOT NULL,
	`window_end` text NOT NULL,
	`min_subject_days` integer NOT NULL,
	`behind_pace_days` integer NOT NULL,
	`report_due_days` integer NOT NULL,
	`year_report_deadline` text,
	`ratio_rules` text NOT NULL
);
