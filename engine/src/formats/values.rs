//! Values output (spec/formats.md §6): rows `(v,v,…)` joined by `,`, no
//! newline at the end; strings single-quoted with the TSV escapes; NULL → `NULL`.
//! (Values *input* is the `INSERT … VALUES` syntax, owned by the SQL parser.)

use arrow::array::RecordBatch;

use crate::error::{Error, ErrorCode, Result};
use crate::formats::text::{Escape, TextOptions, ValueWriter};
use crate::types::ChType;

/// Appends `batches` in the Values format.
pub fn write_values(out: &mut Vec<u8>, batches: &[RecordBatch], types: &[ChType], opts: &TextOptions) -> Result<()> {
    let mut first = true;
    for batch in batches {
        if batch.num_columns() != types.len() {
            return Err(Error::new(
                ErrorCode::LOGICAL_ERROR,
                format!("batch has {} columns, expected {}", batch.num_columns(), types.len()),
            ));
        }
        let writers = batch
            .columns()
            .iter()
            .zip(types)
            .map(|(c, t)| ValueWriter::new(c.as_ref(), t, opts))
            .collect::<Result<Vec<_>>>()?;
        for row in 0..batch.num_rows() {
            if !first {
                out.push(b',');
            }
            first = false;
            out.push(b'(');
            for (i, w) in writers.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                w.write(out, row, Escape::Quoted)?;
            }
            out.push(b')');
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tsv::{read_tsv, TsvKind};
    use crate::types::parse_type;

    #[test]
    fn values_sample() {
        // SELECT number, ['a'], if(number=1,NULL,'x\ty'), toDate('2024-01-02') FROM numbers(2) FORMAT Values
        let types: Vec<ChType> =
            ["UInt64", "Array(String)", "Nullable(String)", "Date"].iter().map(|t| parse_type(t).unwrap()).collect();
        let opts = TextOptions::default();
        let text = b"0\t['a']\tx\\ty\t2024-01-02\n1\t['a']\t\\N\t2024-01-02\n";
        let batch = read_tsv(text, &types, &opts, TsvKind::Plain).unwrap();
        let mut out = Vec::new();
        write_values(&mut out, &[batch.clone(), batch.slice(0, 0)], &types, &opts).unwrap();
        assert_eq!(out, b"(0,['a'],'x\\ty','2024-01-02'),(1,['a'],NULL,'2024-01-02')");
        // SELECT true, 1.5, toDecimal32(2,1), toUUID('00112233-…') FORMAT Values
        let types: Vec<ChType> =
            ["Bool", "Float64", "Decimal(9, 1)", "UUID"].iter().map(|t| parse_type(t).unwrap()).collect();
        let batch =
            read_tsv(b"true\t1.5\t2\t00112233-4455-6677-8899-aabbccddeeff\n", &types, &opts, TsvKind::Plain).unwrap();
        let mut out = Vec::new();
        write_values(&mut out, &[batch], &types, &opts).unwrap();
        assert_eq!(out, b"(true,1.5,2,'00112233-4455-6677-8899-aabbccddeeff')");
    }
}
