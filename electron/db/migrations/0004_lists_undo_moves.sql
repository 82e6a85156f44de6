CREATE TABLE `change_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text NOT NULL,
	`table_name` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `change_rows_batch_idx` ON `change_rows` (`batch_id`);--> statement-breakpoint
CREATE TABLE `undone_batches` (
	`batch_id` text PRIMARY KEY NOT NULL,
	`undo_batch_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `unit_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`parent_id` integer,
	`from_date` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_moves_unit_date_uq` ON `unit_moves` (`unit_id`,`from_date`);--> statement-breakpoint
ALTER TABLE `change_log` ADD `origin` text DEFAULT 'form' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `congress_term_start` text;--> statement-breakpoint
ALTER TABLE `year_settings` ADD `legal_basis` text;--> statement-breakpoint
-- The rows behind the change log are evidence too: append-only, like change_log (0001).
CREATE TRIGGER `change_rows_no_update` BEFORE UPDATE ON `change_rows`
BEGIN
  SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được sửa.');
END;
--> statement-breakpoint
CREATE TRIGGER `change_rows_no_delete` BEFORE DELETE ON `change_rows`
BEGIN
  SELECT RAISE(ABORT, 'Nhật ký thay đổi chỉ được ghi thêm, không được xóa.');
END;
