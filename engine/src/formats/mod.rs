//! Output and input formats (spec/formats.md). The text forms of values are
//! shared by every text format (`text` writes them, `parse` reads them); each
//! format has its own file.

pub mod csv;
pub mod csv_input;
pub mod json;
pub mod json_input;
pub mod json_value;
pub mod output;
pub mod parse;
pub mod parse_composite;
pub mod pretty;
pub mod text;
pub mod tsv;
pub mod values;
