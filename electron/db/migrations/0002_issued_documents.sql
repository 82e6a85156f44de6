CREATE TABLE `issued_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_code` text NOT NULL,
	`congress_term` text NOT NULL,
	`number` integer NOT NULL,
	`symbol` text NOT NULL,
	`title` text NOT NULL,
	`issued_date` text NOT NULL,
	`department_abbreviation` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "issued_documents_number_positive" CHECK("issued_documents"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issued_documents_number_uq` ON `issued_documents` (`type_code`,`congress_term`,`number`);