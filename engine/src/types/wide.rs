//! (U)Int128 and (U)Int256 values. Arrow stores them as FixedSizeBinary(16/32):
//! the two's-complement bits big-endian with the top bit flipped (the layout
//! `formats::text` reads and writes). [`Wide`] is one exact integer that holds
//! every Int256 and UInt256 value, for comparison, wrapping `+ - *`, `intDiv`
//! and `%` as ClickHouse computes them in 128 or 256 bits.
//!
//! Arithmetic runs on `arrow::datatypes::i256` (Arrow's own 256-bit integer,
//! already a dependency): the wrapping bit patterns of `+ - *` are the same for
//! signed and unsigned; division works on sign and magnitude so UInt256 values
//! above 2^255 divide exactly.

use std::cmp::Ordering;

use arrow::datatypes::i256;

/// An integer in [-2^255, 2^256): `v` when `!high`, else `v + 2^256` (a UInt256
/// value with the top bit set, whose bits are `v`). The derived order is numeric.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Wide {
    high: bool,
    v: i256,
}

const TOP: u128 = 1 << 127;

impl Wide {
    pub const ZERO: Wide = Wide { high: false, v: i256::ZERO };

    /// A signed value.
    pub fn from_i128(v: i128) -> Wide {
        Wide { high: false, v: i256::from_i128(v) }
    }

    /// An unsigned value.
    pub fn from_u128(v: u128) -> Wide {
        Wide { high: false, v: i256::from_parts(v, 0) }
    }

    /// The value of 256 bits read as `unsigned` or signed.
    pub fn from_bits(bits: i256, unsigned: bool) -> Wide {
        Wide { high: unsigned && bits.is_negative(), v: bits }
    }

    /// A float truncated toward zero; None when it is not finite or out of range.
    pub fn from_f64(f: f64) -> Option<Wide> {
        let t = f.trunc();
        if !t.is_finite() {
            return None;
        }
        if t >= 2f64.powi(255) {
            if t >= 2f64.powi(256) {
                return None;
            }
            let bits = i256::from_f64(t - 2f64.powi(256))?;
            return Some(Wide { high: true, v: bits });
        }
        i256::from_f64(t).map(|v| Wide { high: false, v })
    }

    /// The low 256 bits (two's complement).
    pub fn bits(self) -> i256 {
        self.v
    }

    /// The low 128 bits as an i128 (the wrap into 128 bits and narrower).
    pub fn low_i128(self) -> i128 {
        self.v.to_parts().0 as i128
    }

    pub fn is_negative(self) -> bool {
        !self.high && self.v.is_negative()
    }

    pub fn is_zero(self) -> bool {
        self == Wide::ZERO
    }

    pub fn to_f64(self) -> f64 {
        let (lo, hi) = self.v.to_parts();
        if self.high {
            return (hi as u128 as f64) * 2f64.powi(128) + lo as f64;
        }
        if self.v.is_negative() {
            return -Wide::negate_bits(self.v).magnitude_f64();
        }
        self.magnitude_f64()
    }

    fn magnitude_f64(self) -> f64 {
        let (lo, hi) = self.v.to_parts();
        (hi as u128 as f64) * 2f64.powi(128) + lo as f64
    }

    fn negate_bits(v: i256) -> Wide {
        // −(−2^255) = 2^255: a UInt256 value with the top bit set (the same bits).
        Wide { high: v == i256::MIN, v: v.wrapping_neg() }
    }

    /// −x (exact: −(−2^255) = 2^255).
    pub fn negated(self) -> Wide {
        if self.high {
            return Wide { high: false, v: self.v.wrapping_neg() };
        }
        Wide::negate_bits(self.v)
    }

    /// |x|.
    pub fn abs(self) -> Wide {
        if self.is_negative() {
            self.negated()
        } else {
            self
        }
    }

    /// Sign and magnitude (high half, low half).
    fn sign_mag(self) -> (bool, u128, u128) {
        let neg = self.is_negative();
        let (lo, hi) = self.abs().v.to_parts();
        (neg, hi as u128, lo)
    }

