//! The ClickHouse SQL front end: lexer and parser (text → [`ast`]), and the
//! binder (AST → DataFusion `LogicalPlan` with ClickHouse names and types).

pub mod ast;
pub mod lexer;
pub mod parser;

pub use parser::{parse, ParserLimits};
