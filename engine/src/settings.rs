//! Every setting once: name, type, default, doc. Session settings are a map
//! of overrides on top of these defaults; `SET` and per-query `SETTINGS` write
//! into it after checking the name (115 UNKNOWN_SETTING) and the value.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorCode, Result};

/// A setting's value.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    UInt(u64),
    Int(i64),
    Bool(bool),
    Float(f64),
    String(String),
}

impl std::fmt::Display for SettingValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingValue::UInt(v) => write!(f, "{v}"),
            SettingValue::Int(v) => write!(f, "{v}"),
            SettingValue::Bool(v) => write!(f, "{}", if *v { 1 } else { 0 }),
            SettingValue::Float(v) => write!(f, "{v}"),
            SettingValue::String(v) => f.write_str(v),
        }
    }
}

/// The kind of a setting (what `SET` accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    UInt,
    Int,
    Bool,
    Float,
    String,
    /// Seconds, may be fractional.
    Seconds,
}

/// One setting's definition.
pub struct SettingDef {
    pub name: &'static str,
    pub kind: SettingKind,
    pub default: &'static str,
    pub doc: &'static str,
}

/// All settings Granary knows.
pub const SETTINGS: &[SettingDef] = &[
    SettingDef {
        name: "max_threads",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Threads (DataFusion partitions) per query; 0 = number of cores.",
    },
    SettingDef {
        name: "max_block_size",
        kind: SettingKind::UInt,
        default: "65409",
        doc: "Rows per batch read or produced.",
    },
    SettingDef {
        name: "max_memory_usage",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Memory limit of one query in bytes; 0 = unlimited.",
    },
    SettingDef {
        name: "max_execution_time",
        kind: SettingKind::Seconds,
        default: "0",
        doc: "Time limit of one query in seconds; 0 = none.",
    },
    SettingDef {
        name: "max_result_rows",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Limit on result rows; 0 = none.",
    },
    SettingDef {
        name: "result_overflow_mode",
        kind: SettingKind::String,
        default: "throw",
        doc: "What to do over max_result_rows: throw or break.",
    },
    SettingDef { name: "readonly", kind: SettingKind::UInt, default: "0", doc: "1: only reads; 2: reads and SET." },
    SettingDef {
        name: "join_use_nulls",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Outer joins fill missing columns with NULL instead of defaults.",
    },
    SettingDef {
        name: "aggregate_functions_null_for_empty",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Aggregates over no rows return NULL.",
    },
    SettingDef {
        name: "max_ast_depth",
        kind: SettingKind::UInt,
        default: "1000",
        doc: "Maximum depth of a query's syntax tree.",
    },
    SettingDef {
        name: "max_ast_elements",
        kind: SettingKind::UInt,
        default: "50000",
        doc: "Maximum nodes of a query's syntax tree.",
    },
    SettingDef {
        name: "max_parser_depth",
        kind: SettingKind::UInt,
        default: "1000",
        doc: "Maximum recursion depth of the parser.",
    },
    SettingDef {
        name: "max_query_size",
        kind: SettingKind::UInt,
        default: "262144",
        doc: "Maximum bytes of a query text.",
    },
    SettingDef {
        name: "session_timezone",
        kind: SettingKind::String,
        default: "",
        doc: "Time zone of the session; empty = server time zone.",
    },
    SettingDef {
        name: "union_default_mode",
        kind: SettingKind::String,
        default: "",
        doc: "Mode of a bare UNION: ALL or DISTINCT.",
    },
    SettingDef {
        name: "output_format_decimal_trailing_zeros",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Print trailing zeros of decimals.",
    },
    SettingDef {
        name: "output_format_tsv_crlf_end_of_line",
        kind: SettingKind::Bool,
        default: "0",
        doc: "TSV rows end with \\r\\n.",
    },
    SettingDef {
        name: "output_format_tsv_null_representation",
        kind: SettingKind::String,
        default: "\\N",
        doc: "How TSV writes NULL.",
    },
    SettingDef { name: "format_csv_delimiter", kind: SettingKind::String, default: ",", doc: "CSV field delimiter." },
    SettingDef {
        name: "enable_optimize_predicate_expression",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Accepted for compatibility.",
    },
    SettingDef {
        name: "allow_experimental_analyzer",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Accepted for compatibility.",
    },
    SettingDef { name: "enable_analyzer", kind: SettingKind::Bool, default: "1", doc: "Accepted for compatibility." },
    SettingDef {
        name: "optimize_read_in_order",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Read MergeTree parts in sorting-key order when the query allows.",
    },
    SettingDef {
        name: "max_bytes_before_external_group_by",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Spill GROUP BY to disk above this many bytes.",
    },
    SettingDef {
        name: "max_bytes_before_external_sort",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Spill ORDER BY to disk above this many bytes.",
    },
    SettingDef {
        name: "enable_positional_arguments",
        kind: SettingKind::Bool,
        default: "1",
        doc: "GROUP BY / ORDER BY / LIMIT BY numbers refer to SELECT list positions.",
    },
    SettingDef {
        name: "prefer_column_name_to_alias",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Prefer a column over an alias of the same name.",
    },
    SettingDef {
        name: "send_logs_level",
        kind: SettingKind::String,
        default: "fatal",
        doc: "Accepted for compatibility.",
    },
    SettingDef { name: "use_query_cache", kind: SettingKind::Bool, default: "0", doc: "Accepted for compatibility." },
    SettingDef { name: "log_queries", kind: SettingKind::Bool, default: "1", doc: "Accepted for compatibility." },
    SettingDef {
        name: "insert_deduplicate",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Deduplicate replicated inserts.",
    },
    SettingDef {
        name: "mutations_sync",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Wait for mutations: 0 no, 1 this replica, 2 all.",
    },
    SettingDef {
        name: "final",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Apply FINAL to every table that supports it.",
    },
    SettingDef {
        name: "force_primary_key",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Fail when the primary key cannot prune.",
    },
    SettingDef {
        name: "force_data_skipping_indices",
        kind: SettingKind::String,
        default: "",
        doc: "Fail unless these skip indexes are used.",
    },
    SettingDef { name: "use_skip_indexes", kind: SettingKind::Bool, default: "1", doc: "Use data-skipping indexes." },
    SettingDef {
        name: "optimize_move_to_prewhere",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Move WHERE conditions to PREWHERE.",
    },
    SettingDef {
        name: "distributed_product_mode",
        kind: SettingKind::String,
        default: "deny",
        doc: "Subqueries on distributed tables.",
    },
    SettingDef {
        name: "prefer_localhost_replica",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Use the local replica of a shard.",
    },
    SettingDef {
        name: "date_time_input_format",
        kind: SettingKind::String,
        default: "basic",
        doc: "basic or best_effort.",
    },
    SettingDef {
        name: "date_time_output_format",
        kind: SettingKind::String,
        default: "simple",
        doc: "simple, iso or unix_timestamp.",
    },
    SettingDef {
        name: "input_format_null_as_default",
        kind: SettingKind::Bool,
        default: "1",
        doc: "NULL into a non-Nullable column inserts the default.",
    },
    SettingDef {
        name: "max_partitions_per_insert_block",
        kind: SettingKind::UInt,
        default: "100",
        doc: "Limit of partitions in one INSERT.",
    },
    SettingDef {
        name: "wait_end_of_query",
        kind: SettingKind::Bool,
        default: "0",
        doc: "HTTP: buffer the whole result.",
    },
    SettingDef {
        name: "send_progress_in_http_headers",
        kind: SettingKind::Bool,
        default: "0",
        doc: "HTTP: X-ClickHouse-Progress headers.",
    },
    SettingDef {
        name: "default_format",
        kind: SettingKind::String,
        default: "",
        doc: "Output format when none is given.",
    },
    SettingDef { name: "limit", kind: SettingKind::UInt, default: "0", doc: "Extra LIMIT applied to the result." },
    SettingDef { name: "offset", kind: SettingKind::UInt, default: "0", doc: "Extra OFFSET applied to the result." },
    SettingDef {
        name: "extremes",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Compute extremes (not supported yet).",
    },
    SettingDef {
        name: "output_format_pretty_max_rows",
        kind: SettingKind::UInt,
        default: "1000",
        doc: "Rows shown by Pretty formats.",
    },
    SettingDef {
        name: "output_format_json_quote_64bit_integers",
        kind: SettingKind::Bool,
        default: "0",
        doc: "JSON formats write (U)Int64/128/256 as strings.",
    },
    SettingDef {
        name: "output_format_write_statistics",
        kind: SettingKind::Bool,
        default: "1",
        doc: "JSON documents end with a statistics block.",
    },
    SettingDef {
        name: "output_format_arrow_string_as_string",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Accepted (sent by clickhouse-connect); Arrow output is not implemented yet.",
    },
    SettingDef {
        name: "enable_http_compression",
        kind: SettingKind::Bool,
        default: "1",
        doc: "Accepted; HTTP response compression is not implemented yet.",
    },
    SettingDef {
        name: "http_zlib_compression_level",
        kind: SettingKind::Int,
        default: "3",
        doc: "Accepted; HTTP response compression is not implemented yet.",
    },
    SettingDef {
        name: "http_headers_progress_interval_ms",
        kind: SettingKind::UInt,
        default: "100",
        doc: "Accepted; progress headers are not sent yet.",
    },
    SettingDef {
        name: "http_response_buffer_size",
        kind: SettingKind::UInt,
        default: "0",
        doc: "Accepted; the HTTP server buffers whole results.",
    },
    SettingDef {
        name: "http_wait_end_of_query",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Accepted; the HTTP server buffers whole results.",
    },
    SettingDef {
        name: "cancel_http_readonly_queries_on_client_close",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Accepted; not acted on yet.",
    },
    SettingDef {
        name: "cast_string_to_dynamic_use_inference",
        kind: SettingKind::Bool,
        default: "0",
        doc: "Accepted (sent by clickhouse-connect); no Dynamic type yet.",
    },
];

