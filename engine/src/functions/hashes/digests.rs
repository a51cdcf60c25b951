//! Fixed-size digests of strings: `SHA1` → FixedString(20), `SHA224` → FixedString(28),
//! `SHA384` → FixedString(48), `SHA512` → FixedString(64) (FIPS 180-4), `halfMD5` → UInt64
//! (the first 8 bytes of MD5, big-endian), `sipHash128` and `murmurHash3_128` →
//! FixedString(16). Written here rather than pulling crates for a few functions.
//! Mirrors ClickHouse `FunctionsHashing.h`.

use std::sync::Arc;

use arrow::array::{FixedSizeBinaryBuilder, UInt64Builder};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::ColumnarValue;

use super::algorithms::sip_round;
use super::md5::md5;
use super::sha256::sha256_with;
use crate::error::Result;
use crate::functions::strings::basic::expect_string;
use crate::functions::strings::{finish, null_if_nothing, out_rows, ret_type, StrCol};
use crate::functions::udf::call;
use crate::functions::{check_arg_count, Case, FunctionContext, FunctionRegistry, Kernel, KernelArgs, TypedExpr};
use crate::types::ChType;

/// Registers the digest functions.
pub fn register(r: &mut FunctionRegistry) {
    r.scalar("SHA1", Case::Sensitive, |c, a| digest(c, a, 20, |k| fixed(k, 20, |v| sha1(v).to_vec())));
    r.scalar("SHA224", Case::Sensitive, |c, a| digest(c, a, 28, |k| fixed(k, 28, |v| sha224(v).to_vec())));
    r.scalar("SHA384", Case::Sensitive, |c, a| {
        digest(c, a, 48, |k| fixed(k, 48, |v| sha512_with(v, &H384)[..48].to_vec()))
    });
    r.scalar("SHA512", Case::Sensitive, |c, a| digest(c, a, 64, |k| fixed(k, 64, |v| sha512_with(v, &H512).to_vec())));
    r.scalar("sipHash128", Case::Sensitive, |c, a| digest(c, a, 16, |k| fixed(k, 16, |v| sip_hash128(v).to_vec())));
    r.scalar("murmurHash3_128", Case::Sensitive, |c, a| {
        digest(c, a, 16, |k| fixed(k, 16, |v| murmur3_128(v).to_vec()))
    });
    r.scalar("halfMD5", Case::Sensitive, half_md5);
}

fn digest(ctx: &FunctionContext, args: Vec<TypedExpr>, width: usize, kernel: Kernel) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::FixedString(width), &args);
    call(&ctx.name, kernel, args, ret)
}

