//! The HTTP endpoints (spec/http.md §2–§7): `/` runs a query, `/ping` and
//! `/replicas_status` answer `Ok.`, `/play` serves Granary's query page,
//! anything else is 404 with a hint. Results are buffered whole before the
//! status is sent, so an error never follows partial data.

use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::Response;
use granary_engine::formats::output::{self, OutputFormat, Statistics};
use granary_engine::{Database, QueryResult, Session};

use crate::display_name;
use crate::errors::HttpError;
use crate::sessions::{Sessions, DEFAULT_TIMEOUT};

/// Largest request body read (the body is buffered for now).
pub const MAX_BODY: usize = 1 << 30;
/// Default `max_query_size`: the SQL text of one request.
pub const MAX_QUERY_SIZE: usize = 262_144;

/// What every request handler shares.
pub struct App {
    pub db: Database,
    pub sessions: Sessions,
}

const PLAY_HTML: &str = include_str!("play.html");

const NOT_FOUND_HINT: &str = "There is no handle {path}\n\n\
Use / or /ping for health checks.\n\
Or /replicas_status for more sophisticated health checks.\n\n\
Send queries from your program with POST method or GET /?query=...\n\n\
Use /play for a query page in the browser.\n";

/// URL parameters the HTTP layer consumes itself (everything else is a setting).
const RESERVED: &[&str] = &[
    "query",
    "database",
    "default_format",
    "user",
    "password",
    "quota_key",
    "query_id",
    "session_id",
    "session_timeout",
    "session_check",
    "close_session",
    "stacktrace",
    "role",
    "compress",
    "decompress",
    "buffer_size",
    "wait_end_of_query",
    "client_protocol_version",
];

fn plain(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    r.headers_mut().insert("content-type", HeaderValue::from_static("text/plain; charset=UTF-8"));
    r
}

/// Entry point for every request.
pub async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let mut resp = match (path.as_str(), &method) {
        ("/ping" | "/replicas_status", &Method::GET | &Method::HEAD) => plain(StatusCode::OK, "Ok.\n"),
        ("/play", &Method::GET | &Method::HEAD) => {
            let mut r = plain(StatusCode::OK, PLAY_HTML);
            r.headers_mut().insert("content-type", HeaderValue::from_static("text/html; charset=UTF-8"));
            r
        }
        ("/", &Method::OPTIONS) => {
            let mut r = plain(StatusCode::NO_CONTENT, "");
            let h = r.headers_mut();
            h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
            h.insert(
                "access-control-allow-headers",
                HeaderValue::from_static(
                    "origin, x-requested-with, x-clickhouse-format, x-clickhouse-user, x-clickhouse-key, Authorization",
                ),
            );
            h.insert("access-control-allow-methods", HeaderValue::from_static("POST, GET, OPTIONS"));
            r
        }
        ("/", &Method::GET | &Method::POST | &Method::HEAD) => query_endpoint(&app, req).await,
        _ => plain(StatusCode::NOT_FOUND, NOT_FOUND_HINT.replace("{path}", &path)),
    };
    if method == Method::HEAD {
        *resp.body_mut() = Body::empty();
    }
    resp
}

/// Decodes `%XX` and `+` of a URL query component.
pub fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                let hex = |h: u8| (h as char).to_digit(16).unwrap_or(0) as u8;
                out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// The URL parameters in order.
pub fn parse_params(query: Option<&str>) -> Vec<(String, String)> {
    let Some(q) = query else { return Vec::new() };
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                String::from_utf8_lossy(&percent_decode(k)).into_owned(),
                String::from_utf8_lossy(&percent_decode(v)).into_owned(),
            )
        })
        .collect()
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> Option<&'a str> {
    h.get(name).and_then(|v| v.to_str().ok()).filter(|s| !s.is_empty())
}

/// Whether the SQL starts with INSERT (after spaces and comments): its data
/// part is not limited by `max_query_size`.
fn is_insert(sql: &str) -> bool {
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    s.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("insert"))
}

struct QueryOutcome {
    body: Vec<u8>,
    format: Option<String>,
    rows: usize,
}

