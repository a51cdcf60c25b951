//! Granary's ClickHouse SQL parser: tokens ([`super::lexer`]) → [`super::ast`].
//!
//! A hand-written recursive-descent parser mirroring ClickHouse's grammar
//! (`src/Parsers/Parser*.cpp`, `ExpressionListParsers.cpp`). This module owns the
//! token cursor, keywords, error messages in ClickHouse's shape
//! (`Syntax error: failed at position N (tok): rest. Expected …`), the parser
//! depth limit (`max_parser_depth`, error 306), the AST depth limit (`max_ast_depth`,
//! error 167) and statement dispatch. Expressions live in `expr.rs` (special forms such
//! as CASE/CAST/EXTRACT and window specs in `forms.rs`), SELECT in `select.rs`,
//! CREATE/ALTER/INSERT in `ddl.rs` and the small statements in `misc.rs`.
//!
//! Binary operators are parsed in loops (precedence climbing), so a chain of
//! 10,000 `+1` terms never recurses; its AST depth is tracked while it is built
//! and rejected with TOO_DEEP_AST the way ClickHouse does (a function node counts
//! two levels: the function and its argument list).
//!
//! Every other nesting (parentheses, calls, subqueries, CASE, NOT, unary minus, `?:`,
//! subscripts, EXISTS, CTEs, OVER) counts parser depth, weighted so the boundaries match
//! chdb (497 nested `abs(` / `+1` terms → 167; 197 nested parentheses → 306). At the
//! default `max_parser_depth` of 1000 the deepest input needs < 8 MiB of stack in debug
//! builds (`tests/limits.rs` checks it on an 8 MiB thread), so call `parse` from threads
//! with at least that much stack (spec/engine.md P2).

mod ddl;
mod expr;
mod forms;
mod misc;
mod select;
#[cfg(test)]
mod tests;

use super::ast::*;
use super::lexer::{unescape, Lexer, Token, TokenKind};
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

/// Parser depth (in hundredths) of one parenthesis, on top of the expression inside it.
const PAREN_DEPTH: usize = 405;

/// ClickHouse's default `max_ast_depth`.
const MAX_AST_DEPTH: usize = 1000;

/// Parses one or more `;`-separated statements.
pub fn parse(sql: &str, limits: ParserLimits) -> Result<Vec<Statement>> {
    let mut p = Parser::new(sql, limits);
    let r = parse_all(&mut p);
    // `max_query_size` limits the tokens the parser reads; INSERT data (after FORMAT or
    // VALUES) is not part of it, as in ClickHouse.
    if let Some(t) = p.size_exceeded {
        return Err(p.query_size_error(t));
    }
    r
}

fn parse_all(p: &mut Parser<'_>) -> Result<Vec<Statement>> {
    let mut out = Vec::new();
    loop {
        while p.eat(TokenKind::Semicolon) {}
        if p.peek().kind == TokenKind::EndOfStream {
            break;
        }
        let stmt = p.parse_statement()?;
        let is_insert_data =
            matches!(&stmt.kind, StatementKind::Insert(i) if matches!(i.source, InsertSource::Format { .. }));
        out.push(stmt);
        if is_insert_data {
            break;
        }
        let t = p.peek();
        match t.kind {
            TokenKind::Semicolon => {}
            TokenKind::EndOfStream => break,
            _ => return Err(p.error_at(t, "Expected end of query")),
        }
    }
    Ok(out)
}

pub(crate) struct Parser<'a> {
    sql: &'a str,
    lexer: Lexer<'a>,
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    limits: ParserLimits,
    /// Tokens ending beyond this offset exceed `max_query_size`.
    size_limit: usize,
    size_exceeded: Option<Token>,
}

type P<T> = Result<T>;

impl<'a> Parser<'a> {
    fn new(sql: &'a str, limits: ParserLimits) -> Self {
        Parser {
            sql,
            lexer: Lexer::new(sql),
            toks: Vec::new(),
            pos: 0,
            depth: 0,
            limits,
            size_limit: limits.max_query_size,
            size_exceeded: None,
        }
    }

    // ---------- token cursor ----------

    fn fill(&mut self, n: usize) {
        while self.toks.len() <= self.pos + n {
            if let Some(last) = self.toks.last() {
                if last.kind == TokenKind::EndOfStream {
                    let l = *last;
                    self.toks.push(l);
                    continue;
                }
            }
            let t = self.lexer.next_token();
            if t.end > self.size_limit && t.kind != TokenKind::EndOfStream {
                // Stop here: the query is cut at the limit and the error is reported by `parse`.
                self.size_exceeded.get_or_insert(t);
                self.toks.push(Token { kind: TokenKind::EndOfStream, start: t.start, end: t.start });
                continue;
            }
            self.toks.push(t);
        }
    }

