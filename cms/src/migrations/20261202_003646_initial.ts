import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`leads_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`leads_notes_order_idx\` ON \`leads_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`leads_notes_parent_id_idx\` ON \`leads_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_notes_by_idx\` ON \`leads_notes\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`leads_status_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`leads_status_history_order_idx\` ON \`leads_status_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`leads_status_history_parent_id_idx\` ON \`leads_status_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_status_history_by_idx\` ON \`leads_status_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`leads\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`reference\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`phone\` text NOT NULL,
  	\`email\` text,
  	\`company\` text,
  	\`filing_type\` text,
  	\`message\` text,
  	\`suspected_spam\` text,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`lost_reason\` text,
  	\`converted_order_id\` integer,
  	\`assignee_id\` integer,
  	\`partner_id\` integer,
  	\`source_page_url\` text,
  	\`source_referrer\` text,
  	\`source_utm_source\` text,
  	\`source_utm_medium\` text,
  	\`source_utm_campaign\` text,
  	\`source_utm_term\` text,
  	\`source_utm_content\` text,
  	\`consent_privacy\` integer,
  	\`consent_privacy_text\` text,
  	\`consent_privacy_url\` text,
  	\`consent_sharing\` integer,
  	\`consent_sharing_text\` text,
  	\`consent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`converted_order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`leads_reference_idx\` ON \`leads\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`leads_phone_idx\` ON \`leads\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`leads_filing_type_idx\` ON \`leads\` (\`filing_type\`);`)
  await db.run(sql`CREATE INDEX \`leads_suspected_spam_idx\` ON \`leads\` (\`suspected_spam\`);`)
  await db.run(sql`CREATE INDEX \`leads_status_idx\` ON \`leads\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`leads_converted_order_idx\` ON \`leads\` (\`converted_order_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_assignee_idx\` ON \`leads\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_partner_idx\` ON \`leads\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`leads_updated_at_idx\` ON \`leads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`leads_created_at_idx\` ON \`leads\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_createdAt_idx\` ON \`leads\` (\`suspected_spam\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_status_createdAt_idx\` ON \`leads\` (\`suspected_spam\`,\`status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_assignee_status_idx\` ON \`leads\` (\`suspected_spam\`,\`assignee_id\`,\`status\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_partner_idx\` ON \`leads\` (\`suspected_spam\`,\`partner_id\`);`)
  await db.run(sql`CREATE TABLE \`orders_rejection\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`field\` text,
  	\`reason\` text,
  	\`suggestion\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_rejection_order_idx\` ON \`orders_rejection\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orders_rejection_parent_id_idx\` ON \`orders_rejection\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`orders_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`at\` text,
  	\`by_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_notes_order_idx\` ON \`orders_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orders_notes_parent_id_idx\` ON \`orders_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_notes_by_idx\` ON \`orders_notes\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`orders_stage_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`stage\` text,
  	\`entered_at\` text,
  	\`by_id\` integer,
  	\`note\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`orders_stage_history_order_idx\` ON \`orders_stage_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`orders_stage_history_parent_id_idx\` ON \`orders_stage_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_stage_history_by_idx\` ON \`orders_stage_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`orders\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`order_no\` text NOT NULL,
  	\`filing_type\` text NOT NULL,
  	\`contact_name\` text NOT NULL,
  	\`contact_phone\` text NOT NULL,
  	\`contact_email\` text,
  	\`entity_name\` text,
  	\`entity_province\` text NOT NULL,
  	\`mini_program_name\` text,
  	\`mini_program_app_id\` text,
  	\`note\` text,
  	\`suspected_spam\` text,
  	\`upload_slots\` text,
  	\`materials\` text,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`notify_by_email\` integer DEFAULT true,
  	\`icp_number\` text,
  	\`stage_note\` text,
  	\`stage_deadline\` text,
  	\`police_filed_at\` text,
  	\`police_filed_by_id\` integer,
  	\`payment_state\` text DEFAULT 'unpaid',
  	\`assignee_id\` integer,
  	\`partner_id\` integer,
  	\`lead_id\` integer,
  	\`source_page_url\` text,
  	\`source_referrer\` text,
  	\`source_utm_source\` text,
  	\`source_utm_medium\` text,
  	\`source_utm_campaign\` text,
  	\`source_utm_term\` text,
  	\`source_utm_content\` text,
  	\`consent_privacy\` integer,
  	\`consent_privacy_text\` text,
  	\`consent_privacy_url\` text,
  	\`consent_sharing\` integer,
  	\`consent_sharing_text\` text,
  	\`consent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`police_filed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`orders_order_no_idx\` ON \`orders\` (\`order_no\`);`)
  await db.run(sql`CREATE INDEX \`orders_filing_type_idx\` ON \`orders\` (\`filing_type\`);`)
  await db.run(sql`CREATE INDEX \`orders_contact_contact_phone_idx\` ON \`orders\` (\`contact_phone\`);`)
  await db.run(sql`CREATE INDEX \`orders_entity_entity_province_idx\` ON \`orders\` (\`entity_province\`);`)
  await db.run(sql`CREATE INDEX \`orders_suspected_spam_idx\` ON \`orders\` (\`suspected_spam\`);`)
  await db.run(sql`CREATE INDEX \`orders_status_idx\` ON \`orders\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`orders_icp_number_idx\` ON \`orders\` (\`icp_number\`);`)
  await db.run(sql`CREATE INDEX \`orders_stage_deadline_idx\` ON \`orders\` (\`stage_deadline\`);`)
  await db.run(sql`CREATE INDEX \`orders_police_filed_at_idx\` ON \`orders\` (\`police_filed_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_police_filed_by_idx\` ON \`orders\` (\`police_filed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_assignee_idx\` ON \`orders\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_partner_idx\` ON \`orders\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_lead_idx\` ON \`orders\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`orders_updated_at_idx\` ON \`orders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`orders_created_at_idx\` ON \`orders\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_createdAt_1_idx\` ON \`orders\` (\`suspected_spam\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_status_stageDeadline_idx\` ON \`orders\` (\`suspected_spam\`,\`status\`,\`stage_deadline\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_assignee_status_1_idx\` ON \`orders\` (\`suspected_spam\`,\`assignee_id\`,\`status\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_partner_1_idx\` ON \`orders\` (\`suspected_spam\`,\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`suspectedSpam_policeFiledAt_stageDeadline_idx\` ON \`orders\` (\`suspected_spam\`,\`police_filed_at\`,\`stage_deadline\`);`)
  await db.run(sql`CREATE TABLE \`materials\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`order_id\` integer NOT NULL,
  	\`item\` text NOT NULL,
  	\`status\` text DEFAULT 'uploaded' NOT NULL,
  	\`content_type\` text NOT NULL,
  	\`key_id\` text,
  	\`rejection_reason\` text,
  	\`review_note\` text,
  	\`reviewed_by_id\` integer,
  	\`reviewed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`materials_order_idx\` ON \`materials\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`materials_status_idx\` ON \`materials\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`materials_key_id_idx\` ON \`materials\` (\`key_id\`);`)
  await db.run(sql`CREATE INDEX \`materials_reviewed_by_idx\` ON \`materials\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`materials_updated_at_idx\` ON \`materials\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`materials_created_at_idx\` ON \`materials\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`materials_filename_idx\` ON \`materials\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`outbox\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`channel\` text DEFAULT 'email',
  	\`subject\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`state\` text DEFAULT 'queued' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`last_error\` text,
  	\`last_attempt_at\` text,
  	\`sent_at\` text,
  	\`send_after\` text,
  	\`for_deadline\` text,
  	\`provider_id\` text,
  	\`idempotency_key\` text NOT NULL,
  	\`batch_key\` text,
  	\`digest_id\` integer,
  	\`from\` text,
  	\`reply_to\` text,
  	\`lead_id\` integer,
  	\`order_id\` integer,
  	\`phone\` text,
  	\`template_code\` text,
  	\`template_param\` text,
  	\`sms_text\` text,
  	\`text\` text,
  	\`html\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`digest_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`leads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`order_id\`) REFERENCES \`orders\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`outbox_channel_idx\` ON \`outbox\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`outbox_to_idx\` ON \`outbox\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`outbox_state_idx\` ON \`outbox\` (\`state\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outbox_idempotency_key_idx\` ON \`outbox\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_batch_key_idx\` ON \`outbox\` (\`batch_key\`);`)
  await db.run(sql`CREATE INDEX \`outbox_digest_idx\` ON \`outbox\` (\`digest_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_lead_idx\` ON \`outbox\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_order_idx\` ON \`outbox\` (\`order_id\`);`)
  await db.run(sql`CREATE INDEX \`outbox_phone_idx\` ON \`outbox\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`customers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`phone\` text NOT NULL,
  	\`last_signed_in_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`customers_phone_idx\` ON \`customers\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`customers_updated_at_idx\` ON \`customers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customers_created_at_idx\` ON \`customers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`customer_codes\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`phone\` text NOT NULL,
  	\`code_hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`spent\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`customer_codes_phone_idx\` ON \`customer_codes\` (\`phone\`);`)
  await db.run(sql`CREATE INDEX \`customer_codes_expires_at_idx\` ON \`customer_codes\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`customer_codes_spent_idx\` ON \`customer_codes\` (\`spent\`);`)
  await db.run(sql`CREATE INDEX \`customer_codes_updated_at_idx\` ON \`customer_codes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customer_codes_created_at_idx\` ON \`customer_codes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`customer_sessions\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`token_hash\` text NOT NULL,
  	\`customer_id\` integer NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`customer_id\`) REFERENCES \`customers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`customer_sessions_token_hash_idx\` ON \`customer_sessions\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`customer_sessions_customer_idx\` ON \`customer_sessions\` (\`customer_id\`);`)
  await db.run(sql`CREATE INDEX \`customer_sessions_expires_at_idx\` ON \`customer_sessions\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`customer_sessions_updated_at_idx\` ON \`customer_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`customer_sessions_created_at_idx\` ON \`customer_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`partners_allowed_origins\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`origin\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_allowed_origins_order_idx\` ON \`partners_allowed_origins\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`partners_allowed_origins_parent_id_idx\` ON \`partners_allowed_origins\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`partners\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`logo_id\` integer,
  	\`website\` text,
  	\`show_in_strip\` integer DEFAULT false,
  	\`active\` integer DEFAULT true,
  	\`theme_color\` text DEFAULT '#1f6feb',
  	\`demo\` integer DEFAULT false,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`partners_key_idx\` ON \`partners\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`partners_logo_idx\` ON \`partners\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_order_idx\` ON \`partners\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`partners_updated_at_idx\` ON \`partners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`partners_created_at_idx\` ON \`partners\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'editor' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`erasures\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`erased_at\` text,
  	\`kind\` text,
  	\`by_id\` integer,
  	\`by_email\` text,
  	\`leads\` numeric DEFAULT 0,
  	\`orders\` numeric DEFAULT 0,
  	\`emails\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`erasures_by_idx\` ON \`erasures\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`erasures_updated_at_idx\` ON \`erasures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`erasures_created_at_idx\` ON \`erasures\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`material_views\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`at\` text NOT NULL,
  	\`user_id\` integer,
  	\`user_email\` text,
  	\`action\` text NOT NULL,
  	\`material_id\` integer,
  	\`order_no\` text,
  	\`item\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`material_id\`) REFERENCES \`materials\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`material_views_at_idx\` ON \`material_views\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`material_views_user_idx\` ON \`material_views\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`material_views_material_idx\` ON \`material_views\` (\`material_id\`);`)
  await db.run(sql`CREATE INDEX \`material_views_order_no_idx\` ON \`material_views\` (\`order_no\`);`)
  await db.run(sql`CREATE INDEX \`material_views_updated_at_idx\` ON \`material_views\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`material_views_created_at_idx\` ON \`material_views\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`idempotency_keys\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`scope\` text NOT NULL,
  	\`request_hash\` text NOT NULL,
  	\`status\` numeric NOT NULL,
  	\`body\` text NOT NULL,
  	\`document\` text,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`idempotency_keys_scope_idx\` ON \`idempotency_keys\` (\`scope\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_keys_document_idx\` ON \`idempotency_keys\` (\`document\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_keys_expires_at_idx\` ON \`idempotency_keys\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_keys_updated_at_idx\` ON \`idempotency_keys\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_keys_created_at_idx\` ON \`idempotency_keys\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`slug\` text,
  	\`title\` text,
  	\`description\` text,
  	\`body\` text,
  	\`updated_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_body\` text,
  	\`version_updated_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`filing_types_selling_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`filing_types_selling_points_order_idx\` ON \`filing_types_selling_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`filing_types_selling_points_parent_id_idx\` ON \`filing_types_selling_points\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`filing_types_materials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item\` text,
  	\`upload\` text DEFAULT 'none',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`filing_types_materials_order_idx\` ON \`filing_types_materials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`filing_types_materials_parent_id_idx\` ON \`filing_types_materials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`filing_types\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`slug\` text,
  	\`name\` text,
  	\`audience\` text,
  	\`typical_duration\` text,
  	\`wechat_entity_code\` numeric,
  	\`price\` numeric,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`filing_types_slug_idx\` ON \`filing_types\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`filing_types_order_idx\` ON \`filing_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`filing_types_updated_at_idx\` ON \`filing_types\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`filing_types_created_at_idx\` ON \`filing_types\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`filing_types__status_idx\` ON \`filing_types\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_filing_types_v_version_selling_points\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_filing_types_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_selling_points_order_idx\` ON \`_filing_types_v_version_selling_points\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_selling_points_parent_id_idx\` ON \`_filing_types_v_version_selling_points\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_filing_types_v_version_materials\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`item\` text,
  	\`upload\` text DEFAULT 'none',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_filing_types_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_materials_order_idx\` ON \`_filing_types_v_version_materials\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_materials_parent_id_idx\` ON \`_filing_types_v_version_materials\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_filing_types_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_name\` text,
  	\`version_audience\` text,
  	\`version_typical_duration\` text,
  	\`version_wechat_entity_code\` numeric,
  	\`version_price\` numeric,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_filing_types_v_parent_idx\` ON \`_filing_types_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_version_slug_idx\` ON \`_filing_types_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_version_order_idx\` ON \`_filing_types_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_version_updated_at_idx\` ON \`_filing_types_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_version_created_at_idx\` ON \`_filing_types_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_version_version__status_idx\` ON \`_filing_types_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_created_at_idx\` ON \`_filing_types_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_updated_at_idx\` ON \`_filing_types_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_types_v_latest_idx\` ON \`_filing_types_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`filing_stages_guide_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`filing_stages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`filing_stages_guide_steps_order_idx\` ON \`filing_stages_guide_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`filing_stages_guide_steps_parent_id_idx\` ON \`filing_stages_guide_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`filing_stages\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`title\` text,
  	\`summary\` text,
  	\`customer_action\` text,
  	\`detail\` text,
  	\`typical_duration\` text,
  	\`deadline_amount\` numeric,
  	\`deadline_unit\` text,
  	\`overview_show\` integer DEFAULT false,
  	\`overview_title\` text,
  	\`overview_text\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`filing_stages_key_idx\` ON \`filing_stages\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`filing_stages_order_idx\` ON \`filing_stages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`filing_stages_updated_at_idx\` ON \`filing_stages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`filing_stages_created_at_idx\` ON \`filing_stages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`filing_stages__status_idx\` ON \`filing_stages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_filing_stages_v_version_guide_steps\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`number\` numeric,
  	\`title\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_filing_stages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_guide_steps_order_idx\` ON \`_filing_stages_v_version_guide_steps\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_guide_steps_parent_id_idx\` ON \`_filing_stages_v_version_guide_steps\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_filing_stages_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_key\` text,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_customer_action\` text,
  	\`version_detail\` text,
  	\`version_typical_duration\` text,
  	\`version_deadline_amount\` numeric,
  	\`version_deadline_unit\` text,
  	\`version_overview_show\` integer DEFAULT false,
  	\`version_overview_title\` text,
  	\`version_overview_text\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`filing_stages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_parent_idx\` ON \`_filing_stages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_version_key_idx\` ON \`_filing_stages_v\` (\`version_key\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_version_order_idx\` ON \`_filing_stages_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_version_updated_at_idx\` ON \`_filing_stages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_version_created_at_idx\` ON \`_filing_stages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_version_version__status_idx\` ON \`_filing_stages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_created_at_idx\` ON \`_filing_stages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_updated_at_idx\` ON \`_filing_stages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_filing_stages_v_latest_idx\` ON \`_filing_stages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`guide_articles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`phase\` text,
  	\`title\` text,
  	\`tab_label\` text,
  	\`body\` text,
  	\`include\` text DEFAULT 'none',
  	\`anchor\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`guide_articles_anchor_idx\` ON \`guide_articles\` (\`anchor\`);`)
  await db.run(sql`CREATE INDEX \`guide_articles_order_idx\` ON \`guide_articles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`guide_articles_updated_at_idx\` ON \`guide_articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`guide_articles_created_at_idx\` ON \`guide_articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`guide_articles__status_idx\` ON \`guide_articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_guide_articles_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_phase\` text,
  	\`version_title\` text,
  	\`version_tab_label\` text,
  	\`version_body\` text,
  	\`version_include\` text DEFAULT 'none',
  	\`version_anchor\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guide_articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_parent_idx\` ON \`_guide_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_version_version_anchor_idx\` ON \`_guide_articles_v\` (\`version_anchor\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_version_version_order_idx\` ON \`_guide_articles_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_version_version_updated_at_idx\` ON \`_guide_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_version_version_created_at_idx\` ON \`_guide_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_version_version__status_idx\` ON \`_guide_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_created_at_idx\` ON \`_guide_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_updated_at_idx\` ON \`_guide_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guide_articles_v_latest_idx\` ON \`_guide_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`faqs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`category\` text,
  	\`question\` text,
  	\`answer\` text,
  	\`anchor\` text,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE INDEX \`faqs_category_idx\` ON \`faqs\` (\`category\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`faqs_anchor_idx\` ON \`faqs\` (\`anchor\`);`)
  await db.run(sql`CREATE INDEX \`faqs_order_idx\` ON \`faqs\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`faqs_updated_at_idx\` ON \`faqs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faqs_created_at_idx\` ON \`faqs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`faqs__status_idx\` ON \`faqs\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_faqs_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_category\` text,
  	\`version_question\` text,
  	\`version_answer\` text,
  	\`version_anchor\` text,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_faqs_v_parent_idx\` ON \`_faqs_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_category_idx\` ON \`_faqs_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_anchor_idx\` ON \`_faqs_v\` (\`version_anchor\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_order_idx\` ON \`_faqs_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_updated_at_idx\` ON \`_faqs_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_created_at_idx\` ON \`_faqs_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version__status_idx\` ON \`_faqs_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_created_at_idx\` ON \`_faqs_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_updated_at_idx\` ON \`_faqs_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_latest_idx\` ON \`_faqs_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`cases\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`introduction\` text,
  	\`industry\` text,
  	\`filing_type_id\` integer,
  	\`logo_id\` integer,
  	\`qr_image_id\` integer,
  	\`mini_program_link\` text,
  	\`qr_code_svg\` text,
  	\`featured\` integer DEFAULT false,
  	\`demo\` integer DEFAULT false,
  	\`order\` numeric DEFAULT 100,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`filing_type_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`qr_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`cases_industry_idx\` ON \`cases\` (\`industry\`);`)
  await db.run(sql`CREATE INDEX \`cases_filing_type_idx\` ON \`cases\` (\`filing_type_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_logo_idx\` ON \`cases\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_qr_image_idx\` ON \`cases\` (\`qr_image_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_order_idx\` ON \`cases\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`cases_updated_at_idx\` ON \`cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_at_idx\` ON \`cases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`cases__status_idx\` ON \`cases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_cases_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_introduction\` text,
  	\`version_industry\` text,
  	\`version_filing_type_id\` integer,
  	\`version_logo_id\` integer,
  	\`version_qr_image_id\` integer,
  	\`version_mini_program_link\` text,
  	\`version_qr_code_svg\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_demo\` integer DEFAULT false,
  	\`version_order\` numeric DEFAULT 100,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_filing_type_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_qr_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_cases_v_parent_idx\` ON \`_cases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_industry_idx\` ON \`_cases_v\` (\`version_industry\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_filing_type_idx\` ON \`_cases_v\` (\`version_filing_type_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_logo_idx\` ON \`_cases_v\` (\`version_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_qr_image_idx\` ON \`_cases_v\` (\`version_qr_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_order_idx\` ON \`_cases_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_updated_at_idx\` ON \`_cases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_created_at_idx\` ON \`_cases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_version_version__status_idx\` ON \`_cases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_created_at_idx\` ON \`_cases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_updated_at_idx\` ON \`_cases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_latest_idx\` ON \`_cases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_wide_url\` text,
  	\`sizes_wide_width\` numeric,
  	\`sizes_wide_height\` numeric,
  	\`sizes_wide_mime_type\` text,
  	\`sizes_wide_filesize\` numeric,
  	\`sizes_wide_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_wide_sizes_wide_filename_idx\` ON \`media\` (\`sizes_wide_filename\`);`)
  await db.run(sql`CREATE TABLE \`province_rules_notes_filing_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`province_rules_notes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`province_rules_notes_filing_types_order_idx\` ON \`province_rules_notes_filing_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`province_rules_notes_filing_types_parent_idx\` ON \`province_rules_notes_filing_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`province_rules_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`province_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`province_rules_notes_order_idx\` ON \`province_rules_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`province_rules_notes_parent_id_idx\` ON \`province_rules_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`province_rules\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`province\` text,
  	\`review_max_working_days\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`province_rules_province_idx\` ON \`province_rules\` (\`province\`);`)
  await db.run(sql`CREATE INDEX \`province_rules_updated_at_idx\` ON \`province_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`province_rules_created_at_idx\` ON \`province_rules\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`province_rules__status_idx\` ON \`province_rules\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_province_rules_v_version_notes_filing_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_province_rules_v_version_notes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_notes_filing_types_order_idx\` ON \`_province_rules_v_version_notes_filing_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_notes_filing_types_parent_idx\` ON \`_province_rules_v_version_notes_filing_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_province_rules_v_version_notes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_province_rules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_notes_order_idx\` ON \`_province_rules_v_version_notes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_notes_parent_id_idx\` ON \`_province_rules_v_version_notes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_province_rules_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_province\` text,
  	\`version_review_max_working_days\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`province_rules\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_province_rules_v_parent_idx\` ON \`_province_rules_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_version_province_idx\` ON \`_province_rules_v\` (\`version_province\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_version_updated_at_idx\` ON \`_province_rules_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_version_created_at_idx\` ON \`_province_rules_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_version_version__status_idx\` ON \`_province_rules_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_created_at_idx\` ON \`_province_rules_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_updated_at_idx\` ON \`_province_rules_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_province_rules_v_latest_idx\` ON \`_province_rules_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`materials_id\` integer,
  	\`partners_id\` integer,
  	\`material_views_id\` integer,
  	\`idempotency_keys_id\` integer,
  	\`pages_id\` integer,
  	\`filing_types_id\` integer,
  	\`filing_stages_id\` integer,
  	\`guide_articles_id\` integer,
  	\`faqs_id\` integer,
  	\`cases_id\` integer,
  	\`media_id\` integer,
  	\`province_rules_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`materials_id\`) REFERENCES \`materials\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`material_views_id\`) REFERENCES \`material_views\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`idempotency_keys_id\`) REFERENCES \`idempotency_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`filing_types_id\`) REFERENCES \`filing_types\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`filing_stages_id\`) REFERENCES \`filing_stages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guide_articles_id\`) REFERENCES \`guide_articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faqs_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cases_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`province_rules_id\`) REFERENCES \`province_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_materials_id_idx\` ON \`payload_locked_documents_rels\` (\`materials_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_material_views_id_idx\` ON \`payload_locked_documents_rels\` (\`material_views_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_idempotency_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`idempotency_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_filing_types_id_idx\` ON \`payload_locked_documents_rels\` (\`filing_types_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_filing_stages_id_idx\` ON \`payload_locked_documents_rels\` (\`filing_stages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guide_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`guide_articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_faqs_id_idx\` ON \`payload_locked_documents_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cases_id_idx\` ON \`payload_locked_documents_rels\` (\`cases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_province_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`province_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`href\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_navigation_order_idx\` ON \`site_settings_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_navigation_parent_id_idx\` ON \`site_settings_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings_faq_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`category\` text,
  	\`title\` text,
  	\`intro\` text,
  	\`outro\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`site_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_faq_categories_order_idx\` ON \`site_settings_faq_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_faq_categories_parent_id_idx\` ON \`site_settings_faq_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`brand_name\` text,
  	\`brand_logo_id\` integer,
  	\`hotline\` text,
  	\`service_hours\` text,
  	\`contact_email\` text,
  	\`icp_number\` text,
  	\`public_security_number\` text,
  	\`seo_title\` text,
  	\`seo_description\` text,
  	\`seo_image_id\` integer,
  	\`labels_skip_to_content\` text,
  	\`labels_main_navigation\` text,
  	\`labels_hotline\` text,
  	\`labels_service_hours\` text,
  	\`labels_filter_all\` text,
  	\`labels_filter_by_industry\` text,
  	\`labels_filter_by_filing_type\` text,
  	\`labels_no_matches\` text,
  	\`labels_pagination\` text DEFAULT '分页',
  	\`labels_previous_page\` text DEFAULT '上一页',
  	\`labels_next_page\` text DEFAULT '下一页',
  	\`labels_page_number\` text DEFAULT '第 {page} 页',
  	\`labels_audience\` text,
  	\`labels_selling_points\` text,
  	\`labels_materials\` text,
  	\`labels_stages\` text,
  	\`labels_order\` text,
  	\`labels_order_intro\` text,
  	\`labels_read_guide\` text,
  	\`labels_all_faqs\` text,
  	\`labels_all_cases\` text,
  	\`labels_back_home\` text,
  	\`labels_privacy\` text,
  	\`labels_duration\` text,
  	\`labels_industry\` text,
  	\`labels_filing_type\` text,
  	\`labels_price\` text,
  	\`labels_track_order_no\` text,
  	\`labels_track_phone\` text,
  	\`labels_track_submit\` text,
  	\`labels_track_not_found\` text,
  	\`labels_track_deadline\` text,
  	\`labels_track_rejection\` text,
  	\`labels_track_stage\` text,
  	\`labels_track_next_step\` text,
  	\`labels_track_time_left\` text,
  	\`labels_track_overdue\` text,
  	\`labels_track_icp_number\` text,
  	\`labels_track_rejected_at\` text,
  	\`labels_track_suggestion\` text,
  	\`labels_my_phone\` text,
  	\`labels_my_send_code\` text,
  	\`labels_my_resend_in\` text,
  	\`labels_my_code_sent\` text,
  	\`labels_my_code\` text,
  	\`labels_my_sign_in\` text,
  	\`labels_my_signed_in_as\` text,
  	\`labels_my_sign_out\` text,
  	\`labels_my_no_orders\` text,
  	\`labels_my_materials\` text,
  	\`labels_my_material_missing\` text,
  	\`labels_my_material_uploaded\` text,
  	\`labels_my_material_accepted\` text,
  	\`labels_my_material_rejected\` text,
  	\`labels_my_upload_hint\` text,
  	\`labels_my_upload\` text,
  	\`labels_my_reupload\` text,
  	\`labels_my_uploading\` text,
  	\`labels_my_view\` text,
  	\`labels_my_optional\` text,
  	\`labels_my_fix\` text,
  	\`labels_my_icp_hint\` text,
  	\`labels_my_email_notifications\` text,
  	\`labels_checklist_heading\` text,
  	\`labels_checklist_province\` text,
  	\`labels_checklist_choose\` text,
  	\`labels_checklist_hint\` text,
  	\`labels_checklist_review\` text,
  	\`consult_open_label\` text,
  	\`consult_call_label\` text,
  	\`consult_cta_heading\` text,
  	\`consult_cta_text\` text,
  	\`consult_page_title\` text,
  	\`consult_page_description\` text,
  	\`consent_privacy_text\` text,
  	\`consent_sharing_text\` text,
  	\`_status\` text DEFAULT 'draft',
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`brand_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`seo_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`site_settings_brand_brand_logo_idx\` ON \`site_settings\` (\`brand_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`site_settings_seo_seo_image_idx\` ON \`site_settings\` (\`seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`site_settings__status_idx\` ON \`site_settings\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_site_settings_v_version_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`label\` text,
  	\`href\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_site_settings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_navigation_order_idx\` ON \`_site_settings_v_version_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_navigation_parent_id_idx\` ON \`_site_settings_v_version_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_site_settings_v_version_faq_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`category\` text,
  	\`title\` text,
  	\`intro\` text,
  	\`outro\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_site_settings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_faq_categories_order_idx\` ON \`_site_settings_v_version_faq_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_faq_categories_parent_id_idx\` ON \`_site_settings_v_version_faq_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_site_settings_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`version_brand_name\` text,
  	\`version_brand_logo_id\` integer,
  	\`version_hotline\` text,
  	\`version_service_hours\` text,
  	\`version_contact_email\` text,
  	\`version_icp_number\` text,
  	\`version_public_security_number\` text,
  	\`version_seo_title\` text,
  	\`version_seo_description\` text,
  	\`version_seo_image_id\` integer,
  	\`version_labels_skip_to_content\` text,
  	\`version_labels_main_navigation\` text,
  	\`version_labels_hotline\` text,
  	\`version_labels_service_hours\` text,
  	\`version_labels_filter_all\` text,
  	\`version_labels_filter_by_industry\` text,
  	\`version_labels_filter_by_filing_type\` text,
  	\`version_labels_no_matches\` text,
  	\`version_labels_pagination\` text DEFAULT '分页',
  	\`version_labels_previous_page\` text DEFAULT '上一页',
  	\`version_labels_next_page\` text DEFAULT '下一页',
  	\`version_labels_page_number\` text DEFAULT '第 {page} 页',
  	\`version_labels_audience\` text,
  	\`version_labels_selling_points\` text,
  	\`version_labels_materials\` text,
  	\`version_labels_stages\` text,
  	\`version_labels_order\` text,
  	\`version_labels_order_intro\` text,
  	\`version_labels_read_guide\` text,
  	\`version_labels_all_faqs\` text,
  	\`version_labels_all_cases\` text,
  	\`version_labels_back_home\` text,
  	\`version_labels_privacy\` text,
  	\`version_labels_duration\` text,
  	\`version_labels_industry\` text,
  	\`version_labels_filing_type\` text,
  	\`version_labels_price\` text,
  	\`version_labels_track_order_no\` text,
  	\`version_labels_track_phone\` text,
  	\`version_labels_track_submit\` text,
  	\`version_labels_track_not_found\` text,
  	\`version_labels_track_deadline\` text,
  	\`version_labels_track_rejection\` text,
  	\`version_labels_track_stage\` text,
  	\`version_labels_track_next_step\` text,
  	\`version_labels_track_time_left\` text,
  	\`version_labels_track_overdue\` text,
  	\`version_labels_track_icp_number\` text,
  	\`version_labels_track_rejected_at\` text,
  	\`version_labels_track_suggestion\` text,
  	\`version_labels_my_phone\` text,
  	\`version_labels_my_send_code\` text,
  	\`version_labels_my_resend_in\` text,
  	\`version_labels_my_code_sent\` text,
  	\`version_labels_my_code\` text,
  	\`version_labels_my_sign_in\` text,
  	\`version_labels_my_signed_in_as\` text,
  	\`version_labels_my_sign_out\` text,
  	\`version_labels_my_no_orders\` text,
  	\`version_labels_my_materials\` text,
  	\`version_labels_my_material_missing\` text,
  	\`version_labels_my_material_uploaded\` text,
  	\`version_labels_my_material_accepted\` text,
  	\`version_labels_my_material_rejected\` text,
  	\`version_labels_my_upload_hint\` text,
  	\`version_labels_my_upload\` text,
  	\`version_labels_my_reupload\` text,
  	\`version_labels_my_uploading\` text,
  	\`version_labels_my_view\` text,
  	\`version_labels_my_optional\` text,
  	\`version_labels_my_fix\` text,
  	\`version_labels_my_icp_hint\` text,
  	\`version_labels_my_email_notifications\` text,
  	\`version_labels_checklist_heading\` text,
  	\`version_labels_checklist_province\` text,
  	\`version_labels_checklist_choose\` text,
  	\`version_labels_checklist_hint\` text,
  	\`version_labels_checklist_review\` text,
  	\`version_consult_open_label\` text,
  	\`version_consult_call_label\` text,
  	\`version_consult_cta_heading\` text,
  	\`version_consult_cta_text\` text,
  	\`version_consult_page_title\` text,
  	\`version_consult_page_description\` text,
  	\`version_consent_privacy_text\` text,
  	\`version_consent_sharing_text\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`version_brand_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_seo_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_brand_version_brand_logo_idx\` ON \`_site_settings_v\` (\`version_brand_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_seo_version_seo_image_idx\` ON \`_site_settings_v\` (\`version_seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_version__status_idx\` ON \`_site_settings_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_created_at_idx\` ON \`_site_settings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_updated_at_idx\` ON \`_site_settings_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_latest_idx\` ON \`_site_settings_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`landing_promises_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`landing\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`landing_promises_items_order_idx\` ON \`landing_promises_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`landing_promises_items_parent_id_idx\` ON \`landing_promises_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`landing_advantages_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`landing\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`landing_advantages_items_order_idx\` ON \`landing_advantages_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`landing_advantages_items_parent_id_idx\` ON \`landing_advantages_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`landing\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`hero_title\` text,
  	\`hero_subtitle\` text,
  	\`hero_cta_label\` text,
  	\`hero_image_id\` integer,
  	\`process_heading\` text,
  	\`process_cta_label\` text,
  	\`filing_types_heading\` text,
  	\`filing_types_audience_prefix\` text,
  	\`filing_types_cta_label\` text,
  	\`filing_types_price_from\` text,
  	\`guide_heading\` text,
  	\`guide_phase_labels_before\` text,
  	\`guide_phase_labels_during\` text,
  	\`guide_phase_labels_after\` text,
  	\`advantages_heading\` text,
  	\`cases_customer_count_claim\` text,
  	\`cases_scan_label\` text,
  	\`cases_open_label\` text,
  	\`partners_heading\` text,
  	\`_status\` text DEFAULT 'draft',
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`landing_hero_hero_image_idx\` ON \`landing\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`landing__status_idx\` ON \`landing\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_landing_v_version_promises_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_landing_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_landing_v_version_promises_items_order_idx\` ON \`_landing_v_version_promises_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_version_promises_items_parent_id_idx\` ON \`_landing_v_version_promises_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_landing_v_version_advantages_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_landing_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_landing_v_version_advantages_items_order_idx\` ON \`_landing_v_version_advantages_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_version_advantages_items_parent_id_idx\` ON \`_landing_v_version_advantages_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_landing_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`version_hero_title\` text,
  	\`version_hero_subtitle\` text,
  	\`version_hero_cta_label\` text,
  	\`version_hero_image_id\` integer,
  	\`version_process_heading\` text,
  	\`version_process_cta_label\` text,
  	\`version_filing_types_heading\` text,
  	\`version_filing_types_audience_prefix\` text,
  	\`version_filing_types_cta_label\` text,
  	\`version_filing_types_price_from\` text,
  	\`version_guide_heading\` text,
  	\`version_guide_phase_labels_before\` text,
  	\`version_guide_phase_labels_during\` text,
  	\`version_guide_phase_labels_after\` text,
  	\`version_advantages_heading\` text,
  	\`version_cases_customer_count_claim\` text,
  	\`version_cases_scan_label\` text,
  	\`version_cases_open_label\` text,
  	\`version_partners_heading\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_landing_v_version_hero_version_hero_image_idx\` ON \`_landing_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_version_version__status_idx\` ON \`_landing_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_created_at_idx\` ON \`_landing_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_updated_at_idx\` ON \`_landing_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_landing_v_latest_idx\` ON \`_landing_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`site_publish\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`state\` text DEFAULT 'idle',
  	\`reason\` text,
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`duration_ms\` numeric,
  	\`last_success_at\` text,
  	\`release\` text,
  	\`error\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`sms_templates\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`stage_change_code\` text,
  	\`stage_change_wording\` text,
  	\`rejected_code\` text,
  	\`rejected_wording\` text,
  	\`sms_verification_code\` text,
  	\`sms_verification_wording\` text,
  	\`filed_code\` text,
  	\`filed_wording\` text,
  	\`document_rejected_code\` text,
  	\`document_rejected_wording\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`leads_notes\`;`)
  await db.run(sql`DROP TABLE \`leads_status_history\`;`)
  await db.run(sql`DROP TABLE \`leads\`;`)
  await db.run(sql`DROP TABLE \`orders_rejection\`;`)
  await db.run(sql`DROP TABLE \`orders_notes\`;`)
  await db.run(sql`DROP TABLE \`orders_stage_history\`;`)
  await db.run(sql`DROP TABLE \`orders\`;`)
  await db.run(sql`DROP TABLE \`materials\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`DROP TABLE \`customers\`;`)
  await db.run(sql`DROP TABLE \`customer_codes\`;`)
  await db.run(sql`DROP TABLE \`customer_sessions\`;`)
  await db.run(sql`DROP TABLE \`partners_allowed_origins\`;`)
  await db.run(sql`DROP TABLE \`partners\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`erasures\`;`)
  await db.run(sql`DROP TABLE \`material_views\`;`)
  await db.run(sql`DROP TABLE \`idempotency_keys\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`filing_types_selling_points\`;`)
  await db.run(sql`DROP TABLE \`filing_types_materials\`;`)
  await db.run(sql`DROP TABLE \`filing_types\`;`)
  await db.run(sql`DROP TABLE \`_filing_types_v_version_selling_points\`;`)
  await db.run(sql`DROP TABLE \`_filing_types_v_version_materials\`;`)
  await db.run(sql`DROP TABLE \`_filing_types_v\`;`)
  await db.run(sql`DROP TABLE \`filing_stages_guide_steps\`;`)
  await db.run(sql`DROP TABLE \`filing_stages\`;`)
  await db.run(sql`DROP TABLE \`_filing_stages_v_version_guide_steps\`;`)
  await db.run(sql`DROP TABLE \`_filing_stages_v\`;`)
  await db.run(sql`DROP TABLE \`guide_articles\`;`)
  await db.run(sql`DROP TABLE \`_guide_articles_v\`;`)
  await db.run(sql`DROP TABLE \`faqs\`;`)
  await db.run(sql`DROP TABLE \`_faqs_v\`;`)
  await db.run(sql`DROP TABLE \`cases\`;`)
  await db.run(sql`DROP TABLE \`_cases_v\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`province_rules_notes_filing_types\`;`)
  await db.run(sql`DROP TABLE \`province_rules_notes\`;`)
  await db.run(sql`DROP TABLE \`province_rules\`;`)
  await db.run(sql`DROP TABLE \`_province_rules_v_version_notes_filing_types\`;`)
  await db.run(sql`DROP TABLE \`_province_rules_v_version_notes\`;`)
  await db.run(sql`DROP TABLE \`_province_rules_v\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`site_settings_navigation\`;`)
  await db.run(sql`DROP TABLE \`site_settings_faq_categories\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`_site_settings_v_version_navigation\`;`)
  await db.run(sql`DROP TABLE \`_site_settings_v_version_faq_categories\`;`)
  await db.run(sql`DROP TABLE \`_site_settings_v\`;`)
  await db.run(sql`DROP TABLE \`landing_promises_items\`;`)
  await db.run(sql`DROP TABLE \`landing_advantages_items\`;`)
  await db.run(sql`DROP TABLE \`landing\`;`)
  await db.run(sql`DROP TABLE \`_landing_v_version_promises_items\`;`)
  await db.run(sql`DROP TABLE \`_landing_v_version_advantages_items\`;`)
  await db.run(sql`DROP TABLE \`_landing_v\`;`)
  await db.run(sql`DROP TABLE \`site_publish\`;`)
  await db.run(sql`DROP TABLE \`sms_templates\`;`)
}
