//! Query sources, settings, readonly GET, INSERT bodies and errors.

use crate::{enc, get, post, request};

#[test]
fn query_from_url_body_and_both() {
    assert_eq!(get("SELECT 1 + 1", "").text(), "2\n");
    assert_eq!(post("SELECT 'a' FORMAT JSONEachRow", "").text(), "{\"'a'\":\"a\"}\n");
    // `query` + "\n" + body is one text.
    let r = request("POST", &format!("/?query={}", enc("SELECT")), &[], b"42");
    assert_eq!(r.text(), "42\n");
}

#[test]
fn output_format_sources() {
    // default_format, the X-ClickHouse-Format header, and the statement's FORMAT (which wins).
    let r = post("SELECT 1 AS x", "default_format=JSONCompactEachRow");
    assert_eq!((r.text().as_str(), r.header("x-clickhouse-format")), ("[1]\n", Some("JSONCompactEachRow")));
    let r = request("POST", "/?default_format=CSV", &[("X-ClickHouse-Format", "JSONEachRow")], b"SELECT 1 AS x");
    assert_eq!(r.text(), "{\"x\":1}\n");
    let r = post("SELECT 1 AS x FORMAT CSVWithNames", "default_format=JSON");
    assert_eq!(r.text(), "\"x\"\n1\n");
    assert_eq!(r.header("content-type"), Some("text/csv; charset=UTF-8; header=present"));
    let r = post("SELECT 1 FORMAT Nope", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (404, Some("73")));
    let r = post("SELECT 1", "default_format=Nope");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (404, Some("73")));
}

#[test]
fn url_settings() {
    let r = post("SELECT toUInt64(5) AS x FORMAT JSONEachRow", "output_format_json_quote_64bit_integers=1");
    assert_eq!(r.text(), "{\"x\":\"5\"}\n");
    // The settings clients send unasked are accepted.
    let r = post(
        "SELECT 1",
        "date_time_input_format=best_effort&cast_string_to_dynamic_use_inference=1&\
         cancel_http_readonly_queries_on_client_close=1&send_progress_in_http_headers=1&\
         http_headers_progress_interval_ms=120000&wait_end_of_query=1&client_protocol_version=54405",
    );
    assert_eq!((r.status, r.text().as_str()), (200, "1\n"));
    let r = post("SELECT 1", "no_such_setting=1");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (404, Some("115")));
    assert!(r.text().contains("(UNKNOWN_SETTING)"), "{}", r.text());
    // A URL setting applies to the query only.
    let r = post("SELECT 1", "readonly=1");
    assert_eq!(r.status, 200);
}

#[test]
fn get_is_readonly() {
    assert_eq!(post("CREATE TABLE ro_t (a UInt8) ENGINE = Memory", "").status, 200);
    let r = get("INSERT INTO ro_t VALUES (1)", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (500, Some("164")));
    assert!(
        r.text().starts_with(
            "Code: 164. DB::Exception: Cannot execute query in readonly mode. For queries over HTTP, method GET \
             implies readonly. You should use method POST for modifying queries. (READONLY) (version "
        ),
        "{}",
        r.text()
    );
    assert_eq!(get("CREATE TABLE ro_t2 (a UInt8) ENGINE = Memory", "").status, 500);
    assert_eq!(get("SELECT count() FROM ro_t", "").text(), "0\n");
}

#[test]
fn insert_with_body() {
    assert_eq!(post("CREATE TABLE ins (a UInt32, s String, n Nullable(Int8)) ENGINE = Memory", "").status, 200);
    // Data after the query in the body …
    let r = post("INSERT INTO ins FORMAT TabSeparated\n1\tx\t\\N\n2\ty\t-3\n", "");
    assert_eq!((r.status, r.body.len()), (200, 0));
    assert_eq!(r.header("x-clickhouse-format"), None);
    // … or the query in the URL and the data as the body.
    let r = request("POST", &format!("/?query={}", enc("INSERT INTO ins FORMAT TSV")), &[], b"3\tz\t4\n");
    assert_eq!(r.status, 200);
    let r = request("POST", &format!("/?query={}", enc("INSERT INTO ins VALUES")), &[], b"(4, 'w', NULL)");
    assert_eq!(r.status, 200);
    let r = post("SELECT * FROM ins ORDER BY a FORMAT CSV", "");
    assert_eq!(r.text(), "1,\"x\",\\N\n2,\"y\",-3\n3,\"z\",4\n4,\"w\",\\N\n");
    // Insert data is not limited by max_query_size.
    let mut big = String::from("INSERT INTO ins FORMAT TSV\n");
    for i in 0..30_000 {
        big.push_str(&format!("{i}\tsome text to make the body large\t1\n"));
    }
    assert!(big.len() > 262_144);
    let r = post(&big, "");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(post("SELECT count() FROM ins", "").text(), "30004\n");
    // CSV input (quoted, bare, NULL, CRLF).
    let r =
        request("POST", &format!("/?query={}", enc("INSERT INTO ins FORMAT CSV")), &[], b"99999,\"q,\"\"q\",\\N\r\n");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(post("SELECT a, s, n FROM ins WHERE a = 99999", "").text(), "99999\tq,\"q\t\\N\n");
    // A bad row is a coded error.
    let r = post("INSERT INTO ins FORMAT TSV\n1\tx\n", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (400, Some("27")));
}

