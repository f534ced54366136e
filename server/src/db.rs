//! The database: SQLite in WAL mode by default, PostgreSQL when `DATABASE_URL` says `postgres:`.
//! One pool type (`sqlx::Any`) serves both; every query is written once, in SQL both run
//! (numbered `$N` placeholders, explicit orders, sums cast to BIGINT). Migrations are embedded
//! per backend.

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions, Connection, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The last page a list serves: far past any real list, and small enough that the offset
/// (`(page - 1) * per_page`, at most 100 per page) cannot overflow.
pub const MAX_PAGE: i64 = 1_000_000;

pub type Db = AnyPool;
/// A connection of either backend.
pub type Conn = sqlx::AnyConnection;

/// A 0/1 flag column, read the same from SQLite's and PostgreSQL's integers (the `Any` driver
/// reads neither as a `bool`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(pub bool);

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        Ok(Flag(<i64 as sqlx::Decode<sqlx::Any>>::decode(value)? != 0))
    }
}

/// Which database a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend of a `DATABASE_URL`, or a message saying what is wrong with it.
    pub fn of(url: &str) -> Result<Backend, String> {
        match url.split_once(':').map_or("", |(s, _)| s) {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            _ => Err(format!(
                "DATABASE_URL {url:?} has no database scheme this server knows. Use sqlite: (such as \
                 sqlite://data/kitty.db) or postgres: (such as postgres://kitty@localhost/kitty)."
            )),
        }
    }
}

/// The backend of an open pool.
pub fn backend(db: &Db) -> Backend {
    Backend::of(db.connect_options().database_url.as_ref()).unwrap_or(Backend::Sqlite)
}

/// Opens (creating if needed) the database and brings its schema up to date.
pub async fn connect(url: &str) -> Result<Db, String> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of(url)?;
    let mut url = url.to_string();
    if backend == Backend::Sqlite {
        // The file and its folder are made when missing.
        let path = url
            .trim_start_matches("sqlite:")
            .trim_start_matches("//")
            .split('?')
            .next()
            .unwrap_or("")
            .to_string();
        if let Some(parent) = std::path::Path::new(&path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
        }
        if !url.contains('?') {
            url.push_str("?mode=rwc");
        }
    }
    let options = AnyConnectOptions::from_str(&url)
        .map_err(|e| format!("DATABASE_URL {url:?}: {e}"))?
        .disable_statement_logging();
    let pool = AnyPoolOptions::new()
        .max_connections(8)
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL so readers never wait for the writer; writers queue for 5 s before
                    // SQLITE_BUSY; foreign keys enforced as on PostgreSQL.
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .map_err(|e| format!("cannot open database {url:?}: {e}"))?;
    match backend {
        Backend::Sqlite => migrate_sqlite(&pool).await,
        Backend::Postgres => sqlx::migrate!("./migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| format!("migrations failed: {e}")),
    }?;
    Ok(pool)
}

/// The SQLite migration that needs the users table rebuilt first (see its file).
const SQLITE_USERS_REBUILD_BEFORE: i64 = 22;

/// Runs the SQLite migrations, rebuilding the users table in Rust just before migration 22:
/// sqlx wraps each SQLite migration in a transaction, and the documented rebuild
/// (https://sqlite.org/lang_altertable.html#otheralter) needs foreign keys off, which SQLite
/// ignores inside a transaction.
async fn migrate_sqlite(pool: &Db) -> Result<(), String> {
    let all = sqlx::migrate!("./migrations/sqlite");
    let fail = |e: sqlx::migrate::MigrateError| format!("migrations failed: {e}");
    let before = sqlx::migrate::Migrator {
        migrations: all
            .migrations
            .iter()
            .filter(|m| m.version < SQLITE_USERS_REBUILD_BEFORE)
            .cloned()
            .collect::<Vec<_>>()
            .into(),
        ignore_missing: true,
        ..sqlx::migrate!("./migrations/sqlite")
    };
    before.run(pool).await.map_err(fail)?;
    rebuild_users_nullable_contacts(pool)
        .await
        .map_err(|e| format!("migrations failed: rebuilding the users table: {e}"))?;
    all.run(pool).await.map_err(fail)
}

/// What knows its backend: a pool, a connection or a write transaction.
pub trait OnBackend {
    fn backend(&self) -> Backend;
}

impl OnBackend for Db {
    fn backend(&self) -> Backend {
        backend(self)
    }
}

