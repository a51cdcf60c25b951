//! Endpoints other than queries: /ping, /replicas_status, /play, `/` without
//! a query, CORS pre-flight, 404, and the headers every query response has.

use crate::{get, post, request};

#[test]
fn ping_and_health() {
    for path in ["/ping", "/replicas_status", "/"] {
        let r = request("GET", path, &[], b"");
        assert_eq!((r.status, r.text().as_str()), (200, "Ok.\n"), "{path}");
    }
    let r = request("HEAD", "/ping", &[], b"");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
}

#[test]
fn play_page() {
    let r = request("GET", "/play", &[], b"");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=UTF-8"));
    assert!(r.text().contains("<textarea"));
    assert!(r.text().contains("fetch("));
}

#[test]
fn not_found_hint() {
    let r = request("GET", "/nope", &[], b"");
    assert_eq!(r.status, 404);
    let t = r.text();
    assert!(t.starts_with("There is no handle /nope"), "{t}");
    assert!(t.contains("/ping") && t.contains("/replicas_status"), "{t}");
}

#[test]
fn cors_preflight() {
    let r = request("OPTIONS", "/", &[], b"");
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(r.header("access-control-allow-methods"), Some("POST, GET, OPTIONS"));
}

#[test]
fn query_headers() {
    let r = get("SELECT 1 AS x", "query_id=my-id");
    assert_eq!(r.status, 200);
    assert_eq!(r.text(), "1\n");
    assert_eq!(r.header("x-clickhouse-query-id"), Some("my-id"));
    assert_eq!(r.header("x-clickhouse-format"), Some("TabSeparated"));
    assert_eq!(r.header("x-clickhouse-timezone"), Some("UTC"));
    assert_eq!(r.header("content-type"), Some("text/tab-separated-values; charset=UTF-8"));
    assert!(r.header("x-clickhouse-server-display-name").is_some_and(|n| n.starts_with("Granary ")));
    let summary = r.header("x-clickhouse-summary").expect("summary");
    assert!(summary.contains("\"result_rows\":\"1\""), "{summary}");
    assert!(summary.contains("\"elapsed_ns\":\""), "{summary}");
    // No query_id (or an empty one): the server makes a UUID.
    let r = post("SELECT 1", "query_id=");
    let id = r.header("x-clickhouse-query-id").expect("id");
    assert_eq!(id.len(), 36, "{id}");
}
