//! URL functions: `protocol`, `domain`, `domainWithoutWWW`, `topLevelDomain`,
//! `firstSignificantSubdomain`, `path`, `pathFull`, `queryString`, `fragment`,
//! `queryStringAndFragment`, `cutWWW`, `cutQueryString`, `cutFragment`,
//! `cutQueryStringAndFragment`, `extractURLParameter`. A URL is split once into
//! byte ranges ([`UrlParts`]); a string that is not a URL gives empty parts.
//! Mirrors ClickHouse `src/Functions/URL/`.

use std::ops::Range;
use std::sync::Arc;

use arrow::array::BinaryViewBuilder;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::basic::{expect_string, map_to_str};
use super::{finish, null_if_nothing, out_rows, ret_type, StrCol};
use crate::error::Result;
use crate::functions::udf::call;
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::types::ChType;

pub fn register(r: &mut FunctionRegistry) {
    for name in [
        "protocol",
        "domain",
        "domainWithoutWWW",
        "topLevelDomain",
        "firstSignificantSubdomain",
        "path",
        "pathFull",
        "queryString",
        "fragment",
        "queryStringAndFragment",
        "cutWWW",
        "cutQueryString",
        "cutFragment",
        "cutQueryStringAndFragment",
    ] {
        r.scalar(name, Case::Sensitive, url_unary);
    }
    r.scalar("extractURLParameter", Case::Sensitive, extract_url_parameter);
}

/// The byte ranges of a URL's parts (empty ranges for absent parts).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlParts {
    pub scheme: Range<usize>,
    pub host: Range<usize>,
    pub path: Range<usize>,
    pub query: Range<usize>,
    pub fragment: Range<usize>,
}

fn is_host_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') || b >= 0x80
}

/// Splits `u` into its parts as ClickHouse's URL functions see them.
pub fn parse_url(u: &[u8]) -> UrlParts {
    let mut p = UrlParts::default();
    let mut pos = 0;
    // scheme://
    if let Some(i) = memchr::memmem::find(u, b"://") {
        let scheme = &u[..i];
        if !scheme.is_empty()
            && scheme[0].is_ascii_alphabetic()
            && scheme.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        {
            p.scheme = 0..i;
            pos = i + 3;
        }
    } else if u.starts_with(b"//") {
        pos = 2;
    }
    // authority: [user@]host[:port]
    let auth_end = u[pos..].iter().position(|b| matches!(b, b'/' | b'?' | b'#')).map_or(u.len(), |i| pos + i);
    let auth = &u[pos..auth_end];
    let host_start = auth.iter().rposition(|&b| b == b'@').map_or(pos, |i| pos + i + 1);
    let host_end = u[host_start..auth_end].iter().position(|&b| b == b':').map_or(auth_end, |i| host_start + i);
    let host = &u[host_start..host_end];
    let has_scheme = !p.scheme.is_empty() || pos == 2;
    let valid_host = !host.is_empty() && host.iter().all(|&b| is_host_byte(b)) && (has_scheme || host.contains(&b'.'));
    if valid_host {
        p.host = host_start..host_end;
    } else if !has_scheme {
        // Not a URL: no host, and no path either.
        let e = u.len();
        return UrlParts { scheme: 0..0, host: 0..0, path: e..e, query: e..e, fragment: e..e };
    }
    let path_start = auth_end;
    let frag_at = u[path_start..].iter().position(|&b| b == b'#').map(|i| path_start + i);
    let query_at = u[path_start..frag_at.unwrap_or(u.len())].iter().position(|&b| b == b'?').map(|i| path_start + i);
    let path_end = query_at.or(frag_at).unwrap_or(u.len());
    p.path = path_start..path_end;
    let end_q = frag_at.unwrap_or(u.len());
    p.query = match query_at {
        Some(q) => q + 1..end_q,
        None => end_q..end_q,
    };
    p.fragment = match frag_at {
        Some(f) => f + 1..u.len(),
        None => u.len()..u.len(),
    };
    p
}

fn out_range(u: &[u8], r: Range<usize>) -> Vec<u8> {
    u.get(r).unwrap_or_default().to_vec()
}

fn strip_www(h: &[u8]) -> &[u8] {
    h.strip_prefix(b"www.").unwrap_or(h)
}

fn top_level(h: &[u8]) -> &[u8] {
    match h.iter().rposition(|&b| b == b'.') {
        Some(i) => &h[i + 1..],
        None => &[],
    }
}

/// The first label that is not a public suffix part (`news.example.com` → `example`).
fn first_significant(h: &[u8]) -> &[u8] {
    const SECOND_LEVEL: [&[u8]; 12] =
        [b"com", b"net", b"org", b"co", b"gov", b"edu", b"ac", b"biz", b"info", b"name", b"mil", b"int"];
    let labels: Vec<&[u8]> = h.split(|&b| b == b'.').filter(|l| !l.is_empty()).collect();
    match labels.len() {
        0 => &[],
        1 => labels[0],
        n => {
            let cand = labels[n - 2];
            if n >= 3 && SECOND_LEVEL.contains(&cand) {
                labels[n - 3]
            } else {
                cand
            }
        }
    }
}

fn query_and_fragment(u: &[u8], p: &UrlParts) -> Vec<u8> {
    if p.query.start > p.path.end {
        u[p.query.start..].to_vec()
    } else if p.fragment.start > 0 && p.fragment.start <= u.len() && p.fragment.start > p.path.end {
        u[p.fragment.start - 1..].to_vec()
    } else {
        Vec::new()
    }
}

