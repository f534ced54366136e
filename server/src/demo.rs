//! The demo account and its sample data, for `scripts/run`. Seeding twice changes nothing.

use crate::accounts;
use crate::db::{now, Db};
use crate::error::AppResult;
use crate::providers::ktti::inbox::kind_to_db;
use kitty_api::auth::RegisterRequest;
use kitty_api::config::DemoLogin;
use kitty_api::notifications::NotificationKind;

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

pub async fn seed(db: &Db) -> AppResult<DemoLogin> {
    let login = DemoLogin {
        username: DEMO_MOBILE.into(),
        password: DEMO_PASSWORD.into(),
    };
    let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM users WHERE mobile = ?")
        .bind(DEMO_MOBILE)
        .fetch_optional(db)
        .await?;
    if exists.is_some() {
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
    tracing::info!(mobile = DEMO_MOBILE, "seeded the demo account");
    Ok(login)
}