/// The type name `system.settings` shows for a setting, as ClickHouse names it.
pub fn type_name(def: &SettingDef) -> &'static str {
    match def.name {
        "max_threads" => "MaxThreads",
        "max_block_size" => "NonZeroUInt64",
        "result_overflow_mode" => "OverflowMode",
        "session_timezone" => "Timezone",
        "union_default_mode" => "SetOperationMode",
        "date_time_input_format" => "DateTimeInputFormat",
        "date_time_output_format" => "DateTimeOutputFormat",
        "distributed_product_mode" => "DistributedProductMode",
        "send_logs_level" => "LogsLevel",
        _ => match def.kind {
            SettingKind::UInt => "UInt64",
            SettingKind::Int => "Int64",
            SettingKind::Bool => "Bool",
            SettingKind::Float => "Float",
            SettingKind::String => "String",
            SettingKind::Seconds => "Seconds",
        },
    }
}

/// Finds a setting's definition by name.
pub fn find(name: &str) -> Option<&'static SettingDef> {
    SETTINGS.iter().find(|d| d.name == name)
}

/// A session's setting overrides.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    values: BTreeMap<String, SettingValue>,
}

fn parse_value(def: &SettingDef, text: &str) -> Result<SettingValue> {
    let bad = || {
        Error::new(
            ErrorCode::CANNOT_PARSE_INPUT_ASSERTION_FAILED,
            format!("Cannot parse '{text}' as the value of setting {}", def.name),
        )
    };
    Ok(match def.kind {
        SettingKind::UInt => SettingValue::UInt(match text {
            "true" => 1,
            "false" => 0,
            t => t.parse().map_err(|_| bad())?,
        }),
        SettingKind::Int => SettingValue::Int(text.parse().map_err(|_| bad())?),
        SettingKind::Bool => SettingValue::Bool(match text.to_ascii_lowercase().as_str() {
            "1" | "true" => true,
            "0" | "false" => false,
            _ => return Err(bad()),
        }),
        SettingKind::Float | SettingKind::Seconds => SettingValue::Float(text.parse().map_err(|_| bad())?),
        SettingKind::String => SettingValue::String(text.to_string()),
    })
}