fn cut_www(u: &[u8], p: &UrlParts) -> Vec<u8> {
    let h = &u[p.host.clone()];
    if h.starts_with(b"www.") {
        let mut out = u[..p.host.start].to_vec();
        out.extend_from_slice(&u[p.host.start + 4..]);
        out
    } else {
        u.to_vec()
    }
}

fn part(k: &KernelArgs, f: impl Fn(&[u8], &UrlParts) -> Vec<u8>) -> DfResult<ColumnarValue> {
    map_to_str(k, |v, out| {
        let p = parse_url(v);
        out.extend_from_slice(&f(v, &p));
    })
}

fn kernel_of(name: &str) -> Option<Kernel> {
    Some(match name {
        "protocol" => |k| part(k, |u, p| out_range(u, p.scheme.clone())),
        "domain" => |k| part(k, |u, p| out_range(u, p.host.clone())),
        "domainWithoutWWW" => |k| part(k, |u, p| strip_www(&u[p.host.clone()]).to_vec()),
        "topLevelDomain" => |k| part(k, |u, p| top_level(&u[p.host.clone()]).to_vec()),
        "firstSignificantSubdomain" => |k| part(k, |u, p| first_significant(&u[p.host.clone()]).to_vec()),
        "path" => |k| part(k, |u, p| out_range(u, p.path.clone())),
        "pathFull" => |k| part(k, |u, p| u.get(p.path.start..).unwrap_or_default().to_vec()),
        "queryString" => |k| part(k, |u, p| out_range(u, p.query.clone())),
        "fragment" => |k| part(k, |u, p| out_range(u, p.fragment.clone())),
        "queryStringAndFragment" => |k| part(k, query_and_fragment),
        "cutWWW" => |k| part(k, cut_www),
        "cutQueryString" => |k| part(k, cut_query),
        "cutFragment" => |k| part(k, cut_fragment),
        "cutQueryStringAndFragment" => |k| part(k, |u, p| u.get(..p.path.end).unwrap_or(u).to_vec()),
        _ => return None,
    })
}

fn cut_query(u: &[u8], p: &UrlParts) -> Vec<u8> {
    if p.query.start > p.path.end {
        let mut out = u[..p.path.end].to_vec();
        out.extend_from_slice(&u[p.query.end..]);
        out
    } else {
        u.to_vec()
    }
}

fn cut_fragment(u: &[u8], p: &UrlParts) -> Vec<u8> {
    if p.fragment.start > 0 && p.fragment.start <= u.len() && u.get(p.fragment.start - 1) == Some(&b'#') {
        u[..p.fragment.start - 1].to_vec()
    } else {
        u.to_vec()
    }
}

fn url_unary(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let kernel = kernel_of(&ctx.name).ok_or_else(|| {
        crate::error::Error::new(crate::error::ErrorCode::UNKNOWN_FUNCTION, format!("Unknown function {}", ctx.name))
    })?;
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, kernel, args, ret)
}

/// The value of parameter `name` in the query string (and fragment) of `u`, or empty.
pub fn url_parameter<'a>(u: &'a [u8], name: &[u8]) -> &'a [u8] {
    let Some(q) = u.iter().position(|&b| b == b'?' || b == b'#') else {
        return &[];
    };
    let rest = &u[q + 1..];
    for param in rest.split(|&b| b == b'&' || b == b'#' || b == b'?') {
        if let Some(v) = param.strip_prefix(name) {
            if let Some(v) = v.strip_prefix(b"=") {
                return v;
            }
        }
    }
    &[]
}

fn extract_url_parameter(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 2, 2)?;
    expect_string(&ctx.name, &args, 0)?;
    expect_string(&ctx.name, &args, 1)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::String, &args);
    call(&ctx.name, k_extract_url_parameter, args, ret)
}

fn k_extract_url_parameter(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let u = StrCol::new(&k.args[0])?;
    let name = StrCol::new(&k.args[1])?;
    let n = out_rows(k);
    let mut b = BinaryViewBuilder::with_capacity(n);
    for row in 0..n {
        match (u.get(row), name.get(row)) {
            (Some(u), Some(name)) => b.append_value(url_parameter(u, name)),
            _ => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dom(u: &str) -> String {
        let p = parse_url(u.as_bytes());
        String::from_utf8_lossy(&u.as_bytes()[p.host]).into_owned()
    }

    #[test]
    fn parts() {
        // chdb: domain('https://www.example.com/path?q=1') = 'www.example.com'; domain('not a url') = '';
        // path('https://example.com/a/b?x=1') = '/a/b'; queryString('https://example.com/a?x=1&y=2') = 'x=1&y=2';
        // topLevelDomain('http://a.b.example.co.uk/') = 'uk'; firstSignificantSubdomain('https://news.example.com/') = 'example';
        // extractURLParameter('http://x.com/?a=1&b=2', 'b') = '2'; cutQueryString('http://x.com/p?a=1') = 'http://x.com/p'
        assert_eq!(dom("https://www.example.com/path?q=1"), "www.example.com");
        assert_eq!(dom("not a url"), "");
        assert_eq!(dom(""), "");
        let u = b"https://example.com/a/b?x=1";
        let p = parse_url(u);
        assert_eq!(&u[p.path.clone()], b"/a/b");
        assert_eq!(&u[p.query.clone()], b"x=1");
        assert_eq!(top_level(b"a.b.example.co.uk"), b"uk");
        assert_eq!(first_significant(b"news.example.com"), b"example");
        assert_eq!(url_parameter(b"http://x.com/?a=1&b=2", b"b"), b"2");
        let u = b"http://x.com/p?a=1";
        assert_eq!(cut_query(u, &parse_url(u)), b"http://x.com/p");
    }
}
