//! SELECT queries: set operators (UNION / INTERSECT / EXCEPT), WITH, the SELECT
//! clauses in ClickHouse's order (`ParserSelectQuery.cpp`), FROM with joins
//! (`ParserTablesInSelectQuery.cpp`: strictness and kind in either order, GLOBAL,
//! comma joins, ARRAY JOIN), ORDER BY items with WITH FILL, and the LIMIT forms.

use super::expr::{is_reserved_for_alias, SELECT_LIST_AST_BASE};
use super::{expr_depth, too_deep_ast, Parser, MAX_AST_DEPTH, P, PAREN_DEPTH};
use crate::sql::ast::*;
use crate::sql::lexer::TokenKind;

const JOIN_WORDS: &[&str] = &[
    "GLOBAL", "LOCAL", "ANY", "ALL", "SEMI", "ANTI", "ASOF", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "OUTER",
    "PASTE",
];

impl<'a> Parser<'a> {
    /// A query: selects joined by UNION / EXCEPT (INTERSECT binds tighter).
    pub(super) fn parse_query(&mut self) -> P<SelectQuery> {
        self.enter(1)?;
        let mut left = self.parse_intersect()?;
        let mut arms = 1usize;
        loop {
            let op = if self.eat_kw("UNION") {
                if self.eat_kw("ALL") {
                    SetOp::UnionAll
                } else if self.eat_kw("DISTINCT") {
                    SetOp::UnionDistinct
                } else {
                    SetOp::Union
                }
            } else if self.kw("EXCEPT") {
                self.advance();
                if self.eat_kw("DISTINCT") {
                    SetOp::ExceptDistinct
                } else {
                    self.eat_kw("ALL");
                    SetOp::Except
                }
            } else {
                break;
            };
            let right = self.parse_intersect()?;
            left = SelectQuery::SetOp { op, left: Box::new(left), right: Box::new(right) };
            arms += 1;
            if arms > MAX_AST_DEPTH {
                return Err(too_deep_ast());
            }
        }
        self.leave(1);
        Ok(left)
    }

    fn parse_intersect(&mut self) -> P<SelectQuery> {
        let mut left = self.parse_select_arm()?;
        let mut arms = 1usize;
        while self.kw("INTERSECT") {
            self.advance();
            let op = if self.eat_kw("DISTINCT") {
                SetOp::IntersectDistinct
            } else {
                self.eat_kw("ALL");
                SetOp::Intersect
            };
            let right = self.parse_select_arm()?;
            left = SelectQuery::SetOp { op, left: Box::new(left), right: Box::new(right) };
            arms += 1;
            if arms > MAX_AST_DEPTH {
                return Err(too_deep_ast());
            }
        }
        Ok(left)
    }

    fn parse_select_arm(&mut self) -> P<SelectQuery> {
        if self.is(TokenKind::OpeningRoundBracket) {
            self.advance();
            self.enter_hundredths(PAREN_DEPTH)?;
            let q = self.parse_query()?;
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            self.leave_hundredths(PAREN_DEPTH);
            return Ok(SelectQuery::Parens(Box::new(q)));
        }
        Ok(SelectQuery::Select(Box::new(self.parse_select()?)))
    }

    fn check_ast_depth(&self, e: &Expr, base: usize) -> P<()> {
        if expr_depth(e) + base > MAX_AST_DEPTH {
            return Err(too_deep_ast());
        }
        Ok(())
    }

