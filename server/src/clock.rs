//! Time on the server, through the `time` crate: the current time, and the RFC 3339 times and
//! calendar days the contract sends. Stored times are Unix seconds.
//!
//! The clock can be moved forward (sandbox mode, `POST /sandbox/clock`), so that tests and demo
//! users see what happens after an hour without waiting for it: every expiry, retry and block
//! reads [`now`]. The offset belongs to the process; with several processes on one database,
//! move each one's clock.

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use std::sync::atomic::{AtomicI64, Ordering};

/// How far this process's clock has been moved forward, in seconds.
static OFFSET: AtomicI64 = AtomicI64::new(0);

/// Seconds since the Unix epoch, as this process's clock reads.
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp() + OFFSET.load(Ordering::Relaxed)
}

/// Moves the clock forward by `seconds` (never back: times already stored stay in the past).
/// Returns the total offset.
pub fn advance(seconds: i64) -> i64 {
    OFFSET.fetch_add(seconds.max(0), Ordering::Relaxed) + seconds.max(0)
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `2026-11-25T21:17:46Z`.
pub fn rfc3339(unix: i64) -> String {
    at(unix).format(&Rfc3339).unwrap_or_default()
}

/// The calendar day of a Unix time, as whole days since the epoch.
pub fn day_of(unix: i64) -> i64 {
    unix.div_euclid(86_400)
}

fn date_of_day(day: i64) -> Date {
    at(day * 86_400).date()
}

/// The first day of `day`'s month, as days since the epoch.
pub fn month_start(day: i64) -> i64 {
    let first = date_of_day(day).replace_day(1).unwrap_or(date_of_day(day));
    day_of(first.midnight().assume_utc().unix_timestamp())
}

/// `2026-11-25`.
pub fn iso_date(day: i64) -> String {
    let d = date_of_day(day);
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_days() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_641_466), "2026-11-25T21:17:46Z");
        let day = day_of(1_795_641_466);
        assert_eq!(iso_date(day), "2026-11-25");
        assert_eq!(iso_date(month_start(day)), "2026-11-01");
        assert_eq!(iso_date(month_start(day_of(951_782_400))), "2000-02-01"); // 2000-02-29
    }
}
