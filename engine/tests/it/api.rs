//! The embedded API as a Rust program uses it: Database, Session, QueryResult,
//! errors with ClickHouse codes, settings, cancellation and limits.

use granary_engine::{Database, ErrorCode};

#[test]
fn execute_and_read_batches() {
    let db = Database::in_memory();
    db.execute("CREATE TABLE t (d Date, user UInt64, url String) ENGINE = Memory").unwrap();
    db.execute("INSERT INTO t VALUES ('2024-01-01', 1, 'a'), ('2024-01-02', 2, 'b'), ('2024-01-02', 3, 'c')").unwrap();
    let r = db.execute("SELECT d, uniqExact(user) FROM t GROUP BY d ORDER BY d").unwrap();
    assert_eq!(r.column_names(), vec!["d".to_string(), "uniqExact(user)".to_string()]);
    assert_eq!(r.column_types().iter().map(|t| t.to_string()).collect::<Vec<_>>(), vec!["Date", "UInt64"]);
    assert_eq!(r.num_rows(), 2);
    assert_eq!(r.schema().fields().len(), 2);
    assert_eq!(r.to_tsv(), "2024-01-01\t1\n2024-01-02\t2\n");
}

#[test]
fn sessions_have_their_own_settings_and_database() {
    let db = Database::in_memory();
    let mut a = db.session();
    let mut b = db.session();
    a.execute("SET max_threads = 1").unwrap();
    assert_eq!(a.settings().get_u64("max_threads"), 1);
    assert_eq!(b.settings().get_u64("max_threads"), 0);
    a.execute("CREATE DATABASE other").unwrap();
    a.execute("USE other").unwrap();
    assert_eq!(a.current_database(), "other");
    assert_eq!(b.current_database(), "default");
    a.execute("CREATE TABLE x (v UInt8) ENGINE = Memory").unwrap();
    assert!(b.execute("SELECT * FROM x").is_err());
    assert_eq!(b.execute("SELECT count() FROM other.x").unwrap().to_tsv(), "0\n");
}

#[test]
fn errors_carry_clickhouse_codes() {
    let db = Database::in_memory();
    let cases = [
        ("SELECT * FROM nope", ErrorCode::UNKNOWN_TABLE),
        ("SELECT nope", ErrorCode::UNKNOWN_IDENTIFIER),
        ("SELECT nope(1)", ErrorCode::UNKNOWN_FUNCTION),
        ("SELEC 1", ErrorCode::SYNTAX_ERROR),
        ("SELECT * FROM nodb.t", ErrorCode::UNKNOWN_DATABASE),
        ("SET no_such_setting = 1", ErrorCode::UNKNOWN_SETTING),
        ("SELECT intDiv(1, 0)", ErrorCode::ILLEGAL_DIVISION),
    ];
    for (sql, code) in cases {
        let e = db.execute(sql).expect_err(sql);
        assert_eq!(e.code(), code.number(), "{sql}: {e}");
        assert_eq!(e.name(), code.name());
        assert!(e.to_string().starts_with(&format!("Code: {}. DB::Exception: ", code.number())), "{e}");
        assert!(e.to_string().ends_with(&format!("({})", code.name())), "{e}");
    }
    db.execute("CREATE TABLE t (a UInt8) ENGINE = Memory").unwrap();
    let e = db.execute("CREATE TABLE t (a UInt8) ENGINE = Memory").unwrap_err();
    assert_eq!(e.name(), "TABLE_ALREADY_EXISTS");
}

#[test]
fn deep_expressions_give_an_error_not_a_crash() {
    let db = Database::in_memory();
    let sql = format!("SELECT 1{}", "+1".repeat(10_000));
    let e = db.execute(&sql).unwrap_err();
    assert!(matches!(e.code(), 167 | 306 | 62), "{e}");
    let nested = format!("SELECT {}1{}", "(".repeat(5_000), ")".repeat(5_000));
    assert!(db.execute(&nested).is_err());
}

#[test]
fn memory_limit_is_enforced_and_the_process_survives() {
    let db = Database::in_memory();
    let e = db
        .execute("SELECT number % 1000000 AS k, groupArray(number) FROM numbers(3000000) GROUP BY k SETTINGS max_memory_usage = 10000000")
        .unwrap_err();
    assert_eq!(e.name(), "MEMORY_LIMIT_EXCEEDED", "{e}");
    assert_eq!(db.execute("SELECT 1").unwrap().to_tsv(), "1\n");
}

#[test]
fn timeout_and_result_row_limits() {
    let db = Database::in_memory();
    let e = db.execute("SELECT count() FROM numbers(100000000000) SETTINGS max_execution_time = 0.2").unwrap_err();
    assert_eq!(e.name(), "TIMEOUT_EXCEEDED", "{e}");
    let e = db.execute("SELECT number FROM numbers(100) SETTINGS max_result_rows = 10").unwrap_err();
    assert_eq!(e.name(), "TOO_MANY_ROWS_OR_BYTES", "{e}");
}

#[test]
fn cancel_stops_a_running_query() {
    let db = Database::in_memory();
    let mut s = db.session();
    let handle = s.cancel_handle();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        handle.cancel();
    });
    let e = s.execute("SELECT count() FROM numbers(100000000000)").unwrap_err();
    assert_eq!(e.name(), "QUERY_WAS_CANCELLED", "{e}");
    t.join().unwrap();
    assert_eq!(s.execute("SELECT 1").unwrap().to_tsv(), "1\n");
}

#[test]
fn readonly_rejects_writes() {
    let db = Database::in_memory();
    let mut s = db.session();
    s.execute("CREATE TABLE t (a UInt8) ENGINE = Memory").unwrap();
    s.execute("SET readonly = 1").unwrap();
    assert_eq!(s.execute("INSERT INTO t VALUES (1)").unwrap_err().name(), "READONLY");
    assert_eq!(s.execute("DROP TABLE t").unwrap_err().name(), "READONLY");
    assert_eq!(s.execute("SET max_threads = 1").unwrap_err().name(), "READONLY");
    assert_eq!(s.execute("SELECT count() FROM t").unwrap().to_tsv(), "0\n");
}

#[test]
fn async_execution_inside_another_runtime() {
    let db = Database::in_memory();
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let mut s = db.session();
    let r = rt.block_on(async { s.execute_async("SELECT 40 + 2").await }).unwrap();
    assert_eq!(r.to_tsv(), "42\n");
    drop(rt);
    drop(db);
}

#[test]
fn query_parameters() {
    let db = Database::in_memory();
    let mut s = db.session();
    s.set_query_parameter("n", "41");
    assert_eq!(s.execute("SELECT {n:UInt32} + 1").unwrap().to_tsv(), "42\n");
    s.execute("SET param_name = 'it''s'").unwrap();
    assert_eq!(s.execute("SELECT {name:String}, toTypeName({n:UInt32})").unwrap().to_tsv(), "it\\'s\tUInt32\n");
    assert_eq!(s.execute("SELECT {missing:UInt8}").unwrap_err().name(), "UNKNOWN_QUERY_PARAMETER");
    assert_eq!(s.execute("SELECT {name:UInt8}").unwrap_err().name(), "BAD_QUERY_PARAMETER");
}
