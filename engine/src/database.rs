//! [`Database`]: the catalog, the function registry and the runtime that runs
//! every query. The embedded API is synchronous; queries run on the
//! Database's own tokio runtime (worker threads with 16 MiB stacks, so deep
//! plans do not overflow; spec/engine.md P2, P3). Dropping the Database shuts
//! the runtime down without blocking.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::error::{Error, ErrorCode, Result};
use crate::functions::FunctionRegistry;
use crate::result::QueryResult;
use crate::session::Session;
use crate::storage::catalog::Catalog;

/// What every session of a database shares.
pub(crate) struct Shared {
    pub catalog: Catalog,
    pub functions: Arc<FunctionRegistry>,
    pub runtime: Option<tokio::runtime::Runtime>,
    #[allow(dead_code)]
    pub data_path: Option<PathBuf>,
}

impl Shared {
    pub fn runtime(&self) -> Result<&tokio::runtime::Runtime> {
        self.runtime.as_ref().ok_or_else(|| Error::new(ErrorCode::LOGICAL_ERROR, "the database is shut down"))
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

/// A Granary database: open it, then run ClickHouse SQL on it.
pub struct Database {
    shared: Arc<Shared>,
    default_session: Mutex<Session>,
}

impl Database {
    /// A database held in memory only.
    pub fn in_memory() -> Database {
        Self::build(None).unwrap_or_else(|e| panic!("cannot start the query runtime: {e}"))
    }

    /// A database whose data lives under `path` (created if missing). Only
    /// in-memory engines exist so far, so nothing is persisted yet.
    pub fn open(path: impl AsRef<Path>) -> Result<Database> {
        let p = path.as_ref().to_path_buf();
        std::fs::create_dir_all(&p).map_err(|e| {
            Error::new(ErrorCode::CANNOT_OPEN_FILE, format!("Cannot create data directory {}: {e}", p.display()))
        })?;
        Self::build(Some(p))
    }

    fn build(data_path: Option<PathBuf>) -> Result<Database> {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name("granary-exec")
            .thread_stack_size(16 << 20)
            .enable_time()
            .build()
            .map_err(|e| Error::new(ErrorCode::LOGICAL_ERROR, format!("cannot start the query runtime: {e}")))?;
        let shared = Arc::new(Shared {
            catalog: Catalog::new(),
            functions: FunctionRegistry::builtin(),
            runtime: Some(runtime),
            data_path,
        });
        let default_session = Mutex::new(Session::new(shared.clone()));
        Ok(Database { shared, default_session })
    }

    /// A new session with its own settings and current database.
    pub fn session(&self) -> Session {
        Session::new(self.shared.clone())
    }

    /// Runs SQL in the database's default session.
    pub fn execute(&self, sql: &str) -> Result<QueryResult> {
        self.default_session.lock().execute(sql)
    }
}