    fn from_sign_mag(neg: bool, hi: u128, lo: u128) -> Wide {
        let bits = i256::from_parts(lo, hi as i128);
        let w = Wide { high: hi & TOP != 0, v: bits };
        if neg {
            w.negated()
        } else {
            w
        }
    }

    /// Truncating division and remainder (the remainder has the dividend's sign);
    /// None when `d` is zero. The quotient may exceed the range (−2^255 / −1).
    pub fn div_rem(self, d: Wide) -> Option<(Wide, Wide)> {
        if d.is_zero() {
            return None;
        }
        let (na, ah, al) = self.sign_mag();
        let (nd, dh, dl) = d.sign_mag();
        let (qh, ql, rh, rl) = udiv(ah, al, dh, dl);
        Some((Wide::from_sign_mag(na != nd, qh, ql), Wide::from_sign_mag(na, rh, rl)))
    }
}

/// `x` rounded to 64 significant bits, ties to even (the x87 80-bit long
/// double's precision); saturates at the top of u128.
fn round_sig64(x: u128) -> u128 {
    let bits = 128 - x.leading_zeros();
    if bits <= 64 {
        return x;
    }
    let shift = bits - 64;
    let (q, rem, half) = (x >> shift, x & ((1u128 << shift) - 1), 1u128 << (shift - 1));
    let q = if rem > half || (rem == half && q & 1 == 1) { q + 1 } else { q };
    q.checked_shl(shift).filter(|v| v >> shift == q).unwrap_or(u128::MAX)
}

impl Wide {
    /// A float as ClickHouse's wide integers take it (`toInt128(-1e20)` =
    /// −100000000000000000003, and the Decimal128 of a float): beyond ±2^63
    /// the value is split as `a · (2^64 − 1) + b` in 80-bit long double
    /// arithmetic, which is not exact. Emulated here for |x| < 2^127 with exact
    /// integers and long-double rounding; larger values convert exactly.
    pub fn from_f64_clickhouse(f: f64) -> Option<Wide> {
        let t = f.trunc();
        if !t.is_finite() {
            return None;
        }
        let mag = t.abs();
        if mag < 2f64.powi(63) || mag >= 2f64.powi(255) {
            return Wide::from_f64(f);
        }
        if mag >= 2f64.powi(127) {
            let w = Wide::from_bits(split_large(i256::from_f64(mag)?), false);
            return Some(if t < 0.0 { w.negated() } else { w });
        }
        let big = mag as u128; // exact: a double this large is an integer
        let m = u64::MAX as u128;
        // alpha = big / m rounded to 64 significant bits: q / 2^frac.
        let whole = big / m;
        let frac = 64u32.saturating_sub(128 - whole.leading_zeros());
        let num = i256::from_parts(big, 0).wrapping_mul(i256::from_i128(1i128 << frac));
        let den = i256::from_parts(m, 0);
        let q = num.checked_div(den)?;
        let rem = num.checked_rem(den)?;
        let twice = rem.wrapping_mul(i256::from_i128(2));
        let q = if twice > den || (twice == den && q.to_parts().0 & 1 == 1) { q.wrapping_add(i256::ONE) } else { q };
        let alpha_floor = (q.to_parts().0 >> frac) as u64 as u128;
        if alpha_floor >= m {
            return Wide::from_f64(f);
        }
        // self = floor(alpha) · m + (u64)(t − round(floor(alpha) · m)).
        let base = alpha_floor * m;
        let diff = big.wrapping_sub(round_sig64(base)) as i128;
        let b = if diff < 0 {
            (round_sig64(diff.unsigned_abs()) as i128).wrapping_neg()
        } else {
            round_sig64(diff as u128) as i128
        };
        let bits = i256::from_parts(base, 0).wrapping_add(i256::from_i128(b as u64 as i128));
        let w = Wide::from_bits(bits, false);
        Some(if t < 0.0 { w.negated() } else { w })
    }
}

/// A non-negative `x` rounded to `sig` significant bits, ties to even; `sticky`:
/// the exact value is a little above `x` (breaks ties upward).
fn round_sig(x: i256, sig: u32, sticky: bool) -> i256 {
    let bits = 256 - x.leading_zeros();
    if bits <= sig {
        return x;
    }
    let shift = bits - sig;
    let one = i256::ONE;
    let unit = one << (shift as u8);
    let mask = unit.wrapping_sub(one);
    let dropped = x & mask;
    let half = one << ((shift - 1) as u8);
    let kept = x.wrapping_sub(dropped);
    let odd = ((kept >> (shift as u8)) & one) == one;
    if dropped > half || (dropped == half && (sticky || odd)) {
        kept.wrapping_add(unit)
    } else {
        kept
    }
}

