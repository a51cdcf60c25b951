//! The small statements: DROP, TRUNCATE, RENAME, EXCHANGE, DELETE, SHOW, DESCRIBE,
//! EXISTS, EXPLAIN, OPTIMIZE, SYSTEM, KILL QUERY, CHECK, DETACH, ATTACH.

use super::{Parser, P};
use crate::sql::ast::*;
use crate::sql::lexer::TokenKind;

/// Words a `SYSTEM` command is made of (the rest is a table name).
const SYSTEM_WORDS: &[&str] = &[
    "STOP",
    "START",
    "MERGES",
    "TTL",
    "FLUSH",
    "LOGS",
    "SYNC",
    "REPLICA",
    "REPLICAS",
    "DROP",
    "MARK",
    "UNCOMPRESSED",
    "DNS",
    "CACHE",
    "CACHES",
    "RELOAD",
    "DICTIONARY",
    "DICTIONARIES",
    "CONFIG",
    "RESTART",
    "FETCHES",
    "SENDS",
    "MOVES",
    "QUERY",
    "DISTRIBUTED",
    "REPLICATED",
    "REPLICATION",
    "QUEUES",
    "MUTATIONS",
    "FILESYSTEM",
    "SCHEMA",
    "FORMAT",
    "MMAP",
    "COMPILED",
    "EXPRESSION",
    "FUNCTIONS",
    "FUNCTION",
    "MODELS",
    "MODEL",
    "SHUTDOWN",
    "KILL",
    "WAIT",
    "LOADING",
    "PARTS",
    "CLEANUP",
    "VIEW",
    "VIEWS",
    "REFRESH",
    "CANCEL",
    "ENABLE",
    "DISABLE",
    "FAILPOINT",
    "UNFREEZE",
    "PRIMARY",
    "INDEX",
    "LIGHTWEIGHT",
    "UPDATES",
    "PULLING",
    "ASYNC",
    "INSERT",
    "QUEUE",
    "LOAD",
    "PRIMARY",
    "KEY",
    "PULL",
    "TABLE",
    "DATABASE",
    "PAUSE",
    "RESUME",
];

