//! Integration tests of granary-server: one real server (port 0, temp data
//! dir) shared by all tests, spoken to over raw HTTP/1.1 on a TcpStream.

mod endpoints;
mod format_cases;
mod formats;
mod queries;
mod sessions;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The shared server's address (started on first use).
pub fn addr() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("rt");
            rt.block_on(async move {
                let dir = std::env::temp_dir().join(format!("granary-server-it-{}", std::process::id()));
                let config = granary_server::Config { data_dir: dir, listen_host: "127.0.0.1".into(), http_port: 0 };
                let (addr, handle) = granary_server::serve(&config).await.expect("serve");
                tx.send(addr).expect("send");
                handle.wait().await;
            });
        });
        rx.recv().expect("server address")
    })
}

/// Percent-encodes a URL query component.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Sends one request (`Connection: close`) and reads the whole response.
pub fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    let mut s = TcpStream::connect(addr()).expect("connect");
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).expect("write");
    s.write_all(body).expect("write body");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    parse_response(&raw, method == "HEAD")
}

fn parse_response(raw: &[u8], head: bool) -> Resp {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head_text = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head_text.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    let body = if head {
        Vec::new()
    } else if chunked {
        let mut out = Vec::new();
        let mut p = rest;
        while let Some(nl) = p.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(String::from_utf8_lossy(&p[..nl]).trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            out.extend_from_slice(&p[nl + 2..nl + 2 + size]);
            p = &p[nl + 2 + size + 2..];
        }
        out
    } else {
        rest.to_vec()
    };
    Resp { status, headers, body }
}

/// GET `/?query=<sql>&<extra>`.
pub fn get(sql: &str, extra: &str) -> Resp {
    let sep = if extra.is_empty() { "" } else { "&" };
    request("GET", &format!("/?query={}{sep}{extra}", enc(sql)), &[], b"")
}

/// POST `sql` as the body to `/?<params>`.
pub fn post(sql: &str, params: &str) -> Resp {
    request("POST", &format!("/?{params}"), &[], sql.as_bytes())
}
