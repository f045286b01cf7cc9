// pg_schema.h — the district database's numbered migrations on PostgreSQL.
#pragma once

#include "pg/pg_conn.h"

namespace district {

// The schema version this build knows (the SQLite schema's number too: the
// same tables, rows and rules; `migrate` checks both are at it).
int pgSchemaVersion();
// Brings the schema up to date under an advisory lock, so several processes
// starting together migrate once. Throws store::SchemaTooNew for a database
// written by a newer build.
void pgMigrate(PgConn& conn);

}  // namespace district