impl OnBackend for Conn {
    fn backend(&self) -> Backend {
        if self.backend_name() == "PostgreSQL" {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

impl OnBackend for Tx {
    fn backend(&self) -> Backend {
        (**self).backend()
    }
}

/// Crypto amounts are exact decimals: `NUMERIC` columns on PostgreSQL, text on SQLite (which has
/// no exact decimal type). The `Any` driver binds and reads them only as text, so SQL that writes
/// or reads one marks it: `NUM($n)` for a value going in and `DEC(column)` for one coming out.
/// This returns `sql` for `on`'s backend: on PostgreSQL `CAST($n AS NUMERIC)` and
/// `CAST(column AS TEXT)` (which keeps the scale it was written with, so `0.10` reads back
/// `0.10`); on SQLite the bare parameter and column.
pub fn amounts(on: &impl OnBackend, sql: &str) -> String {
    let pg = on.backend() == Backend::Postgres;
    let mut out = String::with_capacity(sql.len() + 32);
    let mut rest = sql;
    loop {
        let next = ["NUM(", "DEC("]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min_by_key(|(i, _)| *i);
        let Some((at, marker)) = next else {
            out.push_str(rest);
            return out;
        };
        let inner_start = at + marker.len();
        if rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            // The tail of a longer word (such as `ADEC(`), not a marker.
            out.push_str(&rest[..inner_start]);
            rest = &rest[inner_start..];
            continue;
        }
        let Some(len) = rest[inner_start..].find(')') else {
            out.push_str(rest);
            return out;
        };
        let inner = &rest[inner_start..inner_start + len];
        out.push_str(&rest[..at]);
        match (pg, marker) {
            (true, "NUM(") => out.push_str(&format!("CAST({inner} AS NUMERIC)")),
            (true, _) => out.push_str(&format!("CAST({inner} AS TEXT)")),
            (false, _) => out.push_str(inner),
        }
        rest = &rest[inner_start + len + 1..];
    }
}

/// Makes `users.mobile` and `users.password_hash` nullable, once: the columns as migrations
/// 1 to 21 left them, copied into a new table that replaces the old one. Foreign keys are off on
/// this one connection only, which is closed afterwards rather than returned to the pool.
async fn rebuild_users_nullable_contacts(pool: &Db) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?.detach();
    let mobile_not_null: Option<(i64,)> =
        sqlx::query_as("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'mobile'")
            .fetch_optional(&mut conn)
            .await?;
    if mobile_not_null != Some((1,)) {
        return conn.close().await;
    }
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let rebuilt = conn
        .execute(
            "BEGIN IMMEDIATE;
             CREATE TABLE users_rebuilt (
                 id                TEXT PRIMARY KEY NOT NULL,
                 name              TEXT NOT NULL,
                 mobile            TEXT UNIQUE,
                 email             TEXT UNIQUE,
                 password_hash     TEXT,
                 merchant_id       TEXT NOT NULL UNIQUE,
                 created_at        INTEGER NOT NULL,
                 is_platform_admin INTEGER NOT NULL DEFAULT 0,
                 blocked_at        BIGINT
             );
             INSERT INTO users_rebuilt (id, name, mobile, email, password_hash, merchant_id, created_at, is_platform_admin, blocked_at)
                 SELECT id, name, mobile, email, password_hash, merchant_id, created_at, is_platform_admin, blocked_at FROM users;
             DROP TABLE users;
             ALTER TABLE users_rebuilt RENAME TO users;
             COMMIT;",
        )
        .await;
    if rebuilt.is_err() {
        let _ = conn.execute("ROLLBACK").await;
    }
    conn.close().await?;
    rebuilt.map(|_| ())
}

/// A write transaction on the database (on SQLite, holding this process's turn to write). It
/// reads and writes like the connection it wraps; `commit` ends it, and dropping it rolls back.
pub struct Tx {
    inner: sqlx::Transaction<'static, sqlx::Any>,
    /// SQLite only: this process's turn to write.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

/// What a write transaction locks before it reads the state it will check and change.
///
/// On SQLite every write transaction already holds the database's one write lock from its start
/// (`BEGIN IMMEDIATE`), so these cost nothing there. On PostgreSQL, writers run side by side, in
/// this process and in others; each locks the thing it is about, and waits only for writers of
/// that same thing: the row with `SELECT … FOR UPDATE`, or, for something with no row of its own
/// yet (an address's codes, a key about to be taken), a transaction-scoped advisory lock on its
/// name. Locks are held until commit or rollback.
#[derive(Debug, Clone, Copy)]
pub enum Lock<'a> {
    /// A kitty (`ktties` row): its ledger, members, settings, chat, moments, receipts and plan.
    Kitty(&'a str),
    /// A person's account (`users` row): their details, password and sessions.
    User(&'a str),
    /// Anything else, by a kind and a key (`("card", number)`, `("chain", network)`): a card, a
    /// sandbox chain network, a merchant's crypto balances, an address about to register. Things
    /// with no row of their own yet take a transaction-scoped advisory lock on `kind:key`.
    Name(&'static str, &'a str),
}

impl std::ops::Deref for Tx {
    type Target = Conn;

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

    /// [`lock`] in this transaction.
    pub async fn lock(&mut self, what: Lock<'_>) -> Result<(), sqlx::Error> {
        lock(&mut self.inner, what).await
    }
}

/// Locks `what` until the transaction open on `conn` ends (PostgreSQL); a no-op on SQLite, whose
/// write transactions hold the whole database. Taking a lock twice in one transaction is fine.
pub async fn lock(conn: &mut Conn, what: Lock<'_>) -> Result<(), sqlx::Error> {
    if conn.backend_name() != "PostgreSQL" {
        return Ok(());
    }
    let (sql, key) = match what {
        Lock::Kitty(id) => (
            "SELECT 1 FROM ktties WHERE id = $1 FOR UPDATE",
            id.to_string(),
        ),
        Lock::User(id) => (
            "SELECT 1 FROM users WHERE id = $1 FOR UPDATE",
            id.to_string(),
        ),
        Lock::Name(kind, key) => (
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 7226))) AS l",
            format!("{kind}:{key}"),
        ),
    };
    sqlx::query(sql).bind(key).execute(conn).await?;
    Ok(())
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
    let file = std::path::PathBuf::from(db.connect_options().database_url.to_string());
    let mut queues = QUEUES.lock().unwrap_or_else(|p| p.into_inner());
    queues
        .get_or_insert_with(Default::default)
        .entry(file)
        .or_default()
        .clone()
}

