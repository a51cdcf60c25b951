//! `MD5(s)` → FixedString(16) (RFC 1321, written here to avoid a crate for one function).

use std::sync::Arc;

use arrow::array::FixedSizeBinaryBuilder;
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use crate::error::Result;
use crate::functions::strings::basic::expect_string;
use crate::functions::strings::{finish, null_if_nothing, out_rows, ret_type, StrCol};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, FunctionContext, KernelArgs, TypedExpr};
use crate::types::ChType;

const S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15,
    21,
];

/// MD5 digest of `data`.
pub fn md5(data: &[u8]) -> [u8; 16] {
    let k: Vec<u32> = (0..64).map(|i: i32| ((f64::from(i + 1)).sin().abs() * 4294967296.0) as u32).collect();
    let mut st: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_le_bytes());
    for block in msg.chunks_exact(64) {
        let m: Vec<u32> = block.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect();
        let (mut a, mut b, mut c, mut d) = (st[0], st[1], st[2], st[3]);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f2 = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f2.rotate_left(S[i]));
        }
        st[0] = st[0].wrapping_add(a);
        st[1] = st[1].wrapping_add(b);
        st[2] = st[2].wrapping_add(c);
        st[3] = st[3].wrapping_add(d);
    }
    let mut out = [0u8; 16];
    for (i, w) in st.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

pub fn md5_builder(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::FixedString(16), &args);
    call("MD5", md5_kernel, args, ret)
}

fn md5_kernel(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = FixedSizeBinaryBuilder::with_capacity(n, 16);
    for row in 0..n {
        match s.get(row) {
            Some(v) => b.append_value(md5(v))?,
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}
