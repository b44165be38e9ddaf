import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`leads\` ADD \`suspected_spam\` text;`)
  await db.run(sql`CREATE INDEX \`leads_suspected_spam_idx\` ON \`leads\` (\`suspected_spam\`);`)
  await db.run(sql`ALTER TABLE \`orders\` ADD \`suspected_spam\` text;`)
  await db.run(sql`CREATE INDEX \`orders_suspected_spam_idx\` ON \`orders\` (\`suspected_spam\`);`)
  // Stored answers are a 24-hour cache, and one without its request's hash cannot be checked
  // against a repeat: they go, so that the NOT NULL column can be added to a table that had rows.
  await db.run(sql`DELETE FROM \`idempotency_keys\`;`)
  await db.run(sql`ALTER TABLE \`idempotency_keys\` ADD \`request_hash\` text NOT NULL;`)
  await db.run(sql`ALTER TABLE \`idempotency_keys\` ADD \`document\` text;`)
  await db.run(sql`CREATE INDEX \`idempotency_keys_document_idx\` ON \`idempotency_keys\` (\`document\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`leads_suspected_spam_idx\`;`)
  await db.run(sql`ALTER TABLE \`leads\` DROP COLUMN \`suspected_spam\`;`)
  await db.run(sql`DROP INDEX \`orders_suspected_spam_idx\`;`)
  await db.run(sql`ALTER TABLE \`orders\` DROP COLUMN \`suspected_spam\`;`)
  await db.run(sql`DROP INDEX \`idempotency_keys_document_idx\`;`)
  await db.run(sql`ALTER TABLE \`idempotency_keys\` DROP COLUMN \`request_hash\`;`)
  await db.run(sql`ALTER TABLE \`idempotency_keys\` DROP COLUMN \`document\`;`)
}
