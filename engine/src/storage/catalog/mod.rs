//! Databases, their tables, and the registry of table engines.
//!
//! The catalog maps `database.table` to a [`TableEntry`] (the table and the
//! `CREATE` text `SHOW CREATE TABLE` prints). Engines are constructed by name
//! through [`EngineRegistry`]; `system` is a read-only database whose tables are
//! produced on demand by `crate::system`.

use std::collections::BTreeMap;
use std::sync::Arc;

use parking_lot::RwLock;

use super::memory::MemoryTable;
use super::{Column, Table};
use crate::error::{Error, ErrorCode, Result};
use crate::sql::ast::EngineClause;

/// A table with its metadata.
#[derive(Debug, Clone)]
pub struct TableEntry {
    pub database: String,
    pub name: String,
    pub table: Arc<dyn Table>,
    /// The `CREATE TABLE` statement as ClickHouse would print it.
    pub create_query: String,
    pub comment: String,
}

#[derive(Debug, Default)]
struct DatabaseEntry {
    engine: String,
    tables: BTreeMap<String, Arc<TableEntry>>,
}

/// All databases and tables.
#[derive(Debug)]
pub struct Catalog {
    databases: RwLock<BTreeMap<String, DatabaseEntry>>,
    engines: EngineRegistry,
}

/// Builds a table of one engine from its columns and ENGINE clause.
pub type EngineConstructor = fn(&EngineArgs) -> Result<Arc<dyn Table>>;

/// What an engine constructor receives.
pub struct EngineArgs<'a> {
    pub database: &'a str,
    pub table: &'a str,
    pub columns: Vec<Column>,
    pub engine: &'a EngineClause,
}

/// Table engines by name.
#[derive(Debug, Clone, Default)]
pub struct EngineRegistry {
    engines: BTreeMap<&'static str, EngineConstructor>,
}

impl EngineRegistry {
    /// The engines built into Granary.
    pub fn builtin() -> Self {
        let mut r = EngineRegistry::default();
        r.register("Memory", |a| {
            if a.engine.args.as_ref().is_some_and(|v| !v.is_empty()) {
                return Err(Error::new(
                    ErrorCode::NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Engine Memory doesn't support any arguments",
                ));
            }
            Ok(Arc::new(MemoryTable::new(a.columns.clone())))
        });
        r
    }

    pub fn register(&mut self, name: &'static str, ctor: EngineConstructor) {
        self.engines.insert(name, ctor);
    }

    /// Creates a table, or UNKNOWN_ENGINE (56).
    pub fn create(&self, args: &EngineArgs) -> Result<Arc<dyn Table>> {
        let ctor = self.engines.get(args.engine.name.as_str()).ok_or_else(|| {
            Error::new(ErrorCode::UNKNOWN_ENGINE, format!("Unknown table engine {}", args.engine.name))
        })?;
        ctor(args)
    }

    /// Engine names (for `system.table_engines` / SHOW ENGINES).
    pub fn names(&self) -> Vec<&'static str> {
        self.engines.keys().copied().collect()
    }
}

fn unknown_db(name: &str) -> Error {
    Error::new(ErrorCode::UNKNOWN_DATABASE, format!("Database {name} does not exist"))
}

impl Default for Catalog {
    fn default() -> Self {
        Self::new()
    }
}

impl Catalog {
    /// A catalog with `default` and `system`.
    pub fn new() -> Self {
        let mut dbs = BTreeMap::new();
        dbs.insert("default".to_string(), DatabaseEntry { engine: "Atomic".into(), tables: BTreeMap::new() });
        dbs.insert("system".to_string(), DatabaseEntry { engine: "Memory".into(), tables: BTreeMap::new() });
        Catalog { databases: RwLock::new(dbs), engines: EngineRegistry::builtin() }
    }

    pub fn engines(&self) -> &EngineRegistry {
        &self.engines
    }

    pub fn database_exists(&self, name: &str) -> bool {
        self.databases.read().contains_key(name)
    }

    /// (name, engine) of every database.
    pub fn databases(&self) -> Vec<(String, String)> {
        self.databases.read().iter().map(|(k, v)| (k.clone(), v.engine.clone())).collect()
    }

