//! Granary engine: a ClickHouse-compatible analytical database on Apache
//! DataFusion. The public front door is [`Database`] (owns the catalog and the
//! query runtime), [`Session`] (own SET / USE state) and [`QueryResult`] (Arrow
//! batches plus ClickHouse column names and types).
//!
//! ```
//! let db = granary_engine::Database::in_memory();
//! # let _ = db.execute("SELECT 1");
//! ```

pub mod aggregates;
mod database;
pub mod error;
pub mod exec;
pub mod formats;
pub mod functions;
pub mod plan;
mod result;
mod session;
pub mod settings;
pub mod sql;
pub mod storage;
pub mod system;
pub mod types;

pub use database::Database;
pub use error::{Error, ErrorCode, Result};
pub use result::{QueryResult, TYPE_METADATA_KEY};
pub use session::{CancelHandle, Session};
