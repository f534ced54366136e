//! Money movements: the transactions of a kitty and of all the caller's kitties, unassigned
//! deposits, each transaction's split and additional info.

use super::ledger::{self, conflict, TxRow, TX_SELECT};
use crate::db::Conn;
use crate::error::{ApiJson, ApiQuery, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use kitty_api::kitty::{
    AssignRequest, KittyStatus, KittyTransaction, KittyTransactionList, ShareLine, SplitMode,
    SplitRule, TransactionInfo, TransactionSplit, TxKind,
};
use kitty_api::ErrorBody;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(kitty_transactions))
        .routes(routes!(all_transactions))
        .routes(routes!(unassigned_deposits))
        .routes(routes!(transaction_detail))
        .routes(routes!(view_split, update_split))
        .routes(routes!(update_assignee))
        .routes(routes!(view_info, update_info))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// From 1 to 1,000,000.
    #[param(minimum = 1, maximum = 1_000_000)]
    page: Option<i64>,
    /// 1 to 100; default 20.
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<i64>,
}

impl Paging {
    /// The page and its size; 422 on a parameter out of its range.
    fn resolve(&self) -> AppResult<(i64, i64)> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(20);
        if !(1..=crate::db::MAX_PAGE).contains(&page) {
            return Err(AppError::field("page", "Pages count from 1 to 1,000,000."));
        }
        if !(1..=100).contains(&per_page) {
            return Err(AppError::field("per_page", "Ask for 1 to 100 per page."));
        }
        Ok((page, per_page))
    }
}

async fn page_of(
    conn: &mut Conn,
    filter: &str,
    bind: &str,
    paging: &Paging,
) -> AppResult<KittyTransactionList> {
    let (page, per_page) = paging.resolve()?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM ktti_transactions t JOIN ktties k ON k.id = t.ktti_id WHERE {filter}"
    ))
    .bind(bind)
    .fetch_one(&mut *conn)
    .await?;
    let rows: Vec<TxRow> = sqlx::query_as(&format!(
        "{TX_SELECT} WHERE {filter} ORDER BY t.created_at DESC, t.seq DESC LIMIT $2 OFFSET $3"
    ))
    .bind(bind)
    .bind(per_page)
    .bind((page - 1) * per_page)
    .fetch_all(&mut *conn)
    .await?;
    Ok(KittyTransactionList {
        transactions: ledger::into_transactions(rows)?,
        total,
        page,
        per_page,
    })
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/transactions", tag = "KttiPay", summary = "Return all transactions in a ktti.",
    description = "Newest first.",
    params(("kttiId" = String, Path), Paging),
    responses((status = 200, body = KittyTransactionList), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn kitty_transactions(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> AppResult<Json<KittyTransactionList>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(
        page_of(&mut conn, "t.ktti_id = $1", &id, &paging).await?,
    ))
}

#[utoipa::path(
    get, path = "/api/v3/transactions", tag = "KttiPay", summary = "Return transactions from all kttis that the user is a member of.",
    params(Paging),
    responses((status = 200, body = KittyTransactionList), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn all_transactions(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(paging): ApiQuery<Paging>,
) -> AppResult<Json<KittyTransactionList>> {
    let mut conn = state.db.acquire().await?;
    let filter =
        "t.ktti_id IN (SELECT ktti_id FROM ktti_members WHERE user_id = $1 AND status = 'active')";
    Ok(Json(
        page_of(&mut conn, filter, &user.user_id, &paging).await?,
    ))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/unassigned-deposits", tag = "KttiPay", summary = "Return a list of unassigned deposits.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = KittyTransactionList), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn unassigned_deposits(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<KittyTransactionList>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    let rows: Vec<TxRow> = sqlx::query_as(&format!(
        "{TX_SELECT} WHERE t.ktti_id = $1 AND t.kind = 'deposit' AND t.assignee_id IS NULL ORDER BY t.created_at DESC"
    ))
    .bind(&id)
    .fetch_all(&mut *conn)
    .await?;
    let total = rows.len() as i64;
    Ok(Json(KittyTransactionList {
        transactions: ledger::into_transactions(rows)?,
        total,
        page: 1,
        per_page: total.max(1),
    }))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}", tag = "KttiPay",
    summary = "View the details of a specific transaction.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 200, body = KittyTransaction), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn transaction_detail(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<Json<KittyTransaction>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(ledger::transaction(&mut conn, &id, &tx_id).await?))
}