#[test]
fn errors() {
    let r = post("SELEC 1", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (400, Some("62")));
    assert!(r.text().starts_with("Code: 62. DB::Exception: Syntax error"), "{}", r.text());
    assert!(r.text().ends_with(")\n"));
    assert_eq!(r.header("content-type"), Some("text/plain; charset=UTF-8"));
    let r = post("SELECT * FROM no_such_table", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (404, Some("60")));
    assert!(r.text().contains("(UNKNOWN_TABLE) (version "), "{}", r.text());
    let r = post("SELECT no_such_function(1)", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (404, Some("46")));
    // One statement per request; a trailing `;` is accepted.
    let r = post("SELECT 1; SELECT 2", "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (400, Some("62")));
    assert!(r.text().contains("Multi-statements are not allowed"), "{}", r.text());
    assert_eq!(post("SELECT 1;", "").text(), "1\n");
    // An empty POST is a syntax error, as in ClickHouse.
    let r = post("", "");
    assert_eq!(r.header("x-clickhouse-exception-code"), Some("62"));
}

#[test]
fn oversized_query() {
    let sql = format!("SELECT '{}'", "x".repeat(300_000));
    let r = post(&sql, "");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (400, Some("62")));
    assert!(r.text().contains("Max query size exceeded"), "{}", &r.text()[..200.min(r.text().len())]);
    // The limit is the max_query_size setting.
    let r = post(&sql, "max_query_size=400000");
    assert_eq!(r.status, 200);
    // The server keeps serving.
    assert_eq!(get("SELECT 7", "").text(), "7\n");
}

#[test]
fn database_parameter() {
    assert_eq!(post("CREATE DATABASE IF NOT EXISTS other_db", "").status, 200);
    assert_eq!(post("CREATE TABLE other_db.t (a UInt8) ENGINE = Memory", "").status, 200);
    assert_eq!(post("INSERT INTO other_db.t VALUES (9)", "").status, 200);
    assert_eq!(post("SELECT a FROM t", "database=other_db").text(), "9\n");
    let r = request("POST", "/", &[("X-ClickHouse-Database", "other_db")], b"SELECT currentDatabase()");
    assert_eq!(r.text(), "other_db\n");
    assert_eq!(post("SELECT currentDatabase()", "").text(), "default\n");
}

#[test]
fn insert_json_rows() {
    // What @clickhouse/client sends: the query in the URL, one JSON value per line in the body.
    assert_eq!(
        post("CREATE TABLE js (id UInt64, s String, arr Array(UInt8), n Nullable(String)) ENGINE = Memory", "").status,
        200
    );
    let q = enc("INSERT INTO js FORMAT JSONCompactEachRow");
    let r = request("POST", &format!("/?query={q}"), &[], b"[1, \"a\", [1,2], null]\n[\"2\", \"b\", [], \"x\"]\n");
    assert_eq!(r.status, 200, "{}", r.text());
    let q = enc("INSERT INTO js (id, s) FORMAT JSONEachRow");
    let r = request("POST", &format!("/?query={q}"), &[], b"{\"id\":3,\"s\":\"c\\/d\",\"extra\":1}\n");
    assert_eq!(r.status, 200, "{}", r.text());
    let r = post("SELECT * FROM js ORDER BY id FORMAT JSONEachRow", "");
    assert_eq!(
        r.text(),
        "{\"id\":1,\"s\":\"a\",\"arr\":[1,2],\"n\":null}\n{\"id\":2,\"s\":\"b\",\"arr\":[],\"n\":\"x\"}\n\
         {\"id\":3,\"s\":\"c\\/d\",\"arr\":[],\"n\":null}\n"
    );
    let r = request("POST", &format!("/?query={}", enc("INSERT INTO js FORMAT JSONEachRow")), &[], b"{\"id\":");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (400, Some("117")));
}

#[test]
fn chunked_body_and_expect_continue() {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(crate::addr()).expect("connect");
    let head = "POST /?default_format=JSONCompactEachRow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
                Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n";
    s.write_all(head.as_bytes()).expect("head");
    s.write_all(b"7\r\nSELECT \r\n5\r\n40 + \r\n1\r\n2\r\n0\r\n\r\n").expect("body");
    let mut raw = String::new();
    s.read_to_string(&mut raw).expect("read");
    assert!(raw.contains("HTTP/1.1 200 OK"), "{raw}");
    assert!(raw.ends_with("\r\n\r\n[42]\n"), "{raw}");
}
