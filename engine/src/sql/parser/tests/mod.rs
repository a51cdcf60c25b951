//! Parser tests: statements → AST pieces and ClickHouse column names (checked with chdb),
//! keyword-vs-alias cases, spec P1 cases, error positions, limits and a mutation fuzz test.

mod limits;
mod statements;

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

fn lit(v: u64) -> Expr {
    Expr::Literal(Literal::UInt(v))
}

fn str_lit(s: &str) -> Expr {
    Expr::Literal(Literal::String(s.as_bytes().to_vec()))
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
        ("1 IN (1, 2)", "in(1, (1, 2))"),
        ("[1, 2]", "[1, 2]"),
        ("(1, 2)", "(1, 2)"),
        ("x IN tuple(1, 2)", "in(x, (1, 2))"),
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
        ("concat(s AS z, 'b')", "concat(z, 'b')"),
        ("1 - -1", "minus(1, -1)"),
        ("arrayMap(x -> x * 2, a)", "arrayMap(lambda(tuple(x), multiply(x, 2)), a)"),
        ("x::Int32", "CAST(x, 'Int32')"),
        ("CAST(x AS Int32)", "CAST(x, 'Int32')"),
        ("CAST(x, 'Int32')", "CAST(x, 'Int32')"),
        ("x AS y", "y"),
        ("`weird col`", "weird col"),
        ("\"dq\"", "dq"),
        ("*", "*"),
        ("t.*", "t.*"),
        ("COLUMNS('a.*')", "COLUMNS('a.*')"),
        ("{p:UInt8}", "{p:UInt8}"),
        ("'it''s'", "'it\\'s'"),
        ("18446744073709551615", "18446744073709551615"),
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
        ("'a' NOT LIKE 'b' ESCAPE '#'", "notLike('a', 'b', '#')"),
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
    assert_eq!(expr("0.1"), Expr::Literal(Literal::Float(0.1)));
    assert_eq!(expr("1.50e2"), Expr::Literal(Literal::Float(150.0)));
    // Digits an f64 cannot hold are kept as text (INSERT and `::` parse them as a Decimal).
    let big = 12345678901234567890.5f64;
    assert_eq!(
        expr("12345678901234567890.5"),
        Expr::Literal(Literal::ExactFloat(big, "12345678901234567890.5".into()))
    );
    assert_eq!(
        expr("-12345678901234567890.5"),
        Expr::Literal(Literal::ExactFloat(-big, "-12345678901234567890.5".into()))
    );
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

#[test]
fn more_clickhouse_forms() {
    assert_eq!(expr("{'a': 1, 'b': 2}").to_string(), "map('a', 1, 'b', 2)");
    assert_eq!(expr("1_000"), lit(1000));
    assert!(matches!(expr("x = ANY (SELECT 1)"), Expr::Function(c) if c.name == "in"));
    assert!(matches!(expr("x != ALL (SELECT 1)"), Expr::Function(c) if c.name == "notIn"));
    assert_eq!(expr("x = any(y)").to_string(), "equals(x, any(y))");
    assert_eq!(expr("X'414243'"), str_lit("ABC"));
    assert_eq!(expr("x'4'"), Expr::Literal(Literal::String(vec![4])));
    assert_eq!(expr("b'0100000101'"), Expr::Literal(Literal::String(vec![1, 5])));
    assert_eq!(expr("x"), Expr::ident("x"));
    assert_eq!(names("SELECT 1, 2, FROM t"), vec!["1", "2"]);
    assert_eq!(names("SELECT 1,"), vec!["1"]);
    // chdb rejects trailing commas in arrays and calls but accepts `(1,)`.
    assert!(parse("SELECT [1, 2,]", ParserLimits::default()).is_err());
    assert!(parse("SELECT f(1, 2,)", ParserLimits::default()).is_err());
    assert_eq!(expr("(1, 2,)").to_string(), "(1, 2)");
    assert_eq!(one("SET flag"), StatementKind::Set(vec![("flag".into(), Expr::Literal(Literal::Bool(true)))]));
    assert_eq!(names("SELECT /* a /* nested */ b */ 1"), vec!["1"]);
    assert!(parse("SELECT /* a /* nested */ 1", ParserLimits::default()).is_err());
}