impl Settings {
    /// Sets `name` from its text form, checking name and value.
    pub fn set(&mut self, name: &str, text: &str) -> Result<()> {
        let def =
            find(name).ok_or_else(|| Error::new(ErrorCode::UNKNOWN_SETTING, format!("Unknown setting '{name}'")))?;
        let v = parse_value(def, text)?;
        self.values.insert(def.name.to_string(), v);
        Ok(())
    }

    /// The current value (override or default).
    pub fn get(&self, name: &str) -> Option<SettingValue> {
        if let Some(v) = self.values.get(name) {
            return Some(v.clone());
        }
        let def = find(name)?;
        parse_value(def, def.default).ok()
    }

    /// Whether the setting was changed in this session.
    pub fn is_changed(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    pub fn get_u64(&self, name: &str) -> u64 {
        match self.get(name) {
            Some(SettingValue::UInt(v)) => v,
            Some(SettingValue::Int(v)) => v.max(0) as u64,
            Some(SettingValue::Bool(b)) => b as u64,
            Some(SettingValue::Float(f)) => f.max(0.0) as u64,
            _ => 0,
        }
    }

    pub fn get_bool(&self, name: &str) -> bool {
        self.get_u64(name) != 0
    }

    pub fn get_f64(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(SettingValue::Float(f)) => f,
            Some(SettingValue::UInt(v)) => v as f64,
            Some(SettingValue::Int(v)) => v as f64,
            Some(SettingValue::Bool(b)) => b as u8 as f64,
            _ => 0.0,
        }
    }

    pub fn get_string(&self, name: &str) -> String {
        self.get(name).map(|v| v.to_string()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_get() {
        let mut s = Settings::default();
        assert_eq!(s.get_u64("max_ast_depth"), 1000);
        s.set("max_threads", "1").unwrap();
        assert_eq!(s.get_u64("max_threads"), 1);
        assert_eq!(s.set("no_such", "1").unwrap_err().code(), 115);
        assert!(s.set("max_threads", "x").is_err());
    }
}
