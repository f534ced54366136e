//! The demo account and its sample data, for `scripts/run`. Seeding twice changes nothing.

use crate::accounts;
use crate::db::{now, Db};
use crate::error::AppResult;
use crate::providers::ktti::inbox::kind_to_db;
use crate::providers::ktti::ledger;
use kitty_api::auth::RegisterRequest;
use kitty_api::config::DemoLogin;
use kitty_api::kitty::{Role, TxKind};
use kitty_api::notifications::NotificationKind;
use kitty_api::Currency;

pub const DEMO_MOBILE: &str = "09120000000";
pub const DEMO_PASSWORD: &str = "demo1234";

/// Sample inbox: (kind, title, body, minutes ago, read).
const INBOX: [(NotificationKind, &str, &str, i64, bool); 5] = [
    (
        NotificationKind::Deposit,
        "Deposit received",
        "Reza deposited AUD 50.00 into Weekend in Kish.",
        12,
        false,
    ),
    (
        NotificationKind::Expense,
        "Card payment split",
        "AUD 84.20 at Sunset Grill was split between 4 members.",
        95,
        false,
    ),
    (
        NotificationKind::Payment,
        "Payment link paid",
        "Order #1042 paid IRR 1,250,000 to Demo Shop.",
        26 * 60,
        true,
    ),
    (
        NotificationKind::Invitation,
        "You were invited",
        "Mina invited you to join Flat 3B bills.",
        3 * 24 * 60,
        true,
    ),
    (
        NotificationKind::System,
        "Welcome to Kitty",
        "This is the sandbox: money here is simulated, so try anything.",
        9 * 24 * 60,
        true,
    ),
];

/// A second demo person, who shares the demo kitty.
pub const FRIEND_MOBILE: &str = "09120000001";

pub async fn seed(db: &Db) -> AppResult<DemoLogin> {
    let login = DemoLogin {
        username: DEMO_MOBILE.into(),
        password: DEMO_PASSWORD.into(),
    };
    let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM users WHERE mobile = ?")
        .bind(DEMO_MOBILE)
        .fetch_optional(db)
        .await?;
    if let Some((id,)) = exists {
        seed_kitty(db, &id).await?;
        seed_merchant(db, &id).await?;
        return Ok(login);
    }
    let user = accounts::create(
        db,
        &RegisterRequest {
            name: "Sara Demo".into(),
            mobile: DEMO_MOBILE.into(),
            email: Some("demo@kitty.test".into()),
            password: DEMO_PASSWORD.into(),
        },
    )
    .await?;
    let t = now();
    let mut tx = db.begin().await?;
    for (kind, title, body, minutes_ago, read) in INBOX {
        let created = t - minutes_ago * 60;
        sqlx::query(
            "INSERT INTO notifications (id, user_id, kind, title, body, read_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&user.id)
        .bind(kind_to_db(kind))
        .bind(title)
        .bind(body)
        .bind(read.then_some(created))
        .bind(created)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    seed_kitty(db, &user.id).await?;
    seed_merchant(db, &user.id).await?;
    tracing::info!(mobile = DEMO_MOBILE, "seeded the demo account");
    Ok(login)
}

/// A shared kitty with a friend: deposits (one unassigned, for trying the assign action) and two
/// card payments split evenly.
async fn seed_kitty(db: &Db, user_id: &str) -> AppResult<()> {
    let has: Option<(String,)> =
        sqlx::query_as("SELECT id FROM ktties WHERE owner_id = ? AND is_personal = 0")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    if has.is_some() {
        return Ok(());
    }
    let friend = match sqlx::query_as::<_, (String,)>("SELECT id FROM users WHERE mobile = ?")
        .bind(FRIEND_MOBILE)
        .fetch_optional(db)
        .await?
    {
        Some((id,)) => id,
        None => {
            accounts::create(
                db,
                &RegisterRequest {
                    name: "Reza Karimi".into(),
                    mobile: FRIEND_MOBILE.into(),
                    email: Some("reza@kitty.test".into()),
                    password: DEMO_PASSWORD.into(),
                },
            )
            .await?
            .id
        }
    };
    let mut tx = db.begin().await?;
    let id = ledger::create(
        &mut tx,
        user_id,
        "Weekend in Kish",
        Some("Ferry, hotel and dinners"),
        Currency::AUD,
        Some(50_000),
        false,
    )
    .await?;
    ledger::add_member(&mut tx, &id, &friend, Role::Member).await?;
    ledger::record(
        &mut tx,
        &id,
        TxKind::Deposit,
        15_000,
        "Sara Demo",
        Some(user_id),
    )
    .await?;
    ledger::record(
        &mut tx,
        &id,
        TxKind::Deposit,
        10_000,
        "Reza Karimi",
        Some(&friend),
    )
    .await?;
    ledger::record(
        &mut tx,
        &id,
        TxKind::Deposit,
        5_000,
        "R KARIMI SAVINGS",
        None,
    )
    .await?;
    ledger::record(&mut tx, &id, TxKind::Expense, 6_000, "Kish Ferry", None).await?;
    ledger::record(&mut tx, &id, TxKind::Expense, 8_420, "Sunset Grill", None).await?;
    tx.commit().await?;
    Ok(())
}

/// A shop and a card, so a payment link can be made straight away.
async fn seed_merchant(db: &Db, user_id: &str) -> AppResult<()> {
    let has: Option<(String,)> = sqlx::query_as("SELECT id FROM shops WHERE user_id = ?")
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    if has.is_some() {
        return Ok(());
    }
    let card = (0..10)
        .map(|d| format!("603799123456789{d}"))
        .find(|n| kitty_api::merchant::luhn_ok(n))
        .expect("one check digit fits");
    let t = now();
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO shops (id, user_id, name, website, api_key_hash, api_key_prefix, created_at) VALUES (?, ?, 'Demo Shop', 'https://shop.example', ?, 'kp_regener', ?)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_id)
        // Nobody knows this key: "Regenerate key" on the shop's page makes a usable one.
        .bind(crate::session::hash_token(&crate::session::random_token()))
        .bind(t)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO cards (id, user_id, card_number, owner_name, bank_name, created_at) VALUES (?, ?, ?, 'Sara Demo', 'Bank Melli Iran', ?)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_id)
        .bind(card)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
