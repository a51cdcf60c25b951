#!/usr/bin/env python3
"""Generate a ClickBench-shaped `hits` table as TabSeparated text.

Only the 25 columns that the 43 ClickBench queries read, in the order of
HITS_COLUMNS (with their ClickHouse types), skewed like web traffic: a few URLs,
search phrases, users and regions get most hits (Zipf-like ranks), most
SearchPhrase/Referer/MobilePhoneModel values are empty, and EventTime runs through
July 2013. The output depends only on --rows and --seed (deterministic across runs
and machines: Python's random.Random with a fixed seed, no hashing of str).

Usage: python3 benches/hits.py --rows 1000000 --out /tmp/hits.tsv
"""

import argparse
import random
import sys
import time

# (name, ClickHouse type, DuckDB type), in file order.
HITS_COLUMNS = [
    ("WatchID", "Int64", "BIGINT"),
    ("Title", "String", "VARCHAR"),
    ("EventTime", "DateTime", "TIMESTAMP"),
    ("EventDate", "Date", "DATE"),
    ("CounterID", "Int32", "INTEGER"),
    ("ClientIP", "Int32", "INTEGER"),
    ("RegionID", "Int32", "INTEGER"),
    ("UserID", "Int64", "BIGINT"),
    ("URL", "String", "VARCHAR"),
    ("Referer", "String", "VARCHAR"),
    ("IsRefresh", "Int16", "SMALLINT"),
    ("ResolutionWidth", "Int16", "SMALLINT"),
    ("MobilePhone", "Int16", "SMALLINT"),
    ("MobilePhoneModel", "String", "VARCHAR"),
    ("TraficSourceID", "Int16", "SMALLINT"),
    ("SearchEngineID", "Int16", "SMALLINT"),
    ("SearchPhrase", "String", "VARCHAR"),
    ("AdvEngineID", "Int16", "SMALLINT"),
    ("WindowClientWidth", "Int16", "SMALLINT"),
    ("WindowClientHeight", "Int16", "SMALLINT"),
    ("IsLink", "Int16", "SMALLINT"),
    ("IsDownload", "Int16", "SMALLINT"),
    ("DontCountHits", "Int16", "SMALLINT"),
    ("RefererHash", "Int64", "BIGINT"),
    ("URLHash", "Int64", "BIGINT"),
]

# Values the official queries filter on, planted so those queries find rows.
HOT_USER = 435090932899640449
HOT_REFERER_HASH = 3594120000172545465
HOT_URL_HASH = 2868770270353813622
HOT_COUNTER = 62

DOMAINS = ["yandex.ru", "www.google.com", "news.example.com", "mail.ru", "auto.ru", "shop.example.org",
           "maps.google.ru", "video.example.net", "market.yandex.ru", "wiki.example.org", "sport.example.com"]
PATHS = ["", "index.html", "search", "catalog/item", "news/today", "watch", "cart", "profile", "help/faq"]
REFERER_SITES = ["google.com", "yandex.ru", "facebook.com", "example.com", "vk.com", "twitter.com", "bing.com"]
WORDS_A = ["weather", "cheap", "news", "buy", "free", "online", "best", "google", "download", "how to"]
WORDS_B = ["moscow", "flights", "music", "car", "phone", "maps", "games", "video", "hotel", "recipes", "movies"]
TITLE_A = ["Weather", "News", "Music", "Video", "Maps", "Mail", "Shop", "Games", "Sport", "Cars"]
TITLE_B = ["Google", "Yandex", "Portal", "Online", "Search"]
MODELS = ["iPhone", "iPad", "GT-I9300", "Lumia 920", "Nexus 4", "HTC One", "Xperia Z"]
WIDTHS = [1920, 1366, 1280, 1024, 1440, 1600, 800, 1680, 0]

JULY_2013 = 1372636800  # 2013-07-01 00:00:00 UTC
SECONDS_IN_JULY = 31 * 86400


