//! Reading offline. The read helper ([`super::get`]) keeps the last answer of a few reads — who
//! is signed in, the kitty list, a kitty, its activity, members and chat, all transactions, the
//! inbox and invitations ([`keeps`]) — in localStorage, under the signed-in person's id and the
//! address, with when it was loaded. When a read finds no network, it answers from that copy and
//! says so app-wide ([`Connection::as_of`]): the shell's banner shows "You're offline — showing
//! what was loaded at 14:32.". Coming back online clears it and asks every read again
//! ([`Connection::retry`]).
//!
//! One person's copies are never shown to another: every key holds the person's id, all of them
//! go when the person signs out or their session ends ([`forget`]), and when the server names a
//! different person than the one they were kept for ([`signed_in_as`]). The service worker
//! (public/sw.js) keeps no API answer at all.

use leptos::prelude::*;
use std::cell::{Cell, RefCell};

/// The current user's read: the one kept answer whose owner is not yet known when it is read.
pub const ME: &str = "/api/v2/users/me";
/// Every kept answer's key starts with this; the person's id and the address follow.
const PREFIX: &str = "kitty-offline:";
/// Whose answers are kept now.
const OWNER: &str = "kitty-offline-owner";
/// The kept keys, oldest first, with their sizes: a line `1234 kitty-offline:…` each.
const INDEX: &str = "kitty-offline-index";
/// The most characters kept in all (localStorage holds about five million per site, and the
/// app keeps other things there too).
pub const MAX_TOTAL: usize = 1_000_000;
/// A larger answer is not kept.
pub const MAX_ENTRY: usize = 200_000;

/// The app-wide state of the connection, as the banner and the reads need it.
#[derive(Clone)]
pub struct Connection {
    /// When the oldest kept answer now on screen was loaded (milliseconds since 1970), while
    /// some read was answered from its kept copy; `None` once reads reach the server again.
    /// (Whole milliseconds: formatting or parsing a float would add kilobytes to the wasm.)
    pub as_of: ArcRwSignal<Option<u64>>,
    /// `navigator.onLine`, followed through the window's `online` and `offline` events.
    pub online: ArcRwSignal<bool>,
    /// Fired when every read should be asked again: back online, or "Try again".
    pub retry: ArcTrigger,
}

