//! Live updates: one in-process hub (a tokio broadcast channel of topics, such as
//! `payment:{authority}` or `kitty:{id}`) that SSE endpoints listen to. On PostgreSQL a topic is
//! published with `pg_notify`, and every process LISTENs and feeds its own hub, so a client
//! connected to one process hears what happened in another.

use crate::db::{backend, Backend, Db};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

const CHANNEL: &str = "kitty_live";

/// The hub of one database.
pub struct Hub {
    tx: broadcast::Sender<Arc<str>>,
}

/// A database's hub, and whether it listens to PostgreSQL yet.
type Entry = (Arc<Hub>, bool);

/// The hubs of this process, one per database.
static HUBS: Mutex<Option<HashMap<String, Entry>>> = Mutex::new(None);

/// The hub for `db`'s database, made on first use.
pub fn hub(db: &Db) -> Arc<Hub> {
    let url = db.connect_options().database_url.to_string();
    let mut hubs = HUBS.lock().unwrap_or_else(|p| p.into_inner());
    let hubs = hubs.get_or_insert_with(Default::default);
    hubs.entry(url)
        .or_insert_with(|| {
            (
                Arc::new(Hub {
                    tx: broadcast::channel(1024).0,
                }),
                false,
            )
        })
        .0
        .clone()
}

/// Makes `db`'s hub hear every process: on PostgreSQL it LISTENs before this returns (so the
/// server answers no request before its streams can hear changes), then keeps listening,
/// reconnecting after a failure. Called once at start-up.
pub async fn start(db: &Db) -> Result<(), String> {
    let hub = hub(db);
    if backend(db) != Backend::Postgres {
        return Ok(());
    }
    let url = db.connect_options().database_url.to_string();
    {
        let mut hubs = HUBS.lock().unwrap_or_else(|p| p.into_inner());
        let entry = hubs.get_or_insert_with(Default::default).get_mut(&url);
        match entry {
            Some((_, listening)) if *listening => return Ok(()),
            Some((_, listening)) => *listening = true,
            None => {}
        }
    }
    let listener = connect(&url)
        .await
        .map_err(|e| format!("live updates: cannot LISTEN on the database: {e}"))?;
    tokio::spawn(listen(url, hub, listener));
    Ok(())
}

async fn connect(url: &str) -> Result<sqlx::postgres::PgListener, sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Forwards the database's notifications to the hub, reconnecting after a failure.
async fn listen(url: String, hub: Arc<Hub>, mut listener: sqlx::postgres::PgListener) {
    loop {
        match listener.recv().await {
            Ok(n) => {
                let _ = hub.tx.send(Arc::from(n.payload()));
            }
            Err(e) => {
                tracing::warn!(error = %e, "live updates: listener lost; reconnecting");
                loop {
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    match connect(&url).await {
                        Ok(l) => {
                            listener = l;
                            break;
                        }
                        Err(e) => tracing::warn!(error = %e, "live updates: still reconnecting"),
                    }
                }
            }
        }
    }
}

/// Listens to every topic published from now on.
pub fn subscribe(db: &Db) -> broadcast::Receiver<Arc<str>> {
    hub(db).tx.subscribe()
}

/// Tells listeners that `topic` changed. Called after the change is committed; a failure is
/// logged, not returned: the change itself stands, and clients also poll.
pub async fn publish(db: &Db, topic: &str) {
    let hub = hub(db);
    match backend(db) {
        Backend::Sqlite => {
            let _ = hub.tx.send(Arc::from(topic));
        }
        Backend::Postgres => {
            if let Err(e) = sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(topic)
                .execute(db)
                .await
            {
                tracing::warn!(error = %e, topic, "live updates: notify failed");
            }
        }
    }
}

pub fn payment_topic(authority: &str) -> String {
    format!("payment:{authority}")
}

pub fn kitty_topic(ktti_id: &str) -> String {
    format!("kitty:{ktti_id}")
}

/// Something in kitty `ktti_id` changed: its members' open pages reload.
pub async fn kitty_changed(db: &Db, ktti_id: &str) {
    publish(db, &kitty_topic(ktti_id)).await;
}
