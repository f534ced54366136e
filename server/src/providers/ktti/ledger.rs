//! What every kitty endpoint shares: who may see and change a kitty, its balances, its default
//! split, and recording money movements with their splits.
//!
//! Balances are never stored: they are sums over the transactions, so they cannot drift.
//! available = deposits + refunds − expenses − payouts;
//! a member's balance = their deposits − their payouts − their shares of expenses and refunds.
//! Former members stay in the totals while their balance is not zero.
//! The members' balances plus the unassigned deposits equal the available balance exactly.

use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::session::random_token;
use kitty_api::format::to_rfc3339;
use kitty_api::kitty::{
    BankAccount, Kitty, KittyCard, KittyStatus, KittyTransaction, Member, MemberTotals, Proportion,
    Role, SplitMode, SplitRule, TxKind,
};
use kitty_api::Currency;
use rand::Rng;
use sqlx::SqliteConnection;

/// The caller's standing in a kitty.
#[derive(Debug, Clone)]
pub struct Access {
    pub ktti_id: String,
    pub user_id: String,
    pub role: Role,
    pub status: KittyStatus,
    pub is_personal: bool,
}

impl Access {
    /// 403 for members: admins only.
    pub fn require_admin(&self) -> AppResult<()> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(AppError::Forbidden {
                code: kitty_api::error::code::FORBIDDEN,
                message: "Only the kitty's admins can do this. You can ask for admin access on the Members tab.".into(),
            })
        }
    }
}

pub fn conflict(message: impl Into<String>) -> AppError {
    AppError::Conflict {
        message: message.into(),
        fields: Default::default(),
    }
}

pub fn role_str(r: Role) -> &'static str {
    match r {
        Role::Admin => "admin",
        Role::Member => "member",
    }
}

pub fn role_of(s: &str) -> Role {
    if s == "admin" {
        Role::Admin
    } else {
        Role::Member
    }
}

pub fn status_of(s: &str) -> KittyStatus {
    match s {
        "closing" => KittyStatus::Closing,
        "closed" => KittyStatus::Closed,
        _ => KittyStatus::Active,
    }
}

pub fn kind_str(k: TxKind) -> &'static str {
    match k {
        TxKind::Deposit => "deposit",
        TxKind::Expense => "expense",
        TxKind::Refund => "refund",
        TxKind::Payout => "payout",
    }
}

pub fn kind_of(s: &str) -> TxKind {
    match s {
        "deposit" => TxKind::Deposit,
        "refund" => TxKind::Refund,
        "payout" => TxKind::Payout,
        _ => TxKind::Expense,
    }
}

pub fn mode_str(m: SplitMode) -> &'static str {
    match m {
        SplitMode::Even => "even",
        SplitMode::Shares => "shares",
        SplitMode::Percent => "percent",
        SplitMode::Amount => "amount",
    }
}

pub fn mode_of(s: &str) -> SplitMode {
    match s {
        "shares" => SplitMode::Shares,
        "percent" => SplitMode::Percent,
        "amount" => SplitMode::Amount,
        _ => SplitMode::Even,
    }
}

