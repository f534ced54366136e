//! What every kitty endpoint shares: who may see and change a kitty, its balances, its default
//! split, and recording money movements with their splits.
//!
//! Balances are never stored: they are sums over the transactions, so they cannot drift.
//! available = deposits + refunds − expenses − payouts;
//! a member's balance = their deposits − their payouts − their shares of expenses and refunds.
//! Former members stay in the totals while their balance is not zero.
//! The members' balances plus the unassigned deposits equal the available balance exactly.

use super::inbox::{notify, Note};
use crate::clock::rfc3339;
use crate::db::Conn;
use crate::db::{now, stored};
use crate::error::{AppError, AppResult};
use crate::session::random_token;
use kitty_api::kitty::{
    BankAccount, CardStatus, Kitty, KittyCard, KittyStatus, KittyTransaction, Member, MemberStatus,
    MemberTotals, Proportion, Role, SplitMode, SplitRule, TxKind,
};
use kitty_api::ledger::{self as rules, Refusal};
use kitty_api::notifications::NotificationKind;
use kitty_api::Currency;
use rand::Rng;

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

    /// 409 once closure has started: splits and assignees are frozen.
    pub fn require_open(&self, what: &str) -> AppResult<()> {
        match self.status {
            KittyStatus::Active => Ok(()),
            KittyStatus::Closing => Err(conflict(format!(
                "The kitty is closing, so {what} can no longer change. Cancel the closure on the Settings tab to change it."
            ))),
            KittyStatus::Closed => Err(conflict(format!(
                "The kitty is closed, so {what} can no longer change."
            ))),
        }
    }
}

pub fn conflict(message: impl Into<String>) -> AppError {
    AppError::Conflict {
        message: message.into(),
        fields: Default::default(),
    }
}

pub fn currency_of(code: &str) -> AppResult<Currency> {
    Currency::from_code(code)
        .ok_or_else(|| AppError::internal(format!("unknown currency {code:?} in the database")))
}

/// The caller's access to a kitty. Anyone who is not an active member gets the same 404 as for a
/// kitty that does not exist.
pub async fn access(conn: &mut Conn, ktti_id: &str, user_id: &str) -> AppResult<Access> {
    let row: Option<(String, String, crate::db::Flag)> = sqlx::query_as(
        "SELECT m.role, k.status, k.is_personal FROM ktti_members m JOIN ktties k ON k.id = m.ktti_id
         WHERE m.ktti_id = $1 AND m.user_id = $2 AND m.status = 'active'",
    )
    .bind(ktti_id)
    .bind(user_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (role, status, is_personal) = row.ok_or_else(|| AppError::not_found("The kitty"))?;
    Ok(Access {
        ktti_id: ktti_id.into(),
        user_id: user_id.into(),
        role: stored(Role::parse, &role, "role")?,
        status: stored(KittyStatus::parse, &status, "kitty status")?,
        is_personal: is_personal.0,
    })
}

/// A database transaction on the kitties' tables.
pub type Tx = crate::db::Tx;

/// Starts a change to a kitty: a write transaction holding the kitty's lock (so nobody else
/// changes its ledger, members or settings until this one ends), after checking the caller is
/// an active member (404 for anyone else).
pub async fn member_change(
    db: &crate::db::Db,
    ktti_id: &str,
    user_id: &str,
) -> AppResult<(Tx, Access)> {
    let mut tx = crate::db::write(db).await?;
    tx.lock(crate::db::Lock::Kitty(ktti_id)).await?;
    let access = access(&mut tx, ktti_id, user_id).await?;
    Ok((tx, access))
}

/// [`member_change`] for a change only the kitty's admins may make (403 for other members).
pub async fn admin_change(
    db: &crate::db::Db,
    ktti_id: &str,
    user_id: &str,
) -> AppResult<(Tx, Access)> {
    let (tx, access) = member_change(db, ktti_id, user_id).await?;
    access.require_admin()?;
    Ok((tx, access))
}

/// The kitty's currency.
pub async fn currency(conn: &mut Conn, ktti_id: &str) -> AppResult<Currency> {
    let (code,): (String,) = sqlx::query_as("SELECT currency FROM ktties WHERE id = $1")
        .bind(ktti_id)
        .fetch_one(conn)
        .await?;
    currency_of(&code)
}

/// What the kitty holds: the sum of every movement's [`TxKind::signed`] effect.
pub async fn available(conn: &mut Conn, ktti_id: &str) -> AppResult<i64> {
    let (v,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(CASE WHEN kind IN ('deposit', 'refund') THEN amount ELSE -amount END), 0) AS BIGINT)
         FROM ktti_transactions WHERE ktti_id = $1",
    )
    .bind(ktti_id)
    .fetch_one(conn)
    .await?;
    Ok(v)
}