fn fixed(k: &KernelArgs, width: i32, f: impl Fn(&[u8]) -> Vec<u8>) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = FixedSizeBinaryBuilder::with_capacity(n, width);
    for row in 0..n {
        match s.get(row) {
            Some(v) => b.append_value(f(v))?,
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

fn half_md5(ctx: &FunctionContext, args: Vec<TypedExpr>) -> Result<TypedExpr> {
    check_arg_count(&ctx.name, &args, 1, 1)?;
    expect_string(&ctx.name, &args, 0)?;
    if let Some(n) = null_if_nothing(&args) {
        return Ok(n);
    }
    let ret = ret_type(ChType::UInt64, &args);
    call(&ctx.name, k_half_md5, args, ret)
}

fn k_half_md5(k: &KernelArgs) -> DfResult<ColumnarValue> {
    let s = StrCol::new(&k.args[0])?;
    let n = out_rows(k);
    let mut b = UInt64Builder::with_capacity(n);
    for row in 0..n {
        match s.get(row) {
            Some(v) => {
                let d = md5(v);
                let mut h = [0u8; 8];
                h.copy_from_slice(&d[..8]);
                b.append_value(u64::from_be_bytes(h));
            }
            None => b.append_null(),
        }
    }
    finish(k, Arc::new(b.finish()))
}

/// Pads a message for the 64-byte-block MD-style hashes (big-endian length).
fn pad64(data: &[u8]) -> Vec<u8> {
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    msg
}

/// SHA-1 digest of `data`.
pub fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0];
    let msg = pad64(data);
    let mut w = [0u32; 80];
    for block in msg.chunks_exact(64) {
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A82_7999),
                1 => (b ^ c ^ d, 0x6ED9_EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6u32),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// SHA-224 digest of `data` (SHA-256 with its own initial values, cut to 28 bytes).
pub fn sha224(data: &[u8]) -> [u8; 28] {
    let full = sha256_with(
        data,
        [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4],
    );
    let mut out = [0u8; 28];
    out.copy_from_slice(&full[..28]);
    out
}

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];
const H512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const H384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];
/// SHA-512 (or, with the SHA-384 initial values, the SHA-384 prefix) of `data`.
pub fn sha512_with(data: &[u8], iv: &[u64; 8]) -> [u8; 64] {
    let mut h = *iv;
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (i, c) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// ClickHouse's `sipHash128`: SipHash-2-4 with key (0, 0), finalized as the 64-bit
/// variant, output `v0 ^ v1` then `v2 ^ v3` as little-endian words.
pub fn sip_hash128(s: &[u8]) -> [u8; 16] {
    let mut v = [0x736f_6d65_7073_6575u64, 0x646f_7261_6e64_6f6d, 0x6c79_6765_6e65_7261, 0x7465_6462_7974_6573];
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        let m = u64::from_le_bytes(b);
        v[3] ^= m;
        sip_round(&mut v);
        sip_round(&mut v);
        v[0] ^= m;
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    last[7] = s.len() as u8;
    let m = u64::from_le_bytes(last);
    v[3] ^= m;
    sip_round(&mut v);
    sip_round(&mut v);
    v[0] ^= m;
    v[2] ^= 0xff;
    for _ in 0..4 {
        sip_round(&mut v);
    }
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&(v[0] ^ v[1]).to_le_bytes());
    out[8..].copy_from_slice(&(v[2] ^ v[3]).to_le_bytes());
    out
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

/// MurmurHash3 x64_128 with seed 0: `h1` then `h2` as little-endian words.
pub fn murmur3_128(s: &[u8]) -> [u8; 16] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    let (mut h1, mut h2) = (0u64, 0u64);
    let mut chunks = s.chunks_exact(16);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(&c[..8]);
        let mut b = [0u8; 8];
        b.copy_from_slice(&c[8..]);
        let k1 = u64::from_le_bytes(a).wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
        h1 ^= k1;
        h1 = h1.rotate_left(27).wrapping_add(h2).wrapping_mul(5).wrapping_add(0x52dc_e729);
        let k2 = u64::from_le_bytes(b).wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
        h2 ^= k2;
        h2 = h2.rotate_left(31).wrapping_add(h1).wrapping_mul(5).wrapping_add(0x3849_5ab5);
    }
    let tail = chunks.remainder();
    let mut t = [0u8; 16];
    t[..tail.len()].copy_from_slice(tail);
    if tail.len() > 8 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&t[8..]);
        h2 ^= u64::from_le_bytes(b).wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
    }
    if !tail.is_empty() {
        let mut a = [0u8; 8];
        a.copy_from_slice(&t[..8]);
        h1 ^= u64::from_le_bytes(a).wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    }
    let len = s.len() as u64;
    h1 ^= len;
    h2 ^= len;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&h1.to_le_bytes());
    out[8..].copy_from_slice(&h2.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02X}")).collect()
    }

    #[test]
    fn digests() {
        // chdb: hex(SHA1('hello')) = AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D;
        // lower(hex(SHA224('abc'))) = 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7;
        // hex(sipHash128('hello')) = 54F0C4900581E097EDA2332258DC211B;
        // hex(murmurHash3_128('hello')) = 029BBD41B3A7D8CB191DAE486A901E5B
        assert_eq!(hex(&sha1(b"hello")), "AAF4C61DDCC5E8A2DABEDE0F3B482CD9AEA9434D");
        assert_eq!(hex(&sha224(b"abc")).to_lowercase(), "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
        assert_eq!(hex(&sip_hash128(b"hello")), "54F0C4900581E097EDA2332258DC211B");
        assert_eq!(hex(&murmur3_128(b"hello")), "029BBD41B3A7D8CB191DAE486A901E5B");
        // SHA-512('abc') starts DDAF35A193617ABA (FIPS 180-2 example)
        assert!(hex(&sha512_with(b"abc", &H512)).starts_with("DDAF35A193617ABA"));
    }
}
