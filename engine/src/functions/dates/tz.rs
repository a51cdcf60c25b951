//! Time zones: civil time ↔ Unix time for a named zone, with each zone's offset
//! transitions precomputed once (1900…2300) and cached for the process, so that
//! kernels never call chrono-tz per row (UTC and fixed-offset zones take a
//! constant offset). Also the proleptic Gregorian calendar arithmetic
//! (days ↔ year/month/day) used by every date function.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Offset, TimeZone};

use crate::error::{Error, ErrorCode, Result};

/// One time zone's UTC offsets over time.
#[derive(Debug)]
pub struct Zone {
    pub name: String,
    /// The offset when it never changes (UTC, `Etc/GMT+3`, fixed zones).
    fixed: Option<i32>,
    /// UTC instants at which the offset changes, ascending.
    starts: Vec<i64>,
    /// `offsets[i]` applies before `starts[i]`; the last one after the last start.
    offsets: Vec<i32>,
}

const SAMPLE_FROM: i64 = -2_208_988_800; // 1900-01-01
const SAMPLE_TO: i64 = 10_413_792_000; // 2300-01-01
const DAY: i64 = 86_400;

impl Zone {
    fn fixed(name: &str, offset: i32) -> Zone {
        Zone { name: name.to_string(), fixed: Some(offset), starts: Vec::new(), offsets: vec![offset] }
    }

    fn build(name: &str, tz: chrono_tz::Tz) -> Zone {
        let off = |t: i64| -> i32 {
            match chrono::DateTime::from_timestamp(t, 0) {
                Some(d) => tz.offset_from_utc_datetime(&d.naive_utc()).fix().local_minus_utc(),
                None => 0,
            }
        };
        let mut starts = Vec::new();
        let mut offsets = vec![off(SAMPLE_FROM)];
        let mut prev_t = SAMPLE_FROM;
        let mut prev = offsets[0];
        let mut t = SAMPLE_FROM + DAY;
        while t <= SAMPLE_TO {
            let o = off(t);
            if o != prev {
                // Binary search the exact second of the change in (prev_t, t].
                let (mut lo, mut hi) = (prev_t, t);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if off(mid) == prev {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                starts.push(hi);
                offsets.push(o);
                prev = o;
            }
            prev_t = t;
            t += DAY;
        }
        if starts.is_empty() {
            return Zone::fixed(name, prev);
        }
        Zone { name: name.to_string(), fixed: None, starts, offsets }
    }

    /// Seconds to add to UTC to get local time at UTC instant `t`.
    #[inline]
    pub fn offset_at(&self, t: i64) -> i32 {
        if let Some(o) = self.fixed {
            return o;
        }
        let i = self.starts.partition_point(|&s| s <= t);
        self.offsets.get(i).copied().unwrap_or(0)
    }

    /// Local wall-clock seconds (as if UTC) for UTC instant `t`.
    #[inline]
    pub fn to_local(&self, t: i64) -> i64 {
        t + self.offset_at(t) as i64
    }

    /// UTC instant of local wall-clock seconds `l`. In a DST gap the offset
    /// after the change applies; an ambiguous time takes the earlier instant
    /// (as ClickHouse does).
    #[inline]
    pub fn from_local(&self, l: i64) -> i64 {
        if let Some(o) = self.fixed {
            return l - o as i64;
        }
        let u1 = l - self.offset_at(l - DAY) as i64;
        let u2 = l - self.offset_at(l + DAY) as i64;
        if u1 == u2 {
            return u1;
        }
        match (self.to_local(u1) == l, self.to_local(u2) == l) {
            (true, false) => u1,
            (false, true) => u2,
            _ => u1.min(u2),
        }
    }

    /// Whether this zone's offset is constant.
    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }
}

fn cache() -> &'static Mutex<HashMap<String, Arc<Zone>>> {
    static C: OnceLock<Mutex<HashMap<String, Arc<Zone>>>> = OnceLock::new();
    C.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The zone named `name` (cached), or BAD_ARGUMENTS (36) as ClickHouse says.
pub fn zone(name: &str) -> Result<Arc<Zone>> {
    if let Ok(c) = cache().lock() {
        if let Some(z) = c.get(name) {
            return Ok(z.clone());
        }
    }
    let z = if matches!(name, "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "UCT" | "Universal" | "Zulu" | "Etc/Universal") {
        Zone::fixed(name, 0)
    } else {
        let tz = chrono_tz::Tz::from_str(name)
            .map_err(|_| Error::new(ErrorCode::BAD_ARGUMENTS, format!("Cannot load time zone {name}")))?;
        Zone::build(name, tz)
    };
    let z = Arc::new(z);
    if let Ok(mut c) = cache().lock() {
        c.insert(name.to_string(), z.clone());
    }
    Ok(z)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
#[inline]
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1..12, day 1..31) of days since 1970-01-01.
#[inline]
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 => {
            if is_leap(y) {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ISO day of week (Monday = 1 … Sunday = 7) of days since 1970-01-01 (a Thursday).
#[inline]
pub fn iso_weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for d in [-800_000i64, -25_567, -1, 0, 1, 59, 10_957, 65_535, 120_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(iso_weekday(0), 4);
    }

    #[test]
    fn new_york_dst() {
        let z = zone("America/New_York").unwrap();
        assert!(!z.is_fixed());
        // 2021-03-14 07:00:00 UTC: EST → EDT.
        assert_eq!(z.offset_at(1_615_705_199), -5 * 3600);
        assert_eq!(z.offset_at(1_615_705_200), -4 * 3600);
        // Gap: 02:30 local → 06:30 UTC (ClickHouse: 01:30 EST).
        let l = days_from_civil(2021, 3, 14) * DAY + 2 * 3600 + 1800;
        assert_eq!(z.from_local(l), 1_615_703_400);
        // Ambiguous 2021-11-07 01:30 → earlier instant 1636263000.
        let l = days_from_civil(2021, 11, 7) * DAY + 3600 + 1800;
        assert_eq!(z.from_local(l), 1_636_263_000);
        assert_eq!(zone("UTC").unwrap().offset_at(123), 0);
        assert_eq!(zone("Bad/Zone").unwrap_err().code(), 36);
    }
}
