//! The database: SQLite in WAL mode by default, migrations embedded in the binary.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

pub type Db = SqlitePool;

/// Opens (creating if needed) the database and brings its schema up to date. Only `sqlite:`
/// URLs are served today; anything else stops start-up with a message instead of silently
/// making a local file named after the URL.
pub async fn connect(url: &str) -> Result<Db, String> {
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    match scheme {
        "sqlite" => {}
        "postgres" | "postgresql" => {
            return Err(format!(
            "DATABASE_URL {url:?} points at PostgreSQL, which this version does not support yet \
                 (issue 14). Use a sqlite: URL, such as sqlite://data/kitty.db."
        ))
        }
        _ => {
            return Err(format!(
                "DATABASE_URL {url:?} has no database scheme this server knows. Use a sqlite: URL, \
                 such as sqlite://data/kitty.db."
            ))
        }
    }
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| format!("DATABASE_URL {url:?}: {e}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    if let Some(parent) = std::path::Path::new(options.get_filename()).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| format!("cannot open database {url:?}: {e}"))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    Ok(pool)
}

/// A write transaction on the database, holding this process's turn to write. It reads and
/// writes like the connection it wraps; `commit` ends it, and dropping it rolls back.
pub struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl std::ops::Deref for Tx {
    type Target = sqlx::SqliteConnection;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.inner
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.inner.commit().await
    }
}

/// How long a writer waits for its turn before the request is answered 503.
const TURN_TIMEOUT: Duration = Duration::from_secs(10);

/// One queue of writers per database file. SQLite has one writer at a time anyway; waiting in a
/// first-come-first-served queue in process, instead of in SQLite's busy handler (which polls
/// and lets late comers overtake), keeps the slowest writes close to the typical ones.
fn turn_for(db: &Db) -> std::sync::Arc<tokio::sync::Mutex<()>> {
    static QUEUES: std::sync::Mutex<
        Option<
            std::collections::HashMap<std::path::PathBuf, std::sync::Arc<tokio::sync::Mutex<()>>>,
        >,
    > = std::sync::Mutex::new(None);
    let file = db.connect_options().get_filename().to_path_buf();
    let mut queues = QUEUES.lock().unwrap_or_else(|p| p.into_inner());
    queues
        .get_or_insert_with(Default::default)
        .entry(file)
        .or_default()
        .clone()
}

/// Starts a write transaction: it waits for this process's turn to write, then holds SQLite's
/// write lock from its first statement (`BEGIN IMMEDIATE`), so what it reads cannot change before
/// it writes. A writer that cannot get its turn in time gets `PoolTimedOut`, answered 503.
pub async fn write(db: &Db) -> Result<Tx, sqlx::Error> {
    let turn = tokio::time::timeout(TURN_TIMEOUT, turn_for(db).lock_owned())
        .await
        .map_err(|_| sqlx::Error::PoolTimedOut)?;
    let inner = db.begin_with("BEGIN IMMEDIATE").await?;
    Ok(Tx { inner, _turn: turn })
}

/// True when SQLite gave up waiting for a lock (SQLITE_BUSY and its extended codes, or
/// SQLITE_LOCKED): the request may succeed if tried again.
pub fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code();
            let primary = code
                .as_deref()
                .and_then(|c| c.parse::<i32>().ok())
                .map(|c| c & 0xff);
            matches!(primary, Some(5) | Some(6))
        }
        sqlx::Error::PoolTimedOut => true,
        _ => false,
    }
}

/// Reads a stored word of the domain (a status, a kind) with its vocabulary's `parse`; a word
/// this version does not know is a fault in the data, never silently taken for another.
pub fn stored<T>(
    parse: fn(&str) -> Option<T>,
    word: &str,
    what: &str,
) -> crate::error::AppResult<T> {
    parse(word).ok_or_else(|| {
        crate::error::AppError::internal(format!("unknown {what} {word:?} in the database"))
    })
}

pub use crate::clock::now;

/// True when `e` is a UNIQUE violation on `table.column`.
pub fn is_unique_violation(e: &sqlx::Error, table_column: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() && db.message().contains(table_column)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn unknown_database_schemes_stop_start_up() {
        let e = super::connect("postgres://kitty:kitty@127.0.0.1:5432/kitty")
            .await
            .unwrap_err();
        assert!(e.contains("PostgreSQL"), "{e}");
        let e = super::connect("mysql://x").await.unwrap_err();
        assert!(e.contains("sqlite:"), "{e}");
        assert!(!std::path::Path::new("postgres:").exists());
    }
}
