CREATE TABLE `three_active_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`start_year` integer NOT NULL,
	`end_year` integer NOT NULL,
	`name` text NOT NULL,
	CONSTRAINT "three_active_periods_range" CHECK("three_active_periods"."end_year" >= "three_active_periods"."start_year")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `three_active_periods_start_uq` ON `three_active_periods` (`start_year`);--> statement-breakpoint
CREATE TABLE `three_active_criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`period_id` integer NOT NULL,
	`code` text NOT NULL,
	`pillar` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`mandatory` integer DEFAULT true NOT NULL,
	`max_score` integer,
	FOREIGN KEY (`period_id`) REFERENCES `three_active_periods`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "three_active_criteria_pillar" CHECK("three_active_criteria"."pillar" IN (1, 2, 3)),
	CONSTRAINT "three_active_criteria_score" CHECK("three_active_criteria"."max_score" IS NULL OR "three_active_criteria"."max_score" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `three_active_criteria_code_uq` ON `three_active_criteria` (`period_id`,`code`);--> statement-breakpoint
CREATE TABLE `three_active_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`registration_deadline` text NOT NULL,
	`report_deadline` text NOT NULL,
	CONSTRAINT "three_active_years_order" CHECK("three_active_years"."report_deadline" >= "three_active_years"."registration_deadline")
);
--> statement-breakpoint
CREATE TABLE `three_active_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`registered_on` text NOT NULL,
	`plan_text` text,
	`plan_file_name` text,
	`plan_file_content` text,
	`hard_criteria` text,
	`follower_id` integer,
	`evaluated_on` text,
	`evaluation_note` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`follower_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "three_active_registrations_file" CHECK(("three_active_registrations"."plan_file_name" IS NULL) = ("three_active_registrations"."plan_file_content" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `three_active_registrations_unit_year_uq` ON `three_active_registrations` (`unit_id`,`year`);--> statement-breakpoint
CREATE INDEX `three_active_registrations_year_idx` ON `three_active_registrations` (`year`);--> statement-breakpoint
CREATE TABLE `three_active_results` (
	`registration_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`passed` integer NOT NULL,
	`evidence` text,
	`score` integer,
	PRIMARY KEY(`registration_id`, `criterion_id`),
	FOREIGN KEY (`registration_id`) REFERENCES `three_active_registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `three_active_criteria`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "three_active_results_score" CHECK("three_active_results"."score" IS NULL OR "three_active_results"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE `three_active_decisions` (
	`year` integer PRIMARY KEY NOT NULL,
	`decided_on` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `three_active_commendations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`term` text NOT NULL,
	`round` integer NOT NULL,
	`decided_on` text NOT NULL,
	`note` text,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "three_active_commendations_round" CHECK("three_active_commendations"."round" IN (1, 2))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `three_active_commendations_uq` ON `three_active_commendations` (`unit_id`,`term`,`round`);
