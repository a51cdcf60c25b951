//! Expressions: operators with ClickHouse's precedence (`ExpressionListParsers.cpp`),
//! literals, identifiers, function calls (parametric, DISTINCT, OVER), and the SQL
//! special forms (CASE, CAST, EXTRACT, INTERVAL, TRIM, SUBSTRING, POSITION, DATE 'x').
//!
//! Precedence, lowest first: lambda `->`, `?:`, OR, AND, NOT, comparisons / IS /
//! BETWEEN / LIKE / IN, `||`, `+ -`, `* / % DIV MOD`, unary minus, postfix
//! (`::T`, `[i]`, `.1`, `.name`). Binary operators loop (no recursion per term);
//! `and`, `or` and `concat` chains are flattened into one n-ary call.

use super::{expr_depth, too_deep_ast, Parser, MAX_AST_DEPTH, P, PAREN_DEPTH};
use crate::sql::ast::*;
use crate::sql::lexer::TokenKind;

const TERNARY: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
pub(super) const CONCAT: u8 = 6;
pub(super) const ADD: u8 = 7;
const MUL: u8 = 8;

/// AST levels above an expression in a SELECT list
/// (SelectWithUnionQuery → ExpressionList → SelectQuery → ExpressionList); WHERE has one
/// level less, which is the bound checked while operator chains are built (chdb: 498 `+1`
/// terms pass in WHERE, 497 in the select list and ORDER BY).
pub(super) const SELECT_LIST_AST_BASE: usize = 4;