pub(super) async fn split_view(
    conn: &mut Conn,
    ktti_id: &str,
    tx_id: &str,
) -> AppResult<TransactionSplit> {
    let transaction = ledger::transaction(conn, ktti_id, tx_id).await?;
    if !transaction.kind.is_split() {
        let shares = match (&transaction.assignee_id, &transaction.assignee_name) {
            (Some(id), Some(name)) => vec![ShareLine {
                user_id: id.clone(),
                name: name.clone(),
                amount: transaction.kind.signed(transaction.amount),
            }],
            _ => vec![],
        };
        return Ok(TransactionSplit {
            transaction,
            rule: None,
            shares,
        });
    }
    let (mode,): (Option<String>,) =
        sqlx::query_as("SELECT split_mode FROM ktti_transactions WHERE id = $1")
            .bind(tx_id)
            .fetch_one(&mut *conn)
            .await?;
    let mode = match mode {
        Some(m) => crate::db::stored(SplitMode::parse, &m, "split mode")?,
        None => SplitMode::Even,
    };
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT s.user_id, u.name, s.value, s.share FROM ktti_splits s JOIN users u ON u.id = s.user_id
         WHERE s.transaction_id = $1 ORDER BY s.position",
    )
    .bind(tx_id)
    .fetch_all(&mut *conn)
    .await?;
    let rule = SplitRule {
        mode,
        proportions: rows
            .iter()
            .map(|r| kitty_api::kitty::Proportion {
                user_id: r.0.clone(),
                value: r.2,
            })
            .collect(),
    };
    let shares = rows
        .into_iter()
        .map(|r| ShareLine {
            user_id: r.0,
            name: r.1,
            amount: r.3,
        })
        .collect();
    Ok(TransactionSplit {
        transaction,
        rule: Some(rule),
        shares,
    })
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/split", tag = "KttiPay",
    summary = "View split details for a transaction (expenses, refunds, and deposits).",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 200, body = TransactionSplit), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn view_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<Json<TransactionSplit>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(split_view(&mut conn, &id, &tx_id).await?))
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/split", tag = "KttiPay",
    summary = "Update split details for a non-deposit transaction (expenses and refunds).",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    request_body = SplitRule,
    responses((status = 200, body = TransactionSplit), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
    ApiJson(rule): ApiJson<SplitRule>,
) -> AppResult<Json<TransactionSplit>> {
    let (tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    let view = resplit(tx, &access, &tx_id, |_| Ok(rule)).await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(view))
}

