//! Statement tests: joins, SELECT clauses, spec P1 cases, DDL, INSERT and the small statements.

use super::*;

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