thread_local! {
    static CONNECTION: Connection = Connection {
        as_of: ArcRwSignal::new(None),
        online: ArcRwSignal::new(navigator_online()),
        retry: ArcTrigger::new(),
    };
    /// The id of the person the server last said is signed in (the owner of new copies).
    static SIGNED_IN: RefCell<Option<String>> = const { RefCell::new(None) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

pub fn connection() -> Connection {
    CONNECTION.with(Clone::clone)
}

/// `navigator.onLine` (true where the browser cannot tell).
pub fn navigator_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Makes the reactive read calling this (a resource, an effect) run again when the connection
/// comes back or the person asks to try again.
pub fn track() {
    // Only where something listens: a plain `spawn_local` read has nothing to track with.
    if leptos::reactive::graph::Observer::get().is_some() {
        CONNECTION.with(|c| c.retry.track());
    }
}

/// Asks every read again, now.
pub fn retry() {
    CONNECTION.with(|c| {
        c.as_of.set(None);
        c.retry.notify();
    });
}

/// Follows the window's `online` and `offline` events (once per page).
pub fn watch() {
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let _ = window_event_listener(leptos::ev::online, |_| {
        CONNECTION.with(|c| c.online.set(true));
        retry();
    });
    let _ = window_event_listener(leptos::ev::offline, |_| {
        CONNECTION.with(|c| c.online.set(false));
    });
}

/// Whether the answer to `path` (a KttiPay path, with its query) is kept for offline reading.
pub fn keeps(path: &str) -> bool {
    let path = path.split('?').next().unwrap_or_default();
    match path {
        ME
        | "/api/v2/notifications/inbox"
        | "/api/v3/ktties"
        | "/api/v3/transactions"
        | "/api/v3/invitations" => true,
        _ => {
            let Some(rest) = path.strip_prefix("/api/v3/ktties/") else {
                return false;
            };
            let mut parts = rest.split('/');
            let id = parts.next().unwrap_or_default();
            let tab = parts.next();
            !id.is_empty()
                && id != "join"
                && parts.next().is_none()
                && matches!(
                    tab,
                    None | Some("transactions" | "members" | "unassigned-deposits" | "chat")
                )
        }
    }
}

/// The localStorage key of `user`'s copy of the answer at `url`.
pub fn key(user: &str, url: &str) -> String {
    format!("{PREFIX}{}:{url}", js_sys::encode_uri_component(user))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn owner() -> Option<String> {
    storage()?.get_item(OWNER).ok()?
}

/// The server says `user` is signed in: copies kept for anyone else are dropped, and new ones
/// are kept for `user`.
pub fn signed_in_as(user: &str) {
    if owner().as_deref() != Some(user) {
        forget();
        if let Some(s) = storage() {
            let _ = s.set_item(OWNER, user);
        }
    }
    SIGNED_IN.with(|s| *s.borrow_mut() = Some(user.to_string()));
}

/// Drops every kept answer (signing out, a session that ended).
pub fn forget() {
    SIGNED_IN.with(|s| *s.borrow_mut() = None);
    let Some(s) = storage() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
    let _ = s.remove_item(INDEX);
    let _ = s.remove_item(OWNER);
}

/// A read reached the server (whatever it answered): the app is no longer showing kept answers.
pub fn reached() {
    CONNECTION.with(|c| {
        if c.as_of.get_untracked().is_some() {
            c.as_of.set(None);
        }
    });
}

/// A successful read of `path` (one of [`keeps`]) at `url` answered `body`: kept for the
/// person signed in (for [`ME`], the person it names).
pub fn remember(url: &str, path: &str, body: &str) {
    if !keeps(path) {
        return;
    }
    let user = if path == ME {
        // The type the app reads this answer as anyway (one deserializer fewer in the wasm).
        let Ok(who) = serde_json::from_str::<kitty_api::auth::User>(body) else {
            return;
        };
        signed_in_as(&who.id);
        who.id
    } else {
        match SIGNED_IN.with(|s| s.borrow().clone()) {
            Some(u) => u,
            None => return,
        }
    };
    store(&user, url, body, js_sys::Date::now() as u64);
}

/// A read of `path` at `url` found no network: the kept answer, if there is one, and the app
/// now says it shows what was loaded then.
pub fn recall(url: &str, path: &str) -> Option<String> {
    if !keeps(path) {
        return None;
    }
    let user = if path == ME {
        let user = owner()?;
        SIGNED_IN.with(|s| *s.borrow_mut() = Some(user.clone()));
        user
    } else {
        SIGNED_IN.with(|s| s.borrow().clone())?
    };
    let (at, body) = load(&user, url)?;
    CONNECTION.with(|c| {
        let shown = c.as_of.get_untracked();
        if shown.is_none_or(|s| at < s) {
            c.as_of.set(Some(at));
        }
    });
    Some(body)
}

/// Keeps `body` as `user`'s answer at `url`, loaded at `at`; the oldest copies go when all of
/// them would be more than [`MAX_TOTAL`].
pub fn store(user: &str, url: &str, body: &str, at: u64) {
    let Some(s) = storage() else { return };
    if body.len() > MAX_ENTRY {
        return;
    }
    let key = key(user, url);
    let value = format!("{at}\n{body}");
    let mut index: Vec<(String, usize)> = s
        .get_item(INDEX)
        .ok()
        .flatten()
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (len, key) = l.split_once(' ')?;
            Some((key.to_string(), len.parse().ok()?))
        })
        .collect();
    for old in admit(&mut index, &key, value.len(), MAX_TOTAL) {
        let _ = s.remove_item(&old);
    }
    if s.set_item(&key, &value).is_err() {
        // Storage is full (of other things): this one is not kept.
        index.retain(|(k, _)| *k != key);
    }
    let lines: Vec<String> = index.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let _ = s.set_item(INDEX, &lines.join("\n"));
}

/// `user`'s kept answer at `url`: when it was loaded, and the answer.
pub fn load(user: &str, url: &str) -> Option<(u64, String)> {
    let value = storage()?.get_item(&key(user, url)).ok()??;
    let (at, body) = value.split_once('\n')?;
    Some((at.parse().ok()?, body.to_string()))
}

/// Puts `key` (of `len` characters) last in `index`, the oldest first, and returns the keys that
/// must go so that all of them stay within `cap`.
pub fn admit(index: &mut Vec<(String, usize)>, key: &str, len: usize, cap: usize) -> Vec<String> {
    index.retain(|(k, _)| k != key);
    index.push((key.to_string(), len));
    let mut total: usize = index.iter().map(|(_, n)| n).sum();
    let mut gone = Vec::new();
    while total > cap && index.len() > 1 {
        let (k, n) = index.remove(0);
        total -= n;
        gone.push(k);
    }
    gone
}

/// `14:32` for a moment today, `23 Nov 2026, 14:32` for an earlier day: local time.
pub fn when(at: u64) -> String {
    let iso = |ms: f64| -> String { js_sys::Date::new(&ms.into()).to_iso_string().into() };
    let (then, now) = (iso(at as f64), iso(js_sys::Date::now()));
    if crate::fmt::date(&then) == crate::fmt::date(&now) {
        crate::fmt::time(&then)
    } else {
        crate::fmt::datetime(&then)
    }
}
