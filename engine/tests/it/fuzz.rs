//! Whole-engine fuzzing: thousands of mutated statements go through parse,
//! bind and execution; every one must end in Ok or a coded error, never in a
//! panic (a panic inside a query task surfaces as "query task failed").

use granary_engine::Database;

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const CORPUS: &[&str] = &[
    "SELECT a, b FROM t WHERE a > 1 ORDER BY b DESC LIMIT 3",
    "SELECT a % 3 AS k, count(), sum(a), avg(b), uniqExact(s) FROM t GROUP BY k HAVING count() > 0 ORDER BY k",
    "SELECT s, length(s), upper(s), concat(s, 'x') FROM t ORDER BY s",
    "SELECT toDate('2024-01-02') + a, toStartOfMonth(d), toYear(d) FROM t",
    "SELECT * FROM t AS x LEFT JOIN t AS y ON x.a = y.b ORDER BY x.a",
    "SELECT * FROM t ANY INNER JOIN (SELECT a, b AS c FROM t) USING (a)",
    "SELECT arrayMap(x -> x * 2, [a, b]), arrayFilter(x -> x > 1, [1, 2, 3]) FROM t",
    "SELECT a, row_number() OVER (PARTITION BY b ORDER BY a) FROM t",
    "SELECT number FROM numbers(10) WHERE number IN (1, 2, 3) UNION ALL SELECT 1",
    "SELECT CAST(a AS String), toUInt8(b), toFloat64(s), a / b, intDiv(a, b) FROM t",
    "SELECT if(a > 1, 'x', 'y'), multiIf(a = 1, 1, a = 2, 2, 3), coalesce(NULL, a) FROM t",
    "SELECT quantile(0.5)(a), quantiles(0.1, 0.9)(b), topK(2)(s), groupArray(a) FROM t",
    "WITH 10 AS ten SELECT a + ten FROM t WHERE a < ten",
    "SELECT a FROM t ARRAY JOIN [1, 2] AS x LIMIT 2 BY a",
    "SELECT count() FROM t WHERE s LIKE '%a%' AND match(s, 'b+') OR position(s, 'c') > 0",
    "INSERT INTO t VALUES (1, 2, 'x', '2024-01-01')",
    "SELECT a, b FROM t GROUP BY a, b WITH TOTALS ORDER BY a",
    "SELECT (SELECT max(a) FROM t), exists(SELECT 1), [1, 2][1], (1, 'a').2, map('k', 1)['k']",
    "CREATE TABLE IF NOT EXISTS u (x UInt8, y Nullable(String) DEFAULT 'z') ENGINE = Memory",
    "SELECT toTypeName(a), toTypeName(s), toTypeName(NULL), toTypeName([1, NULL])",
    "SELECT formatDateTime(toDateTime('2024-01-02 03:04:05'), '%Y-%m-%d'), dateDiff('day', d, d)",
    "SELECT cityHash64(s), sipHash64(a), hex(s), lower(s) FROM t ORDER BY 1",
    "SELECT a FROM t INTERSECT SELECT b FROM t EXCEPT SELECT 1",
    "SELECT DISTINCT a FROM t ORDER BY a NULLS FIRST",
    "SHOW TABLES; DESCRIBE t; SHOW CREATE TABLE t; EXISTS t",
];

const TOKENS: &[&str] = &[
    "(",
    ")",
    ",",
    "*",
    "+",
    "-",
    "/",
    "%",
    "=",
    "<>",
    "NULL",
    "''",
    "'\\'",
    "1e308",
    "-9223372036854775808",
    "18446744073709551616",
    "[",
    "]",
    "->",
    "?",
    ":",
    "::",
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP BY",
    "ORDER BY",
    "LIMIT",
    "JOIN",
    "ON",
    "USING",
    "ARRAY JOIN",
    "OVER ()",
    "AS",
    "IN",
    "NOT",
    "AND",
    "OR",
    "CASE",
    "WHEN",
    "THEN",
    "END",
    "toDate",
    "count",
    "sum",
    "arrayJoin",
    "x -> x",
    "0",
    "-1",
    "255",
    "nan",
    "inf",
    "';",
    ";",
    "--",
    "/*",
    "`",
    "\"",
    "\u{0}",
    "é",
    "🙂",
    "numbers(3)",
    "t",
    "u",
    "a",
    "s",
    "d",
    "tuple()",
    "[]",
    "{}",
    "INTERVAL 1 DAY",
];

fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        let n = words.len().max(1);
        match rng.below(6) {
            0 => {
                let i = rng.below(n);
                if i < words.len() {
                    words.remove(i);
                }
            }
            1 => {
                let i = rng.below(n);
                words.insert(i, TOKENS[rng.below(TOKENS.len())].to_string());
            }
            2 => {
                let i = rng.below(n);
                if let Some(w) = words.get(i).cloned() {
                    words.insert(i, w);
                }
            }
            3 => {
                let (i, j) = (rng.below(n), rng.below(n));
                if i < words.len() && j < words.len() {
                    words.swap(i, j);
                }
            }
            4 => {
                let i = rng.below(n);
                if let Some(w) = words.get_mut(i) {
                    let cut = rng.below(w.len() + 1);
                    let cut = (0..=cut).rev().find(|&c| w.is_char_boundary(c)).unwrap_or(0);
                    w.truncate(cut);
                }
            }
            _ => {
                let i = rng.below(n);
                if let Some(w) = words.get_mut(i) {
                    *w = TOKENS[rng.below(TOKENS.len())].to_string();
                }
            }
        }
    }
    words.join(" ")
}

#[test]
fn mutated_statements_never_panic() {
    let db = Database::in_memory();
    let mut s = db.session();
    s.execute("CREATE TABLE t (a UInt8, b Int32, s String, d Date) ENGINE = Memory").unwrap();
    s.execute("INSERT INTO t VALUES (1, -2, 'ab', '2024-01-01'), (2, 3, 'bc', '2024-02-03'), (3, 0, '', '1970-01-01')")
        .unwrap();
    s.execute("SET max_execution_time = 1, max_memory_usage = 200000000, max_result_rows = 100000").unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let runs: usize = std::env::var("GRANARY_FUZZ_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let mut ok = 0usize;
    for i in 0..runs {
        let base = CORPUS[rng.below(CORPUS.len())];
        let sql = mutate(&mut rng, base);
        match s.execute(&sql) {
            Ok(_) => ok += 1,
            Err(e) => {
                let text = e.to_string();
                assert!(
                    !text.contains("panicked") && !text.contains("query task failed"),
                    "run {i}: statement panicked: {sql}\n{text}"
                );
                assert!(e.code() > 0, "run {i}: error without a code: {text}");
            }
        }
    }
    // The engine still answers after all that.
    assert_eq!(s.execute("SELECT count() FROM t WHERE a > 0").map(|r| r.num_rows()).unwrap_or(0), 1);
    eprintln!("fuzz: {runs} statements, {ok} ran without error");
}
