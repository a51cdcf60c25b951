//! The output-format dispatcher: [`write`] renders a [`QueryResult`] in a
//! format named like ClickHouse names it (case-insensitive, with its aliases);
//! an unknown name is 73 UNKNOWN_FORMAT. [`content_type`] gives the HTTP
//! `Content-Type` of each format (spec/http.md §7).

use arrow::array::RecordBatch;

use crate::error::{Error, ErrorCode, Result};
use crate::formats::csv::{write_csv, CsvKind};
use crate::formats::json::{write_json_doc, write_json_lines, write_json_object_each_row, JsonDoc};
use crate::formats::json_value::JsonOptions;
use crate::formats::pretty::{write_pretty, write_vertical, PrettyKind};
use crate::formats::text::TextOptions;
use crate::formats::tsv::TsvKind;
use crate::formats::values::write_values;
use crate::result::QueryResult;
use crate::settings::Settings;
use crate::types::ChType;

/// What a format writer sees of a result.
#[derive(Clone, Copy)]
pub struct Table<'a> {
    pub names: &'a [String],
    pub types: &'a [ChType],
    pub batches: &'a [RecordBatch],
    pub totals: &'a [RecordBatch],
    pub text: &'a TextOptions,
    /// `rows_before_limit_at_least` of the JSON documents, when known.
    pub rows_before_limit: Option<u64>,
}

/// Figures of the `statistics` block of the JSON documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Statistics {
    pub elapsed_seconds: f64,
    pub rows_read: u64,
    pub bytes_read: u64,
}

/// A batch must have one column per result column.
pub(crate) fn check_columns(t: &Table, batch: &RecordBatch) -> Result<()> {
    if batch.num_columns() != t.types.len() {
        return Err(Error::new(
            ErrorCode::LOGICAL_ERROR,
            format!("batch has {} columns, expected {}", batch.num_columns(), t.types.len()),
        ));
    }
    Ok(())
}

/// An output format, resolved from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Tsv(TsvKind),
    Csv(CsvKind),
    JsonDoc(JsonDoc),
    JsonLines(crate::formats::json::JsonLines, bool, bool),
    JsonObjectEachRow,
    Pretty(PrettyKind),
    Vertical,
    Values,
    Null,
}

impl OutputFormat {
    /// Resolves a format name (case-insensitive); unknown → 73 UNKNOWN_FORMAT.
    pub fn parse(name: &str) -> Result<OutputFormat> {
        use OutputFormat::*;
        let lower = name.to_ascii_lowercase();
        Ok(match lower.as_str() {
            "tabseparated" | "tsv" => Tsv(TsvKind::Plain),
            "tabseparatedraw" | "tsvraw" | "raw" => Tsv(TsvKind::Raw),
            "tabseparatedwithnames" | "tsvwithnames" => Tsv(TsvKind::WithNames),
            "tabseparatedwithnamesandtypes" | "tsvwithnamesandtypes" => Tsv(TsvKind::WithNamesAndTypes),
            "csv" => Csv(CsvKind::Plain),
            "csvwithnames" => Csv(CsvKind::WithNames),
            "csvwithnamesandtypes" => Csv(CsvKind::WithNamesAndTypes),
            "json" => JsonDoc(crate::formats::json::JsonDoc::Objects),
            "jsoncompact" => JsonDoc(crate::formats::json::JsonDoc::Compact),
            "jsonstrings" => JsonDoc(crate::formats::json::JsonDoc::Strings),
            "jsoncompactstrings" => JsonDoc(crate::formats::json::JsonDoc::CompactStrings),
            "jsoneachrow" | "jsonlines" | "ndjson" => JsonLines(crate::formats::json::JsonLines::EachRow, false, false),
            "jsonstringseachrow" => JsonLines(crate::formats::json::JsonLines::StringsEachRow, false, false),
            "jsoncompacteachrow" => JsonLines(crate::formats::json::JsonLines::CompactEachRow, false, false),
            "jsoncompacteachrowwithnames" => JsonLines(crate::formats::json::JsonLines::CompactEachRow, true, false),
            "jsoncompacteachrowwithnamesandtypes" => {
                JsonLines(crate::formats::json::JsonLines::CompactEachRow, true, true)
            }
            "jsoncompactstringseachrow" => {
                JsonLines(crate::formats::json::JsonLines::CompactStringsEachRow, false, false)
            }
            "jsoncompactstringseachrowwithnames" => {
                JsonLines(crate::formats::json::JsonLines::CompactStringsEachRow, true, false)
            }
            "jsoncompactstringseachrowwithnamesandtypes" => {
                JsonLines(crate::formats::json::JsonLines::CompactStringsEachRow, true, true)
            }
            "jsonobjecteachrow" => JsonObjectEachRow,
            "prettycompact"
            | "prettycompactmonoblock"
            | "prettycompactnoescapes"
            | "prettycompactnoescapesmonoblock" => Pretty(PrettyKind::Compact),
            "pretty" | "prettymonoblock" | "prettynoescapes" | "prettynoescapesmonoblock" => Pretty(PrettyKind::Full),
            "prettyspace" | "prettyspacemonoblock" | "prettyspacenoescapes" | "prettyspacenoescapesmonoblock" => {
                Pretty(PrettyKind::Space)
            }
            "vertical" => Vertical,
            "values" => Values,
            "null" => Null,
            _ => return Err(Error::new(ErrorCode::UNKNOWN_FORMAT, format!("Unknown output format {name}"))),
        })
    }

