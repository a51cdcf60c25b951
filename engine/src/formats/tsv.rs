//! TabSeparated output (spec/formats.md §3).

use arrow::record_batch::RecordBatch;

use super::text::TextOptions;
use crate::error::{Error, ErrorCode, Result};
use crate::types::ChType;

/// TabSeparated variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsvKind {
    Plain,
    Raw,
    WithNames,
    WithNamesAndTypes,
}

/// Writes batches as TabSeparated.
pub fn write_tsv(
    _out: &mut Vec<u8>,
    _batches: &[RecordBatch],
    _types: &[ChType],
    _names: &[String],
    _opts: &TextOptions,
    _kind: TsvKind,
) -> Result<()> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "TSV"))
}

/// Reads TabSeparated data into a batch of the given types.
pub fn read_tsv(_data: &[u8], _types: &[ChType], _opts: &TextOptions, _kind: TsvKind) -> Result<RecordBatch> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "TSV input"))
}
