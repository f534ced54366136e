//! Formatting with the browser's clock and time zone. The logic is in `kitty_api::format`, which is
//! unit-tested natively; this only supplies "now" and the zone, and Persian digits when the person
//! chose them.

pub fn offset_minutes() -> i32 {
    // getTimezoneOffset is minutes *behind* UTC.
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// `23 Nov 2026, 07:45`, local time; the raw text if the server sent something unreadable.
pub fn datetime(rfc3339: &str) -> String {
    let text = kitty_api::format::datetime(rfc3339, offset_minutes())
        .unwrap_or_else(|| rfc3339.to_string());
    crate::i18n::digits(&text)
}

/// `07:45`, local time: for a moment within the day, such as when a code stops working.
pub fn time(rfc3339: &str) -> String {
    let full = datetime(rfc3339);
    match full.rsplit_once(", ") {
        Some((_, time)) => time.to_string(),
        None => full,
    }
}

/// `23 Nov 2026`, local time.
pub fn date(rfc3339: &str) -> String {
    let text =
        kitty_api::format::date(rfc3339, offset_minutes()).unwrap_or_else(|| rfc3339.to_string());
    crate::i18n::digits(&text)
}

/// `5 min ago`, or the date once it is older than a week.
pub fn relative(rfc3339: &str) -> String {
    kitty_api::format::relative(rfc3339, now_unix(), offset_minutes())
        .unwrap_or_else(|| rfc3339.to_string())
}

/// "1 notification", "3 notifications": a count with the right form of its noun. The app's one
/// plural helper (it lives in `kitty_api::format`, where it is unit-tested with the other
/// formatting); use it for every count shown to a person.
pub use kitty_api::format::count as plural;
