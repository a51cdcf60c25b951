//! The SQL test corpus: every `testdata/queries/*.sql` runs in a fresh in-memory
//! database and its TabSeparated output must equal the `.reference` that real
//! ClickHouse produced (`testdata/regen`, see testdata/README.md).
//!
//! Per file: statements are split by [`split_statements`] (the same rules as
//! `testdata/regen`), executed in order in one `Session`, and each successful
//! statement's `to_tsv()` is appended to the output. A statement annotated
//! `-- { serverError NAME }` must fail with an error whose `name()` is NAME and
//! adds nothing. Any other failure, a wrong error, or an output that differs from
//! the reference fails the file; a panic inside the engine fails only that file.
//!
//! `GRANARY_SQL_FILTER=substring` runs only the files whose name contains it.

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Worker threads running files in parallel.
const THREADS: usize = 2;
/// Stack of each worker thread (deep expressions recurse in the parser/binder).
const STACK_SIZE: usize = 8 * 1024 * 1024;
/// Differing lines shown per failing file.
const DIFF_LINES: usize = 20;
/// Statement problems shown per failing file.
const PROBLEM_LINES: usize = 10;

/// One statement of a test file.
#[derive(Debug, PartialEq)]
struct Statement {
    /// The statement text, comments removed, trimmed, without the `;`.
    sql: String,
    /// `NAME` of a `-- { serverError NAME }` annotation after its `;`.
    expected_error: Option<String>,
    /// 1-based line where the statement starts.
    line: usize,
}

/// Parses `-- { serverError NAME }` (the whole comment) into NAME.
fn annotation(comment: &str) -> Option<&str> {
    let body = comment.strip_prefix("--")?.trim();
    let body = body.strip_prefix('{')?.strip_suffix('}')?.trim();
    let name = body.strip_prefix("serverError")?;
    if !name.starts_with(char::is_whitespace) {
        return None;
    }
    let name = name.trim();
    let valid = !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    valid.then_some(name)
}

/// Splits a test file into statements.
///
/// `;` ends a statement unless it is inside a `'…'` string (escapes `\x` and
/// `''`), a `"…"` or `` `…` `` identifier (same escapes with their quote), a
/// `--` line comment or a `/* */` comment. Comments become a space. Empty
/// statements are skipped; the last statement may lack its `;`. A
/// `-- { serverError NAME }` comment is valid only after a statement's `;` on the
/// same line, and belongs to that statement.
fn split_statements(text: &str) -> Result<Vec<Statement>, String> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out: Vec<Statement> = Vec::new();
    let mut cur = String::new();
    let mut line = 1usize;
    let mut start_line = 1usize;
    // Index in `out` of the statement whose `;` is on the current line.
    let mut just_ended: Option<usize> = None;
    let mut i = 0usize;
    while i < n {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            just_ended = None;
            cur.push(c);
            i += 1;
        } else if c == '\'' || c == '"' || c == '`' {
            let mut j = i + 1;
            loop {
                if j >= n {
                    return Err(format!("line {line}: unterminated {c}"));
                }
                if chars[j] == '\\' {
                    j += 2;
                    continue;
                }
                if chars[j] == c {
                    if j + 1 < n && chars[j + 1] == c {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            let end = (j + 1).min(n);
            let literal: String = chars[i..end].iter().collect();
            line += literal.matches('\n').count();
            cur.push_str(&literal);
            i = end;
        } else if c == '-' && chars.get(i + 1) == Some(&'-') {
            let end = chars[i..].iter().position(|&ch| ch == '\n').map_or(n, |p| i + p);
            let comment: String = chars[i..end].iter().collect();
            let comment = comment.trim();
            if let Some(name) = annotation(comment) {
                let Some(idx) = just_ended.take() else {
                    return Err(format!("line {line}: serverError annotation must follow a statement's ';'"));
                };
                out[idx].expected_error = Some(name.to_string());
            } else if comment.contains("serverError") {
                return Err(format!("line {line}: malformed annotation {comment:?}"));
            }
            cur.push(' ');
            i = end;
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut j = i + 2;
            while j + 1 < n && !(chars[j] == '*' && chars[j + 1] == '/') {
                j += 1;
            }
            if j + 1 >= n {
                return Err(format!("line {line}: unterminated /* comment"));
            }
            line += chars[i..j].iter().filter(|&&ch| ch == '\n').count();
            cur.push(' ');
            i = j + 2;
        } else if c == ';' {
            let sql = cur.trim().to_string();
            cur.clear();
            if !sql.is_empty() {
                out.push(Statement { sql, expected_error: None, line: start_line });
                just_ended = Some(out.len() - 1);
            }
            start_line = line;
            i += 1;
        } else {
            if cur.trim().is_empty() {
                start_line = line;
            }
            cur.push(c);
            i += 1;
        }
    }
    let sql = cur.trim().to_string();
    if !sql.is_empty() {
        out.push(Statement { sql, expected_error: None, line: start_line });
    }
    Ok(out)
}

/// Runs one file's statements; returns the output and the statement problems.
fn run_statements(statements: &[Statement]) -> (String, Vec<String>) {
    let db = granary_engine::Database::in_memory();
    let mut session = db.session();
    let mut output = String::new();
    let mut problems = Vec::new();
    for st in statements {
        let short = shorten(&st.sql);
        match (session.execute(&st.sql), &st.expected_error) {
            (Ok(result), None) => output.push_str(&result.to_tsv()),
            (Ok(_), Some(name)) => {
                problems.push(format!("line {}: expected serverError {name}, but it succeeded: {short}", st.line))
            }
            (Err(err), Some(name)) if err.name() == name.as_str() => {}
            (Err(err), Some(name)) => {
                problems.push(format!("line {}: expected serverError {name}, got {err}: {short}", st.line))
            }
            (Err(err), None) => problems.push(format!("line {}: {err}: {short}", st.line)),
        }
    }
    (output, problems)
}

/// The statement on one line, cut to a readable length.
fn shorten(sql: &str) -> String {
    let one_line = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 100 {
        format!("{}…", one_line.chars().take(100).collect::<String>())
    } else {
        one_line
    }
}

/// A compact unified-style diff (`-` reference, `+` Granary) of the first
/// [`DIFF_LINES`] differing lines, using a longest-common-subsequence alignment
/// (positional comparison when the files are too large for it).
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut ops: Vec<(char, usize, &str)> = Vec::new(); // (kind, line in reference, text)
    if a.len().saturating_mul(b.len()) <= 4_000_000 {
        // lcs[i][j] = LCS length of a[i..] and b[j..].
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                i += 1;
                j += 1;
            } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
                ops.push(('+', i + 1, b[j]));
                j += 1;
            } else {
                ops.push(('-', i + 1, a[i]));
                i += 1;
            }
        }
    } else {
        for k in 0..a.len().max(b.len()) {
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) if x == y => {}
                (x, y) => {
                    if let Some(x) = x {
                        ops.push(('-', k + 1, x));
                    }
                    if let Some(y) = y {
                        ops.push(('+', k + 1, y));
                    }
                }
            }
        }
    }
    let mut text = String::new();
    let mut last_line = usize::MAX - 1;
    for (kind, line, content) in ops.iter().take(DIFF_LINES) {
        if *line != last_line && *line != last_line + 1 {
            let _ = writeln!(text, "  @@ reference line {line} @@");
        }
        last_line = *line;
        let _ = writeln!(text, "  {kind}{content}");
    }
    if ops.len() > DIFF_LINES {
        let _ = writeln!(text, "  … {} more differing lines", ops.len() - DIFF_LINES);
    }
    if ops.is_empty() {
        // Same lines, different bytes: a missing or extra final newline.
        text.push_str("  (outputs differ only in the final newline)\n");
    }
    text
}

