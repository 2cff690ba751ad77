import SQLKit

/// Migration 0001: the CRM core tables, the audit log, history tables, settings and idempotency keys.
///
/// Conventions fixed here for every later migration: snake_case names; ids are UUIDv7 text; timestamps are
/// UTC epoch milliseconds (`BIGINT`); dates are ISO `YYYY-MM-DD` text; money is integer minor units in
/// `<field>_minor` next to a `currency` column; JSON (custom fields, lists) is text; foreign keys are
/// `DEFERRABLE INITIALLY DEFERRED` so mutually referencing rows (a team and its manager) can be inserted in one
/// transaction. `teams.manager_id` has no database-level key (teams are created before reps, and
/// PostgreSQL needs the referenced table to exist); the service layer resolves it like every reference.
/// The DDL is portable between SQLite and PostgreSQL. **Never edit this file once shipped**:
/// add a new migration instead.
struct M0001CoreSchema: Migration {
    let id = "0001_core_schema"

    static let tables: [(String, [String])] = [
        (
            "stages",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "name TEXT NOT NULL",
                "sort_order BIGINT NOT NULL",
                "probability BIGINT NOT NULL",
                "forecast_category TEXT NOT NULL",
                "is_closed BOOLEAN",
                "is_won BOOLEAN",
                "active BOOLEAN",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "custom_field_definitions",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "entity TEXT NOT NULL",
                "key TEXT NOT NULL",
                "label TEXT NOT NULL",
                "type TEXT NOT NULL",
                "required BOOLEAN",
                "allowed_values TEXT",
                "pattern TEXT",
                "min TEXT",
                "max TEXT",
                "restricted BOOLEAN",
                "active BOOLEAN",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "teams",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "name TEXT NOT NULL",
                "parent_team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED",
                "manager_id TEXT",  // reps are created after teams; resolved by the service layer
                "region TEXT",
                "segment TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "reps",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "first_name TEXT NOT NULL",
                "last_name TEXT NOT NULL",
                "email TEXT NOT NULL",
                "role TEXT NOT NULL",
                "manager_id TEXT REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED",
                "region TEXT",
                "segment TEXT",
                "hire_date TEXT",
                "active BOOLEAN",
                "time_zone TEXT",
                "work_start TEXT",
                "work_end TEXT",
                "work_days TEXT",
                "out_of_office TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "accounts",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "name TEXT NOT NULL",
                "website TEXT",
                "industry TEXT",
                "employees BIGINT",
                "annual_revenue_minor BIGINT",
                "currency TEXT",
                "phone TEXT",
                "city TEXT",
                "state TEXT",
                "postcode TEXT",
                "country TEXT",
                "region TEXT",
                "segment TEXT",
                "owner_id TEXT REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "parent_account_id TEXT REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED",
                "territory TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "contacts",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "first_name TEXT",
                "last_name TEXT NOT NULL",
                "email TEXT",
                "phone TEXT",
                "title TEXT",
                "account_id TEXT REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED",
                "owner_id TEXT REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "lead_source TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "leads",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "first_name TEXT",
                "last_name TEXT",
                "email TEXT",
                "phone TEXT",
                "company TEXT",
                "title TEXT",
                "website TEXT",
                "industry TEXT",
                "employees BIGINT",
                "city TEXT",
                "state TEXT",
                "postcode TEXT",
                "country TEXT",
                "region TEXT",
                "source TEXT",
                "status TEXT",
                "owner_id TEXT REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "converted_at BIGINT",
                "converted_account_id TEXT REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "opportunities",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "account_id TEXT NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED",
                "owner_id TEXT NOT NULL REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "name TEXT NOT NULL",
                "amount_minor BIGINT NOT NULL",
                "currency TEXT",
                "stage TEXT NOT NULL",
                "probability BIGINT",
                "close_date TEXT NOT NULL",
                "forecast_category TEXT",
                "next_step TEXT",
                "type TEXT",
                "lead_source TEXT",
                "segment TEXT",
                "is_closed BOOLEAN",
                "is_won BOOLEAN",
                "closed_at BIGINT",
                "push_count BIGINT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "activities",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "type TEXT NOT NULL",
                "subject TEXT",
                "occurred_at BIGINT NOT NULL",
                "rep_id TEXT NOT NULL REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "lead_id TEXT REFERENCES leads(id) DEFERRABLE INITIALLY DEFERRED",
                "contact_id TEXT REFERENCES contacts(id) DEFERRABLE INITIALLY DEFERRED",
                "opportunity_id TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED",
                "account_id TEXT REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED",
                "duration_minutes BIGINT",
                "direction TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "products",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "name TEXT NOT NULL",
                "sku TEXT",
                "family TEXT",
                "description TEXT",
                "active BOOLEAN",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "price_book_entries",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "product_id TEXT NOT NULL REFERENCES products(id) DEFERRABLE INITIALLY DEFERRED",
                "price_book TEXT",
                "unit_price_minor BIGINT NOT NULL",
                "currency TEXT",
                "active BOOLEAN",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
        (
            "quotas",
            [
                "id TEXT PRIMARY KEY NOT NULL",
                "external_id TEXT",
                "created_at BIGINT NOT NULL",
                "updated_at BIGINT NOT NULL",
                "rep_id TEXT NOT NULL REFERENCES reps(id) DEFERRABLE INITIALLY DEFERRED",
                "period_start TEXT NOT NULL",
                "period_end TEXT NOT NULL",
                "amount_minor BIGINT NOT NULL",
                "currency TEXT",
                "metric TEXT",
                "custom_fields TEXT NOT NULL DEFAULT '{}'",
            ]
        ),
    ]

    static let indexes: [String] = [
        "CREATE UNIQUE INDEX uq_stages_external_id ON stages (external_id)",
        "CREATE UNIQUE INDEX uq_stages_name ON stages (name)",
        "CREATE UNIQUE INDEX uq_custom_field_definitions_external_id ON custom_field_definitions (external_id)",
        "CREATE UNIQUE INDEX uq_teams_external_id ON teams (external_id)",
        "CREATE UNIQUE INDEX uq_teams_name ON teams (name)",
        "CREATE INDEX ix_teams_parent_team_id ON teams (parent_team_id)",
        "CREATE UNIQUE INDEX uq_reps_external_id ON reps (external_id)",
        "CREATE UNIQUE INDEX uq_reps_email ON reps (email)",
        "CREATE INDEX ix_reps_manager_id ON reps (manager_id)",
        "CREATE INDEX ix_reps_team_id ON reps (team_id)",
        "CREATE UNIQUE INDEX uq_accounts_external_id ON accounts (external_id)",
        "CREATE INDEX ix_accounts_owner_id ON accounts (owner_id)",
        "CREATE INDEX ix_accounts_name ON accounts (name)",
        "CREATE UNIQUE INDEX uq_contacts_external_id ON contacts (external_id)",
        "CREATE INDEX ix_contacts_account_id ON contacts (account_id)",
        "CREATE INDEX ix_contacts_owner_id ON contacts (owner_id)",
        "CREATE INDEX ix_contacts_email ON contacts (email)",
        "CREATE UNIQUE INDEX uq_leads_external_id ON leads (external_id)",
        "CREATE INDEX ix_leads_owner_id ON leads (owner_id)",
        "CREATE INDEX ix_leads_email ON leads (email)",
        "CREATE INDEX ix_leads_created_at ON leads (created_at)",
        "CREATE INDEX ix_leads_status ON leads (status)",
        "CREATE UNIQUE INDEX uq_opportunities_external_id ON opportunities (external_id)",
        "CREATE INDEX ix_opportunities_account_id ON opportunities (account_id)",
        "CREATE INDEX ix_opportunities_owner_id ON opportunities (owner_id)",
        "CREATE INDEX ix_opportunities_close_date ON opportunities (close_date)",
        "CREATE INDEX ix_opportunities_stage ON opportunities (stage)",
        "CREATE INDEX ix_opportunities_created_at ON opportunities (created_at)",
        "CREATE UNIQUE INDEX uq_activities_external_id ON activities (external_id)",
        "CREATE INDEX ix_activities_rep_id ON activities (rep_id)",
        "CREATE INDEX ix_activities_lead_id ON activities (lead_id)",
        "CREATE INDEX ix_activities_opportunity_id ON activities (opportunity_id)",
        "CREATE INDEX ix_activities_occurred_at ON activities (occurred_at)",
        "CREATE INDEX ix_activities_contact_id ON activities (contact_id)",
        "CREATE INDEX ix_activities_account_id ON activities (account_id)",
        "CREATE UNIQUE INDEX uq_products_external_id ON products (external_id)",
        "CREATE UNIQUE INDEX uq_products_sku ON products (sku)",
        "CREATE UNIQUE INDEX uq_price_book_entries_external_id ON price_book_entries (external_id)",
        "CREATE INDEX ix_price_book_entries_product_id ON price_book_entries (product_id)",
        "CREATE UNIQUE INDEX uq_quotas_external_id ON quotas (external_id)",
        "CREATE INDEX ix_quotas_rep_id ON quotas (rep_id)",
        "CREATE INDEX ix_quotas_period_start ON quotas (period_start)",
        "CREATE UNIQUE INDEX uq_custom_field_definitions_entity_key ON custom_field_definitions (entity, key)",
        "CREATE UNIQUE INDEX uq_price_book_entries_product_book_currency ON price_book_entries (product_id, price_book, currency)",
        "CREATE UNIQUE INDEX uq_quotas_rep_period_metric ON quotas (rep_id, period_start, period_end, metric)",
    ]

    func prepare(on db: any SQLDatabase) async throws {
        for (table, columns) in Self.tables {
            try await db.raw(SQLQueryString("CREATE TABLE \(table) (" + columns.joined(separator: ", ") + ")")).run()
        }
        for statement in Self.indexes { try await db.raw(SQLQueryString(statement)).run() }

        try await db.create(table: "audit_log")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: true))
            .column("at", type: .bigint, .notNull)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .column("before_json", type: .text)
            .column("after_json", type: .text)
            .run()
        try await db.create(table: "field_history")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: true))
            .column("entity", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .column("field", type: .text, .notNull)
            .column("old_value", type: .text)
            .column("new_value", type: .text)
            .column("changed_at", type: .bigint, .notNull)
            .column("changed_by", type: .text, .notNull)
            .run()
        try await db.create(table: "opportunity_stage_history")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: true))
            .column("opportunity_id", type: .text, .notNull)
            .column("from_stage", type: .text)
            .column("to_stage", type: .text, .notNull)
            .column("amount_minor", type: .bigint, .notNull)
            .column("currency", type: .text, .notNull)
            .column("probability", type: .bigint, .notNull)
            .column("close_date", type: .text, .notNull)
            .column("forecast_category", type: .text, .notNull)
            .column("changed_at", type: .bigint, .notNull)
            .column("changed_by", type: .text, .notNull)
            .run()
        try await db.create(table: "org_settings")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
        try await db.create(table: "idempotency_keys")
            .column("key", type: .text, .notNull)
            .column("actor", type: .text, .notNull)
            .column("request_hash", type: .text, .notNull)
            .column("status", type: .bigint, .notNull)
            .column("body", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .run()
        for statement in [
            "CREATE INDEX ix_audit_log_entity_record ON audit_log (entity, record_id)",
            "CREATE INDEX ix_audit_log_actor ON audit_log (actor)",
            "CREATE INDEX ix_audit_log_at ON audit_log (at)",
            "CREATE INDEX ix_field_history_entity_record ON field_history (entity, record_id)",
            "CREATE INDEX ix_opportunity_stage_history_opportunity ON opportunity_stage_history (opportunity_id)",
            "CREATE UNIQUE INDEX uq_idempotency_keys_key_actor ON idempotency_keys (key, actor)",
        ] {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }
}
