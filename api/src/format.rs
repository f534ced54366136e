//! Date formatting that does not depend on the platform: the app passes the browser's UTC offset,
//! so the same function is unit-tested natively and used in wasm.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A moment as seconds since the Unix epoch, read from RFC 3339 (`2026-11-23T07:45:00Z`,
/// `2026-11-23T11:15:00.5+03:30`). Returns `None` for anything else.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = s.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let h: i64 = rest[1..3].parse().ok()?;
            let m: i64 = rest[4..6].parse().ok()?;
            sign * (h * 3600 + m * 60)
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// `23 Nov 2026, 07:45` in the zone `offset_minutes` east of UTC.
pub fn datetime(rfc3339: &str, offset_minutes: i32) -> Option<String> {
    let t = parse_rfc3339(rfc3339)? + i64::from(offset_minutes) * 60;
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let secs = t.rem_euclid(86_400);
    Some(format!(
        "{d} {} {y}, {:02}:{:02}",
        MONTHS[(m - 1) as usize],
        secs / 3600,
        secs % 3600 / 60
    ))
}

/// `23 Nov 2026` in the zone `offset_minutes` east of UTC.
pub fn date(rfc3339: &str, offset_minutes: i32) -> Option<String> {
    let t = parse_rfc3339(rfc3339)? + i64::from(offset_minutes) * 60;
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    Some(format!("{d} {} {y}", MONTHS[(m - 1) as usize]))
}

/// `just now`, `5 min ago`, `3 h ago`, `2 days ago`, or the date for anything older than a week.
pub fn relative(rfc3339: &str, now_unix: i64, offset_minutes: i32) -> Option<String> {
    let t = parse_rfc3339(rfc3339)?;
    let ago = now_unix - t;
    Some(match ago {
        i64::MIN..=59 => "just now".to_string(),
        60..=3599 => format!("{} min ago", ago / 60),
        3600..=86_399 => format!("{} h ago", ago / 3600),
        86_400..=172_799 => "yesterday".to_string(),
        172_800..=604_799 => format!("{} days ago", ago / 86_400),
        _ => date(rfc3339, offset_minutes)?,
    })
}

/// RFC 3339 in UTC, second precision, for a Unix time.
pub fn to_rfc3339(unix: i64) -> String {
    let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
    let s = unix.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day number (since 1970-01-01) of a `YYYY-MM-DD` date that exists.
pub fn parse_date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = &text[r];
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

// Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_rfc3339("2026-11-23T11:15:00.123+03:30"),
            parse_rfc3339("2026-11-23T07:45:00Z")
        );
        assert_eq!(
            datetime("2026-11-23T07:45:00Z", 0).unwrap(),
            "23 Nov 2026, 07:45"
        );
        assert_eq!(
            datetime("2026-11-23T22:45:00Z", 210).unwrap(),
            "24 Nov 2026, 02:15"
        );
        assert_eq!(
            datetime("2026-01-01T01:00:00Z", -120).unwrap(),
            "31 Dec 2025, 23:00"
        );
        assert_eq!(date("2024-02-29T12:00:00Z", 0).unwrap(), "29 Feb 2024");
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "2026-11-23",
            "2026-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-11-23T07:45:00",
            "2026-11-23T07:45:00+0330",
            "2026-11-23T07:45:00.Z",
            "20x6-11-23T07:45:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn relative_times() {
        let t = parse_rfc3339("2026-11-23T07:45:00Z").unwrap();
        let at = "2026-11-23T07:45:00Z";
        assert_eq!(relative(at, t + 5, 0).unwrap(), "just now");
        assert_eq!(relative(at, t + 300, 0).unwrap(), "5 min ago");
        assert_eq!(relative(at, t + 3 * 3600, 0).unwrap(), "3 h ago");
        assert_eq!(relative(at, t + 86_400, 0).unwrap(), "yesterday");
        assert_eq!(relative(at, t + 3 * 86_400, 0).unwrap(), "3 days ago");
        assert_eq!(relative(at, t + 30 * 86_400, 0).unwrap(), "23 Nov 2026");
    }

    proptest! {
        #[test]
        fn rfc3339_round_trips(unix in -62_135_596_800i64..253_402_300_799) {
            prop_assert_eq!(parse_rfc3339(&to_rfc3339(unix)), Some(unix));
        }
    }
}

/// "1 transaction", "12 transactions": a count with the right form of its noun.
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod count_tests {
    #[test]
    fn one_and_many() {
        assert_eq!(
            super::count(1, "transaction", "transactions"),
            "1 transaction"
        );
        assert_eq!(
            super::count(0, "transaction", "transactions"),
            "0 transactions"
        );
        assert_eq!(
            super::count(12, "notification", "notifications"),
            "12 notifications"
        );
    }
}
