//! The ClickHouse SQL front end: lexer and parser (text → [`ast`]), and the
//! binder (AST → DataFusion `LogicalPlan` with ClickHouse names and types).

pub mod ast;
pub mod binder;
pub mod lexer;
pub mod parser;

pub use parser::{parse, ParserLimits};

/// Quotes an identifier as ClickHouse prints it: bare when it is a plain word, else in backticks.
pub fn quote_ident(name: &str) -> String {
    let plain = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit();
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('\\', "\\\\").replace('`', "\\`"))
    }
}

/// (kind, expression text) of a column default, as DESCRIBE and system.columns show them.
pub fn describe_default(d: &Option<ast::ColumnDefault>) -> (String, String) {
    match d {
        None => (String::new(), String::new()),
        Some(ast::ColumnDefault::Default(e)) => ("DEFAULT".into(), e.to_string()),
        Some(ast::ColumnDefault::Materialized(e)) => ("MATERIALIZED".into(), e.to_string()),
        Some(ast::ColumnDefault::Alias(e)) => ("ALIAS".into(), e.to_string()),
        Some(ast::ColumnDefault::Ephemeral(e)) => {
            ("EPHEMERAL".into(), e.as_ref().map(|e| e.to_string()).unwrap_or_default())
        }
    }
}