    fn peek(&mut self) -> Token {
        self.peek_n(0)
    }

    fn peek_n(&mut self, n: usize) -> Token {
        self.fill(n);
        self.toks[self.pos + n]
    }

    fn advance(&mut self) -> Token {
        let t = self.peek();
        if t.kind != TokenKind::EndOfStream {
            self.pos += 1;
        }
        t
    }

    fn text(&self, t: Token) -> &'a str {
        self.sql.get(t.start..t.end).unwrap_or("")
    }

    fn is(&mut self, kind: TokenKind) -> bool {
        self.peek().kind == kind
    }

    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.is(kind) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, kind: TokenKind, what: &str) -> P<Token> {
        let t = self.peek();
        if t.kind == kind {
            self.advance();
            Ok(t)
        } else {
            Err(self.error_at(t, &format!("Expected {what}")))
        }
    }

    /// Whether token `n` ahead is the keyword `kw` (case-insensitive bare word).
    fn kw_at(&mut self, n: usize, kw: &str) -> bool {
        let t = self.peek_n(n);
        t.kind == TokenKind::BareWord && self.text(t).eq_ignore_ascii_case(kw)
    }

    fn kw(&mut self, kw: &str) -> bool {
        self.kw_at(0, kw)
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    /// Eats a sequence of keywords only when all of them follow.
    fn eat_kws(&mut self, kws: &[&str]) -> bool {
        for (i, k) in kws.iter().enumerate() {
            if !self.kw_at(i, k) {
                return false;
            }
        }
        self.pos += kws.len();
        true
    }

    fn expect_kw(&mut self, kw: &str) -> P<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            let t = self.peek();
            Err(self.error_at(t, &format!("Expected {kw}")))
        }
    }

    fn expect_kws(&mut self, kws: &[&str]) -> P<()> {
        for k in kws {
            self.expect_kw(k)?;
        }
        Ok(())
    }

    // ---------- errors and limits ----------

    fn error_at(&self, t: Token, expected: &str) -> Error {
        let tok =
            if t.kind == TokenKind::EndOfStream { "end of query".to_string() } else { self.snippet(t.start, t.end) };
        let rest = self.snippet(t.start, self.sql.len().min(t.start + 200));
        let mut msg = format!("Syntax error: failed at position {} ({tok})", t.start + 1);
        if self.sql.contains('\n') {
            let before = self.sql.get(..t.start).unwrap_or("");
            let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
            let col = t.start - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
            msg.push_str(&format!(" (line {line}, col {col})"));
        }
        if t.kind == TokenKind::Error {
            return Error::new(ErrorCode::SYNTAX_ERROR, format!("Unrecognized token: {msg}: {rest}. "));
        }
        msg.push_str(&format!(": {rest}. {expected}"));
        Error::new(ErrorCode::SYNTAX_ERROR, msg)
    }

    fn unexpected(&mut self, expected: &str) -> Error {
        let t = self.peek();
        self.error_at(t, expected)
    }

    /// The input between two byte offsets, widened to char boundaries.
    fn snippet(&self, mut a: usize, mut b: usize) -> String {
        let s = self.sql;
        a = a.min(s.len());
        b = b.min(s.len());
        while a > 0 && !s.is_char_boundary(a) {
            a -= 1;
        }
        while b < s.len() && !s.is_char_boundary(b) {
            b += 1;
        }
        s.get(a..b).unwrap_or("").to_string()
    }

    fn query_size_error(&self, t: Token) -> Error {
        let tok = self.snippet(t.start, t.end);
        Error::new(
            ErrorCode::SYNTAX_ERROR,
            format!(
                "Max query size exceeded (can be increased with the `max_query_size` setting): \
                 Syntax error: failed at position {} ({tok}): {tok}. ",
                t.start + 1
            ),
        )
    }

    /// Enters a nested construct; `weight` levels of ClickHouse's parser depth.
    fn enter(&mut self, weight: usize) -> P<()> {
        self.enter_hundredths(weight * 100)
    }

    /// Depth is kept in hundredths: ClickHouse spends about 5.05 levels per parenthesis
    /// (197 nested parentheses pass `max_parser_depth = 1000`, 198 do not).
    fn enter_hundredths(&mut self, units: usize) -> P<()> {
        self.depth += units;
        if self.depth > self.limits.max_depth.saturating_mul(100) {
            return Err(Error::new(
                ErrorCode::TOO_DEEP_RECURSION,
                format!(
                    "Maximum parse depth ({}) exceeded. Consider rising max_parser_depth parameter.",
                    self.limits.max_depth
                ),
            ));
        }
        Ok(())
    }

    fn leave(&mut self, weight: usize) {
        self.leave_hundredths(weight * 100);
    }

    fn leave_hundredths(&mut self, units: usize) {
        self.depth = self.depth.saturating_sub(units);
    }

    // ---------- common pieces ----------

    /// An identifier (bare word or quoted) as written.
    fn ident(&mut self) -> P<String> {
        let t = self.peek();
        match t.kind {
            TokenKind::BareWord => {
                self.advance();
                Ok(self.text(t).to_string())
            }
            TokenKind::QuotedIdentifier => {
                self.advance();
                Ok(self.unquote(t))
            }
            _ => Err(self.unexpected("Expected identifier")),
        }
    }

    fn unquote(&self, t: Token) -> String {
        let raw = self.sql.as_bytes().get(t.start..t.end).unwrap_or(b"");
        if raw.len() < 2 {
            return String::new();
        }
        let q = raw[0];
        String::from_utf8_lossy(&unescape(&raw[1..raw.len() - 1], q)).into_owned()
    }

    fn string_bytes(&self, t: Token) -> Vec<u8> {
        let raw = self.sql.as_bytes().get(t.start..t.end).unwrap_or(b"");
        if t.kind == TokenKind::HereDoc {
            let tag_len = raw.iter().skip(1).position(|&b| b == b'$').map(|p| p + 2).unwrap_or(1);
            return raw.get(tag_len..raw.len().saturating_sub(tag_len)).unwrap_or(b"").to_vec();
        }
        if raw.len() < 2 {
            return Vec::new();
        }
        unescape(&raw[1..raw.len() - 1], b'\'')
    }

    /// A string literal's value as text.
    fn string_lit(&mut self) -> P<String> {
        let t = self.peek();
        if t.kind == TokenKind::StringLiteral || t.kind == TokenKind::HereDoc {
            self.advance();
            Ok(String::from_utf8_lossy(&self.string_bytes(t)).into_owned())
        } else {
            Err(self.unexpected("Expected string literal"))
        }
    }

    /// `[db.]name`.
    fn table_name(&mut self) -> P<(Option<String>, String)> {
        let a = self.ident()?;
        if self.is(TokenKind::Dot) && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            self.advance();
            let b = self.ident()?;
            Ok((Some(a), b))
        } else {
            Ok((None, a))
        }
    }

    fn skip_on_cluster(&mut self) -> P<()> {
        if self.eat_kws(&["ON", "CLUSTER"]) {
            let t = self.peek();
            if t.kind == TokenKind::StringLiteral {
                self.advance();
            } else {
                self.ident()?;
            }
        }
        Ok(())
    }

    /// `k = v, …` (SETTINGS / SET).
    fn settings_list(&mut self) -> P<Vec<(String, Expr)>> {
        let mut out = Vec::new();
        loop {
            let name = self.ident()?;
            self.expect(TokenKind::Equals, "Equals")?;
            let value = self.parse_expr()?;
            out.push((name, value));
            // A comma continues the list only when `name =` follows (ALTER … MODIFY SETTING a = 1, DROP …).
            if !(self.is(TokenKind::Comma) && self.peek_n(2).kind == TokenKind::Equals) {
                return Ok(out);
            }
            self.advance();
        }
    }

    fn identifier_list_parens(&mut self) -> P<Vec<String>> {
        self.expect(TokenKind::OpeningRoundBracket, "opening round bracket")?;
        let mut out = Vec::new();
        if !self.eat(TokenKind::ClosingRoundBracket) {
            loop {
                out.push(self.ident()?);
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        }
        Ok(out)
    }

    // ---------- statements ----------

    fn parse_statement(&mut self) -> P<Statement> {
        self.enter(1)?;
        let kind = self.parse_statement_kind()?;
        let mut stmt = Statement { kind, format: None, into_outfile: None, settings: Vec::new() };
        if let StatementKind::Select(q) = &stmt.kind {
            if let Some(s) = last_select_settings(q) {
                stmt.settings = s.clone();
            }
        }
        let raw_data =
            matches!(&stmt.kind, StatementKind::Insert(i) if matches!(i.source, InsertSource::Format { .. }));
        if !raw_data {
            self.parse_statement_tail(&mut stmt)?;
        }
        self.leave(1);
        Ok(stmt)
    }

    /// Trailing `INTO OUTFILE`, `FORMAT`, `SETTINGS` in any order.
    fn parse_statement_tail(&mut self, stmt: &mut Statement) -> P<()> {
        loop {
            if self.eat_kws(&["INTO", "OUTFILE"]) {
                stmt.into_outfile = Some(self.string_lit()?);
                let _ = self.eat_kw("TRUNCATE") || self.eat_kw("APPEND");
            } else if stmt.format.is_none() && self.kw("FORMAT") {
                self.advance();
                stmt.format = Some(self.ident()?);
            } else if self.eat_kw("SETTINGS") {
                let s = self.settings_list()?;
                stmt.settings.extend(s);
            } else {
                return Ok(());
            }
        }
    }

    fn parse_statement_kind(&mut self) -> P<StatementKind> {
        let t = self.peek();
        if t.kind == TokenKind::OpeningRoundBracket {
            return Ok(StatementKind::Select(Box::new(self.parse_query()?)));
        }
        if t.kind != TokenKind::BareWord {
            return Err(self.unexpected("Expected one of: Query, SELECT query, INSERT query, CREATE query"));
        }
        let word = self.text(t).to_ascii_uppercase();
        match word.as_str() {
            "SELECT" | "WITH" => Ok(StatementKind::Select(Box::new(self.parse_query()?))),
            "INSERT" => self.parse_insert(),
            "CREATE" => self.parse_create(),
            "ATTACH" => self.parse_attach(),
            "ALTER" => self.parse_alter(),
            "DROP" => self.parse_drop(),
            "TRUNCATE" => self.parse_truncate(),
            "RENAME" => self.parse_rename(),
            "EXCHANGE" => self.parse_exchange(),
            "DELETE" => self.parse_delete(),
            "SET" => {
                self.advance();
                // `SET flag` alone means `SET flag = 1`.
                if matches!(self.peek_n(1).kind, TokenKind::EndOfStream | TokenKind::Semicolon) {
                    let name = self.ident()?;
                    return Ok(StatementKind::Set(vec![(name, Expr::Literal(Literal::Bool(true)))]));
                }
                Ok(StatementKind::Set(self.settings_list()?))
            }
            "USE" => {
                self.advance();
                Ok(StatementKind::Use(self.ident()?))
            }
            "SHOW" => self.parse_show(),
            "DESCRIBE" | "DESC" => self.parse_describe(),
            "EXISTS" => self.parse_exists(),
            "EXPLAIN" => self.parse_explain(),
            "OPTIMIZE" => self.parse_optimize(),
            "SYSTEM" => self.parse_system(),
            "KILL" => self.parse_kill(),
            "CHECK" => self.parse_check(),
            "DETACH" => self.parse_detach(),
            _ => Err(self.unexpected("Expected one of: Query, SELECT query, INSERT query, CREATE query")),
        }
    }
}