#[derive(Clone, Copy)]
enum Op {
    Ternary,
    Bin(&'static str),
    IsNull(bool),
    Between(bool),
}

/// Words that never become an implicit alias (`SELECT 1 FROM`, `t ANY LEFT JOIN`).
pub(super) fn is_reserved_for_alias(word: &str) -> bool {
    const RESERVED: &[&str] = &[
        "FROM",
        "FINAL",
        "SAMPLE",
        "ARRAY",
        "LEFT",
        "RIGHT",
        "INNER",
        "FULL",
        "CROSS",
        "JOIN",
        "GLOBAL",
        "LOCAL",
        "ANY",
        "ALL",
        "ASOF",
        "SEMI",
        "ANTI",
        "ONLY",
        "ON",
        "USING",
        "PREWHERE",
        "WHERE",
        "GROUP",
        "WITH",
        "HAVING",
        "ORDER",
        "LIMIT",
        "OFFSET",
        "SETTINGS",
        "FORMAT",
        "UNION",
        "INTO",
        "NOT",
        "BETWEEN",
        "LIKE",
        "ILIKE",
        "IN",
        "IS",
        "AND",
        "OR",
        "INTERSECT",
        "EXCEPT",
        "WINDOW",
        "QUALIFY",
        "PASTE",
        "OUTER",
        "AS",
        "ASC",
        "DESC",
        "ASCENDING",
        "DESCENDING",
        "NULLS",
        "COLLATE",
        "BY",
        "THEN",
        "ELSE",
        "END",
        "WHEN",
        "FETCH",
        "SELECT",
        "VALUES",
        "TTL",
        "ENGINE",
        "PRIMARY",
        "DEFAULT",
        "MATERIALIZED",
        "ALIAS",
        "EPHEMERAL",
        "CODEC",
        "COMMENT",
        "REGEXP",
        "DIV",
        "MOD",
        "OVER",
        "PARTITION",
        "TO",
        "FILL",
        "STEP",
        "TIES",
        "INTERPOLATE",
        "DISTINCT",
        "TOTALS",
        "ROLLUP",
        "CUBE",
        "STALENESS",
        "NULL",
    ];
    RESERVED.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// The significant digits and the power of ten of the last one in a decimal
/// text (`1.50e2` → ("15", 1)); None when the text is not plain decimal.
fn decimal_digits(text: &str) -> Option<(String, i64)> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{int}{frac}");
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut exp = exp - frac.len() as i64;
    let trimmed = digits.trim_start_matches('0');
    let sig = trimmed.trim_end_matches('0');
    exp += (trimmed.len() - sig.len()) as i64;
    Some((sig.to_string(), if sig.is_empty() { 0 } else { exp }))
}

/// Whether two unsigned decimal texts denote the same number.
fn same_decimal(a: &str, b: &str) -> bool {
    match (decimal_digits(a), decimal_digits(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn negate_literal(l: Literal) -> Literal {
    match l {
        Literal::UInt(v) if v <= i64::MAX as u64 + 1 => Literal::Int((v as i128).wrapping_neg() as i64),
        Literal::UInt(v) => Literal::BigInt(format!("-{v}")),
        Literal::Float(f) => Literal::Float(-f),
        Literal::ExactFloat(f, s) => match s.strip_prefix('-') {
            Some(pos) => Literal::ExactFloat(-f, pos.to_string()),
            None => Literal::ExactFloat(-f, format!("-{s}")),
        },
        Literal::BigInt(s) => Literal::BigInt(format!("-{s}")),
        other => other,
    }
}

impl<'a> Parser<'a> {
    /// An expression (with lambdas), without an alias.
    pub(super) fn parse_expr(&mut self) -> P<Expr> {
        self.enter(1)?;
        let e = self.parse_binary(TERNARY)?;
        let e = if self.is(TokenKind::Arrow) { self.parse_lambda(e)? } else { e };
        self.leave(1);
        Ok(e)
    }

    fn parse_lambda(&mut self, params: Expr) -> P<Expr> {
        let at = self.peek();
        let names = match &params {
            Expr::Identifier(p) if p.len() == 1 => p.clone(),
            Expr::Function(c) if c.name == "tuple" && c.params.is_none() => {
                let mut v = Vec::new();
                for a in &c.args {
                    match a {
                        Expr::Identifier(p) if p.len() == 1 => v.extend(p.iter().cloned()),
                        _ => return Err(self.error_at(at, "Expected identifiers as lambda parameters")),
                    }
                }
                v
            }
            _ => return Err(self.error_at(at, "Expected identifiers as lambda parameters")),
        };
        self.advance();
        let body = self.parse_expr()?;
        Ok(Expr::Lambda { params: names, body: Box::new(body) })
    }

    /// `expr [AS alias]`.
    pub(super) fn parse_expr_alias(&mut self) -> P<Expr> {
        let e = self.parse_expr()?;
        if self.kw("AS") && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            self.advance();
            let alias = self.ident()?;
            return Ok(Expr::Alias { expr: Box::new(e), alias });
        }
        Ok(e)
    }

    /// `expr [[AS] alias]` (select lists): a bare word alias must not be a keyword.
    pub(super) fn parse_expr_implicit_alias(&mut self) -> P<Expr> {
        let e = self.parse_expr_alias()?;
        if matches!(e, Expr::Alias { .. }) {
            return Ok(e);
        }
        if let Some(alias) = self.implicit_alias() {
            return Ok(Expr::Alias { expr: Box::new(e), alias });
        }
        Ok(e)
    }

    /// An alias written without AS, if the next token can be one.
    pub(super) fn implicit_alias(&mut self) -> Option<String> {
        let t = self.peek();
        match t.kind {
            TokenKind::QuotedIdentifier => {
                self.advance();
                Some(self.unquote(t))
            }
            TokenKind::BareWord if !is_reserved_for_alias(self.text(t)) => {
                self.advance();
                Some(self.text(t).to_string())
            }
            _ => None,
        }
    }

    /// Comma-separated `expr [AS alias]` list (at least one).
    pub(super) fn parse_expr_list(&mut self) -> P<Vec<Expr>> {
        let mut out = vec![self.parse_expr_alias()?];
        while self.eat(TokenKind::Comma) {
            out.push(self.parse_expr_alias()?);
        }
        Ok(out)
    }

    fn peek_binop(&mut self) -> Option<(Op, u8, usize)> {
        use TokenKind as K;
        let t = self.peek();
        let r = match t.kind {
            K::QuestionMark => (Op::Ternary, TERNARY, 1),
            K::Equals => (Op::Bin("equals"), CMP, 1),
            K::NotEquals => (Op::Bin("notEquals"), CMP, 1),
            K::Less => (Op::Bin("less"), CMP, 1),
            K::Greater => (Op::Bin("greater"), CMP, 1),
            K::LessOrEquals => (Op::Bin("lessOrEquals"), CMP, 1),
            K::GreaterOrEquals => (Op::Bin("greaterOrEquals"), CMP, 1),
            K::Spaceship => (Op::Bin("isNotDistinctFrom"), CMP, 1),
            K::Concatenation => (Op::Bin("concat"), CONCAT, 1),
            K::Plus => (Op::Bin("plus"), ADD, 1),
            K::Minus => (Op::Bin("minus"), ADD, 1),
            K::Asterisk => (Op::Bin("multiply"), MUL, 1),
            K::Slash => (Op::Bin("divide"), MUL, 1),
            K::Percent => (Op::Bin("modulo"), MUL, 1),
            K::BareWord => {
                let w = self.text(t).to_ascii_uppercase();
                match w.as_str() {
                    "OR" => (Op::Bin("or"), OR, 1),
                    "AND" => (Op::Bin("and"), AND, 1),
                    "DIV" => (Op::Bin("intDiv"), MUL, 1),
                    "MOD" => (Op::Bin("modulo"), MUL, 1),
                    "LIKE" => (Op::Bin("like"), CMP, 1),
                    "ILIKE" => (Op::Bin("ilike"), CMP, 1),
                    "REGEXP" => (Op::Bin("match"), CMP, 1),
                    "IN" => (Op::Bin("in"), CMP, 1),
                    "BETWEEN" => (Op::Between(false), CMP, 1),
                    "NOT" if self.kw_at(1, "LIKE") => (Op::Bin("notLike"), CMP, 2),
                    "NOT" if self.kw_at(1, "ILIKE") => (Op::Bin("notILike"), CMP, 2),
                    "NOT" if self.kw_at(1, "IN") => (Op::Bin("notIn"), CMP, 2),
                    "NOT" if self.kw_at(1, "BETWEEN") => (Op::Between(true), CMP, 2),
                    "GLOBAL" if self.kw_at(1, "IN") => (Op::Bin("globalIn"), CMP, 2),
                    "GLOBAL" if self.kw_at(1, "NOT") && self.kw_at(2, "IN") => (Op::Bin("globalNotIn"), CMP, 3),
                    "IS" if self.kw_at(1, "NULL") => (Op::IsNull(false), CMP, 2),
                    "IS" if self.kw_at(1, "NOT") && self.kw_at(2, "NULL") => (Op::IsNull(true), CMP, 3),
                    "IS" if self.kw_at(1, "NOT") && self.kw_at(2, "DISTINCT") && self.kw_at(3, "FROM") => {
                        (Op::Bin("isNotDistinctFrom"), CMP, 4)
                    }
                    "IS" if self.kw_at(1, "DISTINCT") && self.kw_at(2, "FROM") => (Op::Bin("isDistinctFrom"), CMP, 3),
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some(r)
    }

    /// Binary operators of precedence ≥ `min`, parsed in a loop.
    pub(super) fn parse_binary(&mut self, min: u8) -> P<Expr> {
        let mut left = self.parse_operand()?;
        let mut ld = expr_depth(&left);
        let mut flat: Option<&'static str> = None;
        while let Some((op, prec, ntoks)) = self.peek_binop() {
            if prec < min {
                break;
            }
            self.pos += ntoks;
            match op {
                Op::Ternary => {
                    left = self.ternary_rest(left)?;
                    ld = expr_depth(&left);
                    flat = None;
                }
                Op::IsNull(neg) => {
                    left = Expr::call(if neg { "isNotNull" } else { "isNull" }, vec![left]);
                    ld += 2;
                    flat = None;
                }
                Op::Between(neg) => {
                    left = self.between_rest(left, neg)?;
                    ld = expr_depth(&left);
                    flat = None;
                }
                Op::Bin(name) if matches!(name, "equals" | "notEquals") && self.any_all_subquery_follows() => {
                    // `x = ANY (SELECT …)` is `x IN (SELECT …)`; `x != ALL (SELECT …)` is `x NOT IN (…)`.
                    let any = self.kw("ANY");
                    let f = match (name, any) {
                        ("equals", true) => "in",
                        ("notEquals", false) => "notIn",
                        _ => return Err(self.unexpected("Expected = ANY or != ALL")),
                    };
                    self.advance();
                    let right = self.parse_binary(prec + 1)?;
                    left = Expr::call(f, vec![left, right]);
                    ld = expr_depth(&left);
                    flat = None;
                }
                Op::Bin(name) if matches!(name, "like" | "notLike" | "ilike" | "notILike") => {
                    // `x LIKE p ESCAPE 'c'` → `like(x, p, 'c')`.
                    let right = self.parse_binary(prec + 1)?;
                    let mut args = vec![left, right];
                    if self.eat_kw("ESCAPE") {
                        args.push(self.parse_binary(prec + 1)?);
                    }
                    left = Expr::call(name, args);
                    ld = expr_depth(&left);
                    flat = None;
                }
                Op::Bin(name) => {
                    let right = self.parse_binary(prec + 1)?;
                    let rd = expr_depth(&right);
                    let flattenable = matches!(name, "and" | "or" | "concat");
                    match &mut left {
                        Expr::Function(call) if flattenable && flat == Some(name) => {
                            call.args.push(right);
                            ld = ld.max(rd + 2);
                        }
                        _ => {
                            left = Expr::call(name, vec![left, right]);
                            ld = 2 + ld.max(rd);
                        }
                    }
                    flat = if flattenable { Some(name) } else { None };
                }
            }
            if ld + SELECT_LIST_AST_BASE - 1 > MAX_AST_DEPTH {
                return Err(too_deep_ast());
            }
        }
        Ok(left)
    }

    fn any_all_subquery_follows(&mut self) -> bool {
        (self.kw("ANY") || self.kw("ALL"))
            && self.peek_n(1).kind == TokenKind::OpeningRoundBracket
            && (self.kw_at(2, "SELECT") || self.kw_at(2, "WITH"))
    }

    #[inline(never)]
    fn ternary_rest(&mut self, cond: Expr) -> P<Expr> {
        self.enter(2)?;
        let then = self.parse_expr()?;
        self.expect(TokenKind::Colon, "Colon")?;
        let els = self.parse_binary(TERNARY)?;
        self.leave(2);
        Ok(Expr::call("if", vec![cond, then, els]))
    }

    #[inline(never)]
    fn between_rest(&mut self, left: Expr, neg: bool) -> P<Expr> {
        let a = self.parse_binary(CONCAT)?;
        self.expect_kw("AND")?;
        let b = self.parse_binary(CONCAT)?;
        Ok(if neg {
            Expr::call("or", vec![Expr::call("less", vec![left.clone(), a]), Expr::call("greater", vec![left, b])])
        } else {
            Expr::call(
                "and",
                vec![Expr::call("greaterOrEquals", vec![left.clone(), a]), Expr::call("lessOrEquals", vec![left, b])],
            )
        })
    }

    /// `NOT x` (binds looser than comparisons) or a unary expression.
    fn parse_operand(&mut self) -> P<Expr> {
        if self.kw("NOT") && !matches!(self.peek_n(1).kind, TokenKind::Comma | TokenKind::ClosingRoundBracket) {
            self.advance();
            self.enter(2)?;
            let inner = self.parse_binary(NOT + 1)?;
            self.leave(2);
            return Ok(Expr::call("not", vec![inner]));
        }
        self.parse_unary()
    }

    fn parse_unary(&mut self) -> P<Expr> {
        if self.is(TokenKind::Minus) {
            return self.parse_minus();
        }
        if self.is(TokenKind::Plus) {
            // Unary plus is dropped, as ClickHouse does (`+x` is `x`).
            self.advance();
            self.enter(2)?;
            let e = self.parse_unary();
            self.leave(2);
            return e;
        }
        let e = self.parse_primary()?;
        self.parse_postfix_of(e)
    }

    /// `-x`: folds into a negative literal when a number (or inf/nan) follows.
    #[inline(never)]
    fn parse_minus(&mut self) -> P<Expr> {
        self.advance();
        if self.is(TokenKind::Number) {
            let t = self.advance();
            let lit = self.number_literal(t)?;
            return self.parse_postfix_of(Expr::Literal(negate_literal(lit)));
        }
        let n = self.peek();
        if n.kind == TokenKind::BareWord
            && ["inf", "infinity", "nan"].iter().any(|w| self.text(n).eq_ignore_ascii_case(w))
            && !matches!(self.peek_n(1).kind, TokenKind::OpeningRoundBracket | TokenKind::Dot)
        {
            self.advance();
            let v = if self.text(n).eq_ignore_ascii_case("nan") { f64::NAN } else { f64::NEG_INFINITY };
            return self.parse_postfix_of(Expr::Literal(Literal::Float(v)));
        }
        self.enter(2)?;
        let inner = self.parse_unary()?;
        self.leave(2);
        Ok(Expr::call("negate", vec![inner]))
    }

    fn parse_postfix_of(&mut self, e: Expr) -> P<Expr> {
        if matches!(self.peek().kind, TokenKind::DoubleColon | TokenKind::OpeningSquareBracket | TokenKind::Dot) {
            return self.postfix_loop(e);
        }
        Ok(e)
    }

    #[inline(never)]
    fn postfix_loop(&mut self, mut e: Expr) -> P<Expr> {
        loop {
            let t = self.peek();
            match t.kind {
                TokenKind::DoubleColon => {
                    self.advance();
                    let type_name = self.type_text(false)?;
                    e = Expr::Cast { expr: Box::new(e), type_name, syntax: CastSyntax::Operator };
                }
                TokenKind::OpeningSquareBracket => {
                    self.advance();
                    self.enter(1)?;
                    let idx = self.parse_expr()?;
                    self.leave(1);
                    self.expect(TokenKind::ClosingSquareBracket, "closing square bracket")?;
                    e = Expr::call("arrayElement", vec![e, idx]);
                }
                TokenKind::Dot => {
                    let n = self.peek_n(1);
                    match n.kind {
                        TokenKind::Number => {
                            self.pos += 2;
                            let text = self.text(n);
                            for part in text.split('.') {
                                let i: u64 = part.parse().map_err(|_| self.error_at(n, "Expected tuple index"))?;
                                e = Expr::call("tupleElement", vec![e, Expr::Literal(Literal::UInt(i))]);
                            }
                        }
                        TokenKind::BareWord | TokenKind::QuotedIdentifier => {
                            self.pos += 1;
                            let name = self.ident()?;
                            match &mut e {
                                Expr::Identifier(parts) => parts.push(name),
                                _ => {
                                    e = Expr::call(
                                        "tupleElement",
                                        vec![e, Expr::Literal(Literal::String(name.into_bytes()))],
                                    )
                                }
                            }
                        }
                        TokenKind::Asterisk => match e {
                            Expr::Identifier(parts) => {
                                self.pos += 2;
                                let except = self.asterisk_except()?;
                                e = Expr::Asterisk { qualifier: parts, except };
                            }
                            _ => return Err(self.error_at(n, "Expected identifier before .*")),
                        },
                        _ => return Err(self.error_at(n, "Expected one of: number, identifier, asterisk")),
                    }
                }
                _ => return Ok(e),
            }
        }
    }

    /// `EXCEPT (a, b)` / `EXCEPT a` after `*`.
    fn asterisk_except(&mut self) -> P<Vec<String>> {
        if !self.kw("EXCEPT") {
            return Ok(Vec::new());
        }
        let n = self.peek_n(1);
        if n.kind == TokenKind::OpeningRoundBracket {
            if self.kw_at(2, "SELECT") || self.kw_at(2, "WITH") {
                return Ok(Vec::new());
            }
            self.advance();
            return self.identifier_list_parens();
        }
        if n.kind == TokenKind::QuotedIdentifier
            || n.kind == TokenKind::BareWord
                && !self.kw_at(1, "SELECT")
                && !self.kw_at(1, "WITH")
                && !self.kw_at(1, "DISTINCT")
                && !self.kw_at(1, "ALL")
        {
            self.advance();
            return Ok(vec![self.ident()?]);
        }
        Ok(Vec::new())
    }

    /// A type name as its source text: `Name` or `Name(…)` (`to_close`: everything up to
    /// the closing bracket of the enclosing CAST).
    pub(super) fn type_text(&mut self, to_close: bool) -> P<String> {
        let first = self.peek();
        if !matches!(first.kind, TokenKind::BareWord | TokenKind::QuotedIdentifier) {
            return Err(self.unexpected("Expected type name"));
        }
        if first.kind == TokenKind::QuotedIdentifier {
            self.advance();
            return Ok(self.unquote(first));
        }
        let start = first.start;
        let mut end = first.end;
        self.advance();
        loop {
            let t = self.peek();
            if t.kind == TokenKind::OpeningRoundBracket {
                end = self.skip_balanced()?;
            } else if to_close && t.kind == TokenKind::BareWord {
                self.advance();
                end = t.end;
            } else {
                break;
            }
            if !to_close {
                break;
            }
        }
        Ok(self.snippet(start, end).trim().to_string())
    }

    /// Skips a balanced `( … )` group; returns the end offset of the closing bracket.
    pub(super) fn skip_balanced(&mut self) -> P<usize> {
        let mut depth = 0usize;
        loop {
            let t = self.advance();
            match t.kind {
                TokenKind::OpeningRoundBracket | TokenKind::OpeningSquareBracket => depth += 1,
                TokenKind::ClosingRoundBracket | TokenKind::ClosingSquareBracket => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Ok(t.end);
                    }
                }
                TokenKind::EndOfStream => return Err(self.error_at(t, "Expected closing round bracket")),
                TokenKind::Error => {
                    self.pos -= 1;
                    return Err(self.unexpected(""));
                }
                _ => {}
            }
        }
    }

    pub(super) fn number_literal(&self, t: crate::sql::lexer::Token) -> P<Literal> {
        let owned;
        let mut text = self.text(t);
        if text.contains('_') {
            owned = text.replace('_', "");
            text = &owned;
        }
        let (radix, digits) = if let Some(h) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            (16, h)
        } else if let Some(b) = text.strip_prefix("0b").or_else(|| text.strip_prefix("0B")) {
            (2, b)
        } else {
            (10, text)
        };
        if radix != 10 || digits.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(match u64::from_str_radix(digits, radix) {
                Ok(v) => Literal::UInt(v),
                Err(_) if radix == 10 => Literal::BigInt(text.to_string()),
                Err(_) => {
                    let mut v = 0f64;
                    for c in digits.chars() {
                        v = v * radix as f64 + c.to_digit(radix).unwrap_or(0) as f64;
                    }
                    Literal::Float(v)
                }
            });
        }
        let v = text.parse::<f64>().map_err(|_| self.error_at(t, "Expected number"))?;
        Ok(if v.is_finite() && !same_decimal(text, &v.to_string()) {
            Literal::ExactFloat(v, text.to_string())
        } else {
            Literal::Float(v)
        })
    }

    fn parse_primary(&mut self) -> P<Expr> {
        use TokenKind as K;
        let t = self.peek();
        match t.kind {
            K::Number => {
                self.advance();
                Ok(Expr::Literal(self.number_literal(t)?))
            }
            K::StringLiteral | K::HereDoc => {
                self.advance();
                Ok(Expr::Literal(Literal::String(self.string_bytes(t))))
            }
            K::OpeningRoundBracket => self.parse_parens(),
            K::OpeningSquareBracket => self.parse_array(),
            K::OpeningCurlyBrace => self.parse_parameter(),
            K::Asterisk => {
                self.advance();
                let except = self.asterisk_except()?;
                Ok(Expr::Asterisk { qualifier: Vec::new(), except })
            }
            K::QuotedIdentifier => {
                self.advance();
                let name = self.unquote(t);
                if self.is(K::OpeningRoundBracket) {
                    return self.parse_call(name);
                }
                Ok(Expr::Identifier(vec![name]))
            }
            K::BareWord => self.parse_word(),
            _ => Err(self.unexpected(
                "Expected one of: expression with optional alias, element of expression with optional alias, lambda expression",
            )),
        }
    }

    #[inline(never)]
    fn parse_array(&mut self) -> P<Expr> {
        use TokenKind as K;
        self.advance();
        self.enter(1)?;
        let mut items = Vec::new();
        // `[]`, `[a, b]`; a trailing comma is an error, as in ClickHouse.
        if !self.is(K::ClosingSquareBracket) {
            items = self.parse_expr_list()?;
        }
        self.expect(K::ClosingSquareBracket, "closing square bracket")?;
        self.leave(1);
        Ok(Expr::call("array", items))
    }

    #[inline(never)]
    fn parse_parameter(&mut self) -> P<Expr> {
        use TokenKind as K;
        let is_param =
            matches!(self.peek_n(1).kind, K::BareWord | K::QuotedIdentifier) && self.peek_n(2).kind == K::Colon;
        if !is_param {
            return self.parse_map_literal();
        }
        self.advance();
        let name = self.ident()?;
        let colon = self.expect(K::Colon, "Colon")?;
        let mut depth = 0usize;
        loop {
            let x = self.advance();
            match x.kind {
                K::OpeningRoundBracket => depth += 1,
                K::ClosingRoundBracket => depth = depth.saturating_sub(1),
                K::ClosingCurlyBrace if depth == 0 => {
                    let type_name = self.snippet(colon.end, x.start).trim().to_string();
                    return Ok(Expr::Parameter { name, type_name });
                }
                K::EndOfStream | K::Error => return Err(self.error_at(x, "Expected closing curly brace")),
                _ => {}
            }
        }
    }

    /// `{k: v, …}` → `map(k, v, …)`.
    #[inline(never)]
    fn parse_map_literal(&mut self) -> P<Expr> {
        use TokenKind as K;
        self.advance();
        self.enter(2)?;
        let mut args = Vec::new();
        while !self.is(K::ClosingCurlyBrace) {
            args.push(self.parse_expr()?);
            self.expect(K::Colon, "Colon")?;
            args.push(self.parse_expr()?);
            if !self.eat(K::Comma) {
                break;
            }
        }
        self.expect(K::ClosingCurlyBrace, "closing curly brace")?;
        self.leave(2);
        Ok(Expr::call("map", args))
    }

    fn parse_parens(&mut self) -> P<Expr> {
        use TokenKind as K;
        self.advance();
        self.enter_hundredths(PAREN_DEPTH)?;
        let e = if self.eat(K::ClosingRoundBracket) {
            Expr::call("tuple", vec![])
        } else if self.kw("SELECT") || self.kw("WITH") || self.is_paren_select() {
            let q = self.parse_query()?;
            self.expect(K::ClosingRoundBracket, "closing round bracket")?;
            Expr::Subquery(Box::new(q))
        } else {
            let first = self.parse_expr_alias()?;
            if self.eat(K::Comma) {
                let mut items = vec![first];
                while !self.is(K::ClosingRoundBracket) {
                    items.push(self.parse_expr_alias()?);
                    if !self.eat(K::Comma) {
                        break;
                    }
                }
                self.expect(K::ClosingRoundBracket, "closing round bracket")?;
                Expr::call("tuple", items)
            } else {
                self.expect(K::ClosingRoundBracket, "closing round bracket")?;
                first
            }
        };
        self.leave_hundredths(PAREN_DEPTH);
        Ok(e)
    }

    /// `((SELECT …) UNION …)`: a parenthesis that opens a query.
    pub(super) fn is_paren_select(&mut self) -> bool {
        let mut i = 0;
        while self.peek_n(i).kind == TokenKind::OpeningRoundBracket {
            i += 1;
            if i > 64 {
                return false;
            }
        }
        i > 0 && (self.kw_at(i, "SELECT") || self.kw_at(i, "WITH"))
    }

    fn parse_word(&mut self) -> P<Expr> {
        let t = self.peek();
        if self.peek_n(1).kind == TokenKind::OpeningRoundBracket {
            if let Some(e) = self.word_call_special()? {
                return Ok(e);
            }
            self.advance();
            let name = self.text(t).to_string();
            return self.parse_call(name);
        }
        self.parse_word_atom()
    }

    /// `EXISTS(SELECT …)`, `COLUMNS('re')` (cursor on the word).
    #[inline(never)]
    fn word_call_special(&mut self) -> P<Option<Expr>> {
        use TokenKind as K;
        if self.kw("EXISTS") && (self.kw_at(2, "SELECT") || self.kw_at(2, "WITH")) {
            self.pos += 2;
            self.enter_hundredths(PAREN_DEPTH)?;
            let q = self.parse_query()?;
            self.expect(K::ClosingRoundBracket, "closing round bracket")?;
            self.leave_hundredths(PAREN_DEPTH);
            return Ok(Some(Expr::call("exists", vec![Expr::Subquery(Box::new(q))])));
        }
        if self.kw("COLUMNS")
            && self.peek_n(2).kind == K::StringLiteral
            && self.peek_n(3).kind == K::ClosingRoundBracket
        {
            self.pos += 2;
            let re = self.string_lit()?;
            self.advance();
            return Ok(Some(Expr::Columns(re)));
        }
        Ok(None)
    }

    /// `X'4142'` / `b'0101'`: a string written in hex or binary digits.
    #[inline(never)]
    fn digit_string(&mut self, hex: bool) -> P<Expr> {
        let next = self.peek_n(1);
        self.pos += 2;
        let digits = self.string_bytes(next);
        let radix = if hex { 16 } else { 2 };
        let per_byte = if hex { 2 } else { 8 };
        let mut out = Vec::with_capacity(digits.len() / per_byte + 1);
        let pad = (per_byte - digits.len() % per_byte) % per_byte;
        let mut acc = 0u32;
        for (i, &d) in std::iter::repeat_n(&b'0', pad).chain(digits.iter()).enumerate() {
            let v = (d as char).to_digit(radix).ok_or_else(|| self.error_at(next, "Expected digits"))?;
            acc = acc * radix + v;
            if (i + 1) % per_byte == 0 {
                out.push(acc as u8);
                acc = 0;
            }
        }
        Ok(Expr::Literal(Literal::String(out)))
    }

    /// A word not followed by `(`: literal keywords, special forms, identifiers.
    #[inline(never)]
    fn parse_word_atom(&mut self) -> P<Expr> {
        use TokenKind as K;
        let t = self.peek();
        let word = self.text(t);
        let upper = word.to_ascii_uppercase();
        let next = self.peek_n(1);
        match upper.as_str() {
            "NULL" => {
                self.advance();
                return Ok(Expr::Literal(Literal::Null));
            }
            "TRUE" | "FALSE" => {
                self.advance();
                return Ok(Expr::Literal(Literal::Bool(upper == "TRUE")));
            }
            "INF" | "INFINITY" if next.kind != K::Dot => {
                self.advance();
                return Ok(Expr::Literal(Literal::Float(f64::INFINITY)));
            }
            "NAN" if next.kind != K::Dot => {
                self.advance();
                return Ok(Expr::Literal(Literal::Float(f64::NAN)));
            }
            "CASE" => return self.parse_case(),
            "INTERVAL"
                if matches!(next.kind, K::Number | K::StringLiteral | K::OpeningRoundBracket | K::Minus)
                    || next.kind == K::BareWord && self.unit_follows(2) =>
            {
                return self.parse_interval()
            }
            "X" | "B" if next.kind == K::StringLiteral && next.start == t.end => {
                return self.digit_string(upper == "X");
            }
            "DATE" | "TIMESTAMP" if next.kind == K::StringLiteral => {
                self.advance();
                let s = self.advance();
                let f = if upper == "DATE" { "toDate" } else { "toDateTime" };
                return Ok(Expr::call(f, vec![Expr::Literal(Literal::String(self.string_bytes(s)))]));
            }
            _ => {}
        }
        self.advance();
        Ok(Expr::Identifier(vec![word.to_string()]))
    }

    /// `name(` already seen (cursor on the bracket): a call with its special forms.
    pub(super) fn parse_call(&mut self, name: String) -> P<Expr> {
        self.expect(TokenKind::OpeningRoundBracket, "opening round bracket")?;
        self.enter(1)?;
        let special = if ["CAST", "EXTRACT", "SUBSTRING", "SUBSTR", "TRIM", "POSITION"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(&name))
        {
            self.parse_special_call(&name)?
        } else {
            None
        };
        let e = match special {
            Some(e) => e,
            None => {
                let (args, distinct) = self.call_args()?;
                self.finish_call(name, args, distinct)?
            }
        };
        self.leave(1);
        Ok(e)
    }

    /// After the first argument list: parameters, `count(*)`, NULLS treatment, OVER.
    #[inline(never)]
    fn finish_call(&mut self, name: String, args: Vec<Expr>, distinct: bool) -> P<Expr> {
        use TokenKind as K;
        let upper = name.to_ascii_uppercase();
        let (mut args, mut distinct) = (args, distinct);
        let mut call = FunctionCall::new(name, Vec::new());
        if self.is(K::OpeningRoundBracket) {
            // Parametric: the first list was the parameters.
            self.advance();
            let (a, d) = self.call_args()?;
            call.params = Some(args);
            args = a;
            distinct = d;
        }
        if upper == "COUNT"
            && matches!(args.as_slice(), [Expr::Asterisk { qualifier, except }] if qualifier.is_empty() && except.is_empty())
        {
            args.clear();
        }
        if self.kw("FILTER") && self.peek_n(1).kind == K::OpeningRoundBracket && self.kw_at(2, "WHERE") {
            // `agg(x) FILTER (WHERE c)` is `aggIf(x, c)`.
            self.pos += 3;
            let cond = self.parse_expr()?;
            self.expect(K::ClosingRoundBracket, "closing round bracket")?;
            args.push(cond);
            call.name.push_str("If");
        }
        // `f(DISTINCT x)` keeps its name with `distinct` set; ClickHouse's name for it is
        // the -Distinct combinator (`countDistinct(x)`), which `Display` prints.
        call.distinct = distinct;
        call.args = args;
        if self.eat_kws(&["IGNORE", "NULLS"]) {
            call.ignore_nulls = Some(true);
        } else if self.eat_kws(&["RESPECT", "NULLS"]) {
            call.ignore_nulls = Some(false);
        }
        if self.eat_kw("OVER") {
            call.over = Some(if self.is(K::OpeningRoundBracket) {
                self.advance();
                self.enter(2)?;
                let w = self.parse_window_body()?;
                self.leave(2);
                self.expect(K::ClosingRoundBracket, "closing round bracket")?;
                w
            } else {
                let base = self.ident()?;
                WindowSpec { base: Some(base), partition_by: Vec::new(), order_by: Vec::new(), frame: None }
            });
        }
        Ok(Expr::Function(Box::new(call)))
    }

    /// Arguments after `(` up to and including `)`: `[DISTINCT|ALL] a, b`.
    pub(super) fn call_args(&mut self) -> P<(Vec<Expr>, bool)> {
        use TokenKind as K;
        let mut distinct = false;
        if self.kw("DISTINCT") && !matches!(self.peek_n(1).kind, K::ClosingRoundBracket | K::Comma) {
            self.advance();
            distinct = true;
        } else if self.kw("ALL") && !matches!(self.peek_n(1).kind, K::ClosingRoundBracket | K::Comma | K::Dot) {
            self.advance();
        }
        let mut args = Vec::new();
        if !self.is(K::ClosingRoundBracket) {
            args = self.parse_expr_list()?;
        }
        self.expect(K::ClosingRoundBracket, "closing round bracket")?;
        Ok((args, distinct))
    }
}