/// The double-precision step of the split, for an integer-valued double `a`
/// (≥ 2^64): `floor(a / 2^64) · (2^64 − 1) + a mod 2^64`, recursively.
fn split_double(a: i256) -> i256 {
    let m = i256::from_parts(u64::MAX as u128, 0);
    let high = a >> 64u8;
    let low = a & m;
    let high = if high > m { split_double(high) } else { high };
    high.wrapping_mul(m).wrapping_add(low)
}

/// The long-double split of an integer `t` in [2^127, 2^255): `alpha = t / (2^64 − 1)`
/// rounded to 64 bits, then `alpha · (2^64 − 1) + (u64)(t − alpha · (2^64 − 1))`.
fn split_large(t: i256) -> i256 {
    let m = i256::from_parts(u64::MAX as u128, 0);
    let (Some(q), Some(r)) = (t.checked_div(m), t.checked_rem(m)) else { return t };
    let alpha = if 256 - q.leading_zeros() > 64 {
        round_sig(q, 64, r != i256::ZERO)
    } else if r.wrapping_mul(i256::from_i128(2)) > m {
        q.wrapping_add(i256::ONE)
    } else {
        q
    };
    let head = if alpha < m { alpha } else { split_double(round_sig(alpha, 53, false)) };
    let p = round_sig(alpha.wrapping_mul(m), 64, false);
    let diff = t.wrapping_sub(p);
    let b = if diff.is_negative() {
        round_sig(diff.wrapping_neg(), 64, false).wrapping_neg()
    } else {
        round_sig(diff, 64, false)
    };
    let b = b.as_i128() as u64 as u128;
    head.wrapping_mul(m).wrapping_add(i256::from_parts(b, 0))
}

/// Whether (ah, al) >= (bh, bl) as 256-bit unsigned numbers.
fn ge(ah: u128, al: u128, bh: u128, bl: u128) -> bool {
    (ah, al).cmp(&(bh, bl)) != Ordering::Less
}

/// 256-bit unsigned division by shift and subtract: (quotient, remainder) halves.
fn udiv(ah: u128, al: u128, dh: u128, dl: u128) -> (u128, u128, u128, u128) {
    if ah == 0 && dh == 0 {
        return (0, al / dl, 0, al % dl);
    }
    let (mut qh, mut ql, mut rh, mut rl) = (0u128, 0u128, 0u128, 0u128);
    for i in (0..256).rev() {
        // r <<= 1, bringing in bit i of a.
        rh = (rh << 1) | (rl >> 127);
        let bit = if i >= 128 { (ah >> (i - 128)) & 1 } else { (al >> i) & 1 };
        rl = (rl << 1) | bit;
        if ge(rh, rl, dh, dl) {
            let (nl, borrow) = rl.overflowing_sub(dl);
            rh = rh.wrapping_sub(dh).wrapping_sub(borrow as u128);
            rl = nl;
            if i >= 128 {
                qh |= 1 << (i - 128);
            } else {
                ql |= 1 << i;
            }
        }
    }
    (qh, ql, rh, rl)
}

/// Decodes a stored (U)Int128 (16 bytes) or (U)Int256 (32 bytes).
pub fn decode(b: &[u8], unsigned: bool) -> Wide {
    match b.len() {
        16 => {
            let mut buf = [0u8; 16];
            buf.copy_from_slice(b);
            let u = u128::from_be_bytes(buf) ^ TOP;
            if unsigned {
                Wide::from_u128(u)
            } else {
                Wide::from_i128(u as i128)
            }
        }
        32 => {
            let mut buf = [0u8; 32];
            buf.copy_from_slice(b);
            buf[0] ^= 0x80;
            Wide::from_bits(i256::from_be_bytes(buf), unsigned)
        }
        _ => Wide::ZERO,
    }
}