/// Runs one test file; `Err` holds the failure report.
fn run_file(sql_path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(sql_path).map_err(|e| format!("cannot read: {e}"))?;
    let reference_path = sql_path.with_extension("reference");
    let reference = std::fs::read_to_string(&reference_path)
        .map_err(|e| format!("cannot read {}: {e} (run testdata/regen)", reference_path.display()))?;
    let statements = split_statements(&text)?;
    let (output, problems) = catch_unwind(AssertUnwindSafe(|| run_statements(&statements))).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "non-string panic".to_string());
        format!("PANIC: {msg}")
    })?;
    if problems.is_empty() && output == reference {
        return Ok(());
    }
    let mut report = String::new();
    for p in problems.iter().take(PROBLEM_LINES) {
        let _ = writeln!(report, "  {p}");
    }
    if problems.len() > PROBLEM_LINES {
        let _ = writeln!(report, "  … {} more statement problems", problems.len() - PROBLEM_LINES);
    }
    if output != reference {
        report.push_str(&diff(&reference, &output));
    }
    Err(report)
}

/// The `.sql` files of the corpus, sorted, filtered by `GRANARY_SQL_FILTER`.
fn test_files(dir: &Path) -> Vec<PathBuf> {
    let filter = std::env::var("GRANARY_SQL_FILTER").unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(filter.as_str())))
        .collect();
    files.sort();
    files
}

#[test]
fn sql_queries() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/queries");
    let files = test_files(&dir);
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for t in 0..THREADS {
            let (files, next, failures) = (&files, &next, &failures);
            std::thread::Builder::new()
                .name(format!("sql-tests-{t}"))
                .stack_size(STACK_SIZE)
                .spawn_scoped(scope, move || loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(k) else { break };
                    if let Err(report) = run_file(path) {
                        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                        failures.lock().unwrap_or_else(|e| e.into_inner()).push((name, report));
                    }
                })
                .expect("spawn sql test thread");
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort();
    for (name, report) in &failures {
        println!("FAIL {name}\n{report}");
    }
    let failed = failures.len();
    println!("sql: {} passed, {failed} failed", files.len() - failed);
    assert!(failed == 0, "{failed} SQL test files failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_statements_and_annotations() {
        let text = "-- c\nSELECT 1; SELECT 'a;b', 'it''s; \\' x' /* ; */;\nSELECT x; -- { serverError UNKNOWN_TABLE }\nSELECT \"a;\" -- tail\n";
        let got = split_statements(text).unwrap();
        let sql: Vec<&str> = got.iter().map(|s| s.sql.as_str()).collect();
        assert_eq!(sql, ["SELECT 1", "SELECT 'a;b', 'it''s; \\' x'", "SELECT x", "SELECT \"a;\""]);
        assert_eq!(got[2].expected_error.as_deref(), Some("UNKNOWN_TABLE"));
        assert_eq!(got[1].expected_error, None);
        assert_eq!(got[2].line, 3);
        assert!(split_statements("-- { serverError X }\nSELECT 1;").is_err());
    }

    #[test]
    fn diff_shows_changes() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n");
        assert!(d.contains("-b") && d.contains("+B"), "{d}");
    }
}