    pub fn create_database(&self, name: &str, if_not_exists: bool) -> Result<()> {
        let mut dbs = self.databases.write();
        if dbs.contains_key(name) {
            if if_not_exists {
                return Ok(());
            }
            return Err(Error::new(ErrorCode::DATABASE_ALREADY_EXISTS, format!("Database {name} already exists")));
        }
        dbs.insert(name.to_string(), DatabaseEntry { engine: "Atomic".into(), tables: BTreeMap::new() });
        Ok(())
    }

    pub fn drop_database(&self, name: &str, if_exists: bool) -> Result<()> {
        if name == "system" {
            return Err(Error::new(ErrorCode::BAD_ARGUMENTS, format!("Cannot drop database {name}")));
        }
        let mut dbs = self.databases.write();
        if dbs.remove(name).is_none() && !if_exists {
            return Err(unknown_db(name));
        }
        Ok(())
    }

    /// The table, or UNKNOWN_DATABASE / UNKNOWN_TABLE.
    pub fn table(&self, database: &str, name: &str) -> Result<Arc<TableEntry>> {
        let dbs = self.databases.read();
        let db = dbs.get(database).ok_or_else(|| unknown_db(database))?;
        db.tables
            .get(name)
            .cloned()
            .ok_or_else(|| Error::new(ErrorCode::UNKNOWN_TABLE, format!("Table {database}.{name} does not exist")))
    }

    pub fn table_exists(&self, database: &str, name: &str) -> bool {
        self.databases.read().get(database).is_some_and(|d| d.tables.contains_key(name))
    }

    /// Tables of a database in name order.
    pub fn tables(&self, database: &str) -> Result<Vec<Arc<TableEntry>>> {
        let dbs = self.databases.read();
        let db = dbs.get(database).ok_or_else(|| unknown_db(database))?;
        Ok(db.tables.values().cloned().collect())
    }

    /// Adds a table; TABLE_ALREADY_EXISTS (57) unless `if_not_exists`.
    pub fn add_table(&self, entry: TableEntry, if_not_exists: bool) -> Result<()> {
        let mut dbs = self.databases.write();
        let db = dbs.get_mut(&entry.database).ok_or_else(|| unknown_db(&entry.database))?;
        if db.tables.contains_key(&entry.name) {
            if if_not_exists {
                return Ok(());
            }
            return Err(Error::new(
                ErrorCode::TABLE_ALREADY_EXISTS,
                format!("Table {}.{} already exists", entry.database, entry.name),
            ));
        }
        db.tables.insert(entry.name.clone(), Arc::new(entry));
        Ok(())
    }

    /// Removes a table; returns whether it existed.
    pub fn drop_table(&self, database: &str, name: &str, if_exists: bool) -> Result<()> {
        let mut dbs = self.databases.write();
        let db = dbs.get_mut(database).ok_or_else(|| unknown_db(database))?;
        if db.tables.remove(name).is_none() && !if_exists {
            return Err(Error::new(ErrorCode::UNKNOWN_TABLE, format!("Table {database}.{name} does not exist")));
        }
        Ok(())
    }

    /// Renames (moves) a table.
    pub fn rename_table(&self, from: (&str, &str), to: (&str, &str)) -> Result<()> {
        let mut dbs = self.databases.write();
        if !dbs.contains_key(to.0) {
            return Err(unknown_db(to.0));
        }
        if dbs.get(to.0).is_some_and(|d| d.tables.contains_key(to.1)) {
            return Err(Error::new(ErrorCode::TABLE_ALREADY_EXISTS, format!("Table {}.{} already exists", to.0, to.1)));
        }
        let src = dbs.get_mut(from.0).ok_or_else(|| unknown_db(from.0))?;
        let entry = src.tables.remove(from.1).ok_or_else(|| {
            Error::new(ErrorCode::UNKNOWN_TABLE, format!("Table {}.{} does not exist", from.0, from.1))
        })?;
        let mut e = (*entry).clone();
        e.database = to.0.to_string();
        e.name = to.1.to_string();
        e.create_query = rename_in_create(&e.create_query, from, to);
        if let Some(dst) = dbs.get_mut(to.0) {
            dst.tables.insert(to.1.to_string(), Arc::new(e));
        }
        Ok(())
    }
}

fn rename_in_create(q: &str, from: (&str, &str), to: (&str, &str)) -> String {
    let old = format!("TABLE {}.{} ", crate::sql::quote_ident(from.0), crate::sql::quote_ident(from.1));
    let new = format!("TABLE {}.{} ", crate::sql::quote_ident(to.0), crate::sql::quote_ident(to.1));
    q.replacen(&old, &new, 1)
}