impl<'a> Parser<'a> {
    pub(super) fn parse_drop(&mut self) -> P<StatementKind> {
        self.expect_kw("DROP")?;
        let temporary = self.eat_kw("TEMPORARY");
        if self.eat_kw("DATABASE") {
            let if_exists = self.eat_kws(&["IF", "EXISTS"]);
            let name = self.ident()?;
            self.skip_on_cluster()?;
            self.eat_kw("SYNC");
            return Ok(StatementKind::DropDatabase { if_exists, name });
        }
        let is_view = if self.eat_kw("VIEW") {
            true
        } else if self.eat_kw("TABLE") || self.eat_kw("DICTIONARY") {
            false
        } else {
            return Err(self.unexpected("Expected one of: TABLE, VIEW, DICTIONARY, DATABASE"));
        };
        let if_exists = self.eat_kws(&["IF", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        self.eat_kw("SYNC");
        Ok(StatementKind::DropTable { if_exists, database, name, is_view, temporary })
    }

    pub(super) fn parse_truncate(&mut self) -> P<StatementKind> {
        self.expect_kw("TRUNCATE")?;
        self.eat_kw("TEMPORARY");
        self.eat_kw("TABLE");
        let if_exists = self.eat_kws(&["IF", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        Ok(StatementKind::Truncate { if_exists, database, name })
    }

    pub(super) fn parse_rename(&mut self) -> P<StatementKind> {
        self.expect_kw("RENAME")?;
        if !self.eat_kw("TABLE") {
            self.eat_kw("DICTIONARY");
        }
        let mut pairs = Vec::new();
        loop {
            let a = self.table_name()?;
            self.expect_kw("TO")?;
            let b = self.table_name()?;
            pairs.push((a, b));
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        self.skip_on_cluster()?;
        Ok(StatementKind::Rename { pairs })
    }

    pub(super) fn parse_exchange(&mut self) -> P<StatementKind> {
        self.expect_kw("EXCHANGE")?;
        if !self.eat_kw("TABLES") {
            self.expect_kw("DICTIONARIES")?;
        }
        let a = self.table_name()?;
        self.expect_kw("AND")?;
        let b = self.table_name()?;
        self.skip_on_cluster()?;
        Ok(StatementKind::Exchange { a, b })
    }

    pub(super) fn parse_delete(&mut self) -> P<StatementKind> {
        self.expect_kws(&["DELETE", "FROM"])?;
        let (database, table) = self.table_name()?;
        self.skip_on_cluster()?;
        self.expect_kw("WHERE")?;
        Ok(StatementKind::Delete { database, table, predicate: self.parse_expr()? })
    }

    fn like_clause(&mut self) -> P<Option<String>> {
        if self.eat_kw("LIKE") || self.eat_kw("ILIKE") {
            return Ok(Some(self.string_lit()?));
        }
        Ok(None)
    }

    pub(super) fn parse_show(&mut self) -> P<StatementKind> {
        self.expect_kw("SHOW")?;
        self.eat_kw("FULL");
        let kind = if self.eat_kw("DATABASES") {
            ShowKind::Databases { like: self.like_clause()? }
        } else if self.eat_kw("TABLES") {
            let database = if self.eat_kw("FROM") || self.eat_kw("IN") { Some(self.ident()?) } else { None };
            ShowKind::Tables { database, like: self.like_clause()? }
        } else if self.eat_kw("CREATE") {
            if self.eat_kw("DATABASE") {
                ShowKind::CreateDatabase { name: self.ident()? }
            } else {
                let _ = self.eat_kw("TABLE") || self.eat_kw("VIEW") || self.eat_kw("DICTIONARY");
                let (database, name) = self.table_name()?;
                ShowKind::CreateTable { database, name }
            }
        } else if self.eat_kw("COLUMNS") || self.eat_kw("FIELDS") {
            if !self.eat_kw("FROM") {
                self.expect_kw("IN")?;
            }
            let (mut database, table) = self.table_name()?;
            if self.eat_kw("FROM") || self.eat_kw("IN") {
                database = Some(self.ident()?);
            }
            self.like_clause()?;
            ShowKind::Columns { database, table }
        } else if self.eat_kw("PROCESSLIST") {
            ShowKind::Processlist
        } else if self.eat_kw("SETTINGS") {
            ShowKind::Settings { like: self.like_clause()? }
        } else if self.eat_kw("FUNCTIONS") {
            ShowKind::Functions { like: self.like_clause()? }
        } else if self.eat_kw("ENGINES") {
            ShowKind::Engines
        } else {
            return Err(self.unexpected(
                "Expected one of: DATABASES, TABLES, CREATE, COLUMNS, PROCESSLIST, SETTINGS, FUNCTIONS, ENGINES",
            ));
        };
        Ok(StatementKind::Show(kind))
    }

    pub(super) fn parse_describe(&mut self) -> P<StatementKind> {
        self.advance();
        if self.kw("TABLE") && !matches!(self.peek_n(1).kind, TokenKind::EndOfStream | TokenKind::Semicolon) {
            self.advance();
        }
        Ok(StatementKind::Describe { table: self.parse_table_element()? })
    }

    pub(super) fn parse_exists(&mut self) -> P<StatementKind> {
        self.expect_kw("EXISTS")?;
        self.eat_kw("TEMPORARY");
        if self.eat_kw("DATABASE") {
            return Ok(StatementKind::Exists { database: None, name: self.ident()?, is_database: true });
        }
        let _ = self.eat_kw("TABLE") || self.eat_kw("VIEW") || self.eat_kw("DICTIONARY");
        let (database, name) = self.table_name()?;
        Ok(StatementKind::Exists { database, name, is_database: false })
    }

    pub(super) fn parse_explain(&mut self) -> P<StatementKind> {
        self.expect_kw("EXPLAIN")?;
        let kind = if self.eat_kw("AST") {
            ExplainKind::Ast
        } else if self.eat_kw("SYNTAX") {
            ExplainKind::Syntax
        } else if self.eat_kw("PLAN") {
            ExplainKind::Plan
        } else if self.eat_kw("PIPELINE") {
            ExplainKind::Pipeline
        } else if self.eat_kw("ESTIMATE") {
            ExplainKind::Estimate
        } else if self.eat_kws(&["QUERY", "TREE"]) {
            ExplainKind::QueryTree
        } else {
            ExplainKind::Plan
        };
        let mut settings = Vec::new();
        if matches!(self.peek().kind, TokenKind::BareWord) && self.peek_n(1).kind == TokenKind::Equals {
            settings = self.settings_list()?;
        }
        if self.kw("EXPLAIN") {
            return Err(self.unexpected("Expected a query after EXPLAIN"));
        }
        let statement = self.parse_statement()?;
        Ok(StatementKind::Explain { kind, settings, statement: Box::new(statement) })
    }

    pub(super) fn parse_optimize(&mut self) -> P<StatementKind> {
        self.expect_kws(&["OPTIMIZE", "TABLE"])?;
        let (database, table) = self.table_name()?;
        self.skip_on_cluster()?;
        let mut partition = None;
        if self.eat_kw("PARTITION") {
            if self.kw("ID") && self.peek_n(1).kind == TokenKind::StringLiteral {
                self.advance();
            }
            partition = Some(self.parse_expr()?);
        }
        let final_ = self.eat_kw("FINAL");
        let deduplicate = self.eat_kw("DEDUPLICATE");
        if deduplicate && self.eat_kw("BY") {
            self.parse_expr_list()?;
        }
        Ok(StatementKind::Optimize { database, table, partition, final_, deduplicate })
    }

    pub(super) fn parse_system(&mut self) -> P<StatementKind> {
        self.expect_kw("SYSTEM")?;
        let mut words = Vec::new();
        loop {
            let t = self.peek();
            if t.kind == TokenKind::BareWord && SYSTEM_WORDS.iter().any(|w| self.text(t).eq_ignore_ascii_case(w)) {
                // A trailing known word followed by `.` is a database name.
                if self.peek_n(1).kind == TokenKind::Dot {
                    break;
                }
                words.push(self.text(t).to_ascii_uppercase());
                self.advance();
            } else {
                break;
            }
        }
        if words.is_empty() {
            return Err(self.unexpected("Expected SYSTEM command"));
        }
        let (mut database, mut table) = (None, None);
        if matches!(self.peek().kind, TokenKind::BareWord | TokenKind::QuotedIdentifier)
            && !self.kw("ON")
            && !self.kw("FORMAT")
            && !self.kw("SETTINGS")
        {
            let (d, t) = self.table_name()?;
            database = d;
            table = Some(t);
        }
        self.skip_on_cluster()?;
        Ok(StatementKind::System(SystemCommand { words, database, table }))
    }

    pub(super) fn parse_kill(&mut self) -> P<StatementKind> {
        self.expect_kws(&["KILL", "QUERY"])?;
        self.skip_on_cluster()?;
        self.expect_kw("WHERE")?;
        let predicate = self.parse_expr()?;
        let sync = self.eat_kw("SYNC");
        if !sync {
            let _ = self.eat_kw("ASYNC") || self.eat_kw("TEST");
        }
        Ok(StatementKind::KillQuery { predicate, sync })
    }

    pub(super) fn parse_check(&mut self) -> P<StatementKind> {
        self.expect_kws(&["CHECK", "TABLE"])?;
        let (database, table) = self.table_name()?;
        if self.eat_kw("PARTITION") {
            self.parse_expr()?;
        }
        Ok(StatementKind::Check { database, table })
    }

    pub(super) fn parse_detach(&mut self) -> P<StatementKind> {
        self.expect_kw("DETACH")?;
        let _ = self.eat_kw("TABLE") || self.eat_kw("VIEW") || self.eat_kw("DICTIONARY") || self.eat_kw("DATABASE");
        let _ = self.eat_kws(&["IF", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        let permanently = self.eat_kw("PERMANENTLY");
        self.eat_kw("SYNC");
        Ok(StatementKind::Detach { database, name, permanently })
    }

    pub(super) fn parse_attach(&mut self) -> P<StatementKind> {
        self.expect_kw("ATTACH")?;
        let _ = self.eat_kw("TABLE") || self.eat_kw("VIEW") || self.eat_kw("DICTIONARY") || self.eat_kw("DATABASE");
        let _ = self.eat_kws(&["IF", "NOT", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        Ok(StatementKind::Attach { database, name })
    }
}
