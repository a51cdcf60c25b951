//! `granary-bench`: loads a TabSeparated file into a Memory table through the
//! embedded API and times a list of queries, one per line. The Python runner
//! (`benches/run.py`) calls it beside chdb and DuckDB on the same data and
//! prints the ratios; see benches/README.md.
//!
//! Usage (the `run.py --granary` hook):
//!   granary-bench [--schema FILE] [--results DIR] <queries.sql> <data.tsv> <repeat> <threads>
//! The schema file holds the CREATE TABLE (default: `$GRANARY_BENCH_SCHEMA`, which run.py sets).
//! Output: one line per query, `<n>\t<seconds>\t<seconds>…` (or `<n>\terror\t<message>`).

use std::io::{BufRead, BufReader, Read, Write};
use std::time::Instant;

use granary_engine::Database;

struct Args {
    schema: String,
    tsv: String,
    queries: String,
    threads: usize,
    runs: usize,
    results: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        schema: std::env::var("GRANARY_BENCH_SCHEMA").unwrap_or_default(),
        tsv: String::new(),
        queries: String::new(),
        threads: 2,
        runs: 3,
        results: None,
    };
    let mut positional = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || it.next().ok_or_else(|| format!("{k} needs a value"));
        match k.as_str() {
            "--schema" => a.schema = v()?,
            "--results" => a.results = Some(v()?),
            _ => positional.push(k),
        }
    }
    let [queries, tsv, runs, threads] = positional.as_slice() else {
        return Err(
            "usage: granary-bench [--schema FILE] [--results DIR] <queries.sql> <data.tsv> <repeat> <threads>".into()
        );
    };
    a.queries = queries.clone();
    a.tsv = tsv.clone();
    a.runs = runs.parse().map_err(|e| format!("repeat: {e}"))?;
    a.threads = threads.parse().map_err(|e| format!("threads: {e}"))?;
    if a.schema.is_empty() {
        return Err("no schema: pass --schema FILE or set GRANARY_BENCH_SCHEMA".into());
    }
    Ok(a)
}

fn load(db: &Database, table: &str, path: &str) -> Result<usize, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = BufReader::with_capacity(1 << 20, f);
    let mut rows = 0usize;
    let mut chunk = Vec::with_capacity(64 << 20);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).map_err(|e| e.to_string())?;
        if n > 0 {
            chunk.extend_from_slice(&line);
            rows += 1;
        }
        if (n == 0 && !chunk.is_empty()) || chunk.len() >= 32 << 20 {
            let mut sql = format!("INSERT INTO {table} FORMAT TabSeparated\n").into_bytes();
            sql.extend_from_slice(&chunk);
            let text = String::from_utf8(sql).map_err(|e| e.to_string())?;
            db.execute(&text).map_err(|e| e.to_string())?;
            chunk.clear();
        }
        if n == 0 {
            break;
        }
    }
    Ok(rows)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let db = Database::in_memory();
    let mut schema = String::new();
    std::fs::File::open(&args.schema)
        .and_then(|mut f| f.read_to_string(&mut schema))
        .map_err(|e| format!("{}: {e}", args.schema))?;
    db.execute(&schema).map_err(|e| e.to_string())?;
    let table = schema
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("TABLE"))
        .nth(1)
        .ok_or("no CREATE TABLE in the schema file")?
        .trim_end_matches('(')
        .to_string();
    let t0 = Instant::now();
    let rows = load(&db, &table, &args.tsv)?;
    eprintln!("loaded {rows} rows in {:.2}s", t0.elapsed().as_secs_f64());
    db.execute(&format!("SET max_threads = {}", args.threads)).map_err(|e| e.to_string())?;
    let queries = std::fs::read_to_string(&args.queries).map_err(|e| format!("{}: {e}", args.queries))?;
    let out = std::io::stdout();
    let mut out = out.lock();
    for (i, q) in queries.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("--")).enumerate() {
        let q = q.trim_end_matches(';');
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..args.runs.max(1) {
            let t = Instant::now();
            match db.execute(q) {
                Ok(r) => {
                    times.push(format!("{:.4}", t.elapsed().as_secs_f64()));
                    last = Some(Ok(r));
                }
                Err(e) => {
                    last = Some(Err(e));
                    break;
                }
            }
        }
        match last {
            Some(Ok(r)) => {
                writeln!(out, "{}\t{}", i + 1, times.join("\t")).map_err(|e| e.to_string())?;
                if let Some(dir) = &args.results {
                    std::fs::write(format!("{dir}/q{:02}.tsv", i + 1), r.to_tsv()).map_err(|e| e.to_string())?;
                }
            }
            Some(Err(e)) => {
                writeln!(out, "{}\terror\t{}", i + 1, e.to_string().replace('\n', " ")).map_err(|e| e.to_string())?
            }
            None => {}
        }
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("granary-bench: {e}");
        std::process::exit(1);
    }
}