/// Splits one card payment or refund by a rule of its own, in `tx` (an admin's write, committed
/// here): `rule_for` gets the transaction and gives the rule. Refunds that name their payment
/// follow it; deposits and payouts are not split (409).
pub async fn resplit(
    mut tx: crate::db::Tx,
    access: &ledger::Access,
    tx_id: &str,
    rule_for: impl FnOnce(&kitty_api::kitty::KittyTransaction) -> AppResult<SplitRule>,
) -> AppResult<TransactionSplit> {
    let id = access.ktti_id.as_str();
    let t = ledger::transaction(&mut tx, id, tx_id).await?;
    access.require_open("splits")?;
    if !t.kind.is_split() {
        return Err(conflict(
            "Deposits and payouts are not split: a deposit belongs to its assignee.",
        ));
    }
    if t.refund_of.is_some() {
        return Err(conflict(
            "This refund mirrors the split of the card payment it undoes. Change that payment's split instead.",
        ));
    }
    let rule = rule_for(&t)?;
    let signed = t.kind.signed(t.amount);
    ledger::check_rule(
        &mut tx,
        id,
        &rule,
        Some(kitty_api::Money::new(signed, t.currency)),
    )
    .await?;
    ledger::write_split(&mut tx, tx_id, signed, &rule).await?;
    sqlx::query("UPDATE ktti_transactions SET custom_split = 1 WHERE id = $1")
        .bind(tx_id)
        .execute(&mut *tx)
        .await?;
    if t.kind == TxKind::Expense {
        ledger::remirror_refunds(&mut tx, tx_id).await?;
    }
    ledger::check_former_members(&mut tx, id).await?;
    let view = split_view(&mut tx, id, tx_id).await?;
    tx.commit().await?;
    Ok(view)
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/assignee", tag = "KttiPay",
    summary = "Update assignee for a deposit transaction.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    request_body = AssignRequest,
    responses((status = 200, body = TransactionSplit), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_assignee(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<AssignRequest>,
) -> AppResult<Json<TransactionSplit>> {
    let (mut tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    let t = ledger::transaction(&mut tx, &id, &tx_id).await?;
    // During closure a deposit that matched nobody can still get its first assignee: that is
    // how money that arrives to settle a debt is counted. Changing an assignee is frozen.
    if !(access.status == KittyStatus::Closing && t.assignee_id.is_none()) {
        access.require_open("assignees")?;
    }
    if t.kind != TxKind::Deposit {
        return Err(conflict("Only deposits have an assignee."));
    }
    let is_active = ledger::access(&mut tx, &id, &req.user_id).await.is_ok();
    if !is_active && ledger::balance_of(&mut tx, &id, &req.user_id).await? == 0 {
        return Err(AppError::field(
            "user_id",
            "Choose a member of this kitty (or someone who left with money still in it).",
        ));
    }
    sqlx::query("UPDATE ktti_transactions SET assignee_id = $1 WHERE id = $2")
        .bind(&req.user_id)
        .bind(&tx_id)
        .execute(&mut *tx)
        .await?;
    ledger::check_former_members(&mut tx, &id).await?;
    let view = split_view(&mut tx, &id, &tx_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(view))
}

/// A transaction of one of the caller's kitties, by its id alone.
async fn own_transaction(
    conn: &mut Conn,
    tx_id: &str,
    user_id: &str,
) -> AppResult<(String, ledger::Access)> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT ktti_id FROM ktti_transactions WHERE id = $1")
            .bind(tx_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (ktti_id,) = row.ok_or_else(|| AppError::not_found("The transaction"))?;
    let access = ledger::access(conn, &ktti_id, user_id)
        .await
        .map_err(|_| AppError::not_found("The transaction"))?;
    Ok((ktti_id, access))
}

#[utoipa::path(
    get, path = "/api/v3/transactions/{transactionId}/info", tag = "KttiPay", summary = "View transaction with additional info.",
    params(("transactionId" = String, Path)),
    responses((status = 200, body = KittyTransaction), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn view_info(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(tx_id): Path<String>,
) -> AppResult<Json<KittyTransaction>> {
    let mut conn = state.db.acquire().await?;
    let (ktti_id, _) = own_transaction(&mut conn, &tx_id, &user.user_id).await?;
    Ok(Json(
        ledger::transaction(&mut conn, &ktti_id, &tx_id).await?,
    ))
}

#[utoipa::path(
    patch, path = "/api/v3/transactions/{transactionId}/info", tag = "KttiPay", summary = "Update transaction with additional info.",
    description = "A note and a category; admins only.",
    params(("transactionId" = String, Path)),
    request_body = TransactionInfo,
    responses((status = 200, body = KittyTransaction), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_info(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(tx_id): Path<String>,
    ApiJson(info): ApiJson<TransactionInfo>,
) -> AppResult<Json<KittyTransaction>> {
    let mut tx = crate::db::write(&state.db).await?;
    let (ktti_id, access) = own_transaction(&mut tx, &tx_id, &user.user_id).await?;
    access.require_admin()?;
    let clean = |v: &Option<String>, max: usize, field: &str| -> AppResult<Option<String>> {
        let v = v
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        if v.as_ref().is_some_and(|s| s.chars().count() > max) {
            return Err(AppError::field(
                field,
                format!("Use at most {max} characters."),
            ));
        }
        Ok(v)
    };
    let note = clean(&info.note, 500, "note")?;
    let category = clean(&info.category, 40, "category")?;
    sqlx::query("UPDATE ktti_transactions SET note = CASE WHEN $1 THEN $2 ELSE note END, category = CASE WHEN $3 THEN $4 ELSE category END WHERE id = $5")
        .bind(info.note.is_some())
        .bind(note)
        .bind(info.category.is_some())
        .bind(category)
        .bind(&tx_id)
        .execute(&mut *tx)
        .await?;
    let t = ledger::transaction(&mut tx, &ktti_id, &tx_id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &ktti_id).await;
    Ok(Json(t))
}
