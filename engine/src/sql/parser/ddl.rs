//! CREATE TABLE / VIEW / DATABASE, ALTER TABLE and INSERT (`ParserCreateQuery.cpp`,
//! `ParserAlterQuery.cpp`, `ParserInsertQuery.cpp`). Column types are kept as their
//! source text (parsed later by `types::parse_type`).

use super::{Parser, P};
use crate::sql::ast::*;
use crate::sql::lexer::TokenKind;

/// Words that end a column's type text.
const TYPE_STOP: &[&str] = &[
    "DEFAULT",
    "MATERIALIZED",
    "ALIAS",
    "EPHEMERAL",
    "CODEC",
    "TTL",
    "COMMENT",
    "NULL",
    "NOT",
    "PRIMARY",
    "SETTINGS",
    "STATISTICS",
    "AFTER",
    "FIRST",
];

/// Words that start the next ALTER command (they end a TTL list).
const ALTER_WORDS: &[&str] = &[
    "MODIFY",
    "ADD",
    "DROP",
    "RENAME",
    "COMMENT",
    "MATERIALIZE",
    "CLEAR",
    "DELETE",
    "UPDATE",
    "DETACH",
    "ATTACH",
    "ENGINE",
];

impl<'a> Parser<'a> {
    pub(super) fn parse_create(&mut self) -> P<StatementKind> {
        self.expect_kw("CREATE")?;
        let or_replace = self.eat_kws(&["OR", "REPLACE"]);
        let temporary = self.eat_kw("TEMPORARY");
        if self.eat_kw("DATABASE") {
            let if_not_exists = self.eat_kws(&["IF", "NOT", "EXISTS"]);
            let name = self.ident()?;
            self.skip_on_cluster()?;
            let mut engine = None;
            if self.eat_kw("ENGINE") {
                self.eat(TokenKind::Equals);
                engine = Some(self.engine_head()?);
            }
            if self.eat_kw("COMMENT") {
                self.string_lit()?;
            }
            return Ok(StatementKind::CreateDatabase { if_not_exists, name, engine });
        }
        let materialized = self.eat_kw("MATERIALIZED");
        if self.eat_kw("VIEW") {
            return self.parse_create_view(or_replace, materialized);
        }
        self.expect_kw("TABLE")?;
        let if_not_exists = self.eat_kws(&["IF", "NOT", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        let mut ct = CreateTable {
            if_not_exists,
            or_replace,
            temporary,
            database,
            name,
            columns: Vec::new(),
            indexes: Vec::new(),
            constraints: Vec::new(),
            as_table: None,
            as_function: None,
            engine: None,
            as_select: None,
            comment: None,
        };
        let mut inline_pk: Vec<Expr> = Vec::new();
        if self.is(TokenKind::OpeningRoundBracket) && !self.is_paren_select() {
            self.advance();
            loop {
                self.parse_table_element_def(&mut ct, &mut inline_pk)?;
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        }
        if self.kw("AS")
            && !self.kw_at(1, "SELECT")
            && !self.kw_at(1, "WITH")
            && self.peek_n(1).kind != TokenKind::OpeningRoundBracket
        {
            self.advance();
            if self.peek_n(1).kind == TokenKind::OpeningRoundBracket {
                let name = self.ident()?;
                if let Expr::Function(call) = self.parse_call(name)? {
                    ct.as_function = Some(*call);
                }
            } else {
                ct.as_table = Some(self.table_name()?);
            }
        }
        self.parse_storage(&mut ct.engine, &mut ct.comment)?;
        if ct.engine.is_none() && !inline_pk.is_empty() {
            ct.engine = Some(EngineClause::default());
        }
        if let Some(e) = &mut ct.engine {
            if e.primary_key.is_none() && !inline_pk.is_empty() {
                e.primary_key =
                    Some(if inline_pk.len() == 1 { inline_pk.remove(0) } else { Expr::call("tuple", inline_pk) });
            }
        }
        if self.eat_kw("AS") {
            ct.as_select = Some(Box::new(self.parse_query()?));
        }
        if self.eat_kw("COMMENT") {
            ct.comment = Some(self.string_lit()?);
        }
        Ok(StatementKind::CreateTable(Box::new(ct)))
    }

    fn parse_create_view(&mut self, or_replace: bool, materialized: bool) -> P<StatementKind> {
        let if_not_exists = self.eat_kws(&["IF", "NOT", "EXISTS"]);
        let (database, name) = self.table_name()?;
        self.skip_on_cluster()?;
        let mut to = None;
        if self.eat_kw("TO") {
            to = Some(self.table_name()?);
        }
        if self.is(TokenKind::OpeningRoundBracket) && !self.is_paren_select() {
            self.skip_balanced()?;
        }
        let mut engine = None;
        let mut comment = None;
        self.parse_storage(&mut engine, &mut comment)?;
        self.eat_kw("POPULATE");
        self.expect_kw("AS")?;
        let query = Box::new(self.parse_query()?);
        if self.eat_kw("COMMENT") {
            self.string_lit()?;
        }
        Ok(StatementKind::CreateView { if_not_exists, or_replace, database, name, query, materialized, to })
    }

    /// `Name[(args)]` after `ENGINE =`.
    fn engine_head(&mut self) -> P<EngineClause> {
        let name = self.ident()?;
        let mut e = EngineClause { name, ..Default::default() };
        if self.eat(TokenKind::OpeningRoundBracket) {
            let mut args = Vec::new();
            while !self.is(TokenKind::ClosingRoundBracket) {
                args.push(self.parse_expr_alias()?);
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            e.args = Some(args);
        }
        Ok(e)
    }

    /// ENGINE and its clauses, in any order.
    fn parse_storage(&mut self, engine: &mut Option<EngineClause>, comment: &mut Option<String>) -> P<()> {
        loop {
            if self.eat_kw("ENGINE") {
                self.eat(TokenKind::Equals);
                let head = self.engine_head()?;
                let e = engine.get_or_insert_with(EngineClause::default);
                e.name = head.name;
                e.args = head.args;
                continue;
            }
            let slot = if self.eat_kws(&["ORDER", "BY"]) {
                0
            } else if self.eat_kws(&["PARTITION", "BY"]) {
                1
            } else if self.eat_kws(&["PRIMARY", "KEY"]) {
                2
            } else if self.eat_kws(&["SAMPLE", "BY"]) {
                3
            } else if self.eat_kw("TTL") {
                4
            } else if self.eat_kw("SETTINGS") {
                let s = self.settings_list()?;
                engine.get_or_insert_with(EngineClause::default).settings.extend(s);
                continue;
            } else if self.kw("COMMENT") && self.peek_n(1).kind == TokenKind::StringLiteral {
                self.advance();
                *comment = Some(self.string_lit()?);
                continue;
            } else {
                return Ok(());
            };
            let expr = if slot == 4 {
                let list = self.parse_ttl_list()?;
                if list.len() == 1 {
                    list.into_iter().next().unwrap_or(Expr::Literal(Literal::Null))
                } else {
                    Expr::call("tuple", list)
                }
            } else {
                self.parse_expr()?
            };
            let e = engine.get_or_insert_with(EngineClause::default);
            match slot {
                0 => e.order_by = Some(expr),
                1 => e.partition_by = Some(expr),
                2 => e.primary_key = Some(expr),
                3 => e.sample_by = Some(expr),
                _ => e.ttl = Some(expr),
            }
        }
    }

    /// `TTL expr [DELETE|TO DISK 'x'|TO VOLUME 'x'], …` (actions dropped).
    fn parse_ttl_list(&mut self) -> P<Vec<Expr>> {
        let mut out = Vec::new();
        loop {
            out.push(self.parse_expr()?);
            if self.eat_kw("DELETE") || self.eat_kws(&["TO", "DISK"]) || self.eat_kws(&["TO", "VOLUME"]) {
                if self.is(TokenKind::StringLiteral) {
                    self.advance();
                }
                if self.eat_kw("WHERE") {
                    self.parse_expr()?;
                }
            }
            let next_is_command = ALTER_WORDS.iter().any(|w| self.kw_at(1, w))
                && matches!(self.peek_n(2).kind, TokenKind::BareWord | TokenKind::Equals);
            if !self.is(TokenKind::Comma) || next_is_command {
                return Ok(out);
            }
            self.advance();
        }
    }

    fn parse_table_element_def(&mut self, ct: &mut CreateTable, pk: &mut Vec<Expr>) -> P<()> {
        if self.kw("INDEX") && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            self.advance();
            let idx = self.parse_index_def()?;
            ct.indexes.push(idx);
            return Ok(());
        }
        if self.kw("CONSTRAINT") && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            self.advance();
            let name = self.ident()?;
            if !self.eat_kw("CHECK") {
                self.expect_kw("ASSUME")?;
            }
            let e = self.parse_expr()?;
            ct.constraints.push((name, e));
            return Ok(());
        }
        if self.kw("PROJECTION") && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            self.advance();
            let name = self.ident()?;
            let start = self.peek().start;
            let end = self.skip_balanced()?;
            let text = self.snippet(start, end);
            ct.constraints.push((name, Expr::Literal(Literal::String(text.into_bytes()))));
            return Ok(());
        }
        if self.kw("PRIMARY") && self.kw_at(1, "KEY") {
            self.pos += 2;
            let e = self.parse_expr()?;
            pk.push(e);
            return Ok(());
        }
        let col = self.parse_column_def()?;
        if self.eat_kws(&["PRIMARY", "KEY"]) {
            pk.push(Expr::ident(col.name.clone()));
        }
        ct.columns.push(col);
        Ok(())
    }

    /// `name expr TYPE type(args) [GRANULARITY n]` (after INDEX).
    fn parse_index_def(&mut self) -> P<IndexDef> {
        let name = self.ident()?;
        let expr = self.parse_expr()?;
        self.expect_kw("TYPE")?;
        let tname = self.ident()?;
        let index_type = if self.is(TokenKind::OpeningRoundBracket) {
            match self.parse_call(tname)? {
                Expr::Function(c) => *c,
                _ => FunctionCall::new("", vec![]),
            }
        } else {
            FunctionCall::new(tname, vec![])
        };
        let mut granularity = None;
        if self.eat_kw("GRANULARITY") {
            let t = self.expect(TokenKind::Number, "number")?;
            granularity = match self.number_literal(t)? {
                Literal::UInt(v) => Some(v),
                _ => return Err(self.error_at(t, "Expected unsigned integer")),
            };
        }
        Ok(IndexDef { name, expr, index_type, granularity })
    }

    /// `name [Type] [NULL|NOT NULL] [DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL e] [COMMENT 's'] [CODEC(…)] [TTL e]`.
    pub(super) fn parse_column_def(&mut self) -> P<ColumnDef> {
        let name = self.ident()?;
        let mut col =
            ColumnDef { name, type_name: None, nullable: None, default: None, comment: None, codec: None, ttl: None };
        // Type text: up to a stop word, `,` or `)` at bracket depth 0.
        let mut start = None;
        let mut end = 0;
        loop {
            let t = self.peek();
            match t.kind {
                TokenKind::Comma | TokenKind::ClosingRoundBracket | TokenKind::EndOfStream | TokenKind::Semicolon => {
                    break
                }
                TokenKind::BareWord if TYPE_STOP.iter().any(|k| self.text(t).eq_ignore_ascii_case(k)) => break,
                TokenKind::OpeningRoundBracket => {
                    start.get_or_insert(t.start);
                    end = self.skip_balanced()?;
                }
                TokenKind::Error => return Err(self.unexpected("")),
                _ => {
                    start.get_or_insert(t.start);
                    end = t.end;
                    self.advance();
                }
            }
        }
        if let Some(s) = start {
            col.type_name = Some(self.snippet(s, end).trim().to_string());
        }
        loop {
            if self.eat_kws(&["NOT", "NULL"]) {
                col.nullable = Some(false);
            } else if self.eat_kw("NULL") {
                col.nullable = Some(true);
            } else if self.eat_kw("DEFAULT") {
                col.default = Some(ColumnDefault::Default(self.parse_expr()?));
            } else if self.eat_kw("MATERIALIZED") {
                col.default = Some(ColumnDefault::Materialized(self.parse_expr()?));
            } else if self.eat_kw("ALIAS") {
                col.default = Some(ColumnDefault::Alias(self.parse_expr()?));
            } else if self.eat_kw("EPHEMERAL") {
                let e = if matches!(self.peek().kind, TokenKind::Comma | TokenKind::ClosingRoundBracket)
                    || self.kw("COMMENT")
                {
                    None
                } else {
                    Some(self.parse_expr()?)
                };
                col.default = Some(ColumnDefault::Ephemeral(e));
            } else if self.eat_kw("COMMENT") {
                col.comment = Some(self.string_lit()?);
            } else if self.kw("CODEC") && self.peek_n(1).kind == TokenKind::OpeningRoundBracket {
                self.advance();
                let open = self.peek();
                let end = self.skip_balanced()?;
                col.codec = Some(self.snippet(open.end, end.saturating_sub(1)).trim().to_string());
            } else if self.eat_kw("TTL") {
                col.ttl = Some(self.parse_expr()?);
            } else {
                return Ok(col);
            }
        }
    }

    // ---------- ALTER ----------

    pub(super) fn parse_alter(&mut self) -> P<StatementKind> {
        self.expect_kws(&["ALTER", "TABLE"])?;
        let (database, table) = self.table_name()?;
        self.skip_on_cluster()?;
        let mut commands = Vec::new();
        loop {
            commands.push(self.parse_alter_command()?);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        Ok(StatementKind::Alter { database, table, commands })
    }

    fn partition_clause(&mut self) -> P<Option<Expr>> {
        if self.eat_kws(&["IN", "PARTITION"]) {
            return Ok(Some(self.partition_expr()?));
        }
        Ok(None)
    }

    fn partition_expr(&mut self) -> P<Expr> {
        if self.kw("ID") && self.peek_n(1).kind == TokenKind::StringLiteral {
            self.advance();
        }
        self.parse_expr()
    }

    fn parse_alter_command(&mut self) -> P<AlterCommand> {
        if self.eat_kws(&["ADD", "COLUMN"]) {
            let if_not_exists = self.eat_kws(&["IF", "NOT", "EXISTS"]);
            let column = self.parse_column_def()?;
            let mut after = None;
            let mut first = false;
            if self.eat_kw("AFTER") {
                after = Some(self.ident()?);
            } else if self.eat_kw("FIRST") {
                first = true;
            }
            return Ok(AlterCommand::AddColumn { column, if_not_exists, after, first });
        }
        if self.eat_kws(&["DROP", "COLUMN"]) {
            let if_exists = self.eat_kws(&["IF", "EXISTS"]);
            return Ok(AlterCommand::DropColumn { name: self.ident()?, if_exists });
        }
        if self.eat_kws(&["MODIFY", "COLUMN"]) {
            let if_exists = self.eat_kws(&["IF", "EXISTS"]);
            return Ok(AlterCommand::ModifyColumn { column: self.parse_column_def()?, if_exists });
        }
        if self.eat_kws(&["RENAME", "COLUMN"]) {
            let if_exists = self.eat_kws(&["IF", "EXISTS"]);
            let from = self.ident()?;
            self.expect_kw("TO")?;
            return Ok(AlterCommand::RenameColumn { from, to: self.ident()?, if_exists });
        }
        if self.eat_kws(&["COMMENT", "COLUMN"]) {
            let _ = self.eat_kws(&["IF", "EXISTS"]);
            let name = self.ident()?;
            return Ok(AlterCommand::CommentColumn { name, comment: self.string_lit()? });
        }
        if self.eat_kws(&["ADD", "INDEX"]) {
            let if_not_exists = self.eat_kws(&["IF", "NOT", "EXISTS"]);
            let index = self.parse_index_def()?;
            if self.eat_kw("AFTER") {
                self.ident()?;
            } else {
                self.eat_kw("FIRST");
            }
            return Ok(AlterCommand::AddIndex { index, if_not_exists });
        }
        if self.eat_kws(&["DROP", "INDEX"]) {
            let if_exists = self.eat_kws(&["IF", "EXISTS"]);
            return Ok(AlterCommand::DropIndex { name: self.ident()?, if_exists });
        }
        if self.eat_kws(&["MATERIALIZE", "INDEX"]) {
            let _ = self.eat_kws(&["IF", "EXISTS"]);
            let name = self.ident()?;
            return Ok(AlterCommand::MaterializeIndex { name, partition: self.partition_clause()? });
        }
        if self.eat_kws(&["CLEAR", "INDEX"]) {
            let _ = self.eat_kws(&["IF", "EXISTS"]);
            let name = self.ident()?;
            return Ok(AlterCommand::ClearIndex { name, partition: self.partition_clause()? });
        }
        if self.eat_kw("DELETE") {
            self.partition_clause()?;
            self.expect_kw("WHERE")?;
            return Ok(AlterCommand::Delete { predicate: self.parse_expr()? });
        }
        if self.eat_kw("UPDATE") {
            let mut assignments = Vec::new();
            loop {
                let name = self.ident()?;
                self.expect(TokenKind::Equals, "=")?;
                assignments.push((name, self.parse_expr()?));
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.partition_clause()?;
            self.expect_kw("WHERE")?;
            return Ok(AlterCommand::Update { assignments, predicate: self.parse_expr()? });
        }
        if self.eat_kws(&["DROP", "PARTITION"]) {
            return Ok(AlterCommand::DropPartition { partition: self.partition_expr()?, detach: false });
        }
        if self.eat_kws(&["DETACH", "PARTITION"]) {
            return Ok(AlterCommand::DropPartition { partition: self.partition_expr()?, detach: true });
        }
        if self.eat_kws(&["ATTACH", "PARTITION"]) {
            return Ok(AlterCommand::AttachPartition { partition: self.partition_expr()? });
        }
        if self.eat_kws(&["MODIFY", "TTL"]) {
            let list = self.parse_ttl_list()?;
            let e = if list.len() == 1 {
                list.into_iter().next().unwrap_or(Expr::Literal(Literal::Null))
            } else {
                Expr::call("tuple", list)
            };
            return Ok(AlterCommand::ModifyTtl(e));
        }
        if self.eat_kws(&["MODIFY", "SETTING"]) {
            return Ok(AlterCommand::ModifySetting(self.settings_list()?));
        }
        if self.eat_kws(&["MODIFY", "ORDER", "BY"]) {
            return Ok(AlterCommand::ModifyOrderBy(self.parse_expr()?));
        }
        Err(self.unexpected(
            "Expected one of: ADD COLUMN, DROP COLUMN, MODIFY COLUMN, RENAME COLUMN, COMMENT COLUMN, ADD INDEX, \
             DROP INDEX, MATERIALIZE INDEX, CLEAR INDEX, DELETE, UPDATE, DROP PARTITION, DETACH PARTITION, \
             ATTACH PARTITION, MODIFY TTL, MODIFY SETTING, MODIFY ORDER BY",
        ))
    }

    // ---------- INSERT ----------

    pub(super) fn parse_insert(&mut self) -> P<StatementKind> {
        self.expect_kw("INSERT")?;
        self.expect_kw("INTO")?;
        self.eat_kw("TABLE");
        let (database, table) = self.table_name()?;
        let mut columns = None;
        if self.is(TokenKind::OpeningRoundBracket) && !self.is_paren_select() {
            self.advance();
            let mut cols = Vec::new();
            while !self.is(TokenKind::ClosingRoundBracket) {
                // `a`, `n.x` (a compound name of a Nested column).
                let mut name = self.ident()?;
                while self.is(TokenKind::Dot) {
                    self.advance();
                    name.push('.');
                    name.push_str(&self.ident()?);
                }
                cols.push(name);
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            columns = Some(cols);
        }
        let mut settings = Vec::new();
        if self.eat_kw("SETTINGS") {
            settings = self.settings_list()?;
        }
        let source = if self.kw("VALUES") {
            self.advance();
            // The rows are data, not query text: `max_query_size` does not apply to them.
            self.size_limit = usize::MAX;
            let mut rows = Vec::new();
            while self.eat(TokenKind::OpeningRoundBracket) {
                let mut row = Vec::new();
                while !self.is(TokenKind::ClosingRoundBracket) {
                    row.push(self.parse_expr()?);
                    if !self.eat(TokenKind::Comma) {
                        break;
                    }
                }
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                rows.push(row);
                self.eat(TokenKind::Comma);
            }
            if rows.is_empty() {
                return Err(self.unexpected("Expected opening round bracket"));
            }
            InsertSource::Values(rows)
        } else if self.kw("FORMAT") {
            self.advance();
            let t = self.peek();
            let format = self.ident()?;
            // The data starts after the format name and one whitespace character (a newline
            // ends it); lexing stops here so the data is never tokenized.
            let bytes = self.sql.as_bytes();
            let mut start = t.end;
            while start < bytes.len() && (bytes[start] == b' ' || bytes[start] == b'\t') {
                start += 1;
            }
            if bytes.get(start) == Some(&b'\r') {
                start += 1;
            }
            if bytes.get(start) == Some(&b'\n') {
                start += 1;
            }
            let data = bytes.get(start..).unwrap_or(b"").to_vec();
            InsertSource::Format { format, data }
        } else if self.kw("SELECT") || self.kw("WITH") || self.is(TokenKind::OpeningRoundBracket) {
            InsertSource::Select(Box::new(self.parse_query()?))
        } else {
            return Err(self.unexpected("Expected one of: VALUES, FORMAT, SELECT, WITH, SETTINGS"));
        };
        Ok(StatementKind::Insert(Box::new(Insert { database, table, columns, source, settings })))
    }
}