/// 409 when taking in `amount` more would pass the kitty's lifetime cap on money in, which keeps
/// every sum over the kitty inside an `i64`.
pub async fn check_inflow(conn: &mut Conn, ktti_id: &str, amount: i64) -> AppResult<()> {
    let (inflow,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ktti_transactions WHERE ktti_id = $1 AND kind IN ('deposit', 'refund')",
    )
    .bind(ktti_id)
    .fetch_one(conn)
    .await?;
    if inflow
        .checked_add(amount)
        .is_none_or(|t| t > rules::MAX_INFLOW)
    {
        return Err(conflict(
            "This kitty has taken in as much as one kitty can. The bank returns the money; start a new kitty.",
        ));
    }
    Ok(())
}

/// Every member's totals (active ones, and former ones whose money is still in), plus the
/// unassigned deposits and the available balance. All are sums over the movements.
pub async fn totals(conn: &mut Conn, ktti_id: &str) -> AppResult<MemberTotals> {
    #[derive(sqlx::FromRow)]
    struct Row {
        user_id: String,
        name: String,
        role: String,
        status: String,
        admin_requested: crate::db::Flag,
        deposited: i64,
        paid_out: i64,
        shares: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT m.user_id, u.name, m.role, m.status, m.admin_requested,
            CAST(COALESCE((SELECT SUM(t.amount) FROM ktti_transactions t
                      WHERE t.ktti_id = m.ktti_id AND t.assignee_id = m.user_id AND t.kind = 'deposit'), 0) AS BIGINT) AS deposited,
            CAST(COALESCE((SELECT SUM(t.amount) FROM ktti_transactions t
                      WHERE t.ktti_id = m.ktti_id AND t.assignee_id = m.user_id AND t.kind = 'payout'), 0) AS BIGINT) AS paid_out,
            CAST(COALESCE((SELECT SUM(s.share) FROM ktti_splits s JOIN ktti_transactions t ON t.id = s.transaction_id
                      WHERE t.ktti_id = m.ktti_id AND s.user_id = m.user_id), 0) AS BIGINT) AS shares
         FROM ktti_members m JOIN users u ON u.id = m.user_id
         WHERE m.ktti_id = $1 ORDER BY m.role = 'admin' DESC, m.seq",
    )
    .bind(ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    let (unassigned,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ktti_transactions WHERE ktti_id = $1 AND kind = 'deposit' AND assignee_id IS NULL",
    )
    .bind(ktti_id)
    .fetch_one(&mut *conn)
    .await?;
    let mut members = Vec::with_capacity(rows.len());
    for r in rows {
        // The inflow cap keeps these inside an i64; i128 makes sure of it.
        let balance = i128::from(r.deposited) - i128::from(r.paid_out) + i128::from(r.shares);
        let balance = i64::try_from(balance).map_err(AppError::internal)?;
        let member = Member {
            balance,
            paid_out: r.paid_out,
            user_id: r.user_id,
            name: r.name,
            role: stored(Role::parse, &r.role, "role")?,
            admin_requested: r.admin_requested.0,
            active: stored(MemberStatus::parse, &r.status, "member status")?
                == MemberStatus::Active,
            deposited: r.deposited,
            spent: r
                .shares
                .checked_neg()
                .ok_or_else(|| AppError::internal("spent"))?,
        };
        if member.active || member.balance != 0 {
            members.push(member);
        }
    }
    Ok(MemberTotals {
        members,
        unassigned,
        available_balance: available(conn, ktti_id).await?,
    })
}

/// The balance of one member (0 for someone who never took part).
pub async fn balance_of(conn: &mut Conn, ktti_id: &str, user_id: &str) -> AppResult<i64> {
    Ok(totals(conn, ktti_id)
        .await?
        .members
        .iter()
        .find(|m| m.user_id == user_id)
        .map_or(0, |m| m.balance))
}

/// 409 when a former member would owe the kitty: they cannot be asked to settle any more.
pub async fn check_former_members(conn: &mut Conn, ktti_id: &str) -> AppResult<()> {
    let totals = totals(conn, ktti_id).await?;
    if let Some(m) = totals.members.iter().find(|m| !m.active && m.balance < 0) {
        return Err(conflict(format!(
            "{} has left the kitty; this change would leave them owing it. Keep their part as it was.",
            m.name
        )));
    }
    Ok(())
}

/// The active members in joining order, with their place in the default rule.
async fn rule_values(
    conn: &mut Conn,
    ktti_id: &str,
) -> AppResult<(SplitMode, Vec<(String, Option<i64>)>)> {
    let (mode,): (String,) = sqlx::query_as("SELECT split_mode FROM ktties WHERE id = $1")
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, split_value FROM ktti_members WHERE ktti_id = $1 AND status = 'active' ORDER BY seq",
    )
    .bind(ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((stored(SplitMode::parse, &mode, "split mode")?, rows))
}

/// The kitty's default split: its mode and the active members who take part.
pub async fn default_rule(conn: &mut Conn, ktti_id: &str) -> AppResult<SplitRule> {
    let (mode, rows) = rule_values(conn, ktti_id).await?;
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
        // Nobody chosen: even among all members.
        return Ok(SplitRule::even(rows.into_iter().map(|r| r.0)));
    }
    Ok(SplitRule {
        mode,
        proportions: taking_part,
    })
}

