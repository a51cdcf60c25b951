//! How values look as text (spec/formats.md §2): numbers, dates, strings with
//! per-format escaping, arrays/tuples/maps with nested quoting.

/// ClickHouse's text form of a Float64: shortest round-trip digits, plain
/// notation for 1e-6 ≤ |x| < 1e21, else `<digits>e<exp>`; `inf`, `-inf`, `nan`.
pub fn format_f64(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a == 0.0 || (1e-6..1e21).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// [`format_f64`] for Float32 (shortest digits in 32-bit width).
pub fn format_f32(v: f32) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = v.abs();
    if a == 0.0 || (1e-6..1e21).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}