/// Encodes the low 128 bits of `bits` as a stored (U)Int128.
pub fn encode16(bits: i256) -> [u8; 16] {
    (bits.to_parts().0 ^ TOP).to_be_bytes()
}

/// Encodes `bits` as a stored (U)Int256.
pub fn encode32(bits: i256) -> [u8; 32] {
    let mut out = bits.to_be_bytes();
    out[0] ^= 0x80;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u256_max() -> Wide {
        Wide::from_bits(i256::from_i128(-1), true)
    }

    #[test]
    fn order_covers_both_ranges() {
        let min = Wide::from_bits(i256::MIN, false);
        assert!(min < Wide::from_i128(-1));
        assert!(Wide::from_i128(-1) < Wide::ZERO);
        assert!(Wide::from_bits(i256::MAX, false) < u256_max());
        assert!(Wide::from_u128(u128::MAX) > Wide::from_i128(i128::MAX));
        assert_eq!(min.negated().negated(), min);
    }

    #[test]
    fn round_trips_storage() {
        for (w, unsigned) in [(u256_max(), true), (Wide::from_i128(-5), false), (Wide::from_u128(u128::MAX), true)] {
            assert_eq!(decode(&encode32(w.bits()), unsigned), w);
        }
        assert_eq!(decode(&encode16(Wide::from_u128(u128::MAX).bits()), true), Wide::from_u128(u128::MAX));
        assert_eq!(decode(&encode16(Wide::from_i128(-7).bits()), false), Wide::from_i128(-7));
    }

    #[test]
    fn division_is_exact() {
        // chdb: intDiv(toUInt256(2^256 - 1), 3) = 38597363079105398474523661669562635951089994888546854679819194669304376546645
        let (q, r) = u256_max().div_rem(Wide::from_i128(3)).unwrap();
        let want = i256::from_string("38597363079105398474523661669562635951089994888546854679819194669304376546645");
        assert_eq!(q, Wide::from_bits(want.unwrap(), true));
        assert_eq!(r, Wide::ZERO);
        // chdb: intDiv(toInt128(-7), 2) = -3, toInt128(-7) % 3 = -1
        assert_eq!(Wide::from_i128(-7).div_rem(Wide::from_i128(2)).unwrap().0, Wide::from_i128(-3));
        assert_eq!(Wide::from_i128(-7).div_rem(Wide::from_i128(3)).unwrap().1, Wide::from_i128(-1));
        assert!(Wide::from_i128(1).div_rem(Wide::ZERO).is_none());
    }

    #[test]
    fn floats_as_clickhouse_takes_them() {
        // chdb: toInt128(-1e20) = -100000000000000000003; toUInt256(1e30) = 1000000000000000019899134206768;
        // toDecimal128(0.1, 30) = 0.100000000000000009028505825362 (the float 0.1 · 1e30)
        let c = |f: f64| Wide::from_f64_clickhouse(f).unwrap();
        assert_eq!(c(-1e20), Wide::from_i128(-100000000000000000003));
        assert_eq!(c(1e30), Wide::from_i128(1000000000000000019899134206768));
        assert_eq!(c(0.1 * 1e30), Wide::from_i128(100000000000000009028505825362));
        assert_eq!(c(-1.5), Wide::from_i128(-1));
        assert_eq!(c(123456789.9), Wide::from_i128(123456789));
        // chdb: toInt256(-3.9e38) = -390000000000000023292861708554943279105;
        // toDecimal256(1.5, 40) = 1.500000000000000105851714407921273903518
        let want = i256::from_string("-390000000000000023292861708554943279105").unwrap();
        assert_eq!(c(-3.9e38), Wide::from_bits(want, false));
        let want = i256::from_string("15000000000000001058517144079212739035180").unwrap();
        assert_eq!(c(1.5 * 1e40), Wide::from_bits(want, false));
    }

    #[test]
    fn floats() {
        assert_eq!(Wide::from_f64(-1.5), Some(Wide::from_i128(-1)));
        assert_eq!(Wide::from_f64(1e30).map(Wide::to_f64), Some(1e30));
        assert!((u256_max().to_f64() - 1.157920892373162e77).abs() < 1e62);
        assert_eq!(Wide::from_f64(f64::NAN), None);
    }
}