/// The caller's access to a kitty. Anyone who is not an active member gets the same 404 as for a
/// kitty that does not exist.
pub async fn access(
    conn: &mut SqliteConnection,
    ktti_id: &str,
    user_id: &str,
) -> AppResult<Access> {
    let row: Option<(String, String, bool)> = sqlx::query_as(
        "SELECT m.role, k.status, k.is_personal FROM ktti_members m JOIN ktties k ON k.id = m.ktti_id
         WHERE m.ktti_id = ? AND m.user_id = ? AND m.status = 'active'",
    )
    .bind(ktti_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (role, status, is_personal) = row.ok_or_else(|| AppError::not_found("The kitty"))?;
    Ok(Access {
        ktti_id: ktti_id.into(),
        user_id: user_id.into(),
        role: role_of(&role),
        status: status_of(&status),
        is_personal,
    })
}

/// A database transaction on the kitties' tables.
pub type Tx = sqlx::Transaction<'static, sqlx::Sqlite>;

/// Starts a change only the kitty's admins may make: a transaction holding the kitty's write
/// lock, after checking the caller is an admin (404 for outsiders, 403 for members).
pub async fn admin_change(
    db: &crate::db::Db,
    ktti_id: &str,
    user_id: &str,
) -> AppResult<(Tx, Access)> {
    let mut tx = db.begin().await?;
    lock(&mut tx, ktti_id).await?;
    let access = access(&mut tx, ktti_id, user_id).await?;
    access.require_admin()?;
    Ok((tx, access))
}

/// Takes SQLite's write lock now, so the reads that follow see the state the writes will change.
/// (On PostgreSQL this is `SELECT ... FOR UPDATE`.)
pub async fn lock(conn: &mut SqliteConnection, ktti_id: &str) -> AppResult<()> {
    sqlx::query("UPDATE ktties SET status = status WHERE id = ?")
        .bind(ktti_id)
        .execute(conn)
        .await?;
    Ok(())
}

const AVAILABLE_SQL: &str = "SELECT COALESCE(SUM(CASE kind WHEN 'deposit' THEN amount WHEN 'refund' THEN amount ELSE -amount END), 0)
     FROM ktti_transactions WHERE ktti_id = ?";

pub async fn available(conn: &mut SqliteConnection, ktti_id: &str) -> AppResult<i64> {
    let (v,): (i64,) = sqlx::query_as(AVAILABLE_SQL)
        .bind(ktti_id)
        .fetch_one(conn)
        .await?;
    Ok(v)
}

/// Every member's totals (active ones, and former ones whose money is still in), plus the
/// unassigned deposits and the available balance.
pub async fn totals(conn: &mut SqliteConnection, ktti_id: &str) -> AppResult<MemberTotals> {
    #[derive(sqlx::FromRow)]
    struct Row {
        user_id: String,
        name: String,
        role: String,
        status: String,
        admin_requested: bool,
        deposited: i64,
        paid_out: i64,
        spent: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.user_id, u.name, m.role, m.status, m.admin_requested,
            COALESCE((SELECT SUM(t.amount) FROM ktti_transactions t
                      WHERE t.ktti_id = m.ktti_id AND t.assignee_id = m.user_id AND t.kind = 'deposit'), 0) AS deposited,
            COALESCE((SELECT SUM(t.amount) FROM ktti_transactions t
                      WHERE t.ktti_id = m.ktti_id AND t.assignee_id = m.user_id AND t.kind = 'payout'), 0) AS paid_out,
            COALESCE((SELECT SUM(s.share) FROM ktti_splits s JOIN ktti_transactions t ON t.id = s.transaction_id
                      WHERE t.ktti_id = m.ktti_id AND s.user_id = m.user_id), 0) AS spent
         FROM ktti_members m JOIN users u ON u.id = m.user_id
         WHERE m.ktti_id = ? ORDER BY m.role = 'admin' DESC, m.joined_at, u.name",
    )
    .bind(ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    let (unassigned,): (i64,) = sqlx::query_as(
        "SELECT COALESCE(SUM(amount), 0) FROM ktti_transactions WHERE ktti_id = ? AND kind = 'deposit' AND assignee_id IS NULL",
    )
    .bind(ktti_id)
    .fetch_one(&mut *conn)
    .await?;
    let members = rows
        .into_iter()
        .map(|r| Member {
            balance: r.deposited - r.paid_out - r.spent,
            paid_out: r.paid_out,
            user_id: r.user_id,
            name: r.name,
            role: role_of(&r.role),
            admin_requested: r.admin_requested,
            active: r.status == "active",
            deposited: r.deposited,
            spent: r.spent,
        })
        .filter(|m| m.active || m.balance != 0)
        .collect();
    Ok(MemberTotals {
        members,
        unassigned,
        available_balance: available(conn, ktti_id).await?,
    })
}

/// The kitty's default split: its mode and the active members who take part.
pub async fn default_rule(conn: &mut SqliteConnection, ktti_id: &str) -> AppResult<SplitRule> {
    let (mode,): (String,) = sqlx::query_as("SELECT split_mode FROM ktties WHERE id = ?")
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, split_value FROM ktti_members WHERE ktti_id = ? AND status = 'active' ORDER BY joined_at, user_id",
    )
    .bind(ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    let taking_part: Vec<Proportion> = rows
        .iter()
        .filter_map(|(u, v)| {
            v.map(|value| Proportion {
                user_id: u.clone(),
                value,
            })
        })
        .collect();
    if taking_part.is_empty() {
        // Nobody chosen (everyone left the split): fall back to even among all members.
        return Ok(SplitRule::even(rows.into_iter().map(|r| r.0)));
    }
    Ok(SplitRule {
        mode: mode_of(&mode),
        proportions: taking_part,
    })
}

/// Writes `shares` of a transaction for `rule`, replacing any before.
pub async fn write_split(
    conn: &mut SqliteConnection,
    tx_id: &str,
    signed_total: i64,
    rule: &SplitRule,
) -> AppResult<()> {
    let shares = rule
        .shares(signed_total)
        .map_err(|m| AppError::field("proportions", m))?;
    sqlx::query("DELETE FROM ktti_splits WHERE transaction_id = ?")
        .bind(tx_id)
        .execute(&mut *conn)
        .await?;
    for (p, (user_id, share)) in rule.proportions.iter().zip(shares) {
        sqlx::query(
            "INSERT INTO ktti_splits (transaction_id, user_id, value, share) VALUES (?, ?, ?, ?)",
        )
        .bind(tx_id)
        .bind(user_id)
        .bind(p.value)
        .bind(share)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Records a movement. Expenses and refunds are split by the kitty's default rule.
pub async fn record(
    conn: &mut SqliteConnection,
    ktti_id: &str,
    kind: TxKind,
    amount: i64,
    description: &str,
    assignee: Option<&str>,
) -> AppResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO ktti_transactions (id, ktti_id, kind, amount, description, assignee_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(ktti_id)
    .bind(kind_str(kind))
    .bind(amount)
    .bind(description)
    .bind(assignee)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    let signed = match kind {
        TxKind::Expense => amount,
        TxKind::Refund => -amount,
        _ => return Ok(id),
    };
    let rule = default_rule(conn, ktti_id).await?;
    sqlx::query("UPDATE ktti_transactions SET split_mode = ? WHERE id = ?")
        .bind(mode_str(rule.mode))
        .bind(&id)
        .execute(&mut *conn)
        .await?;
    write_split(conn, &id, signed, &rule).await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
pub struct TxRow {
    pub id: String,
    pub ktti_id: String,
    pub ktti_name: String,
    pub currency: String,
    pub kind: String,
    pub amount: i64,
    pub description: String,
    pub assignee_id: Option<String>,
    pub assignee_name: Option<String>,
    pub note: Option<String>,
    pub category: Option<String>,
    pub custom_split: bool,
    pub created_at: i64,
}

pub const TX_SELECT: &str = "SELECT t.id, t.ktti_id, k.name AS ktti_name, k.currency, t.kind, t.amount, t.description,
        t.assignee_id, u.name AS assignee_name, t.note, t.category, t.custom_split, t.created_at
     FROM ktti_transactions t JOIN ktties k ON k.id = t.ktti_id LEFT JOIN users u ON u.id = t.assignee_id";

impl From<TxRow> for KittyTransaction {
    fn from(r: TxRow) -> Self {
        KittyTransaction {
            id: r.id,
            ktti_id: r.ktti_id,
            ktti_name: r.ktti_name,
            kind: kind_of(&r.kind),
            amount: r.amount,
            currency: Currency::from_code(&r.currency).unwrap_or(Currency::AUD),
            description: r.description,
            assignee_id: r.assignee_id,
            assignee_name: r.assignee_name,
            note: r.note,
            category: r.category,
            custom_split: r.custom_split,
            created_at: to_rfc3339(r.created_at),
        }
    }
}

pub async fn transaction(
    conn: &mut SqliteConnection,
    ktti_id: &str,
    tx_id: &str,
) -> AppResult<KittyTransaction> {
    let row: Option<TxRow> =
        sqlx::query_as(&format!("{TX_SELECT} WHERE t.id = ? AND t.ktti_id = ?"))
            .bind(tx_id)
            .bind(ktti_id)
            .fetch_optional(conn)
            .await?;
    row.map(Into::into)
        .ok_or_else(|| AppError::not_found("The transaction"))
}

/// The kitty as the caller sees it.
pub async fn kitty(conn: &mut SqliteConnection, ktti_id: &str, user_id: &str) -> AppResult<Kitty> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        name: String,
        description: Option<String>,
        currency: String,
        goal_amount: Option<i64>,
        is_personal: bool,
        status: String,
        referral_code: String,
        account_name: String,
        bsb: String,
        account_number: String,
        card_id: String,
        card_last4: String,
        role: String,
        member_count: i64,
        created_at: i64,
    }
    let r: Row = sqlx::query_as(
        "SELECT k.id, k.name, k.description, k.currency, k.goal_amount, k.is_personal, k.status, k.referral_code,
                k.account_name, k.bsb, k.account_number, k.card_id, k.card_last4, m.role,
                (SELECT COUNT(*) FROM ktti_members x WHERE x.ktti_id = k.id AND x.status = 'active') AS member_count,
                k.created_at
         FROM ktties k JOIN ktti_members m ON m.ktti_id = k.id AND m.user_id = ? AND m.status = 'active'
         WHERE k.id = ?",
    )
    .bind(user_id)
    .bind(ktti_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found("The kitty"))?;
    let balance = available(conn, ktti_id).await?;
    let status = status_of(&r.status);
    Ok(Kitty {
        id: r.id,
        name: r.name,
        description: r.description,
        currency: Currency::from_code(&r.currency).unwrap_or(Currency::AUD),
        goal_amount: r.goal_amount,
        is_personal: r.is_personal,
        status,
        available_balance: balance,
        total_balance: balance,
        referral_code: r.referral_code,
        account: BankAccount {
            account_name: r.account_name,
            bsb: r.bsb,
            account_number: r.account_number,
        },
        card: KittyCard {
            id: r.card_id,
            masked_number: format!("•••• {}", r.card_last4),
            status: match status {
                KittyStatus::Active => "active",
                KittyStatus::Closing => "frozen",
                KittyStatus::Closed => "closed",
            }
            .into(),
        },
        my_role: role_of(&r.role),
        member_count: r.member_count,
        created_at: to_rfc3339(r.created_at),
    })
}

/// Creates a kitty with its bank account and card; the creator is its first admin.
pub async fn create(
    conn: &mut SqliteConnection,
    owner: &str,
    name: &str,
    description: Option<&str>,
    currency: Currency,
    goal: Option<i64>,
    personal: bool,
) -> AppResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let (bsb, account, last4) = {
        let mut rng = rand::thread_rng();
        (
            format!("06{}-{:03}", rng.gen_range(2..10), rng.gen_range(0..1000)),
            format!("{:08}", rng.gen_range(10_000_000..100_000_000u32)),
            format!("{:04}", rng.gen_range(0..10_000)),
        )
    };
    let code: String = random_token()
        .replace(['-', '_'], "")
        .chars()
        .take(8)
        .collect::<String>()
        .to_uppercase();
    let t = now();
    sqlx::query(
        "INSERT INTO ktties (id, name, description, currency, goal_amount, owner_id, is_personal, referral_code,
             account_name, bsb, account_number, card_id, card_last4, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(name)
    .bind(description)
    .bind(currency.code())
    .bind(goal)
    .bind(owner)
    .bind(personal)
    .bind(code)
    .bind(format!("Kitty {name}"))
    .bind(bsb)
    .bind(account)
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(last4)
    .bind(t)
    .execute(&mut *conn)
    .await?;
    add_member(conn, &id, owner, Role::Admin).await?;
    Ok(id)
}

/// Adds (or brings back) a member. In an even or shares split they take part at once.
pub async fn add_member(
    conn: &mut SqliteConnection,
    ktti_id: &str,
    user_id: &str,
    role: Role,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO ktti_members (ktti_id, user_id, role, split_value, joined_at)
         VALUES (?1, ?2, ?3, (SELECT CASE WHEN split_mode IN ('even', 'shares') THEN 1 END FROM ktties WHERE id = ?1), ?4)
         ON CONFLICT (ktti_id, user_id) DO UPDATE SET status = 'active', role = excluded.role, admin_requested = 0,
             split_value = excluded.split_value",
    )
    .bind(ktti_id)
    .bind(user_id)
    .bind(role_str(role))
    .bind(now())
    .execute(conn)
    .await?;
    Ok(())
}
