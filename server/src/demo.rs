//! The demo account and its sample data, for `scripts/run`. Seeding twice changes nothing.

use crate::accounts;
use crate::db::{now, Db};
use crate::error::AppResult;
use crate::providers::ktti::ledger;
use crate::providers::sandbox;
use kitty_api::auth::RegisterRequest;
use kitty_api::config::DemoLogin;
use kitty_api::kitty::{CardSpend, KittyDeposit, Role};
use kitty_api::Currency;

pub const DEMO_MOBILE: &str = "09120000000";
pub const DEMO_PASSWORD: &str = "demo1234";

/// A second demo person, who shares the demo kitty.
pub const FRIEND_MOBILE: &str = "09120000001";

pub async fn seed(db: &Db) -> AppResult<DemoLogin> {
    let login = DemoLogin {
        username: DEMO_MOBILE.into(),
        password: DEMO_PASSWORD.into(),
    };
    let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM users WHERE mobile = $1")
        .bind(DEMO_MOBILE)
        .fetch_optional(db)
        .await?;
    if let Some((id,)) = exists {
        seed_kitty(db, &id).await?;
        seed_merchant(db, &id).await?;
        crate::providers::kotani::seed_demo(db, &id, DEMO_PASSWORD).await?;
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
    // The demo person is a platform admin, so blocking can be tried.
    sqlx::query("UPDATE users SET is_platform_admin = 1 WHERE id = $1")
        .bind(&user.id)
        .execute(db)
        .await?;
    seed_kitty(db, &user.id).await?;
    seed_merchant(db, &user.id).await?;
    crate::providers::kotani::seed_demo(db, &user.id, DEMO_PASSWORD).await?;
    tracing::info!(mobile = DEMO_MOBILE, "seeded the demo account");
    Ok(login)
}

/// A shared kitty with a friend: deposits (one unassigned, for trying the assign action) and two
/// card payments split evenly.
async fn seed_kitty(db: &Db, user_id: &str) -> AppResult<()> {
    let has: Option<(String,)> =
        sqlx::query_as("SELECT id FROM ktties WHERE owner_id = $1 AND is_personal = 0")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    if has.is_some() {
        return Ok(());
    }
    let friend = match sqlx::query_as::<_, (String,)>("SELECT id FROM users WHERE mobile = $1")
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
    let mut tx = crate::db::write(db).await?;
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
    let kitty = ledger::kitty(&mut tx, &id, user_id).await?;
    tx.commit().await?;
    // Money moves through the same rails as in the sandbox, so the inbox fills the same way.
    let account_number = kitty.account.account_number;
    for (amount, sender) in [
        (15_000, "Sara Demo"),
        (10_000, "Reza Karimi"),
        (5_000, "R KARIMI SAVINGS"),
    ] {
        sandbox::deposit(
            db,
            &KittyDeposit {
                account_number: account_number.clone(),
                amount,
                sender_name: sender.into(),
            },
        )
        .await?;
    }
    for (amount, merchant) in [(6_000, "Kish Ferry"), (8_420, "Sunset Grill")] {
        sandbox::card_payment(
            db,
            &CardSpend {
                card_id: kitty.card.id.clone(),
                merchant_name: merchant.into(),
                amount,
                refund: false,
                refund_of: None,
            },
        )
        .await?;
    }
    Ok(())
}

/// A shop and a card, so a payment link can be made straight away.
async fn seed_merchant(db: &Db, user_id: &str) -> AppResult<()> {
    let has: Option<(String,)> = sqlx::query_as("SELECT id FROM shops WHERE user_id = $1")
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
    let mut tx = crate::db::write(db).await?;
    sqlx::query("INSERT INTO shops (id, user_id, name, website, api_key_hash, api_key_prefix, created_at, webhook_secret) VALUES ($1, $2, 'Demo Shop', 'https://shop.example', $3, 'kp_regener', $4, $5)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_id)
        // Nobody knows this key or this secret: "Regenerate key" and "Rotate webhook signing
        // secret" on the shop's page make usable ones.
        .bind(crate::session::hash_token(&crate::session::random_token()))
        .bind(t)
        .bind(crate::deliveries::new_secret())
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO cards (id, user_id, card_number, owner_name, bank_name, created_at) VALUES ($1, $2, $3, 'Sara Demo', 'Bank Melli Iran', $4)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_id)
        .bind(card)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
