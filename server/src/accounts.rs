//! Users: creation with argon2 password hashes, look-up by mobile or email, and password checks.

use crate::clock::rfc3339;
use crate::db::{is_unique_violation, now, Db};
use crate::error::{AppError, AppResult};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use kitty_api::auth::{RegisterRequest, User};
use rand::Rng;
use std::sync::OnceLock;

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    name: String,
    mobile: Option<String>,
    email: Option<String>,
    merchant_id: String,
    created_at: i64,
    is_platform_admin: crate::db::Flag,
    language: String,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            name: r.name,
            mobile: r.mobile,
            email: r.email,
            merchant_id: r.merchant_id,
            created_at: rfc3339(r.created_at),
            is_platform_admin: r.is_platform_admin.0,
            // A word this version does not know reads as English rather than failing sign-in.
            language: kitty_api::account::Language::parse(&r.language).unwrap_or_default(),
        }
    }
}

/// Hashing takes tens of milliseconds on purpose; keep it off the async workers.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(AppError::internal)
    })
    .await
    .map_err(AppError::internal)?
}

pub async fn verify_password(password: String, hash: String) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&hash).map_err(AppError::internal)?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(AppError::internal)?
}

/// A hash to verify against when the username is unknown, so that "no such user" takes as long
/// as "wrong password" and does not reveal which accounts exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"decoy password", &salt)
            .expect("argon2 with default params")
            .to_string()
    })
}

fn new_merchant_id() -> String {
    let n: u64 = rand::thread_rng().gen_range(0..10_000_000_000);
    format!("KP{n:010}")
}

/// Creates the account from an already validated request. 409 with a field error when the mobile
/// or email is taken; nothing is written then.
pub async fn create(db: &Db, req: &RegisterRequest) -> AppResult<User> {
    let hash = hash_password(req.password.clone()).await?;
    let mut conn = db.acquire().await?;
    let account = NewAccount {
        name: &req.name,
        mobile: Some(&req.mobile),
        email: req.email.as_deref(),
        password_hash: Some(&hash),
    };
    let id = insert(&mut conn, &account).await?;
    drop(conn);
    by_id(db, &id).await
}

/// A new account's fields, already validated. An account registered with an email only, or
/// made by a social sign-in, has no mobile; the latter has no password until one is set.
pub struct NewAccount<'a> {
    pub name: &'a str,
    pub mobile: Option<&'a str>,
    pub email: Option<&'a str>,
    pub password_hash: Option<&'a str>,
}

/// Inserts the account and returns its id. 409 with a field error when the mobile or email is
/// taken; nothing is written then.
pub async fn insert(conn: &mut crate::db::Conn, account: &NewAccount<'_>) -> AppResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let result = sqlx::query(
        "INSERT INTO users (id, name, mobile, email, password_hash, merchant_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(account.name)
    .bind(account.mobile)
    .bind(account.email)
    .bind(account.password_hash)
    .bind(new_merchant_id())
    .bind(now())
    .execute(&mut *conn)
    .await;
    match result {
        Ok(_) => Ok(id),
        Err(e) if is_unique_violation(&e, "users.mobile") => Err(AppError::conflict_on(
            "mobile",
            "An account with this mobile number already exists. Sign in instead.",
        )),
        Err(e) if is_unique_violation(&e, "users.email") => Err(AppError::conflict_on(
            "email",
            "An account with this email already exists. Sign in instead.",
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn by_id(db: &Db, id: &str) -> AppResult<User> {
    sqlx::query_as::<_, UserRow>(
        "SELECT id, name, mobile, email, merchant_id, created_at, is_platform_admin, language FROM users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?
    .map(User::from)
    .ok_or_else(AppError::unauthorized)
}

/// The user whose mobile or email is `username` and whose password matches, or `None`.
/// A username as accounts store it: an email lower-cased, a mobile number in its one local
/// spelling (`+98 912 …`, `0098…` and `0912-…` are all `0912…`).
pub fn normalise_username(username: &str) -> String {
    let username = username.trim();
    if kitty_api::validate::is_email_username(username) {
        username.to_lowercase()
    } else {
        kitty_api::validate::mobile(username).unwrap_or_else(|_| username.to_lowercase())
    }
}

/// What the sign-in limit counts failures against: the account, whichever of its spellings or
/// identifiers (mobile or email) is typed; or the normalised name when there is no such account.
pub async fn login_key(db: &Db, username: &str) -> AppResult<String> {
    let key = normalise_username(username);
    let id: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE mobile = $1 OR email = $2")
            .bind(&key)
            .bind(&key)
            .fetch_optional(db)
            .await?;
    Ok(match id {
        Some((id,)) => format!("login-account:{id}"),
        None => format!("login-name:{key}"),
    })
}

pub async fn authenticate(db: &Db, username: &str, password: &str) -> AppResult<Option<User>> {
    let key = normalise_username(username);
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE mobile = $1 OR email = $2")
            .bind(&key)
            .bind(&key)
            .fetch_optional(db)
            .await?;
    // An account made by a social sign-in has no password until one is set: it is checked
    // against the decoy like an unknown name, and fails.
    let (id, hash) = match row {
        Some((id, Some(hash))) => (Some(id), hash),
        _ => (None, decoy_hash().to_string()),
    };
    let ok = verify_password(password.to_string(), hash).await?;
    match (ok, id) {
        (true, Some(id)) => Ok(Some(by_id(db, &id).await?)),
        _ => Ok(None),
    }
}