    /// The HTTP `Content-Type` of this format.
    pub fn content_type(self) -> &'static str {
        use OutputFormat::*;
        match self {
            Tsv(_) => "text/tab-separated-values; charset=UTF-8",
            Csv(CsvKind::Plain) => "text/csv; charset=UTF-8; header=absent",
            Csv(_) => "text/csv; charset=UTF-8; header=present",
            JsonDoc(_) | JsonLines(..) | JsonObjectEachRow => "application/json; charset=UTF-8",
            Pretty(_) | Vertical | Values | Null => "text/plain; charset=UTF-8",
        }
    }
}

/// The HTTP `Content-Type` of a format name (unknown → 73 UNKNOWN_FORMAT).
pub fn content_type(format: &str) -> Result<&'static str> {
    Ok(OutputFormat::parse(format)?.content_type())
}

/// Writes `result` in `format`, reading the format settings from `settings`.
pub fn write(format: &str, result: &QueryResult, out: &mut Vec<u8>, settings: &Settings) -> Result<()> {
    write_with_statistics(format, result, out, settings, &Statistics::default())
}

/// [`write`] with the figures of the JSON documents' `statistics` block.
pub fn write_with_statistics(
    format: &str,
    result: &QueryResult,
    out: &mut Vec<u8>,
    settings: &Settings,
    stats: &Statistics,
) -> Result<()> {
    let f = OutputFormat::parse(format)?;
    let names = result.column_names();
    let types = result.column_types();
    let t = Table {
        names: &names,
        types: &types,
        batches: result.batches(),
        totals: result.totals(),
        text: result.text_options(),
        rows_before_limit: None,
    };
    let json = JsonOptions { quote_64bit_integers: settings.get_bool("output_format_json_quote_64bit_integers") };
    let write_stats = settings
        .get("output_format_write_statistics")
        .is_none_or(|_| settings.get_bool("output_format_write_statistics"));
    match f {
        OutputFormat::Tsv(kind) => result.write_tsv(out, kind),
        OutputFormat::Csv(kind) => {
            let d = settings.get_string("format_csv_delimiter");
            write_csv(out, &t, kind, d.as_bytes().first().copied().unwrap_or(b','))
        }
        OutputFormat::JsonDoc(doc) => write_json_doc(out, &t, doc, json, write_stats.then_some(stats)),
        OutputFormat::JsonLines(kind, n, ty) => write_json_lines(out, &t, kind, n, ty, json),
        OutputFormat::JsonObjectEachRow => write_json_object_each_row(out, &t, json),
        OutputFormat::Pretty(kind) => {
            let max = settings
                .get("output_format_pretty_max_rows")
                .map_or(1000, |_| settings.get_u64("output_format_pretty_max_rows") as usize);
            write_pretty(out, &t, kind, max)
        }
        OutputFormat::Vertical => write_vertical(out, &t),
        OutputFormat::Values => write_values(out, t.batches, t.types, t.text),
        OutputFormat::Null => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    /// A result over the table the expected strings were made from with chdb.
    fn result(sql: &str) -> (QueryResult, Settings) {
        let db = Database::in_memory();
        db.execute(
            "CREATE TABLE t (id UInt64, s String, f Nullable(Float64), arr Array(String), m Map(String, UInt64), \
             nt Tuple(a UInt8, b String)) ENGINE = Memory",
        )
        .expect("create");
        db.execute("INSERT INTO t FORMAT TSV\n1\tq\"/\\\\\t\\N\t['a']\t{'k':1}\t(1,'x')\n2\t\t0.5\t[]\t{}\t(2,'')\n")
            .expect("insert");
        let r = db.execute(sql).expect("select");
        let settings = r.settings().clone();
        (r, settings)
    }

    fn render(format: &str, sql: &str) -> String {
        let (r, settings) = result(sql);
        let mut out = Vec::new();
        write(format, &r, &mut out, &settings).expect("write");
        String::from_utf8(out).expect("utf8")
    }

    const ALL: &str = "SELECT * FROM t ORDER BY id";

    #[test]
    fn json_family() {
        let want = "{\n\t\"meta\":\n\t[\n\t\t{\n\t\t\t\"name\": \"id\",\n\t\t\t\"type\": \"UInt64\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"s\",\n\t\t\t\"type\": \"String\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"f\",\n\t\t\t\"type\": \"Nullable(Float64)\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"arr\",\n\t\t\t\"type\": \"Array(String)\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"m\",\n\t\t\t\"type\": \"Map(String, UInt64)\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"nt\",\n\t\t\t\"type\": \"Tuple(a UInt8, b String)\"\n\t\t}\n\t],\n\n\t\"data\":\n\t[\n\t\t{\n\t\t\t\"id\": 1,\n\t\t\t\"s\": \"q\\\"\\/\\\\\",\n\t\t\t\"f\": null,\n\t\t\t\"arr\": [\"a\"],\n\t\t\t\"m\": {\n\t\t\t\t\"k\": 1\n\t\t\t},\n\t\t\t\"nt\": {\n\t\t\t\t\"a\": 1,\n\t\t\t\t\"b\": \"x\"\n\t\t\t}\n\t\t},\n\t\t{\n\t\t\t\"id\": 2,\n\t\t\t\"s\": \"\",\n\t\t\t\"f\": 0.5,\n\t\t\t\"arr\": [],\n\t\t\t\"m\": {},\n\t\t\t\"nt\": {\n\t\t\t\t\"a\": 2,\n\t\t\t\t\"b\": \"\"\n\t\t\t}\n\t\t}\n\t],\n\n\t\"rows\": 2\n}\n";
        assert_eq!(render("JSON", &format!("{ALL} SETTINGS output_format_write_statistics=0")), want);
        let compact = render("jsoncompact", &format!("{ALL} SETTINGS output_format_write_statistics=0"));
        assert!(compact.ends_with("\t\"data\":\n\t[\n\t\t[1, \"q\\\"\\/\\\\\", null, [\"a\"], {\"k\":1}, {\"a\":1,\"b\":\"x\"}],\n\t\t[2, \"\", 0.5, [], {}, {\"a\":2,\"b\":\"\"}]\n\t],\n\n\t\"rows\": 2\n}\n"), "{compact}");
        assert_eq!(
            render("JSONEachRow", ALL),
            "{\"id\":1,\"s\":\"q\\\"\\/\\\\\",\"f\":null,\"arr\":[\"a\"],\"m\":{\"k\":1},\"nt\":{\"a\":1,\"b\":\"x\"}}\n\
             {\"id\":2,\"s\":\"\",\"f\":0.5,\"arr\":[],\"m\":{},\"nt\":{\"a\":2,\"b\":\"\"}}\n"
        );
        assert_eq!(
            render("JSONCompactEachRowWithNamesAndTypes", ALL),
            "[\"id\", \"s\", \"f\", \"arr\", \"m\", \"nt\"]\n[\"UInt64\", \"String\", \"Nullable(Float64)\", \
             \"Array(String)\", \"Map(String, UInt64)\", \"Tuple(a UInt8, b String)\"]\n[1, \"q\\\"\\/\\\\\", null, \
             [\"a\"], {\"k\":1}, {\"a\":1,\"b\":\"x\"}]\n[2, \"\", 0.5, [], {}, {\"a\":2,\"b\":\"\"}]\n"
        );
        // The statistics block is there by default.
        assert!(
            render("JSON", "SELECT 1 AS x").contains("\n\t\"rows\": 1,\n\n\t\"statistics\":\n\t{\n\t\t\"elapsed\": ")
        );
        // 64-bit integers quoted on request.
        assert_eq!(
            render("JSONEachRow", "SELECT id FROM t ORDER BY id SETTINGS output_format_json_quote_64bit_integers = 1"),
            "{\"id\":\"1\"}\n{\"id\":\"2\"}\n"
        );
    }

    #[test]
    fn csv_and_pretty() {
        assert_eq!(
            render("CSVWithNames", ALL),
            "\"id\",\"s\",\"f\",\"arr\",\"m\",\"nt.a\",\"nt.b\"\n1,\"q\"\"/\\\",\\N,\"['a']\",\"{'k':1}\",1,\"x\"\n\
             2,\"\",0.5,\"[]\",\"{}\",2,\"\"\n"
        );
        // Six columns and a multi-line value (the named tuple as JSON): ClickHouse falls back to Vertical.
        assert_eq!(
            render("PrettyCompact", ALL),
            "Row 1:\n──────\nid:  1\ns:   q\"/\\\nf:   ᴺᵁᴸᴸ\narr: ['a']\nm:   {'k':1}\nnt:  {\n  \"a\": 1,\n  \"b\": \"x\"\n}\n\n\
             Row 2:\n──────\nid:  2\ns:   \nf:   0.5\narr: []\nm:   {}\nnt:  {\n  \"a\": 2,\n  \"b\": \"\"\n}\n"
        );
        assert_eq!(
            render("PrettyCompact", "SELECT id, f, arr FROM t ORDER BY id"),
            "   ┌─id─┬────f─┬─arr───┐\n1. │  1 │ ᴺᵁᴸᴸ │ ['a'] │\n2. │  2 │  0.5 │ []    │\n   └────┴──────┴───────┘\n"
        );
        assert_eq!(render("PrettyCompact", "SELECT id FROM t WHERE id > 5"), "");
        assert_eq!(render("Null", ALL), "");
    }

    #[test]
    fn unknown_format() {
        let (r, settings) = result("SELECT 1");
        let e = write("NoSuchFormat", &r, &mut Vec::new(), &settings).expect_err("unknown");
        assert_eq!(e.code(), 73);
        assert_eq!(content_type("csvwithnames").expect("csv"), "text/csv; charset=UTF-8; header=present");
        assert_eq!(OutputFormat::parse("TSV").expect("tsv"), OutputFormat::Tsv(TsvKind::Plain));
    }
}
