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

/// The hub for `db`'s database, made (and on PostgreSQL, fed by a listener) on first use.
pub fn hub(db: &Db) -> Arc<Hub> {
    static HUBS: Mutex<Option<HashMap<String, Arc<Hub>>>> = Mutex::new(None);
    let url = db.connect_options().database_url.to_string();
    let mut hubs = HUBS.lock().unwrap_or_else(|p| p.into_inner());
    let hubs = hubs.get_or_insert_with(Default::default);
    if let Some(h) = hubs.get(&url) {
        return h.clone();
    }
    let (tx, _) = broadcast::channel(1024);
    let hub = Arc::new(Hub { tx });
    if backend(db) == Backend::Postgres {
        tokio::spawn(listen(url.clone(), hub.clone()));
    }
    hubs.insert(url, hub.clone());
    hub
}

/// Forwards the database's notifications to the hub, reconnecting after a failure.
async fn listen(url: String, hub: Arc<Hub>) {
    loop {
        let result: Result<(), sqlx::Error> = async {
            let mut listener = sqlx::postgres::PgListener::connect(&url).await?;
            listener.listen(CHANNEL).await?;
            loop {
                let n = listener.recv().await?;
                let _ = hub.tx.send(Arc::from(n.payload()));
            }
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "live updates: listener lost; reconnecting");
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
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