def zipf_rank(rng, n, s=1.1):
    """A rank in [0, n) with P(rank = k) falling roughly like 1 / (k + 1)^s (inverse CDF of a power law)."""
    u = rng.random()
    r = int((n ** (1.0 - s) * u + (1.0 - u)) ** (1.0 / (1.0 - s))) - 1
    return min(max(r, 0), n - 1)


def fmt_time(ts):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(ts))


def fmt_date(ts):
    return time.strftime("%Y-%m-%d", time.gmtime(ts))


def generate(rows, seed, out):
    rng = random.Random(seed)
    users = max(rows // 6, 10)
    url_count = max(rows // 3, 10)
    step = SECONDS_IN_JULY / max(rows, 1)
    write = out.write
    for i in range(rows):
        user = zipf_rank(rng, users, 0.8)
        user_id = HOT_USER if i % 9973 == 0 else (user * 2654435761 + 12345) % 10**18
        client_ip = (user * 40503 + 7) % 2_000_000_000
        ts = JULY_2013 + int(i * step) + rng.randrange(max(int(step), 1))
        counter = HOT_COUNTER if rng.random() < 0.3 else 1 + zipf_rank(rng, 5000)
        region = zipf_rank(rng, 3000)
        u = zipf_rank(rng, url_count, 0.9)
        if rng.random() < 0.02:
            url = ""
        else:
            url = f"http://{DOMAINS[u % len(DOMAINS)]}/{PATHS[(u // 11) % len(PATHS)]}?id={u}"
        if rng.random() < 0.4:
            referer = ""
        else:
            r = zipf_rank(rng, 10000)
            scheme = ("http://", "https://", "https://www.")[r % 3]
            referer = f"{scheme}{REFERER_SITES[r % len(REFERER_SITES)]}/page{r}"
        has_phrase = rng.random() < 0.25
        if has_phrase:
            p = zipf_rank(rng, len(WORDS_A) * len(WORDS_B) * 20)
            phrase = f"{WORDS_A[p % len(WORDS_A)]} {WORDS_B[(p // len(WORDS_A)) % len(WORDS_B)]}"
            if p >= len(WORDS_A) * len(WORDS_B):
                phrase += f" {p}"
            engine = 1 + zipf_rank(rng, 30)
        else:
            phrase, engine = "", 0
        title = "" if rng.random() < 0.15 else f"{TITLE_A[zipf_rank(rng, len(TITLE_A))]} - {rng.choice(TITLE_B)}"
        mobile = rng.random() < 0.12
        model = MODELS[zipf_rank(rng, len(MODELS))] if mobile else ""
        phone = 1 + rng.randrange(8) if mobile else 0
        adv = 1 + zipf_rank(rng, 60) if rng.random() < 0.05 else 0
        width = WIDTHS[zipf_rank(rng, len(WIDTHS))]
        win_w = max(width - rng.randrange(0, 40), 0) if width else 0
        win_h = rng.choice([955, 657, 913, 600, 768, 0])
        referer_hash = HOT_REFERER_HASH if rng.random() < 0.1 else zipf_rank(rng, 100000)
        url_hash = HOT_URL_HASH if rng.random() < 0.05 else u * 1000003
        row = (
            rng.randrange(1, 2**63),
            title,
            fmt_time(ts),
            fmt_date(ts),
            counter,
            client_ip,
            region,
            user_id,
            url,
            referer,
            1 if rng.random() < 0.08 else 0,
            width,
            phone,
            model,
            rng.randrange(-1, 10),
            engine,
            phrase,
            adv,
            win_w,
            win_h,
            1 if rng.random() < 0.05 else 0,
            1 if rng.random() < 0.02 else 0,
            1 if rng.random() < 0.04 else 0,
            referer_hash,
            url_hash,
        )
        write("\t".join(map(str, row)))
        write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=20130701)
    ap.add_argument("--out", default="-", help="output file (default: stdout)")
    args = ap.parse_args()
    if args.out == "-":
        generate(args.rows, args.seed, sys.stdout)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            generate(args.rows, args.seed, f)


if __name__ == "__main__":
    main()