/// Starts a write transaction. On SQLite it waits for this process's turn to write, then takes
/// the database's write lock at its start (`BEGIN IMMEDIATE`), so what it reads cannot change
/// before it writes; a writer that cannot get its turn in time gets `PoolTimedOut`, answered 503.
/// On PostgreSQL it is a plain transaction: before reading what it checks, the caller locks what
/// it is about with [`Tx::lock`], and waits only for writers of the same kitty, payment, wallet
/// or name, in any process.
pub async fn write(db: &Db) -> Result<Tx, sqlx::Error> {
    match backend(db) {
        Backend::Sqlite => {
            let turn = tokio::time::timeout(TURN_TIMEOUT, turn_for(db).lock_owned())
                .await
                .map_err(|_| sqlx::Error::PoolTimedOut)?;
            Ok(Tx {
                inner: db.begin_with("BEGIN IMMEDIATE").await?,
                _turn: Some(turn),
            })
        }
        Backend::Postgres => {
            let mut inner = db.begin().await?;
            // A writer waits for a row lock at most this long, then gets 55P03 (busy, a 503).
            sqlx::query("SET LOCAL lock_timeout = '10s'")
                .execute(&mut *inner)
                .await?;
            Ok(Tx { inner, _turn: None })
        }
    }
}

/// True when the database gave up waiting for a lock (SQLite's SQLITE_BUSY and its extended
/// codes, or SQLITE_LOCKED; PostgreSQL's serialization failure, deadlock or lock timeout): the
/// request may succeed if tried again.
pub fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            let code = db.code();
            if matches!(code.as_deref(), Some("40001" | "40P01" | "55P03")) {
                return true;
            }
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

/// True when `e` is a UNIQUE violation on `needle`: `table.column`, `table.` (any key of the
/// table), or a bare table or column name. SQLite names them in its message; PostgreSQL gives the
/// table, and the key's columns in its detail.
pub fn is_unique_violation(e: &sqlx::Error, needle: &str) -> bool {
    let sqlx::Error::Database(db) = e else {
        return false;
    };
    if !db.is_unique_violation() {
        return false;
    }
    if db.message().contains(needle) {
        return true;
    }
    let detail = db
        .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
        .and_then(|p| p.detail())
        .unwrap_or("");
    match needle.split_once('.') {
        Some((table, column)) => {
            db.table() == Some(table) && (column.is_empty() || detail.contains(column))
        }
        None => db.table() == Some(needle) || detail.contains(needle),
    }
}

#[cfg(test)]
mod amount_sql {
    use super::*;

    struct On(Backend);
    impl OnBackend for On {
        fn backend(&self) -> Backend {
            self.0
        }
    }

    #[test]
    fn markers_become_casts_on_postgres_and_vanish_on_sqlite() {
        let sql = "INSERT INTO t (a, b) VALUES ($1, NUM($2)); SELECT ADEC(x), DEC(r.amount), NUMBER FROM t";
        assert_eq!(
            amounts(&On(Backend::Postgres), sql),
            "INSERT INTO t (a, b) VALUES ($1, CAST($2 AS NUMERIC)); SELECT ADEC(x), CAST(r.amount AS TEXT), NUMBER FROM t"
        );
        assert_eq!(
            amounts(&On(Backend::Sqlite), sql),
            "INSERT INTO t (a, b) VALUES ($1, $2); SELECT ADEC(x), r.amount, NUMBER FROM t"
        );
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn unknown_database_schemes_stop_start_up() {
        let e = super::connect("mysql://x").await.unwrap_err();
        assert!(e.contains("sqlite:") && e.contains("postgres:"), "{e}");
        let e = super::connect("data/kitty.db").await.unwrap_err();
        assert!(e.contains("scheme"), "{e}");
    }
}