    fn parse_with_list(&mut self) -> P<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let t = self.peek();
            let is_cte = matches!(t.kind, TokenKind::BareWord | TokenKind::QuotedIdentifier)
                && self.kw_at(1, "AS")
                && self.peek_n(2).kind == TokenKind::OpeningRoundBracket
                && (self.kw_at(3, "SELECT")
                    || self.kw_at(3, "WITH")
                    || self.peek_n(3).kind == TokenKind::OpeningRoundBracket);
            if is_cte {
                let name = self.ident()?;
                self.advance();
                self.advance();
                self.enter_hundredths(PAREN_DEPTH)?;
                let q = self.parse_query()?;
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                self.leave_hundredths(PAREN_DEPTH);
                items.push(WithItem::Cte { name, query: Box::new(q) });
            } else {
                match self.parse_expr_alias()? {
                    Expr::Alias { expr, alias } => items.push(WithItem::Expr { expr: *expr, name: alias }),
                    _ => return Err(self.unexpected("Expected AS")),
                }
            }
            if !self.eat(TokenKind::Comma) {
                return Ok(items);
            }
        }
    }

    fn parse_select(&mut self) -> P<Select> {
        let mut s = Select::default();
        if self.eat_kw("WITH") {
            s.with = self.parse_with_list()?;
        }
        self.expect_kw("SELECT")?;
        if self.kw("DISTINCT") {
            self.advance();
            if self.kw("ON") && self.peek_n(1).kind == TokenKind::OpeningRoundBracket {
                self.pos += 2;
                let list = self.parse_expr_list()?;
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                s.distinct_on = Some(list);
            } else {
                s.distinct = true;
            }
        } else if self.kw("ALL") && !matches!(self.peek_n(1).kind, TokenKind::Comma | TokenKind::EndOfStream) {
            self.advance();
        }
        if self.kw("TOP") && matches!(self.peek_n(1).kind, TokenKind::Number | TokenKind::OpeningRoundBracket) {
            self.advance();
            let t = self.advance();
            s.top = Some(if t.kind == TokenKind::Number {
                Expr::Literal(self.number_literal(t)?)
            } else {
                let e = self.parse_expr()?;
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                e
            });
            if self.eat_kws(&["WITH", "TIES"]) {
                s.with_ties = true;
            }
        }
        loop {
            let e = self.parse_expr_implicit_alias()?;
            self.check_ast_depth(&e, SELECT_LIST_AST_BASE)?;
            s.projection.push(e);
            if !self.eat(TokenKind::Comma) || self.select_list_ends() {
                break;
            }
        }
        if self.eat_kw("FROM") {
            s.from = Some(self.parse_tables()?);
        }
        if self.eat_kw("PREWHERE") {
            s.prewhere = Some(self.parse_checked_expr()?);
        }
        if self.eat_kw("WHERE") {
            s.where_ = Some(self.parse_checked_expr()?);
        }
        if self.eat_kw("GROUP") {
            self.expect_kw("BY")?;
            self.parse_group_by(&mut s)?;
        }
        loop {
            if self.eat_kws(&["WITH", "ROLLUP"]) {
                s.group_by_modifier = GroupByModifier::Rollup;
            } else if self.eat_kws(&["WITH", "CUBE"]) {
                s.group_by_modifier = GroupByModifier::Cube;
            } else if self.eat_kws(&["WITH", "TOTALS"]) {
                s.with_totals = true;
            } else {
                break;
            }
        }
        if self.eat_kw("HAVING") {
            s.having = Some(self.parse_checked_expr()?);
        }
        if self.eat_kw("WINDOW") {
            loop {
                let name = self.ident()?;
                self.expect_kw("AS")?;
                self.expect(TokenKind::OpeningRoundBracket, "opening round bracket")?;
                let w = self.parse_window_body()?;
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                s.windows.push((name, w));
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
        }
        if self.eat_kw("QUALIFY") {
            s.qualify = Some(self.parse_checked_expr()?);
        }
        if self.eat_kw("ORDER") {
            self.expect_kw("BY")?;
            if self.kw("ALL") && self.order_by_all_follows() {
                self.advance();
                let mut desc = false;
                if self.eat_kw("DESC") || self.eat_kw("DESCENDING") {
                    desc = true;
                } else {
                    let _ = self.eat_kw("ASC") || self.eat_kw("ASCENDING");
                }
                let nulls = if self.eat_kws(&["NULLS", "FIRST"]) {
                    Some(true)
                } else if self.eat_kws(&["NULLS", "LAST"]) {
                    Some(false)
                } else {
                    None
                };
                s.order_by_all = Some((desc, nulls));
            } else {
                s.order_by = self.parse_order_by_list()?;
            }
        }
        self.parse_limits(&mut s)?;
        if self.eat_kw("SETTINGS") {
            s.settings = self.settings_list()?;
        }
        Ok(s)
    }

    /// A trailing comma in the select list (`SELECT a, FROM t`) is allowed by ClickHouse.
    fn select_list_ends(&mut self) -> bool {
        const CLAUSES: &[&str] = &[
            "FROM",
            "PREWHERE",
            "WHERE",
            "GROUP",
            "HAVING",
            "WINDOW",
            "QUALIFY",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "SETTINGS",
            "FORMAT",
            "UNION",
            "EXCEPT",
            "INTERSECT",
            "INTO",
        ];
        let t = self.peek();
        match t.kind {
            TokenKind::EndOfStream | TokenKind::Semicolon | TokenKind::ClosingRoundBracket => true,
            TokenKind::BareWord => {
                let w = self.text(t);
                CLAUSES.iter().any(|c| c.eq_ignore_ascii_case(w))
                    && !matches!(
                        self.peek_n(1).kind,
                        TokenKind::OpeningRoundBracket | TokenKind::Dot | TokenKind::Comma
                    )
            }
            _ => false,
        }
    }

    fn parse_checked_expr(&mut self) -> P<Expr> {
        let e = self.parse_expr()?;
        self.check_ast_depth(&e, SELECT_LIST_AST_BASE - 1)?;
        Ok(e)
    }

    fn order_by_all_follows(&mut self) -> bool {
        let n = self.peek_n(1);
        match n.kind {
            TokenKind::EndOfStream | TokenKind::Semicolon | TokenKind::ClosingRoundBracket => true,
            TokenKind::BareWord => is_reserved_for_alias(self.text(n)),
            _ => false,
        }
    }

    fn parse_group_by(&mut self, s: &mut Select) -> P<()> {
        let open_follows = self.peek_n(1).kind == TokenKind::OpeningRoundBracket;
        if self.kw("ALL") && !open_follows && self.peek_n(1).kind != TokenKind::Dot {
            self.advance();
            s.group_by_all = true;
            return Ok(());
        }
        if (self.kw("ROLLUP") || self.kw("CUBE")) && open_follows {
            s.group_by_modifier = if self.kw("ROLLUP") { GroupByModifier::Rollup } else { GroupByModifier::Cube };
            self.pos += 2;
            s.group_by = self.parse_expr_list()?;
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            return Ok(());
        }
        if self.eat_kws(&["GROUPING", "SETS"]) {
            s.group_by_modifier = GroupByModifier::GroupingSets;
            self.expect(TokenKind::OpeningRoundBracket, "opening round bracket")?;
            loop {
                if self.eat(TokenKind::OpeningRoundBracket) {
                    let mut set = Vec::new();
                    if !self.eat(TokenKind::ClosingRoundBracket) {
                        set = self.parse_expr_list()?;
                        self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                    }
                    s.grouping_sets.push(set);
                } else {
                    s.grouping_sets.push(vec![self.parse_expr()?]);
                }
                if !self.eat(TokenKind::Comma) {
                    break;
                }
            }
            self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
            return Ok(());
        }
        s.group_by = self.parse_expr_list()?;
        Ok(())
    }

    fn parse_limits(&mut self, s: &mut Select) -> P<()> {
        for _ in 0..2 {
            if !self.eat_kw("LIMIT") {
                break;
            }
            let first = self.parse_expr()?;
            let (limit, offset) = if self.eat(TokenKind::Comma) {
                (self.parse_expr()?, Some(first))
            } else if self.eat_kw("OFFSET") {
                let off = self.parse_expr()?;
                (first, Some(off))
            } else {
                (first, None)
            };
            if s.limit_by.is_none() && s.limit.is_none() && self.eat_kw("BY") {
                let by = self.parse_expr_list()?;
                s.limit_by = Some(LimitBy { limit, offset, by });
                continue;
            }
            s.limit = Some(limit);
            s.offset = offset;
            if self.eat_kws(&["WITH", "TIES"]) {
                s.with_ties = true;
            }
            break;
        }
        if s.offset.is_none() && self.eat_kw("OFFSET") {
            s.offset = Some(self.parse_expr()?);
            let _ = self.eat_kw("ROWS") || self.eat_kw("ROW");
            if self.eat_kw("FETCH") {
                let _ = self.eat_kw("FIRST") || self.eat_kw("NEXT");
                s.limit = Some(self.parse_expr()?);
                let _ = self.eat_kw("ROWS") || self.eat_kw("ROW");
                if self.eat_kws(&["WITH", "TIES"]) {
                    s.with_ties = true;
                } else {
                    self.expect_kw("ONLY")?;
                }
            }
        }
        Ok(())
    }

    /// ORDER BY items.
    pub(super) fn parse_order_by_list(&mut self) -> P<Vec<OrderByItem>> {
        let mut out = Vec::new();
        loop {
            let expr = self.parse_expr_alias()?;
            self.check_ast_depth(&expr, SELECT_LIST_AST_BASE)?;
            let mut item = OrderByItem { expr, desc: false, nulls_first: None, collate: None, with_fill: None };
            if self.eat_kw("DESC") || self.eat_kw("DESCENDING") {
                item.desc = true;
            } else {
                let _ = self.eat_kw("ASC") || self.eat_kw("ASCENDING");
            }
            if self.eat_kws(&["NULLS", "FIRST"]) {
                item.nulls_first = Some(true);
            } else if self.eat_kws(&["NULLS", "LAST"]) {
                item.nulls_first = Some(false);
            }
            if self.eat_kw("COLLATE") {
                item.collate = Some(self.string_lit()?);
            }
            if self.eat_kws(&["WITH", "FILL"]) {
                let mut fill = WithFill { from: None, to: None, step: None };
                loop {
                    if self.eat_kw("FROM") {
                        fill.from = Some(self.parse_expr()?);
                    } else if self.eat_kw("TO") {
                        fill.to = Some(self.parse_expr()?);
                    } else if self.eat_kw("STEP") {
                        fill.step = Some(self.parse_expr()?);
                    } else if self.eat_kw("STALENESS") {
                        // Not carried in the AST yet: refuse rather than ignore it.
                        return Err(crate::error::Error::new(
                            crate::error::ErrorCode::NOT_IMPLEMENTED,
                            "WITH FILL STALENESS is not supported yet",
                        ));
                    } else {
                        break;
                    }
                }
                item.with_fill = Some(fill);
            }
            out.push(item);
            if !self.eat(TokenKind::Comma) {
                return Ok(out);
            }
        }
    }

    // ---------- FROM ----------

    pub(super) fn parse_tables(&mut self) -> P<TableExpr> {
        let mut left = self.parse_table_element()?;
        loop {
            if self.eat(TokenKind::Comma) {
                let right = self.parse_table_element()?;
                left = TableExpr::Join {
                    left: Box::new(left),
                    right: Box::new(right),
                    kind: JoinKind::Comma,
                    strictness: JoinStrictness::Unspecified,
                    global: false,
                    constraint: JoinConstraint::None,
                };
                continue;
            }
            let array_join = if self.eat_kws(&["ARRAY", "JOIN"]) || self.eat_kws(&["INNER", "ARRAY", "JOIN"]) {
                Some(false)
            } else if self.eat_kws(&["LEFT", "ARRAY", "JOIN"]) {
                Some(true)
            } else {
                None
            };
            if let Some(left_join) = array_join {
                let mut exprs = Vec::new();
                loop {
                    let e = self.parse_expr()?;
                    let alias = if self.eat_kw("AS") { Some(self.ident()?) } else { self.implicit_alias() };
                    exprs.push((e, alias));
                    if !self.eat(TokenKind::Comma) {
                        break;
                    }
                }
                left = TableExpr::ArrayJoin { left: Box::new(left), left_join, exprs };
                continue;
            }
            if !self.join_follows() && !JOIN_WORDS.iter().any(|w| self.kw(w)) {
                return Ok(left);
            }
            left = self.parse_join(left)?;
        }
    }

    fn join_follows(&mut self) -> bool {
        let mut i = 0;
        loop {
            if self.kw_at(i, "JOIN") {
                return true;
            }
            if !JOIN_WORDS.iter().any(|w| self.kw_at(i, w)) || i > 6 {
                return false;
            }
            i += 1;
        }
    }

    fn parse_join(&mut self, left: TableExpr) -> P<TableExpr> {
        let mut global = false;
        let mut strictness = JoinStrictness::Unspecified;
        let mut kind: Option<JoinKind> = None;
        loop {
            let t = self.peek();
            let w = self.text(t).to_ascii_uppercase();
            match w.as_str() {
                "JOIN" => {
                    self.advance();
                    break;
                }
                "GLOBAL" | "LOCAL" if !global && kind.is_none() && strictness == JoinStrictness::Unspecified => {
                    global = w == "GLOBAL";
                }
                "ANY" | "ALL" | "SEMI" | "ANTI" | "ASOF" if strictness == JoinStrictness::Unspecified => {
                    strictness = match w.as_str() {
                        "ANY" => JoinStrictness::Any,
                        "ALL" => JoinStrictness::All,
                        "SEMI" => JoinStrictness::Semi,
                        "ANTI" => JoinStrictness::Anti,
                        _ => JoinStrictness::Asof,
                    };
                }
                "LEFT" | "RIGHT" | "INNER" | "FULL" | "CROSS" | "PASTE" if kind.is_none() => {
                    kind = Some(match w.as_str() {
                        "LEFT" => JoinKind::Left,
                        "RIGHT" => JoinKind::Right,
                        "INNER" => JoinKind::Inner,
                        "FULL" => JoinKind::Full,
                        "CROSS" => JoinKind::Cross,
                        _ => JoinKind::Paste,
                    });
                    if matches!(kind, Some(JoinKind::Left | JoinKind::Right | JoinKind::Full)) && self.kw_at(1, "OUTER")
                    {
                        self.advance();
                    }
                }
                _ => return Err(self.unexpected(
                    "Expected one of: INNER, LEFT, RIGHT, FULL, CROSS, PASTE, ANY, ALL, ASOF, SEMI, ANTI, ONLY, JOIN",
                )),
            }
            self.advance();
        }
        let kind = kind.unwrap_or(JoinKind::Inner);
        let right = self.parse_table_element()?;
        let constraint = if matches!(kind, JoinKind::Cross | JoinKind::Paste) {
            JoinConstraint::None
        } else if self.eat_kw("ON") {
            JoinConstraint::On(self.parse_expr()?)
        } else if self.eat_kw("USING") {
            if self.is(TokenKind::OpeningRoundBracket) {
                JoinConstraint::Using(self.identifier_list_parens()?)
            } else {
                let mut cols = vec![self.ident()?];
                while self.is(TokenKind::Comma)
                    && matches!(self.peek_n(1).kind, TokenKind::BareWord | TokenKind::QuotedIdentifier)
                    && !matches!(self.peek_n(2).kind, TokenKind::OpeningRoundBracket | TokenKind::Dot)
                {
                    self.advance();
                    cols.push(self.ident()?);
                }
                JoinConstraint::Using(cols)
            }
        } else {
            return Err(self.unexpected("Expected one of: ON, USING"));
        };
        Ok(TableExpr::Join { left: Box::new(left), right: Box::new(right), kind, strictness, global, constraint })
    }

    /// One table: `[db.]t`, `(subquery)`, `f(args)`, with FINAL / SAMPLE / alias.
    pub(super) fn parse_table_element(&mut self) -> P<TableExpr> {
        let t = self.peek();
        let mut table = match t.kind {
            TokenKind::OpeningRoundBracket => {
                if !self.is_paren_select() {
                    return Err(self.unexpected("Expected SELECT subquery"));
                }
                self.advance();
                self.enter_hundredths(PAREN_DEPTH)?;
                let q = self.parse_query()?;
                self.expect(TokenKind::ClosingRoundBracket, "closing round bracket")?;
                self.leave_hundredths(PAREN_DEPTH);
                TableExpr::Subquery { query: Box::new(q), alias: None }
            }
            TokenKind::BareWord | TokenKind::QuotedIdentifier => {
                if self.peek_n(1).kind == TokenKind::OpeningRoundBracket {
                    let name = self.ident()?;
                    match self.parse_call(name)? {
                        Expr::Function(call) => TableExpr::Function { call: *call, alias: None },
                        _ => return Err(self.error_at(t, "Expected table function")),
                    }
                } else {
                    let (database, name) = self.table_name()?;
                    TableExpr::Table { database, name, alias: None, final_: false, sample: None }
                }
            }
            _ => {
                return Err(self.unexpected("Expected one of: table, table function, subquery or list of joined tables"))
            }
        };
        loop {
            if self.eat_kw("FINAL") {
                if let TableExpr::Table { final_, .. } = &mut table {
                    *final_ = true;
                }
            } else if self.eat_kw("SAMPLE") {
                let ratio = self.parse_expr()?;
                let offset = if self.eat_kw("OFFSET") { Some(self.parse_expr()?) } else { None };
                if let TableExpr::Table { sample, .. } = &mut table {
                    *sample = Some(SampleClause { ratio, offset });
                }
            } else {
                let has_alias = match &table {
                    TableExpr::Table { alias, .. }
                    | TableExpr::Subquery { alias, .. }
                    | TableExpr::Function { alias, .. } => alias.is_some(),
                    _ => true,
                };
                if has_alias {
                    break;
                }
                let alias = if self.eat_kw("AS") { Some(self.ident()?) } else { self.implicit_alias() };
                let Some(a) = alias else { break };
                match &mut table {
                    TableExpr::Table { alias, .. }
                    | TableExpr::Subquery { alias, .. }
                    | TableExpr::Function { alias, .. } => *alias = Some(a),
                    _ => {}
                }
            }
        }
        Ok(table)
    }
}
