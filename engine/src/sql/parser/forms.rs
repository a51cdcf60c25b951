//! The SQL special forms of expressions: CASE, INTERVAL, the standard call syntaxes
//! (`CAST(x AS T)`, `EXTRACT(unit FROM d)`, `SUBSTRING(s FROM a FOR b)`,
//! `TRIM(BOTH x FROM s)`, `POSITION(a IN b)`) and window specifications
//! (`OVER (PARTITION BY … ORDER BY … ROWS BETWEEN …)`), mapped to ClickHouse's functions.

use super::expr::{ADD, CONCAT};
use super::{Parser, P};
use crate::sql::ast::*;
use crate::sql::lexer::TokenKind;

fn interval_fn(unit: &str) -> Option<&'static str> {
    let u = unit.to_ascii_uppercase();
    interval_unit(&u).or_else(|| u.strip_suffix('S').and_then(interval_unit))
}

fn interval_unit(u: &str) -> Option<&'static str> {
    Some(match u {
        "NANOSECOND" | "NS" => "toIntervalNanosecond",
        "MICROSECOND" | "US" => "toIntervalMicrosecond",
        "MILLISECOND" | "MS" => "toIntervalMillisecond",
        "SECOND" | "SS" | "S" | "SQL_TSI_SECOND" => "toIntervalSecond",
        "MINUTE" | "MI" | "N" | "SQL_TSI_MINUTE" => "toIntervalMinute",
        "HOUR" | "HH" | "H" | "SQL_TSI_HOUR" => "toIntervalHour",
        "DAY" | "DD" | "D" | "SQL_TSI_DAY" => "toIntervalDay",
        "WEEK" | "WK" | "WW" | "SQL_TSI_WEEK" => "toIntervalWeek",
        "MONTH" | "MM" | "M" | "SQL_TSI_MONTH" => "toIntervalMonth",
        "QUARTER" | "QQ" | "Q" | "SQL_TSI_QUARTER" => "toIntervalQuarter",
        "YEAR" | "YYYY" | "YY" | "SQL_TSI_YEAR" => "toIntervalYear",
        _ => return None,
    })
}

