//! Granary engine: a ClickHouse-compatible analytical database on Apache
//! DataFusion. The public front door is [`Database`] (owns the catalog and the
//! query runtime), [`Session`] (own SET / USE state) and [`QueryResult`] (Arrow
//! batches plus ClickHouse column names and types).

pub mod aggregates;
pub mod error;
pub mod formats;
pub mod functions;
pub mod settings;
pub mod sql;
pub mod types;

pub use error::{Error, ErrorCode, Result};