async fn query_endpoint(app: &Arc<App>, req: Request) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let headers = req.headers().clone();
    let params = parse_params(req.uri().query());
    let get = |k: &str| params.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let query_id = get("query_id")
        .filter(|s| !s.is_empty())
        .or_else(|| header(&headers, "x-clickhouse-query-id"))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let body = match axum::body::to_bytes(req.into_body(), MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return error_response(
                &HttpError::new(229, "QUERY_IS_TOO_LARGE", format!("Request body is larger than {MAX_BODY} bytes")),
                &query_id,
            )
        }
    };
    let url_query = get("query").unwrap_or("");
    if url_query.is_empty() && body.is_empty() {
        if method == Method::POST {
            return error_response(&HttpError::new(62, "SYNTAX_ERROR", "Empty query"), &query_id);
        }
        return plain(StatusCode::OK, "Ok.\n");
    }
    let outcome = run(app, &method, &headers, &params, url_query, body, started).await;
    let mut resp = match outcome {
        Ok(o) => {
            let mut r = Response::new(Body::from(o.body));
            let h = r.headers_mut();
            match &o.format {
                Some(f) => {
                    let ct = output::content_type(f).unwrap_or("text/plain; charset=UTF-8");
                    h.insert("content-type", HeaderValue::from_static(ct));
                    if let Ok(v) = HeaderValue::from_str(f) {
                        h.insert("x-clickhouse-format", v);
                    }
                }
                None => {
                    h.insert("content-type", HeaderValue::from_static("text/plain; charset=UTF-8"));
                }
            }
            let summary = format!(
                "{{\"read_rows\":\"0\",\"read_bytes\":\"0\",\"written_rows\":\"0\",\"written_bytes\":\"0\",\
                 \"total_rows_to_read\":\"0\",\"result_rows\":\"{}\",\"result_bytes\":\"{}\",\
                 \"elapsed_ns\":\"{}\",\"memory_usage\":\"0\"}}",
                o.rows,
                r.body().size_hint_len(),
                started.elapsed().as_nanos()
            );
            if let Ok(v) = HeaderValue::from_str(&summary) {
                r.headers_mut().insert("x-clickhouse-summary", v);
            }
            r
        }
        Err(e) => error_response(&e, &query_id),
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&query_id) {
        h.insert("x-clickhouse-query-id", v);
    }
    h.insert("x-clickhouse-timezone", HeaderValue::from_static("UTC"));
    h.insert("keep-alive", HeaderValue::from_static("timeout=10"));
    if let Ok(v) = HeaderValue::from_str(&display_name()) {
        h.insert("x-clickhouse-server-display-name", v);
    }
    resp
}

trait SizeHint {
    fn size_hint_len(&self) -> u64;
}

impl SizeHint for Body {
    fn size_hint_len(&self) -> u64 {
        use axum::body::HttpBody;
        self.size_hint().exact().unwrap_or(0)
    }
}

fn error_response(e: &HttpError, query_id: &str) -> Response {
    let mut r = plain(e.status(), e.body());
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&e.code.to_string()) {
        h.insert("x-clickhouse-exception-code", v);
    }
    if let Ok(v) = HeaderValue::from_str(query_id) {
        h.insert("x-clickhouse-query-id", v);
    }
    h.insert("x-clickhouse-timezone", HeaderValue::from_static("UTC"));
    if let Ok(v) = HeaderValue::from_str(&display_name()) {
        h.insert("x-clickhouse-server-display-name", v);
    }
    r
}

