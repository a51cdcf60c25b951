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

fn expr(sql: &str) -> Expr {
    let s = select(&format!("SELECT {sql}"));
    s.projection.into_iter().next().unwrap_or(Expr::Literal(Literal::Null))
}

fn err(sql: &str) -> Error {
    match parse(sql, ParserLimits::default()) {
        Ok(v) => panic!("{sql}: expected an error, got {v:?}"),
        Err(e) => e,
    }
}

fn tables(sql: &str) -> TableExpr {
    select(sql).from.unwrap_or_else(|| panic!("{sql}: no FROM"))
}

#[test]
fn column_names_match_clickhouse() {
    // Expected names from chdb: `SELECT <expr> FORMAT TSVWithNames`.
    let cases = [
        ("1+2", "plus(1, 2)"),
        ("1 - 2 * 3", "minus(1, multiply(2, 3))"),
        ("(1+2)*3", "multiply(plus(1, 2), 3)"),
        ("10 DIV 3", "intDiv(10, 3)"),
        ("10 MOD 3", "modulo(10, 3)"),
        ("10 % 3", "modulo(10, 3)"),
        ("1 = 1", "equals(1, 1)"),
        ("1 == 1", "equals(1, 1)"),
        ("1 != 2", "notEquals(1, 2)"),
        ("1 <> 2", "notEquals(1, 2)"),
        ("1 < 2", "less(1, 2)"),
        ("1 > 2", "greater(1, 2)"),
        ("1 <= 2", "lessOrEquals(1, 2)"),
        ("1 >= 2", "greaterOrEquals(1, 2)"),
        ("1 AND 0 AND 1", "and(1, 0, 1)"),
        ("1 OR 0 OR 1", "or(1, 0, 1)"),
        ("NOT 1", "not(1)"),
        ("-(1)", "negate(1)"),
        ("-5", "-5"),
        ("- 5", "-5"),
        ("-1.5", "-1.5"),
        ("1 ? 2 : 3", "if(1, 2, 3)"),
        ("'a' || 'b' || 'c'", "concat('a', 'b', 'c')"),
        ("'abc' LIKE 'a%'", "like('abc', 'a%')"),
        ("'abc' NOT LIKE 'a%'", "notLike('abc', 'a%')"),
        ("'abc' ILIKE 'A%'", "ilike('abc', 'A%')"),
        ("1 IN (1)", "in(1, 1)"),
        ("NULL IS NULL", "isNull(NULL)"),
        ("1 IS NOT NULL", "isNotNull(1)"),
        ("2 BETWEEN 1 AND 3", "and(greaterOrEquals(2, 1), lessOrEquals(2, 3))"),
        ("CASE WHEN 1 THEN 2 ELSE 3 END", "multiIf(1, 2, 3)"),
        ("CASE 1 WHEN 1 THEN 2 ELSE 3 END", "caseWithExpression(1, 1, 2, 3)"),
        ("EXTRACT(YEAR FROM toDate('2024-01-02'))", "toYear(toDate('2024-01-02'))"),
        ("INTERVAL 1 DAY", "toIntervalDay(1)"),
        ("INTERVAL '1 day'", "toIntervalDay(1)"),
        ("DATE '2024-01-01'", "toDate('2024-01-01')"),
        ("TIMESTAMP '2024-01-01 00:00:00'", "toDateTime('2024-01-01 00:00:00')"),
        ("substring('abc' FROM 1 FOR 2)", "substring('abc', 1, 2)"),
        ("position('a' IN 'abc')", "position('abc', 'a')"),
        ("trim(BOTH 'x' FROM 'xax')", "trimBoth('xax', 'x')"),
        ("trim(LEADING 'x' FROM 'xax')", "trimLeft('xax', 'x')"),
        ("trim(TRAILING 'x' FROM 'xax')", "trimRight('xax', 'x')"),
        ("quantile(0.5)(1)", "quantile(0.5)(1)"),
        ("count()", "count()"),
        ("count(*)", "count()"),
        ("0x1F", "31"),
        ("0b101", "5"),
        ("true", "true"),
        ("1 + 2 = 3 AND 4 > 3", "and(equals(plus(1, 2), 3), greater(4, 3))"),
        ("NOT 1 = 2", "not(equals(1, 2))"),
        ("1 * 2 || 3", "concat(multiply(1, 2), 3)"),
        ("1 + 2 || 3 + 4", "concat(plus(1, 2), plus(3, 4))"),
        ("1 = 2 || 3", "equals(1, concat(2, 3))"),
        ("(1 AND 1) AND 1", "and(and(1, 1), 1)"),
        ("1 OR 2 ? 3 : 4", "if(or(1, 2), 3, 4)"),
        ("1 < 2 < 3", "less(less(1, 2), 3)"),
        ("-x[1]", "negate(arrayElement(x, 1))"),
        ("NOT 1 AND 2", "and(not(1), 2)"),
        ("x = 1 IS NULL", "isNull(equals(x, 1))"),
        ("a NOT BETWEEN 1 AND 2", "or(less(a, 1), greater(a, 2))"),
        ("x GLOBAL IN t", "globalIn(x, t)"),
        ("x GLOBAL NOT IN t", "globalNotIn(x, t)"),
        ("toTypeName(1)", "toTypeName(1)"),
        ("-x", "negate(x)"),
        ("t.1", "tupleElement(t, 1)"),
        ("t.1.2", "tupleElement(tupleElement(t, 1), 2)"),
        ("x.a.b", "x.a.b"),
        ("f(x).y", "tupleElement(f(x), 'y')"),
        ("-(-1)", "negate(-1)"),
        ("NOT NOT 1", "not(not(1))"),
        ("count(DISTINCT x)", "countDistinct(x)"),
        ("x AS y", "y"),
        ("`weird col`", "weird col"),
        ("\"dq\"", "dq"),
        ("*", "*"),
        ("t.*", "t.*"),
        ("COLUMNS('a.*')", "COLUMNS('a.*')"),
        ("{p:UInt8}", "{p:UInt8}"),
        ("'it''s'", "'it\\'s'"),
        ("18446744073709551615", "18446744073709551615"),
        ("18446744073709551616", "18446744073709551616"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("nan", "nan"),
        ("-nan", "nan"),
        ("NULL", "NULL"),
        ("toDate(x) + INTERVAL 2 HOUR", "plus(toDate(x), toIntervalHour(2))"),
        ("EXTRACT(SECOND FROM d)", "toSecond(d)"),
        ("EXTRACT(DAY FROM d)", "toDayOfMonth(d)"),
        ("CASE WHEN a THEN 1 END", "multiIf(a, 1, NULL)"),
        ("1 <=> NULL", "isNotDistinctFrom(1, NULL)"),
        ("x REGEXP 'a'", "match(x, 'a')"),
        ("a.b.c.d", "a.b.c.d"),
        ("extract('abc', 'b')", "extract('abc', 'b')"),
        ("+1", "1"),
        ("count() FILTER (WHERE x > 1)", "countIf(greater(x, 1))"),
        ("interval", "interval"),
        ("INTERVAL x DAY", "toIntervalDay(x)"),
    ];
    for (sql, want) in cases {
        assert_eq!(expr(sql).to_string(), want, "{sql}");
    }
}

#[test]
fn expression_shapes() {
    assert_eq!(
        expr("x IN (1, 2)"),
        Expr::call("in", vec![Expr::ident("x"), Expr::call("tuple", vec![lit(1), lit(2)])])
    );
    assert_eq!(expr("[1, 2]"), Expr::call("array", vec![lit(1), lit(2)]));
    assert_eq!(expr("(1, 2)"), Expr::call("tuple", vec![lit(1), lit(2)]));
    assert_eq!(expr("(1,)"), Expr::call("tuple", vec![lit(1)]));
    assert_eq!(expr("()"), Expr::call("tuple", vec![]));
    assert_eq!(expr("(1)"), lit(1));
    assert_eq!(expr("-5"), Expr::Literal(Literal::Int(-5)));
    assert_eq!(expr("-1.5"), Expr::Literal(Literal::Float(-1.5)));
    assert_eq!(expr("-9223372036854775808"), Expr::Literal(Literal::Int(i64::MIN)));
    assert_eq!(expr("1e10"), Expr::Literal(Literal::Float(1e10)));
    assert_eq!(expr("(.5)"), Expr::Literal(Literal::Float(0.5)));
    assert_eq!(expr("'a\\n\\t\\\\\\'\\0\\x41'"), Expr::Literal(Literal::String(b"a\n\t\\'\0A".to_vec())));
    assert_eq!(expr("99999999999999999999999"), Expr::Literal(Literal::BigInt("99999999999999999999999".into())));
    assert_eq!(expr("false"), Expr::Literal(Literal::Bool(false)));
    assert_eq!(
        expr("CAST(x AS Nullable(String))"),
        Expr::Cast {
            expr: Box::new(Expr::ident("x")),
            type_name: "Nullable(String)".into(),
            syntax: CastSyntax::Function
        }
    );
    assert_eq!(
        expr("x::Array(UInt8)"),
        Expr::Cast { expr: Box::new(Expr::ident("x")), type_name: "Array(UInt8)".into(), syntax: CastSyntax::Operator }
    );
    assert_eq!(expr("CAST(x, 'String')"), Expr::call("CAST", vec![Expr::ident("x"), str_lit("String")]));
    assert_eq!(
        expr("x -> x * 2"),
        Expr::Lambda {
            params: vec!["x".into()],
            body: Box::new(Expr::call("multiply", vec![Expr::ident("x"), lit(2)]))
        }
    );
    assert_eq!(
        expr("arrayMap((x, y) -> x + y, a, b)"),
        Expr::call(
            "arrayMap",
            vec![
                Expr::Lambda {
                    params: vec!["x".into(), "y".into()],
                    body: Box::new(Expr::call("plus", vec![Expr::ident("x"), Expr::ident("y")]))
                },
                Expr::ident("a"),
                Expr::ident("b")
            ]
        )
    );
    assert_eq!(expr("* EXCEPT (a, b)"), Expr::Asterisk { qualifier: vec![], except: vec!["a".into(), "b".into()] });
    assert_eq!(expr("t.* EXCEPT a"), Expr::Asterisk { qualifier: vec!["t".into()], except: vec!["a".into()] });
    assert_eq!(
        expr("{name:Array(String)}"),
        Expr::Parameter { name: "name".into(), type_name: "Array(String)".into() }
    );
    match expr("EXISTS(SELECT 1)") {
        Expr::Function(c) => assert!(c.name == "exists" && matches!(c.args[0], Expr::Subquery(_))),
        e => panic!("{e:?}"),
    }
    match expr("x IN (SELECT 1)") {
        Expr::Function(c) => assert!(c.name == "in" && matches!(c.args[1], Expr::Subquery(_))),
        e => panic!("{e:?}"),
    }
    assert!(matches!(expr("(SELECT 1)"), Expr::Subquery(_)));
    assert_eq!(expr("x IN tuple(1, 2)").to_string(), "in(x, (1, 2))");
    match expr("quantiles(0.5, 0.9)(x)") {
        Expr::Function(c) => {
            assert_eq!(c.params, Some(vec![Expr::Literal(Literal::Float(0.5)), Expr::Literal(Literal::Float(0.9))]));
            assert_eq!(c.args, vec![Expr::ident("x")]);
        }
        e => panic!("{e:?}"),
    }
    match expr("count(DISTINCT x)") {
        Expr::Function(c) => assert!(c.distinct && c.name == "count"),
        e => panic!("{e:?}"),
    }
    match expr("sum(x) OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)") {
        Expr::Function(c) => {
            let w = c.over.expect("over");
            assert_eq!(w.partition_by, vec![Expr::ident("a")]);
            assert!(w.order_by[0].desc);
            assert_eq!(w.frame, Some((true, FrameBound::Preceding(Box::new(lit(1))), FrameBound::UnboundedFollowing)));
        }
        e => panic!("{e:?}"),
    }
    match expr("row_number() OVER w") {
        Expr::Function(c) => assert_eq!(c.over.and_then(|w| w.base), Some("w".into())),
        e => panic!("{e:?}"),
    }
    match expr("first_value(x) IGNORE NULLS OVER ()") {
        Expr::Function(c) => assert_eq!(c.ignore_nulls, Some(true)),
        e => panic!("{e:?}"),
    }
    // Function names keep their case; keywords are case-insensitive.
    assert_eq!(expr("toDate(x)").to_string(), "toDate(x)");
    assert_eq!(expr("1 and 2 or 3").to_string(), "or(and(1, 2), 3)");
    assert_eq!(expr("f(x AS y, 2)").to_string(), "f(y, 2)");
}

fn lit(v: u64) -> Expr {
    Expr::Literal(Literal::UInt(v))
}

fn str_lit(s: &str) -> Expr {
    Expr::Literal(Literal::String(s.as_bytes().to_vec()))
}

fn join_of(t: &TableExpr) -> (JoinKind, JoinStrictness, bool, &JoinConstraint) {
    match t {
        TableExpr::Join { kind, strictness, global, constraint, .. } => (*kind, *strictness, *global, constraint),
        other => panic!("not a join: {other:?}"),
    }
}

#[test]
fn joins_and_keywords_are_not_aliases() {
    use JoinKind::*;
    use JoinStrictness as S;
    let cases = [
        ("SELECT * FROM l ANY LEFT JOIN r USING k", Left, S::Any, false),
        ("SELECT * FROM l LEFT ANY JOIN r USING k", Left, S::Any, false),
        ("SELECT * FROM l ALL INNER JOIN r ON l.a = r.b", Inner, S::All, false),
        ("SELECT * FROM l INNER ALL JOIN r ON 1", Inner, S::All, false),
        ("SELECT * FROM l SEMI LEFT JOIN r USING (k)", Left, S::Semi, false),
        ("SELECT * FROM l LEFT SEMI JOIN r USING (k)", Left, S::Semi, false),
        ("SELECT * FROM l ANTI RIGHT JOIN r USING (k)", Right, S::Anti, false),
        ("SELECT * FROM l ASOF JOIN r ON l.a = r.a AND l.t >= r.t", Inner, S::Asof, false),
        ("SELECT * FROM l ASOF LEFT JOIN r USING (a, t)", Left, S::Asof, false),
        ("SELECT * FROM l GLOBAL ANY INNER JOIN r USING (x)", Inner, S::Any, true),
        ("SELECT * FROM l GLOBAL LEFT JOIN r USING (x)", Left, S::Unspecified, true),
        ("SELECT * FROM l LEFT OUTER JOIN r USING (x)", Left, S::Unspecified, false),
        ("SELECT * FROM l FULL OUTER JOIN r USING (x)", Full, S::Unspecified, false),
        ("SELECT * FROM l RIGHT JOIN r USING (x)", Right, S::Unspecified, false),
        ("SELECT * FROM l JOIN r USING (x)", Inner, S::Unspecified, false),
        ("SELECT * FROM l CROSS JOIN r", Cross, S::Unspecified, false),
        ("SELECT * FROM l PASTE JOIN r", Paste, S::Unspecified, false),
        ("SELECT * FROM l, r", Comma, S::Unspecified, false),
        ("SELECT * FROM l AS a ANY LEFT JOIN r AS b USING k", Left, S::Any, false),
        ("SELECT * FROM l a ANY LEFT JOIN r b USING k", Left, S::Any, false),
        ("SELECT * FROM (SELECT 1) AS a ANY LEFT JOIN r USING k", Left, S::Any, false),
        ("SELECT * FROM numbers(3) ANY LEFT JOIN r USING k", Left, S::Any, false),
    ];
    for (sql, kind, strictness, global) in cases {
        let t = tables(sql);
        let (k, s, g, _) = join_of(&t);
        assert_eq!((k, s, g), (kind, strictness, global), "{sql}");
        match &t {
            TableExpr::Join { left, .. } => {
                if let TableExpr::Table { alias, .. } = left.as_ref() {
                    assert!(alias.as_deref() != Some("ANY"), "{sql}");
                }
            }
            _ => unreachable!(),
        }
    }
    let t = tables("SELECT * FROM l ANY LEFT JOIN r USING k");
    assert_eq!(join_of(&t).3, &JoinConstraint::Using(vec!["k".into()]));
    // Table alias forms.
    match tables("SELECT * FROM db.t AS x FINAL SAMPLE 1/10 OFFSET 1/2") {
        TableExpr::Table { database, name, alias, final_, sample } => {
            assert_eq!(
                (database.as_deref(), name.as_str(), alias.as_deref(), final_),
                (Some("db"), "t", Some("x"), true)
            );
            let s = sample.expect("sample");
            assert_eq!(s.ratio.to_string(), "divide(1, 10)");
            assert_eq!(s.offset.map(|e| e.to_string()).as_deref(), Some("divide(1, 2)"));
        }
        other => panic!("{other:?}"),
    }
    match tables("SELECT * FROM t FINAL") {
        TableExpr::Table { alias, final_, .. } => assert!(alias.is_none() && final_),
        other => panic!("{other:?}"),
    }
    for kw in ["PREWHERE", "WHERE", "GROUP", "ORDER", "LIMIT", "SETTINGS", "FORMAT", "UNION", "ARRAY", "LEFT", "INNER"]
    {
        let sql = format!("SELECT * FROM t {kw}");
        if let Ok(v) = parse(&sql, ParserLimits::default()) {
            panic!("{sql} parsed: {v:?}");
        }
    }
    // ARRAY JOIN.
    match tables("SELECT * FROM t ARRAY JOIN arr AS el, arr2 LEFT ARRAY JOIN arr3 a3") {
        TableExpr::ArrayJoin { left, left_join, exprs } => {
            assert!(left_join);
            assert_eq!(exprs, vec![(Expr::ident("arr3"), Some("a3".into()))]);
            match *left {
                TableExpr::ArrayJoin { left_join, exprs, .. } => {
                    assert!(!left_join);
                    assert_eq!(exprs[0], (Expr::ident("arr"), Some("el".into())));
                    assert_eq!(exprs[1], (Expr::ident("arr2"), None));
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    // Aliases in the select list.
    assert_eq!(names("SELECT 1 AS any, 2 x, 3 `y`"), vec!["any", "x", "y"]);
    assert!(parse("SELECT 1 any", ParserLimits::default()).is_err());
}

#[test]
fn select_clauses() {
    let s = select(
        "WITH 10 AS ten, (SELECT 1) AS m, cte AS (SELECT 2) \
         SELECT DISTINCT a, count() AS c FROM t PREWHERE p = 1 WHERE w GROUP BY a WITH TOTALS HAVING c > 1 \
         WINDOW w AS (PARTITION BY a) QUALIFY 1 ORDER BY a DESC NULLS FIRST, b COLLATE 'en' WITH FILL FROM 1 TO 10 STEP 2 \
         LIMIT 2 BY a LIMIT 5 OFFSET 1 SETTINGS max_threads = 1",
    );
    assert_eq!(s.with.len(), 3);
    assert!(matches!(&s.with[0], WithItem::Expr { name, expr } if name == "ten" && *expr == lit(10)));
    assert!(matches!(&s.with[1], WithItem::Expr { name, expr: Expr::Subquery(_) } if name == "m"));
    assert!(matches!(&s.with[2], WithItem::Cte { name, .. } if name == "cte"));
    assert!(s.distinct);
    assert_eq!(s.projection.len(), 2);
    assert!(s.prewhere.is_some() && s.where_.is_some() && s.having.is_some() && s.qualify.is_some());
    assert_eq!(s.group_by, vec![Expr::ident("a")]);
    assert!(s.with_totals);
    assert_eq!(s.windows.len(), 1);
    assert_eq!(s.order_by.len(), 2);
    assert!(s.order_by[0].desc && s.order_by[0].nulls_first == Some(true));
    assert_eq!(s.order_by[1].collate.as_deref(), Some("en"));
    let fill = s.order_by[1].with_fill.clone().expect("fill");
    assert_eq!((fill.from, fill.to, fill.step), (Some(lit(1)), Some(lit(10)), Some(lit(2))));
    assert_eq!(s.limit_by, Some(LimitBy { limit: lit(2), offset: None, by: vec![Expr::ident("a")] }));
    assert_eq!((s.limit, s.offset), (Some(lit(5)), Some(lit(1))));
    assert_eq!(s.settings, vec![("max_threads".to_string(), lit(1))]);

    let s = select("SELECT a FROM t LIMIT 1, 2 BY a");
    assert_eq!(s.limit_by, Some(LimitBy { limit: lit(2), offset: Some(lit(1)), by: vec![Expr::ident("a")] }));
    let s = select("SELECT a FROM t LIMIT 1, 2");
    assert_eq!((s.limit, s.offset), (Some(lit(2)), Some(lit(1))));
    let s = select("SELECT a FROM t ORDER BY a OFFSET 3 ROWS FETCH FIRST 4 ROWS ONLY");
    assert_eq!((s.limit, s.offset), (Some(lit(4)), Some(lit(3))));
    let s = select("SELECT a FROM t ORDER BY a LIMIT 3 WITH TIES");
    assert!(s.with_ties);
    let s = select("SELECT TOP 3 a FROM t");
    assert_eq!(s.top, Some(lit(3)));
    let s = select("SELECT DISTINCT ON (a, b) a FROM t");
    assert_eq!(s.distinct_on, Some(vec![Expr::ident("a"), Expr::ident("b")]));
    let s = select("SELECT a FROM t GROUP BY ALL ORDER BY ALL DESC");
    assert!(s.group_by_all);
    assert_eq!(s.order_by_all, Some((true, None)));
    let s = select("SELECT a FROM t GROUP BY ROLLUP(a, b)");
    assert_eq!((s.group_by_modifier, s.group_by.len()), (GroupByModifier::Rollup, 2));
    let s = select("SELECT a FROM t GROUP BY CUBE(a)");
    assert_eq!(s.group_by_modifier, GroupByModifier::Cube);
    let s = select("SELECT a FROM t GROUP BY a, b WITH ROLLUP");
    assert_eq!((s.group_by_modifier, s.group_by.len()), (GroupByModifier::Rollup, 2));
    let s = select("SELECT a FROM t GROUP BY a WITH CUBE WITH TOTALS");
    assert!(s.group_by_modifier == GroupByModifier::Cube && s.with_totals);
    let s = select("SELECT a FROM t GROUP BY GROUPING SETS ((a), (a, b), ())");
    assert_eq!(s.group_by_modifier, GroupByModifier::GroupingSets);
    assert_eq!(s.grouping_sets.iter().map(Vec::len).collect::<Vec<_>>(), vec![1, 2, 0]);

    // Set operations and parentheses.
    match one("SELECT 1 UNION ALL SELECT 2 UNION DISTINCT SELECT 3 EXCEPT SELECT 4 INTERSECT SELECT 5") {
        StatementKind::Select(q) => match *q {
            SelectQuery::SetOp { op: SetOp::Except, left, right } => {
                assert!(matches!(*right, SelectQuery::SetOp { op: SetOp::Intersect, .. }));
                assert!(matches!(*left, SelectQuery::SetOp { op: SetOp::UnionDistinct, .. }));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    match one("(SELECT 1) UNION ALL (SELECT 2)") {
        StatementKind::Select(q) => assert!(matches!(*q, SelectQuery::SetOp { op: SetOp::UnionAll, .. })),
        other => panic!("{other:?}"),
    }
    match one("SELECT * FROM (SELECT 1 UNION ALL SELECT 2) AS s") {
        StatementKind::Select(q) => match *q {
            SelectQuery::Select(s) => assert!(matches!(s.from, Some(TableExpr::Subquery { alias: Some(_), .. }))),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    // Trailing clauses on the statement.
    let v = p("SELECT 1 FORMAT JSONEachRow; SELECT 2 INTO OUTFILE 'x.tsv' FORMAT TSV SETTINGS a = 1;");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].format.as_deref(), Some("JSONEachRow"));
    assert_eq!(v[1].into_outfile.as_deref(), Some("x.tsv"));
    assert_eq!(v[1].settings.len(), 1);
    let v = p("SELECT 1 SETTINGS max_threads = 2 FORMAT Null");
    assert_eq!((v[0].settings.len(), v[0].format.as_deref()), (1, Some("Null")));
    assert!(p("").is_empty());
    assert!(p(" ; ;").is_empty());
    assert_eq!(p("SELECT 1; SELECT 2").len(), 2);
}

/// spec/engine.md P1: everything sqlparser got wrong.
#[test]
fn spec_p1_cases() {
    for sql in [
        "SELECT * FROM l ANY LEFT JOIN r USING k",
        "SELECT * FROM l PASTE JOIN r",
        "SELECT 0x1F",
        "SELECT * FROM l ALL INNER JOIN r USING k",
        "SELECT * FROM l LEFT ANY JOIN r USING k",
        "SELECT * FROM l SEMI LEFT JOIN r USING k",
        "SELECT * FROM l ASOF JOIN r ON l.a = r.a AND l.t < r.t",
        "SELECT * FROM l GLOBAL ANY JOIN r USING k",
        "SELECT x GLOBAL IN (1, 2) FROM t",
        "SELECT * FROM t LIMIT 1 BY k LIMIT 3",
        "WITH 10 AS ten SELECT ten",
        "WITH (SELECT 1) AS m SELECT m",
        "SELECT t.1 FROM (SELECT (1, 2) AS t)",
        "SELECT c ? a : b FROM t",
        "SELECT x IN tuple(1, 2)",
        "CREATE TABLE t (x UInt64 CODEC(Delta, ZSTD(3))) ENGINE = MergeTree ORDER BY x",
        "SYSTEM STOP MERGES db.t",
        "ALTER TABLE t DELETE WHERE x = 1",
        "SELECT quantile(0.9)(x), arrayMap(x -> x * 2, a) FROM t ARRAY JOIN a PREWHERE 1 WHERE 1 \
         GROUP BY x WITH TOTALS SETTINGS max_threads = 1 FORMAT TSV",
        "SELECT * FROM t FINAL SAMPLE 0.1",
        "SELECT CAST(x AS LowCardinality(Nullable(String)))",
    ] {
        p(sql);
    }
    assert_eq!(expr("0x1F"), lit(31));
    let s = select("SELECT * FROM t LIMIT 1 BY k LIMIT 3");
    assert!(s.limit_by.is_some() && s.limit == Some(lit(3)));
}

#[test]
fn error_positions_match_clickhouse() {
    // Positions from chdb (`Syntax error: failed at position N (token)`).
    let cases = [
        ("SELECT 1 +", 11, "end of query"),
        ("SELECT * FROM t WHERE", 22, "end of query"),
        ("SELECT 1 2", 10, "2"),
        ("SELECT (1", 10, "end of query"),
        ("SELECT 'абв', 1 2", 20, "2"),
        ("SELECT 1 #comment", 10, "#"),
        ("SELECT * FROM t ANY", 20, "end of query"),
        ("SELECT f(1,", 12, "end of query"),
        ("SELECT [1, 2", 13, "end of query"),
        ("SELECT 1 FROM t ORDER", 22, "end of query"),
        ("SELECT 'abc", 8, "'abc"),
        ("SELECT 1 FROM t GROUP x", 23, "x"),
        ("SELECT a b c", 12, "c"),
        ("SELECT 1)", 9, ")"),
        ("SELECT x FROM t WHERE x IN (1, 2", 33, "end of query"),
        ("SELECT 1 UNION SELECT", 22, "end of query"),
        ("SELECT * FROM t1 JOIN t2 ON", 28, "end of query"),
        ("ALTER TABLE t FOO", 15, "FOO"),
    ];
    for (sql, pos, tok) in cases {
        let e = err(sql);
        assert_eq!(e.code(), 62, "{sql}: {e}");
        let want = format!("Syntax error: failed at position {pos} ({tok})");
        assert!(e.to_string().contains(&want), "{sql}: {e}");
    }
    let e = err("SELECT 1,\n2 3");
    assert!(e.to_string().contains("failed at position 13 (3) (line 2, col 3): 3"), "{e}");
    assert!(err("SELECT 'abc").to_string().contains("Unrecognized token"));
}

#[test]
fn create_table() {
    let sql = "CREATE TABLE IF NOT EXISTS db.t ON CLUSTER c (\
        id UInt64, \
        s LowCardinality(Nullable(String)) DEFAULT 'x' COMMENT 'the s', \
        d Decimal(10, 2) NOT NULL CODEC(Delta, ZSTD(3)), \
        m Map(String, Array(Tuple(a UInt8, b String))) MATERIALIZED map(), \
        e Enum8('a' = 1, 'b' = 2) ALIAS 'a', \
        dt DateTime('UTC') TTL dt + INTERVAL 1 DAY, \
        v DEFAULT 1, \
        INDEX ix s TYPE bloom_filter(0.01) GRANULARITY 4, \
        INDEX mm id TYPE minmax, \
        CONSTRAINT c1 CHECK id > 0, \
        PROJECTION p (SELECT id ORDER BY s)\
        ) ENGINE = ReplacingMergeTree(ver) PARTITION BY toYYYYMM(dt) ORDER BY (id, s) PRIMARY KEY id \
        SAMPLE BY id TTL dt + INTERVAL 1 MONTH SETTINGS index_granularity = 8192 COMMENT 'tbl'";
    let StatementKind::CreateTable(ct) = one(sql) else { panic!() };
    assert!(ct.if_not_exists);
    assert_eq!((ct.database.as_deref(), ct.name.as_str()), (Some("db"), "t"));
    let types: Vec<_> = ct.columns.iter().map(|c| c.type_name.clone()).collect();
    assert_eq!(
        types,
        vec![
            Some("UInt64".to_string()),
            Some("LowCardinality(Nullable(String))".into()),
            Some("Decimal(10, 2)".into()),
            Some("Map(String, Array(Tuple(a UInt8, b String)))".into()),
            Some("Enum8('a' = 1, 'b' = 2)".into()),
            Some("DateTime('UTC')".into()),
            None,
        ]
    );
    assert_eq!(ct.columns[1].default, Some(ColumnDefault::Default(str_lit("x"))));
    assert_eq!(ct.columns[1].comment.as_deref(), Some("the s"));
    assert_eq!(ct.columns[2].nullable, Some(false));
    assert_eq!(ct.columns[2].codec.as_deref(), Some("Delta, ZSTD(3)"));
    assert!(matches!(ct.columns[3].default, Some(ColumnDefault::Materialized(_))));
    assert!(matches!(ct.columns[4].default, Some(ColumnDefault::Alias(_))));
    assert!(ct.columns[5].ttl.is_some());
    assert_eq!(ct.columns[6].default, Some(ColumnDefault::Default(lit(1))));
    assert_eq!(ct.indexes.len(), 2);
    assert_eq!(ct.indexes[0].index_type.name, "bloom_filter");
    assert_eq!(ct.indexes[0].granularity, Some(4));
    assert_eq!(ct.indexes[1].index_type.name, "minmax");
    assert_eq!(ct.constraints.len(), 2);
    let e = ct.engine.clone().expect("engine");
    assert_eq!(e.name, "ReplacingMergeTree");
    assert_eq!(e.args, Some(vec![Expr::ident("ver")]));
    assert_eq!(e.order_by.map(|x| x.to_string()).as_deref(), Some("tuple(id, s)"));
    assert_eq!(e.partition_by.map(|x| x.to_string()).as_deref(), Some("toYYYYMM(dt)"));
    assert_eq!(e.primary_key, Some(Expr::ident("id")));
    assert_eq!(e.sample_by, Some(Expr::ident("id")));
    assert!(e.ttl.is_some());
    assert_eq!(e.settings, vec![("index_granularity".to_string(), lit(8192))]);
    assert_eq!(ct.comment.as_deref(), Some("tbl"));

    // Clauses in another order, engine without parentheses.
    let StatementKind::CreateTable(ct) = one("CREATE TABLE t (x UInt8) ORDER BY x ENGINE = MergeTree") else {
        panic!()
    };
    let e = ct.engine.expect("engine");
    assert_eq!((e.name.as_str(), e.args.is_none(), e.order_by.is_some()), ("MergeTree", true, true));
    let StatementKind::CreateTable(ct) = one("CREATE TABLE t2 AS t") else { panic!() };
    assert_eq!(ct.as_table, Some((None, "t".to_string())));
    let StatementKind::CreateTable(ct) = one("CREATE TABLE t2 AS numbers(10)") else { panic!() };
    assert_eq!(ct.as_function.map(|c| c.name), Some("numbers".to_string()));
    let StatementKind::CreateTable(ct) = one("CREATE TABLE t3 ENGINE = Memory AS SELECT 1 AS x") else { panic!() };
    assert!(ct.as_select.is_some());
    let StatementKind::CreateTable(ct) =
        one("CREATE OR REPLACE TEMPORARY TABLE t (x UInt8 PRIMARY KEY) ENGINE = Memory")
    else {
        panic!()
    };
    assert!(ct.or_replace && ct.temporary);
    assert_eq!(ct.engine.and_then(|e| e.primary_key), Some(Expr::ident("x")));
    let StatementKind::CreateTable(ct) = one("CREATE TABLE t (x Nullable(UInt8) NULL, y String EPHEMERAL)") else {
        panic!()
    };
    assert_eq!(ct.columns[0].nullable, Some(true));
    assert_eq!(ct.columns[1].default, Some(ColumnDefault::Ephemeral(None)));
}

#[test]
fn other_ddl() {
    match one("CREATE DATABASE IF NOT EXISTS d ENGINE = Atomic") {
        StatementKind::CreateDatabase { if_not_exists, name, engine } => {
            assert!(if_not_exists && name == "d" && engine.map(|e| e.name) == Some("Atomic".into()))
        }
        other => panic!("{other:?}"),
    }
    match one("CREATE MATERIALIZED VIEW IF NOT EXISTS db.mv TO db.dst AS SELECT a FROM src") {
        StatementKind::CreateView { materialized, to, name, .. } => {
            assert!(materialized && name == "mv" && to == Some((Some("db".into()), "dst".into())))
        }
        other => panic!("{other:?}"),
    }
    match one("CREATE MATERIALIZED VIEW mv ENGINE = Memory POPULATE AS SELECT 1") {
        StatementKind::CreateView { materialized, .. } => assert!(materialized),
        other => panic!("{other:?}"),
    }
    match one("CREATE OR REPLACE VIEW v AS SELECT 1") {
        StatementKind::CreateView { materialized, or_replace, .. } => assert!(!materialized && or_replace),
        other => panic!("{other:?}"),
    }
    let StatementKind::Alter { database, table, commands } = one(
        "ALTER TABLE db.t ADD COLUMN IF NOT EXISTS c UInt8 DEFAULT 0 AFTER b, DROP COLUMN IF EXISTS d, \
         MODIFY COLUMN e String, RENAME COLUMN f TO g, COMMENT COLUMN g 'x', ADD INDEX i c TYPE set(100) GRANULARITY 2, \
         DROP INDEX i, MATERIALIZE INDEX i IN PARTITION 2024, CLEAR INDEX i, DELETE WHERE c = 1, \
         UPDATE c = c + 1, e = 'y' WHERE 1, DROP PARTITION 202401, DETACH PARTITION ID '1', ATTACH PARTITION 2, \
         MODIFY TTL d + INTERVAL 1 DAY, MODIFY SETTING a = 1, MODIFY ORDER BY (a, b)",
    ) else {
        panic!()
    };
    assert_eq!((database.as_deref(), table.as_str(), commands.len()), (Some("db"), "t", 17));
    assert!(matches!(&commands[0], AlterCommand::AddColumn { after: Some(a), if_not_exists: true, .. } if a == "b"));
    assert!(matches!(&commands[7], AlterCommand::MaterializeIndex { partition: Some(_), .. }));
    assert!(matches!(&commands[9], AlterCommand::Delete { .. }));
    assert!(matches!(&commands[10], AlterCommand::Update { assignments, .. } if assignments.len() == 2));
    assert!(matches!(&commands[12], AlterCommand::DropPartition { detach: true, .. }));
    match one("DROP TABLE IF EXISTS db.t SYNC") {
        StatementKind::DropTable { if_exists, database, name, is_view, .. } => {
            assert!(if_exists && !is_view && database.as_deref() == Some("db") && name == "t")
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(one("DROP VIEW v"), StatementKind::DropTable { is_view: true, .. }));
    assert!(matches!(one("DROP DICTIONARY d"), StatementKind::DropTable { is_view: false, .. }));
    assert!(matches!(one("DROP DATABASE IF EXISTS d"), StatementKind::DropDatabase { if_exists: true, .. }));
    assert!(matches!(one("TRUNCATE TABLE IF EXISTS t"), StatementKind::Truncate { if_exists: true, .. }));
    assert!(matches!(one("TRUNCATE t"), StatementKind::Truncate { if_exists: false, .. }));
    assert!(matches!(one("RENAME TABLE a TO b, db.c TO db.d"), StatementKind::Rename { pairs } if pairs.len() == 2));
    assert!(matches!(one("EXCHANGE TABLES a AND b"), StatementKind::Exchange { .. }));
}

#[test]
fn insert() {
    let StatementKind::Insert(i) = one("INSERT INTO db.t (a, b) VALUES (1, 'a'), (-2, 'b') (3, NULL)") else {
        panic!()
    };
    assert_eq!((i.database.as_deref(), i.table.as_str()), (Some("db"), "t"));
    assert_eq!(i.columns, Some(vec!["a".to_string(), "b".to_string()]));
    let InsertSource::Values(rows) = &i.source else { panic!() };
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], Expr::Literal(Literal::Int(-2)));
    let StatementKind::Insert(i) = one("INSERT INTO TABLE t SELECT * FROM s") else { panic!() };
    assert!(matches!(i.source, InsertSource::Select(_)));
    let StatementKind::Insert(i) = one("INSERT INTO t (x) SETTINGS async_insert = 1 VALUES (1)") else { panic!() };
    assert_eq!(i.settings.len(), 1);
    // FORMAT: the data is never tokenized ('unterminated string, `x` etc.).
    let v = p("INSERT INTO t FORMAT CSV\n1,'a\n2,\"b\n");
    let StatementKind::Insert(i) = &v[0].kind else { panic!() };
    assert_eq!(i.source, InsertSource::Format { format: "CSV".into(), data: b"1,'a\n2,\"b\n".to_vec() });
    let v = p("INSERT INTO t FORMAT TSV 1\t2");
    let StatementKind::Insert(i) = &v[0].kind else { panic!() };
    assert_eq!(i.source, InsertSource::Format { format: "TSV".into(), data: b"1\t2".to_vec() });
    assert!(parse("INSERT INTO t", ParserLimits::default()).is_err());
}

#[test]
fn insert_values_is_fast() {
    let mut sql = String::from("INSERT INTO t VALUES ");
    for i in 0..100_000 {
        sql.push_str(&format!("({i}, 'a', 2.5),"));
    }
    let limits = ParserLimits { max_depth: 1000, max_query_size: usize::MAX };
    let start = std::time::Instant::now();
    let v = parse(&sql, limits).expect("parse");
    let took = start.elapsed();
    let StatementKind::Insert(i) = &v[0].kind else { panic!() };
    let InsertSource::Values(rows) = &i.source else { panic!() };
    assert_eq!(rows.len(), 100_000);
    eprintln!("100k VALUES rows parsed in {took:?}");
}

#[test]
fn misc_statements() {
    assert_eq!(one("SET a = 1, b = 'x'"), StatementKind::Set(vec![("a".into(), lit(1)), ("b".into(), str_lit("x"))]));
    assert_eq!(one("USE db"), StatementKind::Use("db".into()));
    assert_eq!(one("SHOW DATABASES LIKE 'a%'"), StatementKind::Show(ShowKind::Databases { like: Some("a%".into()) }));
    assert_eq!(
        one("SHOW TABLES FROM db LIKE '%x'"),
        StatementKind::Show(ShowKind::Tables { database: Some("db".into()), like: Some("%x".into()) })
    );
    assert_eq!(
        one("SHOW CREATE TABLE db.t"),
        StatementKind::Show(ShowKind::CreateTable { database: Some("db".into()), name: "t".into() })
    );
    assert_eq!(
        one("SHOW COLUMNS FROM t FROM db"),
        StatementKind::Show(ShowKind::Columns { database: Some("db".into()), table: "t".into() })
    );
    assert_eq!(one("SHOW PROCESSLIST"), StatementKind::Show(ShowKind::Processlist));
    assert_eq!(one("SHOW SETTINGS LIKE 'max%'"), StatementKind::Show(ShowKind::Settings { like: Some("max%".into()) }));
    assert_eq!(one("SHOW FUNCTIONS"), StatementKind::Show(ShowKind::Functions { like: None }));
    assert_eq!(one("SHOW ENGINES"), StatementKind::Show(ShowKind::Engines));
    assert!(matches!(one("DESCRIBE TABLE db.t"), StatementKind::Describe { table: TableExpr::Table { .. } }));
    assert!(matches!(one("DESC numbers(3)"), StatementKind::Describe { table: TableExpr::Function { .. } }));
    assert!(matches!(one("DESC (SELECT 1)"), StatementKind::Describe { table: TableExpr::Subquery { .. } }));
    assert!(matches!(one("EXISTS TABLE db.t"), StatementKind::Exists { is_database: false, .. }));
    assert!(matches!(one("EXISTS DATABASE d"), StatementKind::Exists { is_database: true, .. }));
    assert!(matches!(one("EXISTS t"), StatementKind::Exists { is_database: false, .. }));
    match one("EXPLAIN SYNTAX oneline = 1 SELECT 1") {
        StatementKind::Explain { kind, settings, statement } => {
            assert_eq!((kind, settings.len()), (ExplainKind::Syntax, 1));
            assert!(matches!(statement.kind, StatementKind::Select(_)));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(one("EXPLAIN SELECT 1"), StatementKind::Explain { kind: ExplainKind::Plan, .. }));
    assert!(matches!(one("EXPLAIN QUERY TREE SELECT 1"), StatementKind::Explain { kind: ExplainKind::QueryTree, .. }));
    assert!(matches!(
        one("EXPLAIN AST INSERT INTO t VALUES (1)"),
        StatementKind::Explain { kind: ExplainKind::Ast, .. }
    ));
    assert!(matches!(
        one("OPTIMIZE TABLE db.t PARTITION 2024 FINAL DEDUPLICATE"),
        StatementKind::Optimize { partition: Some(_), final_: true, deduplicate: true, .. }
    ));
    assert_eq!(
        one("SYSTEM STOP MERGES db.t"),
        StatementKind::System(SystemCommand {
            words: vec!["STOP".into(), "MERGES".into()],
            database: Some("db".into()),
            table: Some("t".into())
        })
    );
    assert_eq!(
        one("SYSTEM FLUSH LOGS"),
        StatementKind::System(SystemCommand {
            words: vec!["FLUSH".into(), "LOGS".into()],
            database: None,
            table: None
        })
    );
    assert!(matches!(one("KILL QUERY WHERE query_id = 'x' SYNC"), StatementKind::KillQuery { sync: true, .. }));
    assert!(matches!(one("CHECK TABLE t"), StatementKind::Check { .. }));
    assert!(matches!(one("DETACH TABLE t PERMANENTLY"), StatementKind::Detach { permanently: true, .. }));
    assert!(matches!(one("ATTACH TABLE t"), StatementKind::Attach { .. }));
    assert!(matches!(one("DELETE FROM db.t WHERE x = 1"), StatementKind::Delete { .. }));
    let v = p("SHOW TABLES FORMAT JSON");
    assert_eq!(v[0].format.as_deref(), Some("JSON"));
}

#[test]
fn comments_and_quoting() {
    assert_eq!(names("SELECT /* c */ 1 -- x\n + 2 # y\n"), vec!["plus(1, 2)"]);
    assert_eq!(names("SELECT `a``b`, \"c\\\"d\""), vec!["a`b", "c\"d"]);
    assert_eq!(names("select 1 As X from T where 1"), vec!["X"]);
}

fn code_of(sql: &str) -> i32 {
    match parse(sql, ParserLimits::default()) {
        Ok(_) => 0,
        Err(e) => e.code(),
    }
}

/// Largest n for which `make(n)` parses (codes checked against ClickHouse's boundary).
fn boundary(make: impl Fn(usize) -> String) -> (usize, i32) {
    let (mut lo, mut hi) = (1usize, 3000usize);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if code_of(&make(mid)) == 0 {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo, code_of(&make(lo + 1)))
}

/// Deep inputs recurse up to `max_parser_depth` levels, which in debug builds needs
/// more than the 2 MiB of a test thread (the engine parses on 8 MiB+ threads).
fn big_stack(f: impl FnOnce() + Send + 'static) {
    let h = std::thread::Builder::new().stack_size(64 << 20).spawn(f).expect("spawn");
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn depth_limits_match_clickhouse() {
    big_stack(depth_limits_body);
}

fn depth_limits_body() {
    // chdb: 497 `+1` terms pass, 498 fail with TOO_DEEP_AST (167); same for `-1`, `*1`, nested abs( and NOT.
    assert_eq!(boundary(|n| format!("SELECT 1{}", "+1".repeat(n))), (497, 167));
    assert_eq!(boundary(|n| format!("SELECT 1{}", "*1".repeat(n))), (497, 167));
    assert_eq!(boundary(|n| format!("SELECT 1 FROM t WHERE 1{}", "+1".repeat(n))), (498, 167));
    assert_eq!(boundary(|n| format!("SELECT 1 FROM t ORDER BY 1{}", "+1".repeat(n))), (497, 167));
    assert_eq!(boundary(|n| format!("SELECT {}1{}", "abs(".repeat(n), ")".repeat(n))), (497, 167));
    assert_eq!(boundary(|n| format!("SELECT {}1", "NOT ".repeat(n))), (497, 167));
    // Nested parentheses: 197 pass, 198 fail with TOO_DEEP_RECURSION (306).
    assert_eq!(boundary(|n| format!("SELECT {}1{}", "(".repeat(n), ")".repeat(n))), (197, 306));
    // Flattened chains are shallow.
    assert_eq!(code_of(&format!("SELECT 1{}", " AND 1".repeat(5000))), 0);
    assert_eq!(code_of(&format!("SELECT 'a'{}", " || 'a'".repeat(5000))), 0);
}

#[test]
fn ten_thousand_terms_error_not_crash() {
    big_stack(ten_thousand_terms_body);
}

fn ten_thousand_terms_body() {
    let sql = format!("SELECT 1{}", "+1".repeat(10_000));
    let e = err(&sql);
    assert_eq!(e.code(), 167);
    assert!(e.to_string().contains("AST is too deep. Maximum: 1000"), "{e}");
    let e = err(&format!("SELECT {}1{}", "(".repeat(10_000), ")".repeat(10_000)));
    assert_eq!(e.code(), 306);
    assert!(e.to_string().contains("Maximum parse depth (1000) exceeded"), "{e}");
    for sql in [
        format!("SELECT {}1", "-".repeat(10_000)),
        format!("SELECT {}1", "- ".repeat(10_000)),
        format!("SELECT {}1{}", "[".repeat(10_000), "]".repeat(10_000)),
        format!("SELECT {}", "f(".repeat(10_000)),
        format!("SELECT 1{}", " ? 1 : 1".repeat(10_000)),
        format!("SELECT {}", "(SELECT ".repeat(10_000)),
        format!("SELECT 1{}", " UNION ALL SELECT 1".repeat(5_000)),
        format!("SELECT x{}", "[1]".repeat(10_000)),
        format!("SELECT x{}", "::Int8".repeat(10_000)),
        format!("SELECT {}x", "CASE WHEN 1 THEN ".repeat(10_000)),
        format!("SELECT {} 1", "INTERVAL".repeat(10_000)),
    ] {
        let _ = parse(&sql, ParserLimits { max_depth: 1000, max_query_size: usize::MAX });
    }
}

#[test]
fn max_query_size() {
    let limits = ParserLimits { max_depth: 1000, max_query_size: 20 };
    let e = parse("SELECT 1111111111111, 2222222222, 3333333", limits).expect_err("error");
    assert_eq!(e.code(), 62);
    assert!(
        e.to_string().contains("Max query size exceeded (can be increased with the `max_query_size` setting): Syntax error: failed at position 21 (,)"),
        "{e}"
    );
    assert!(parse("SELECT 1", limits).is_ok());
}

/// A deterministic xorshift PRNG for the fuzz test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const FUZZ_CORPUS: &[&str] = &[
    "SELECT 1 + 2 * 3, -5, 'a''b\\n', [1, 2][1], (1, 'x').2, t.1",
    "SELECT * FROM l ANY LEFT JOIN r USING k",
    "SELECT a, count() FROM t WHERE x IN (1, 2) GROUP BY a WITH TOTALS HAVING count() > 1 ORDER BY a DESC LIMIT 10",
    "WITH 10 AS ten, cte AS (SELECT 1) SELECT ten FROM cte",
    "SELECT x ? y : z, CASE WHEN a THEN b ELSE c END, CASE a WHEN 1 THEN 2 END FROM t",
    "SELECT quantile(0.9)(x), count(DISTINCT y), sum(z) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)",
    "SELECT arrayMap(x -> x * 2, [1, 2]), arrayFilter((x, y) -> x > y, a, b)",
    "SELECT CAST(x AS Nullable(String)), x::UInt8, toDate('2024-01-01') + INTERVAL 1 DAY, DATE '2024-01-01'",
    "SELECT EXTRACT(YEAR FROM d), trim(BOTH ' ' FROM s), substring(s FROM 1 FOR 2), position('a' IN s)",
    "SELECT * FROM t FINAL SAMPLE 1/10 PREWHERE a = 1 WHERE b LIKE '%x%' AND c NOT ILIKE 'y' OR d IS NULL",
    "SELECT a FROM t ARRAY JOIN arr AS e LEFT ARRAY JOIN arr2 LIMIT 2 BY a LIMIT 5 OFFSET 1",
    "SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT SELECT 4",
    "(SELECT 1) UNION DISTINCT (SELECT 2) FORMAT TSV",
    "SELECT * EXCEPT (a, b), t.*, COLUMNS('^a') FROM db.t AS x",
    "SELECT {p:UInt8}, 0x1F, 0b101, 1e10, .5, inf, -nan, 18446744073709551616",
    "SELECT a FROM t ORDER BY a NULLS FIRST, b COLLATE 'en' WITH FILL FROM 1 TO 10 STEP 1 SETTINGS max_threads = 1",
    "SELECT a FROM t GROUP BY GROUPING SETS ((a), (a, b), ()) ORDER BY ALL",
    "SELECT a FROM t GROUP BY ROLLUP(a, b) WITH TOTALS WINDOW w AS (ORDER BY a) QUALIFY 1",
    "SELECT DISTINCT ON (a) TOP 5 a FROM t ORDER BY a OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY",
    "SELECT x GLOBAL NOT IN (SELECT y FROM r), EXISTS(SELECT 1), (SELECT max(a) FROM t)",
    "INSERT INTO t (a, b) VALUES (1, 'a'), (2, 'b')",
    "INSERT INTO db.t SELECT * FROM s",
    "INSERT INTO t FORMAT CSV\n1,2\n3,4",
    "CREATE TABLE IF NOT EXISTS db.t (a UInt64 CODEC(Delta, ZSTD(3)), b Nullable(String) DEFAULT 'x' COMMENT 'c', \
     INDEX i b TYPE bloom_filter(0.01) GRANULARITY 4) ENGINE = MergeTree PARTITION BY a ORDER BY (a, b) SETTINGS index_granularity = 8192",
    "CREATE TABLE t2 AS t",
    "CREATE TABLE t3 ENGINE = Memory AS SELECT 1",
    "CREATE MATERIALIZED VIEW mv TO dst AS SELECT a FROM src",
    "CREATE DATABASE IF NOT EXISTS d ENGINE = Atomic",
    "ALTER TABLE t ADD COLUMN c UInt8 AFTER b, DROP COLUMN d, MODIFY COLUMN e String, DELETE WHERE x = 1",
    "ALTER TABLE t UPDATE a = a + 1 WHERE 1, MODIFY TTL d + INTERVAL 1 DAY, MODIFY SETTING a = 1",
    "DELETE FROM t WHERE a = 1",
    "DROP TABLE IF EXISTS db.t SYNC",
    "TRUNCATE TABLE IF EXISTS t",
    "RENAME TABLE a TO b, c TO d",
    "EXCHANGE TABLES a AND b",
    "SET max_threads = 1, max_block_size = 'x'",
    "USE db",
    "SHOW TABLES FROM db LIKE '%a%'",
    "SHOW CREATE TABLE db.t",
    "DESCRIBE TABLE numbers(10)",
    "EXISTS TABLE db.t",
    "EXPLAIN SYNTAX oneline = 1 SELECT 1",
    "OPTIMIZE TABLE t PARTITION 1 FINAL DEDUPLICATE",
    "SYSTEM STOP MERGES db.t",
    "KILL QUERY WHERE query_id = 'x' SYNC",
    "CHECK TABLE t",
    "DETACH TABLE t PERMANENTLY",
    "ATTACH TABLE t",
    "SELECT 'абв', `ключ` FROM \"табл\" -- коммент\n/* c */ # c\n",
    "SELECT $$heredoc$$, $t$x$t$",
];

const FUZZ_WORDS: &[&str] = &[
    "SELECT",
    "FROM",
    "WHERE",
    "ANY",
    "LEFT",
    "JOIN",
    "ARRAY",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'",
    "`",
    "\"",
    "AS",
    "NOT",
    "IN",
    "BETWEEN",
    "AND",
    "CASE",
    "WHEN",
    "INTERVAL",
    "CAST",
    "::",
    "->",
    "?",
    ":",
    "{",
    "}",
    "FORMAT",
    "VALUES",
    "SETTINGS",
    "-",
    ".",
    "*",
    "/*",
    "--",
    "#",
    "é",
    "\u{1F600}",
    "\\",
    "0x",
    "1e",
    "$$",
    "GLOBAL",
    "WITH",
    "UNION",
];

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                // Byte flip (may produce invalid UTF-8; fixed up below).
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => bytes.truncate(rng.below(bytes.len() + 1)),
            2 if !bytes.is_empty() => {
                // Duplicate a span.
                let a = rng.below(bytes.len());
                let b = (a + 1 + rng.below(16)).min(bytes.len());
                let span = bytes[a..b].to_vec();
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, span);
            }
            3 => {
                let w = FUZZ_WORDS[rng.below(FUZZ_WORDS.len())];
                let at = rng.below(bytes.len() + 1);
                let mut ins = vec![b' '];
                ins.extend_from_slice(w.as_bytes());
                ins.push(b' ');
                bytes.splice(at..at, ins);
            }
            _ if !bytes.is_empty() => {
                let a = rng.below(bytes.len());
                let b = (a + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(a..b);
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn fuzz_no_panic() {
    let limits = ParserLimits::default();
    for q in FUZZ_CORPUS {
        if let Err(e) = parse(q, limits) {
            panic!("corpus statement does not parse: {q}: {e}");
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut ok = 0usize;
    for i in 0..12_000 {
        let base = FUZZ_CORPUS[i % FUZZ_CORPUS.len()];
        let sql = mutate(&mut rng, base);
        let input = sql.clone();
        match std::panic::catch_unwind(move || parse(&sql, limits).is_ok()) {
            Ok(true) => ok += 1,
            Ok(false) => {}
            Err(_) => panic!("parse panicked on input: {input:?}"),
        }
    }
    assert!(ok > 0);
}