fn extract_fn(unit: &str) -> Option<&'static str> {
    Some(match unit.to_ascii_uppercase().as_str() {
        "YEAR" => "toYear",
        "QUARTER" => "toQuarter",
        "MONTH" => "toMonth",
        "DAY" => "toDayOfMonth",
        "HOUR" => "toHour",
        "MINUTE" => "toMinute",
        "SECOND" => "toSecond",
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    pub(super) fn parse_case(&mut self) -> P<Expr> {
        self.advance();
        self.enter(1)?;
        let subject = if self.kw("WHEN") { None } else { Some(self.parse_expr()?) };
        let mut args = Vec::new();
        if let Some(s) = &subject {
            args.push(s.clone());
        }
        while self.eat_kw("WHEN") {
            args.push(self.parse_expr()?);
            self.expect_kw("THEN")?;
            args.push(self.parse_expr()?);
        }
        if args.len() < 2 + usize::from(subject.is_some()) {
            return Err(self.unexpected("Expected WHEN"));
        }
        let els = if self.eat_kw("ELSE") { self.parse_expr()? } else { Expr::Literal(Literal::Null) };
        args.push(els);
        self.expect_kw("END")?;
        self.leave(1);
        Ok(Expr::call(if subject.is_some() { "caseWithExpression" } else { "multiIf" }, args))
    }

    pub(super) fn parse_interval(&mut self) -> P<Expr> {
        self.enter(2)?;
        let e = self.parse_interval_inner();
        self.leave(2);
        e
    }

    pub(super) fn parse_interval_inner(&mut self) -> P<Expr> {
        self.advance();
        let t = self.peek();
        if t.kind == TokenKind::StringLiteral && !self.unit_follows(1) {
            self.advance();
            let s = String::from_utf8_lossy(&self.string_bytes(t)).into_owned();
            let mut parts = s.split_whitespace();
            let (Some(n), Some(u), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(self.error_at(t, "Expected interval in the form 'N unit'"));
            };
            let f = interval_fn(u).ok_or_else(|| self.error_at(t, "Expected interval unit"))?;
            let lit = if let Ok(v) = n.parse::<u64>() {
                Literal::UInt(v)
            } else if let Ok(v) = n.parse::<i64>() {
                Literal::Int(v)
            } else {
                return Err(self.error_at(t, "Expected number in interval"));
            };
            return Ok(Expr::call(f, vec![Expr::Literal(lit)]));
        }
        let value = self.parse_binary(ADD)?;
        let u = self.peek();
        let f = if u.kind == TokenKind::BareWord { interval_fn(self.text(u)) } else { None };
        match f {
            Some(f) => {
                self.advance();
                Ok(Expr::call(f, vec![value]))
            }
            None => Err(self.unexpected("Expected one of: SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR")),
        }
    }

    pub(super) fn unit_follows(&mut self, n: usize) -> bool {
        let t = self.peek_n(n);
        t.kind == TokenKind::BareWord && interval_fn(self.text(t)).is_some()
    }

    /// The SQL-standard call forms; None when the call is an ordinary one.
    #[inline(never)]
    pub(super) fn parse_special_call(&mut self, name: &str) -> P<Option<Expr>> {
        // One function per form keeps each recursive frame small (deep CAST(CAST(… nesting).
        match name.to_ascii_uppercase().as_str() {
            "CAST" => self.special_cast().map(Some),
            "EXTRACT" if self.kw_at(1, "FROM") && self.peek().kind == TokenKind::BareWord => {
                self.special_extract().map(Some)
            }
            "SUBSTRING" | "SUBSTR" => self.special_substring(name).map(Some),
            "TRIM" if self.kw("BOTH") || self.kw("LEADING") || self.kw("TRAILING") => self.special_trim().map(Some),
            "POSITION" => self.special_position(name).map(Some),
            _ => Ok(None),
        }
    }

    /// The rest of an ordinary argument list after `first`.
    fn rest_args(&mut self, first: Expr) -> P<Vec<Expr>> {
        let mut args = vec![first];
        while self.eat(TokenKind::Comma) {
            args.push(self.parse_expr_alias()?);
        }
        self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        Ok(args)
    }

    fn special_cast(&mut self) -> P<Expr> {
        let e = self.parse_expr()?;
        if self.eat_kw("AS") {
            let type_name = self.type_text(true)?;
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            return Ok(Expr::Cast { expr: Box::new(e), type_name, syntax: CastSyntax::Function });
        }
        Ok(Expr::call("CAST", self.rest_args(e)?))
    }

    fn special_extract(&mut self) -> P<Expr> {
        let u = self.advance();
        let f = extract_fn(self.text(u)).ok_or_else(|| self.error_at(u, "Expected date part"))?;
        self.advance();
        let e = self.parse_expr()?;
        self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        Ok(Expr::call(f, vec![e]))
    }

    fn special_substring(&mut self, name: &str) -> P<Expr> {
        let s = self.parse_expr_alias()?;
        if !self.eat_kw("FROM") {
            return Ok(Expr::call(name, self.rest_args(s)?));
        }
        let a = self.parse_expr()?;
        let mut args = vec![s, a];
        if self.eat_kw("FOR") {
            args.push(self.parse_expr()?);
        }
        self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        Ok(Expr::call("substring", args))
    }

    fn special_trim(&mut self) -> P<Expr> {
        let w = self.advance();
        let f = match self.text(w).to_ascii_uppercase().as_str() {
            "BOTH" => "trimBoth",
            "LEADING" => "trimLeft",
            _ => "trimRight",
        };
        let chars = if self.kw("FROM") { None } else { Some(self.parse_expr()?) };
        self.expect_kw("FROM")?;
        let s = self.parse_expr()?;
        self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
        let mut args = vec![s];
        args.extend(chars);
        Ok(Expr::call(f, args))
    }

    fn special_position(&mut self, name: &str) -> P<Expr> {
        let a = self.parse_expr_alias()?;
        if !self.eat(TokenKind::ClosingRoundBracket) {
            return Ok(Expr::call(name, self.rest_args(a)?));
        }
        Ok(match a {
            // `position(needle IN haystack)` arrives as `in(needle, haystack)`.
            Expr::Function(c) if c.name == "in" && c.args.len() == 2 => {
                let mut it = c.args.into_iter();
                let (needle, hay) = (it.next(), it.next());
                Expr::call("position", hay.into_iter().chain(needle).collect())
            }
            other => Expr::call(name, vec![other]),
        })
    }

    /// The inside of `OVER (…)` / `WINDOW w AS (…)`.
    pub(super) fn parse_window_body(&mut self) -> P<WindowSpec> {
        let mut w = WindowSpec { base: None, partition_by: Vec::new(), order_by: Vec::new(), frame: None };
        let t = self.peek();
        if matches!(t.kind, TokenKind::BareWord | TokenKind::QuotedIdentifier)
            && !["PARTITION", "ORDER", "ROWS", "RANGE"].iter().any(|k| self.kw(k))
        {
            w.base = Some(self.ident()?);
        }
        if self.eat_kws(&["PARTITION", "BY"]) {
            w.partition_by = self.parse_expr_list()?;
        }
        if self.eat_kws(&["ORDER", "BY"]) {
            w.order_by = self.parse_order_by_list()?;
        }
        let rows = self.kw("ROWS");
        if rows || self.kw("RANGE") {
            self.advance();
            let (start, end) = if self.eat_kw("BETWEEN") {
                let s = self.frame_bound()?;
                self.expect_kw("AND")?;
                (s, self.frame_bound()?)
            } else {
                (self.frame_bound()?, FrameBound::CurrentRow)
            };
            w.frame = Some((rows, start, end));
        }
        Ok(w)
    }

    fn frame_bound(&mut self) -> P<FrameBound> {
        if self.eat_kws(&["UNBOUNDED", "PRECEDING"]) {
            return Ok(FrameBound::UnboundedPreceding);
        }
        if self.eat_kws(&["UNBOUNDED", "FOLLOWING"]) {
            return Ok(FrameBound::UnboundedFollowing);
        }
        if self.eat_kws(&["CURRENT", "ROW"]) {
            return Ok(FrameBound::CurrentRow);
        }
        let e = self.parse_binary(CONCAT)?;
        if self.eat_kw("PRECEDING") {
            Ok(FrameBound::Preceding(Box::new(e)))
        } else if self.eat_kw("FOLLOWING") {
            Ok(FrameBound::Following(Box::new(e)))
        } else {
            Err(self.unexpected("Expected one of: PRECEDING, FOLLOWING"))
        }
    }
}
