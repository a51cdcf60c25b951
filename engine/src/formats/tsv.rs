//! TabSeparated output (spec/formats.md §3).
