#!/usr/bin/env python3
"""ClickBench-style runner: the same `hits` TSV in chdb, DuckDB and (optionally) Granary.

Usage:
  python3 benches/run.py --rows 1000000                # generates /tmp/granary-hits-<rows>.tsv if missing
  python3 benches/run.py --data hits.tsv --threads 2 --repeat 3 --granary 'target/release/granary-bench'

Every engine loads the data into memory (chdb: ENGINE = Memory; DuckDB: an in-memory table), runs each
of the 43 queries of benches/clickbench.sql --repeat times, and the best time per query is reported,
with the ratios Granary/chdb and DuckDB/chdb and their geometric means over the queries all engines ran.

--granary CMD: CMD is run once as `CMD <queries.sql> <data.tsv> <repeat> <threads>`; it must load the
TSV (columns as in benches/hits.py HITS_COLUMNS) into Granary's Memory engine, run every query of the
file <repeat> times, and print one line per query to stdout: `<query number>\\t<seconds>\\t<seconds>...`
(or `<query number>\\terror\\t<message>`). Load time is not part of any query's time.
"""

import argparse
import math
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from hits import HITS_COLUMNS, generate  # noqa: E402


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip().rstrip(";") for line in f if line.strip()]


def best_times(run, queries, repeat):
    """{query number: best seconds or error text}."""
    out = {}
    for n, q in enumerate(queries, 1):
        times = []
        try:
            for _ in range(repeat):
                t = time.perf_counter()
                run(q)
                times.append(time.perf_counter() - t)
            out[n] = min(times)
        except Exception as e:  # one failing query must not stop the run
            out[n] = "error: " + str(e).splitlines()[0][:80]
        print(f"  q{n:02d} {out[n] if isinstance(out[n], str) else f'{out[n]:.4f}s'}", file=sys.stderr)
    return out


def run_chdb(data, queries, repeat, threads):
    from chdb.session import Session

    tmp = tempfile.mkdtemp(prefix="granary-bench-chdb-")
    s = Session(tmp)
    s.query("SET session_timezone = 'UTC'")
    s.query(f"SET max_threads = {threads}")
    cols = ", ".join(f"{n} {t}" for n, t, _ in HITS_COLUMNS)
    s.query(f"CREATE TABLE hits ({cols}) ENGINE = Memory")
    t = time.perf_counter()
    s.query(f"INSERT INTO hits SELECT * FROM file('{os.path.abspath(data)}', 'TabSeparated', '{cols}')")
    print(f"chdb: loaded in {time.perf_counter() - t:.2f}s", file=sys.stderr)
    try:
        return best_times(lambda q: s.query(q, "Null"), queries, repeat)
    finally:
        s.close()


def run_duckdb(data, queries, repeat, threads):
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.execute("SET TimeZone = 'UTC'")
    cols = ", ".join(f"{n} {t}" for n, _, t in HITS_COLUMNS)
    con.execute(f"CREATE TABLE hits ({cols})")
    types = ", ".join(f"'{n}': '{t}'" for n, _, t in HITS_COLUMNS)
    t = time.perf_counter()
    con.execute(
        f"INSERT INTO hits SELECT * FROM read_csv('{os.path.abspath(data)}', delim = '\\t', header = false, "
        f"quote = '', escape = '', columns = {{{types}}})"
    )
    print(f"duckdb: loaded in {time.perf_counter() - t:.2f}s", file=sys.stderr)
    return best_times(lambda q: con.execute(q).fetchall(), queries, repeat)


def run_granary(cmd, queries_path, data, repeat, threads):
    argv = shlex.split(cmd) + [queries_path, data, str(repeat), str(threads)]
    # The schema travels in a file named by GRANARY_BENCH_SCHEMA (granary-bench reads it).
    cols = ",\n".join(f"    {name} {ch}" for name, ch, _ in HITS_COLUMNS)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(f"CREATE TABLE hits (\n{cols}\n) ENGINE = Memory")
        schema_path = f.name
    env = dict(os.environ, GRANARY_BENCH_SCHEMA=schema_path)
    proc = subprocess.run(argv, capture_output=True, text=True, env=env)
    print(proc.stderr.strip()[-300:], file=sys.stderr)
    if proc.returncode != 0:
        print(f"granary command failed ({proc.returncode}): {proc.stderr.strip()[:500]}", file=sys.stderr)
    out = {}
    for line in proc.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip().isdigit():
            continue
        n = int(parts[0])
        if parts[1] == "error":
            out[n] = "error: " + "\t".join(parts[2:])[:80]
        else:
            out[n] = min(float(x) for x in parts[1:])
    return out


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def report(queries, results):
    engines = list(results)
    base = "chdb"
    head = ["q"] + [f"{e} s" for e in engines] + [f"{e}/{base}" for e in engines if e != base]
    print("\t".join(head))
    ratios = {e: [] for e in engines if e != base}
    complete = [n for n in range(1, len(queries) + 1) if all(isinstance(results[e].get(n), float) for e in engines)]
    for n in range(1, len(queries) + 1):
        row = [f"{n}"]
        for e in engines:
            v = results[e].get(n, "-")
            row.append(f"{v:.4f}" if isinstance(v, float) else str(v))
        for e in ratios:
            a, b = results[e].get(n), results[base].get(n)
            if isinstance(a, float) and isinstance(b, float) and b > 0:
                row.append(f"{a / b:.2f}")
                if n in complete:
                    ratios[e].append(a / b)
            else:
                row.append("-")
        print("\t".join(row))
    summary = ["geomean"] + [""] * len(engines) + [f"{geomean(ratios[e]):.2f}" for e in ratios]
    print("\t".join(summary))
    print(f"({len(complete)} of {len(queries)} queries ran on every engine; geomeans over those)")


def main():
    ap = argparse.ArgumentParser(description="ClickBench-style comparison: Granary vs chdb vs DuckDB")
    ap.add_argument("--rows", type=int, default=100000, help="rows to generate when --data is not given")
    ap.add_argument("--data", help="hits TSV from benches/hits.py (generated into /tmp if omitted)")
    ap.add_argument("--queries", default=os.path.join(HERE, "clickbench.sql"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", help="comma-separated query numbers to run")
    ap.add_argument("--no-duckdb", action="store_true")
    ap.add_argument("--granary", metavar="CMD", help="Granary loader/runner command (see the module doc)")
    args = ap.parse_args()

    data = args.data
    if not data:
        data = os.path.join(tempfile.gettempdir(), f"granary-hits-{args.rows}.tsv")
        if not os.path.exists(data):
            t = time.perf_counter()
            with open(data + ".part", "w", encoding="utf-8", newline="\n") as f:
                generate(args.rows, 20130701, f)
            os.replace(data + ".part", data)
            print(f"generated {data} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    queries = read_queries(args.queries)
    if args.only:
        keep = {int(x) for x in args.only.split(",")}
        queries = [q if i in keep else "SELECT 1" for i, q in enumerate(queries, 1)]

    results = {}
    results["chdb"] = run_chdb(data, queries, args.repeat, args.threads)
    if not args.no_duckdb:
        results["duckdb"] = run_duckdb(data, queries, args.repeat, args.threads)
    if args.granary:
        with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
            f.write(";\n".join(queries) + ";\n")
        results["granary"] = run_granary(args.granary, f.name, data, args.repeat, args.threads)
    report(queries, results)


if __name__ == "__main__":
    main()