/// Checks a split rule (against `exact_total` for one transaction's split), and that everyone in
/// it is a current member of the kitty: 422 on `proportions` otherwise.
pub async fn check_rule(
    conn: &mut Conn,
    ktti_id: &str,
    rule: &SplitRule,
    exact_total: Option<kitty_api::Money>,
) -> AppResult<()> {
    rule.check(exact_total)
        .map_err(|m| AppError::field("proportions", m))?;
    for p in &rule.proportions {
        access(conn, ktti_id, &p.user_id).await.map_err(|_| {
            AppError::field(
                "proportions",
                "Only the kitty's current members can take part in a split.",
            )
        })?;
    }
    Ok(())
}

/// Sets each active member's place in the default rule.
async fn set_rule_values(
    conn: &mut Conn,
    ktti_id: &str,
    values: &[(String, Option<i64>)],
) -> AppResult<()> {
    for (user_id, value) in values {
        sqlx::query("UPDATE ktti_members SET split_value = $1 WHERE ktti_id = $2 AND user_id = $3")
            .bind(value)
            .bind(ktti_id)
            .bind(user_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Tells the kitty's admins that `event` rebuilt the default rule, and how it stands now.
async fn tell_admins_rule(
    conn: &mut Conn,
    ktti_id: &str,
    event: crate::words::RuleEvent<'_>,
) -> AppResult<()> {
    let rule = default_rule(conn, ktti_id).await?;
    let mut named = Vec::with_capacity(rule.proportions.len());
    for p in &rule.proportions {
        let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE id = $1")
            .bind(&p.user_id)
            .fetch_one(&mut *conn)
            .await?;
        named.push((name, p.value));
    }
    let (kitty,): (String,) = sqlx::query_as("SELECT name FROM ktties WHERE id = $1")
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    let admins: Vec<(String,)> = sqlx::query_as(
        "SELECT user_id FROM ktti_members WHERE ktti_id = $1 AND role = 'admin' AND status = 'active'",
    )
    .bind(ktti_id)
    .fetch_all(&mut *conn)
    .await?;
    for (admin,) in admins {
        notify(
            conn,
            &admin,
            Note {
                kind: NotificationKind::System,
                category: kitty_api::account::NotificationCategory::Splits,
                say: crate::words::Say::SplitChanged {
                    event,
                    kitty: &kitty,
                    mode: rule.mode,
                    named: &named,
                },
                link: Some(format!("/kitties/{ktti_id}/split")),
            },
        )
        .await?;
    }
    Ok(())
}

/// One share of a split: the member, their value in the rule, and the effect on their balance.
pub struct ShareRow {
    pub user_id: String,
    pub value: i64,
    pub share: i64,
}

/// Replaces the shares of a transaction.
async fn put_shares(conn: &mut Conn, tx_id: &str, shares: &[ShareRow]) -> AppResult<()> {
    sqlx::query("DELETE FROM ktti_splits WHERE transaction_id = $1")
        .bind(tx_id)
        .execute(&mut *conn)
        .await?;
    for (position, s) in (0i64..).zip(shares) {
        sqlx::query(
            "INSERT INTO ktti_splits (transaction_id, user_id, value, share, position) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tx_id)
        .bind(&s.user_id)
        .bind(s.value)
        .bind(s.share)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The shares of a transaction in the order they were written.
pub async fn shares_of(conn: &mut Conn, tx_id: &str) -> AppResult<Vec<ShareRow>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT user_id, value, share FROM ktti_splits WHERE transaction_id = $1 ORDER BY position",
    )
    .bind(tx_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(user_id, value, share)| ShareRow {
            user_id,
            value,
            share,
        })
        .collect())
}

/// Splits a transaction by `rule`: `signed` is its [`TxKind::signed`] amount.
pub async fn write_split(
    conn: &mut Conn,
    tx_id: &str,
    signed: i64,
    rule: &SplitRule,
) -> AppResult<()> {
    let shares = rule
        .shares(signed)
        .map_err(|m| AppError::field("proportions", m))?;
    let rows: Vec<ShareRow> = rule
        .proportions
        .iter()
        .zip(shares)
        .map(|(p, (user_id, share))| ShareRow {
            user_id,
            value: if rule.mode == SplitMode::Even {
                1
            } else {
                p.value
            },
            share,
        })
        .collect();
    put_shares(conn, tx_id, &rows).await?;
    sqlx::query("UPDATE ktti_transactions SET split_mode = $1 WHERE id = $2")
        .bind(rule.mode.as_str())
        .bind(tx_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Splits refund `refund_id` of `amount` as a mirror of its expense's split.
async fn mirror(conn: &mut Conn, expense_id: &str, refund_id: &str, amount: i64) -> AppResult<()> {
    let expense = shares_of(conn, expense_id).await?;
    let named: Vec<(String, i64)> = expense
        .iter()
        .map(|s| (s.user_id.clone(), s.share))
        .collect();
    let mirrored = rules::mirror_refund(&named, amount);
    let rows: Vec<ShareRow> = expense
        .iter()
        .zip(mirrored)
        .map(|(e, (user_id, share))| ShareRow {
            user_id,
            value: e.value,
            share,
        })
        .collect();
    put_shares(conn, refund_id, &rows).await?;
    sqlx::query(
        "UPDATE ktti_transactions SET split_mode = (SELECT split_mode FROM ktti_transactions WHERE id = $1) WHERE id = $2",
    )
    .bind(expense_id)
    .bind(refund_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// After an expense's split changed: its refunds follow it.
pub async fn remirror_refunds(conn: &mut Conn, expense_id: &str) -> AppResult<()> {
    let refunds: Vec<(String, i64)> = sqlx::query_as(
        "SELECT id, amount FROM ktti_transactions WHERE refund_of = $1 AND kind = 'refund'",
    )
    .bind(expense_id)
    .fetch_all(&mut *conn)
    .await?;
    for (id, amount) in refunds {
        mirror(conn, expense_id, &id, amount).await?;
    }
    Ok(())
}

/// Records a movement. A card payment is split by the kitty's default rule; a refund mirrors the
/// payment it names (`refund_of`, checked by the caller), or else follows the default rule.
pub async fn record(
    conn: &mut Conn,
    ktti_id: &str,
    kind: TxKind,
    amount: i64,
    description: &str,
    assignee: Option<&str>,
    refund_of: Option<&str>,
) -> AppResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO ktti_transactions (id, ktti_id, kind, amount, description, assignee_id, refund_of, created_at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ktti_transactions))",
    )
    .bind(&id)
    .bind(ktti_id)
    .bind(kind.as_str())
    .bind(amount)
    .bind(description)
    .bind(assignee)
    .bind(refund_of)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    if !kind.is_split() {
        return Ok(id);
    }
    match refund_of {
        Some(expense) => mirror(conn, expense, &id, amount).await?,
        None => {
            let rule = default_rule(conn, ktti_id).await?;
            write_split(conn, &id, kind.signed(amount), &rule).await?;
        }
    }
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
    pub custom_split: crate::db::Flag,
    pub refund_of: Option<String>,
    pub created_at: i64,
}

pub const TX_SELECT: &str = "SELECT t.id, t.ktti_id, k.name AS ktti_name, k.currency, t.kind, t.amount, t.description,
        t.assignee_id, u.name AS assignee_name, t.note, t.category, t.custom_split, t.refund_of, t.created_at
     FROM ktti_transactions t JOIN ktties k ON k.id = t.ktti_id LEFT JOIN users u ON u.id = t.assignee_id";

impl TryFrom<TxRow> for KittyTransaction {
    type Error = AppError;

    fn try_from(r: TxRow) -> AppResult<Self> {
        Ok(KittyTransaction {
            kind: stored(TxKind::parse, &r.kind, "transaction kind")?,
            currency: currency_of(&r.currency)?,
            id: r.id,
            ktti_id: r.ktti_id,
            ktti_name: r.ktti_name,
            amount: r.amount,
            description: r.description,
            assignee_id: r.assignee_id,
            assignee_name: r.assignee_name,
            note: r.note,
            category: r.category,
            custom_split: r.custom_split.0,
            refund_of: r.refund_of,
            created_at: rfc3339(r.created_at),
        })
    }
}

/// Rows to transactions; an unreadable row is a fault in the data.
pub fn into_transactions(rows: Vec<TxRow>) -> AppResult<Vec<KittyTransaction>> {
    rows.into_iter().map(KittyTransaction::try_from).collect()
}

pub async fn transaction(
    conn: &mut Conn,
    ktti_id: &str,
    tx_id: &str,
) -> AppResult<KittyTransaction> {
    let row: Option<TxRow> =
        sqlx::query_as(&format!("{TX_SELECT} WHERE t.id = $1 AND t.ktti_id = $2"))
            .bind(tx_id)
            .bind(ktti_id)
            .fetch_optional(conn)
            .await?;
    row.ok_or_else(|| AppError::not_found("The transaction"))?
        .try_into()
}

/// The kitty as the caller sees it.
pub async fn kitty(conn: &mut Conn, ktti_id: &str, user_id: &str) -> AppResult<Kitty> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        name: String,
        description: Option<String>,
        currency: String,
        goal_amount: Option<i64>,
        is_personal: crate::db::Flag,
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
         FROM ktties k JOIN ktti_members m ON m.ktti_id = k.id AND m.user_id = $1 AND m.status = 'active'
         WHERE k.id = $2",
    )
    .bind(user_id)
    .bind(ktti_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found("The kitty"))?;
    let balance = available(conn, ktti_id).await?;
    let status = stored(KittyStatus::parse, &r.status, "kitty status")?;
    Ok(Kitty {
        id: r.id,
        name: r.name,
        description: r.description,
        currency: currency_of(&r.currency)?,
        goal_amount: r.goal_amount,
        is_personal: r.is_personal.0,
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
            status: CardStatus::from(status),
        },
        my_role: stored(Role::parse, &r.role, "role")?,
        member_count: r.member_count,
        created_at: rfc3339(r.created_at),
    })
}

/// Creates a kitty with its bank account and card; the creator is its first admin.
pub async fn create(
    conn: &mut Conn,
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(name)
    .bind(description)
    .bind(currency.code())
    .bind(goal)
    .bind(owner)
    .bind(i64::from(personal))
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

/// Adds (or brings back) a member. They take part in the default rule at once, which is rebuilt
/// to stay valid ([`rules::values_on_join`]); the admins are told when it is not an even split.
pub async fn add_member(
    conn: &mut Conn,
    ktti_id: &str,
    user_id: &str,
    role: Role,
) -> AppResult<()> {
    super::billing::check_room(conn, ktti_id).await?;
    let (mode, current) = rule_values(conn, ktti_id).await?;
    let values: Vec<Option<i64>> = current.iter().map(|(_, v)| *v).collect();
    let (newcomer, others) = rules::values_on_join(mode, &values);
    let others: Vec<(String, Option<i64>)> =
        current.into_iter().map(|(u, _)| u).zip(others).collect();
    set_rule_values(conn, ktti_id, &others).await?;
    sqlx::query(
        "INSERT INTO ktti_members (ktti_id, user_id, role, split_value, joined_at, seq)
         VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ktti_members))
         ON CONFLICT (ktti_id, user_id) DO UPDATE SET status = 'active', role = excluded.role, admin_requested = 0,
             split_value = excluded.split_value",
    )
    .bind(ktti_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(newcomer)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    if mode != SplitMode::Even && !others.is_empty() {
        let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(&mut *conn)
            .await?;
        tell_admins_rule(conn, ktti_id, crate::words::RuleEvent::Joined(&name)).await?;
    }
    Ok(())
}

/// Takes a member out (they left, or were removed), after checking their balance is exactly
/// zero. The default rule is rebuilt without them ([`rules::values_on_leave`]) and the admins
/// are told when it is not an even split.
pub async fn drop_member(
    conn: &mut Conn,
    ktti_id: &str,
    user_id: &str,
    to: MemberStatus,
    own: bool,
) -> AppResult<()> {
    let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?;
    let balance = balance_of(conn, ktti_id, user_id).await?;
    let currency = currency(conn, ktti_id).await?;
    rules::may_leave(&name, balance, currency, own).map_err(AppError::from)?;
    let (mode, current) = rule_values(conn, ktti_id).await?;
    let at = current
        .iter()
        .position(|(u, _)| u == user_id)
        .ok_or_else(|| AppError::not_found("The member"))?;
    let values: Vec<Option<i64>> = current.iter().map(|(_, v)| *v).collect();
    let rest = rules::values_on_leave(mode, &values, at);
    let others: Vec<(String, Option<i64>)> = current
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, (u, _))| u)
        .zip(rest)
        .collect();
    sqlx::query(
        "UPDATE ktti_members SET status = $1, split_value = NULL WHERE ktti_id = $2 AND user_id = $3",
    )
    .bind(to.as_str())
    .bind(ktti_id)
    .bind(user_id)
    .execute(&mut *conn)
    .await?;
    set_rule_values(conn, ktti_id, &others).await?;
    if mode != SplitMode::Even && !others.is_empty() {
        let event = if own {
            crate::words::RuleEvent::Left(&name)
        } else {
            crate::words::RuleEvent::Removed(&name)
        };
        tell_admins_rule(conn, ktti_id, event).await?;
    }
    Ok(())
}

impl From<Refusal> for AppError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::NotFound(what) => AppError::NotFound(what),
            Refusal::Forbidden => AppError::Forbidden {
                code: kitty_api::error::code::FORBIDDEN,
                message: "Only the kitty's admins can do this.".into(),
            },
            Refusal::Conflict(m) => conflict(m),
            Refusal::Invalid { field, message } => AppError::field(field, message),
        }
    }
}
