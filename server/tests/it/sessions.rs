//! Sessions: SET and USE persist per session_id; session_check; close_session.

use crate::post;

#[test]
fn session_keeps_settings_and_database() {
    let sid = "session_id=it-s1";
    assert_eq!(post("SET output_format_json_quote_64bit_integers = 1", sid).status, 200);
    assert_eq!(post("SELECT toUInt64(1) AS x FORMAT JSONEachRow", sid).text(), "{\"x\":\"1\"}\n");
    // Another session (and no session) do not see it.
    assert_eq!(post("SELECT toUInt64(1) AS x FORMAT JSONEachRow", "session_id=it-s2").text(), "{\"x\":1}\n");
    assert_eq!(post("SELECT toUInt64(1) AS x FORMAT JSONEachRow", "").text(), "{\"x\":1}\n");
    assert_eq!(post("CREATE DATABASE IF NOT EXISTS sess_db", sid).status, 200);
    assert_eq!(post("USE sess_db", sid).status, 200);
    assert_eq!(post("SELECT currentDatabase()", sid).text(), "sess_db\n");
    assert_eq!(post("SELECT currentDatabase()", "").text(), "default\n");
}

#[test]
fn session_check_and_close() {
    let r = post("SELECT 1", "session_id=it-missing&session_check=1");
    assert_eq!((r.status, r.header("x-clickhouse-exception-code")), (500, Some("372")));
    assert!(r.text().contains("(SESSION_NOT_FOUND)"), "{}", r.text());
    assert_eq!(post("SET max_threads = 1", "session_id=it-s3").status, 200);
    assert_eq!(post("SELECT 1", "session_id=it-s3&session_check=1").status, 200);
    assert_eq!(post("SELECT 1", "session_id=it-s3&close_session=1").status, 200);
    assert_eq!(post("SELECT 1", "session_id=it-s3&session_check=1").status, 500);
    let r = post("SELECT 1", "session_id=it-s4&session_timeout=abc");
    assert_eq!(r.header("x-clickhouse-exception-code"), Some("36"));
}

#[test]
fn session_expires() {
    assert_eq!(post("SET max_threads = 1", "session_id=it-s5&session_timeout=1").status, 200);
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(post("SELECT 1", "session_id=it-s5&session_check=1").status, 500);
}
