-- 0005_planning: Kế hoạch quý (issue 9). Written by hand to match the "planning" section of
-- electron/db/schema.ts (rounds, registrations and their units, oversight clusters and assignments).
CREATE TABLE `planning_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`number` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`note` text,
	CONSTRAINT "planning_rounds_quarter" CHECK("planning_rounds"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "planning_rounds_number_positive" CHECK("planning_rounds"."number" > 0),
	CONSTRAINT "planning_rounds_range" CHECK("planning_rounds"."end_date" >= "planning_rounds"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `planning_rounds_number_uq` ON `planning_rounds` (`year`,`quarter`,`number`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`cadre_id` integer NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`round_id` integer,
	`start_date` text NOT NULL,
	`start_half` text DEFAULT 'SANG' NOT NULL,
	`end_date` text NOT NULL,
	`end_half` text DEFAULT 'CHIEU' NOT NULL,
	`kind` text NOT NULL,
	`topic` text,
	`status` text DEFAULT 'DANG_KY' NOT NULL,
	`trip_id` integer,
	`source` text DEFAULT 'FORM' NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `planning_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trip_id`) REFERENCES `trips`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "registrations_quarter" CHECK("registrations"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "registrations_status" CHECK("registrations"."status" IN ('DANG_KY', 'BAN_DUYET', 'THUONG_TRUC_DUYET', 'TU_CHOI')),
	CONSTRAINT "registrations_source" CHECK("registrations"."source" IN ('FORM', 'TRO_LY')),
	CONSTRAINT "registrations_trip_approved" CHECK("registrations"."trip_id" IS NULL OR "registrations"."status" = 'THUONG_TRUC_DUYET'),
	CONSTRAINT "registrations_range" CHECK("registrations"."end_date" > "registrations"."start_date" OR ("registrations"."end_date" = "registrations"."start_date" AND NOT ("registrations"."start_half" = 'CHIEU' AND "registrations"."end_half" = 'SANG')))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_code_unique` ON `registrations` (`code`);--> statement-breakpoint
CREATE INDEX `registrations_quarter_idx` ON `registrations` (`year`,`quarter`);--> statement-breakpoint
CREATE INDEX `registrations_cadre_idx` ON `registrations` (`cadre_id`);--> statement-breakpoint
CREATE INDEX `registrations_round_idx` ON `registrations` (`round_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_trip_uq` ON `registrations` (`trip_id`);--> statement-breakpoint
CREATE TABLE `registration_units` (
	`registration_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`registration_id`, `unit_id`),
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registration_units_unit_idx` ON `registration_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `oversight_clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oversight_clusters_code_unique` ON `oversight_clusters` (`code`);--> statement-breakpoint
CREATE TABLE `oversight_cluster_units` (
	`cluster_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`cluster_id`, `unit_id`),
	FOREIGN KEY (`cluster_id`) REFERENCES `oversight_clusters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oversight_cluster_units_unit_idx` ON `oversight_cluster_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `oversight_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cadre_id` integer NOT NULL,
	`unit_id` integer,
	`cluster_id` integer,
	`from_date` text NOT NULL,
	`to_date` text,
	`note` text,
	FOREIGN KEY (`cadre_id`) REFERENCES `cadres`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cluster_id`) REFERENCES `oversight_clusters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "oversight_assignments_target" CHECK(("oversight_assignments"."unit_id" IS NULL) <> ("oversight_assignments"."cluster_id" IS NULL)),
	CONSTRAINT "oversight_assignments_range" CHECK("oversight_assignments"."to_date" IS NULL OR "oversight_assignments"."to_date" >= "oversight_assignments"."from_date")
);
--> statement-breakpoint
CREATE INDEX `oversight_assignments_cadre_idx` ON `oversight_assignments` (`cadre_id`);--> statement-breakpoint
CREATE INDEX `oversight_assignments_unit_idx` ON `oversight_assignments` (`unit_id`);--> statement-breakpoint
CREATE INDEX `oversight_assignments_cluster_idx` ON `oversight_assignments` (`cluster_id`);
