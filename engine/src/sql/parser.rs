//! Parser entry point (the full parser arrives with its own module).

use super::ast::Statement;
use crate::error::{Error, ErrorCode, Result};

/// Limits enforced while parsing (`max_parser_depth`, `max_query_size`).
#[derive(Debug, Clone, Copy)]
pub struct ParserLimits {
    pub max_depth: usize,
    pub max_query_size: usize,
}

impl Default for ParserLimits {
    fn default() -> Self {
        ParserLimits { max_depth: 1000, max_query_size: 262144 }
    }
}

/// Parses one or more `;`-separated statements.
pub fn parse(_sql: &str, _limits: ParserLimits) -> Result<Vec<Statement>> {
    Err(Error::new(ErrorCode::NOT_IMPLEMENTED, "parser"))
}