async fn run(
    app: &Arc<App>,
    method: &Method,
    headers: &HeaderMap,
    params: &[(String, String)],
    url_query: &str,
    body: Bytes,
    started: Instant,
) -> Result<QueryOutcome, HttpError> {
    let get = |k: &str| params.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    // The SQL: `query` + "\n" + body when both are given.
    let body_text = std::str::from_utf8(&body).map_err(|_| {
        HttpError::new(48, "NOT_IMPLEMENTED", "Request bodies that are not UTF-8 text are not supported yet")
    })?;
    let sql = match (url_query.is_empty(), body_text.is_empty()) {
        (false, false) => format!("{url_query}\n{body_text}"),
        (false, true) => url_query.to_string(),
        _ => body_text.to_string(),
    };
    // Settings from the URL; GET (any method but POST) implies readonly = 2.
    let mut settings: Vec<(String, String)> = Vec::new();
    for (k, v) in params {
        if RESERVED.contains(&k.as_str()) || k.starts_with("param_") {
            continue;
        }
        settings.push((k.clone(), v.clone()));
    }
    let readonly_from_method = *method != Method::POST;
    if readonly_from_method {
        let user_ro = settings.iter().rev().find(|(k, _)| k == "readonly").and_then(|(_, v)| v.parse::<u64>().ok());
        if user_ro.is_none_or(|r| r == 0) {
            settings.push(("readonly".into(), "2".into()));
        }
    }
    // max_query_size limits the SQL part; INSERT data after it is not limited.
    let max_query_size = settings
        .iter()
        .rev()
        .find(|(k, _)| k == "max_query_size")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(MAX_QUERY_SIZE);
    if is_insert(&sql) {
        settings.push(("max_query_size".into(), usize::MAX.to_string()));
    } else if sql.len() > max_query_size {
        return Err(HttpError::new(
            62,
            "SYNTAX_ERROR",
            format!("Max query size exceeded (can be increased with the `max_query_size` setting): query is {} bytes, the limit is {max_query_size}", sql.len()),
        ));
    }
    // One statement per request (a trailing `;` is fine).
    if sql.contains(';') {
        let limits = granary_engine::sql::ParserLimits { max_depth: 1000, max_query_size: usize::MAX };
        if let Ok(statements) = granary_engine::sql::parse(&sql, limits) {
            if statements.len() > 1 {
                return Err(HttpError::new(
                    62,
                    "SYNTAX_ERROR",
                    "Syntax error (Multi-statements are not allowed): only one statement per HTTP request",
                ));
            }
        }
    }
    let database = header(headers, "x-clickhouse-database").or_else(|| get("database")).filter(|d| !d.is_empty());
    let default_format = header(headers, "x-clickhouse-format").or_else(|| get("default_format"));
    if let Some(f) = default_format {
        OutputFormat::parse(f)?;
    }

    // The session: named (kept) or one for this request.
    let session_id = get("session_id").filter(|s| !s.is_empty());
    let result = match session_id {
        Some(id) => {
            let timeout = match get("session_timeout") {
                Some(t) => t
                    .parse::<u64>()
                    .map_err(|_| HttpError::new(36, "BAD_ARGUMENTS", format!("Invalid session timeout: '{t}'")))?,
                None => DEFAULT_TIMEOUT,
            };
            let check = get("session_check").is_some_and(|v| v == "1");
            let mut guard = app.sessions.acquire(&app.db, id, timeout, check)?;
            let r = execute(&mut guard, database, &sql, &settings).await;
            drop(guard);
            if get("close_session").is_some_and(|v| v == "1") {
                app.sessions.close(id);
            } else {
                app.sessions.touch(id);
            }
            r
        }
        None => {
            let mut session = app.db.session();
            execute(&mut session, database, &sql, &settings).await
        }
    };
    let result = result.map_err(|e| readonly_hint(e, readonly_from_method))?;
    if result.column_names().is_empty() {
        return Ok(QueryOutcome { body: Vec::new(), format: None, rows: 0 });
    }
    let format = result.format().or(default_format).unwrap_or("TabSeparated").to_string();
    let stats = Statistics { elapsed_seconds: started.elapsed().as_secs_f64(), rows_read: 0, bytes_read: 0 };
    // Formatting is CPU work: keep it off the async workers.
    let rows = result.num_rows();
    let fmt = format.clone();
    let body = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        output::write_with_statistics(&fmt, &result, &mut out, result.settings(), &stats).map(|()| out)
    })
    .await
    .map_err(|e| HttpError::new(1001, "STD_EXCEPTION", format!("formatting the result failed: {e}")))??;
    Ok(QueryOutcome { body, format: Some(format), rows })
}

fn readonly_hint(e: granary_engine::Error, from_method: bool) -> HttpError {
    let mut h = HttpError::from(e);
    if h.code == 164 && from_method {
        h.message = "Cannot execute query in readonly mode. For queries over HTTP, method GET implies readonly. \
                     You should use method POST for modifying queries"
            .into();
    }
    h
}

/// Runs `sql` in `session`, in `database` for this query only when given.
async fn execute(
    session: &mut Session,
    database: Option<&str>,
    sql: &str,
    settings: &[(String, String)],
) -> Result<QueryResult, granary_engine::Error> {
    match database {
        Some(db) if db != session.current_database() => {
            let previous = session.current_database().to_string();
            session.execute_async(&format!("USE {}", quote_ident(db))).await?;
            let r = session.execute_async_with_settings(sql, settings).await;
            let _ = session.execute_async(&format!("USE {}", quote_ident(&previous))).await;
            r
        }
        _ => session.execute_async_with_settings(sql, settings).await,
    }
}

fn quote_ident(s: &str) -> String {
    format!("`{}`", s.replace('\\', "\\\\").replace('`', "\\`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params() {
        let p = parse_params(Some("query=SELECT+1%2C%202&x=&&a%3Db=c"));
        assert_eq!(
            p,
            vec![("query".into(), "SELECT 1, 2".into()), ("x".into(), "".into()), ("a=b".into(), "c".into())]
        );
        assert_eq!(percent_decode("%zz%4"), b"%zz%4");
    }

    #[test]
    fn insert_detection() {
        assert!(is_insert("  insert INTO t VALUES"));
        assert!(is_insert("-- c\n/* x */ INSERT INTO t"));
        assert!(!is_insert("SELECT 1"));
        assert!(!is_insert("ins"));
    }
}