/// The SETTINGS of the last SELECT of a query (they apply to the whole query).
fn last_select_settings(q: &SelectQuery) -> Option<&Vec<(String, Expr)>> {
    let mut cur = q;
    loop {
        match cur {
            SelectQuery::Select(s) => return if s.settings.is_empty() { None } else { Some(&s.settings) },
            SelectQuery::SetOp { right, .. } => cur = right,
            SelectQuery::Parens(_) => return None,
        }
    }
}

/// The depth of an expression as ClickHouse counts it (a function node and its
/// argument list are two levels), computed without recursion.
pub(crate) fn expr_depth(e: &Expr) -> usize {
    let mut max = 0;
    let mut stack: Vec<(&Expr, usize)> = vec![(e, 1)];
    while let Some((e, d)) = stack.pop() {
        max = max.max(d);
        match e {
            Expr::Function(call) => {
                for a in call.args.iter().chain(call.params.iter().flatten()) {
                    stack.push((a, d + 2));
                }
                if !call.args.is_empty() {
                    max = max.max(d + 1);
                }
            }
            Expr::Cast { expr, .. } => {
                stack.push((expr, d + 2));
            }
            Expr::Lambda { body, .. } => {
                max = max.max(d + 4);
                stack.push((body, d + 2));
            }
            Expr::Alias { expr, .. } => stack.push((expr, d)),
            _ => {}
        }
    }
    max
}

fn too_deep_ast() -> Error {
    Error::new(ErrorCode::TOO_DEEP_AST, format!("AST is too deep. Maximum: {MAX_AST_DEPTH}"))
}
