//! Output formats over HTTP, byte for byte against ClickHouse's (format_cases.rs).

use crate::format_cases::{CASES, DATA, DDL};
use crate::{enc, post, request};

#[test]
fn formats_match_clickhouse() {
    assert_eq!(post("DROP TABLE IF EXISTS fmt", "").status, 200);
    assert_eq!(post(DDL, "").status, 200);
    let r = request("POST", &format!("/?query={}", enc("INSERT INTO fmt FORMAT TSV")), &[], DATA.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    for (format, sql, want) in CASES {
        let r = post(sql, "");
        assert_eq!(r.status, 200, "{format}: {}", r.text());
        assert_eq!(r.text(), *want, "{format}: {sql}");
        assert_eq!(r.header("x-clickhouse-format"), Some(*format));
    }
}

#[test]
fn json_statistics_block() {
    let r = post("SELECT 1 AS x FORMAT JSON", "");
    let t = r.text();
    assert!(t.contains("\n\t\"rows\": 1,\n\n\t\"statistics\":\n\t{\n\t\t\"elapsed\": "), "{t}");
    assert!(t.ends_with("\n\t}\n}\n"), "{t}");
    assert_eq!(r.header("content-type"), Some("application/json; charset=UTF-8"));
}
