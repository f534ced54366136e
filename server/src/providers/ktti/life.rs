//! Kitty life around the money: the card's details and the physical card's delivery address, the
//! Shaype bank account, one transaction's split alone, and the group chat. Members only; anyone
//! else gets 404, as everywhere in a kitty.

use super::ledger::{self, conflict};
use crate::clock::rfc3339;
use crate::db::now;
use crate::error::{ApiJson, ApiQuery, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{BankAccount, KittyStatus};
use kitty_api::life::{
    check_address, CardDetails, CardOrder, CardOrderStatus, ChatMessage, ChatPage, ChatRead,
    PostalAddress, SendChatRequest, SplitDetails, MAX_CHAT,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(card_details))
        .routes(routes!(card_address))
        .routes(routes!(bank_account))
        .routes(routes!(split_details))
        .routes(routes!(chat_page, send_chat))
        .routes(routes!(chat_read))
}

/// The card as the kitty's row has it, and its physical order.
async fn card_of(conn: &mut crate::db::Conn, ktti_id: &str) -> AppResult<CardDetails> {
    let (card_id, last4, name, status, created): (String, String, String, String, i64) =
        sqlx::query_as(
            "SELECT card_id, card_last4, name, status, created_at FROM ktties WHERE id = $1",
        )
        .bind(ktti_id)
        .fetch_one(&mut *conn)
        .await?;
    let status = crate::db::stored(KittyStatus::parse, &status, "kitty status")?;
    // Cards are issued for four years from the kitty's creation.
    let issued = crate::clock::iso_date(crate::clock::day_of(created));
    let (year, month) = (&issued[2..4], &issued[5..7]);
    let expiry_year: i64 = year.parse::<i64>().unwrap_or(0) + 4;
    type OrderRow = (String, Option<String>, String, String, String, String, i64);
    let order: Option<OrderRow> = sqlx::query_as(
        "SELECT line1, line2, suburb, state, postcode, status, ordered_at FROM ktti_card_orders WHERE ktti_id = $1",
    )
    .bind(ktti_id)
    .fetch_optional(&mut *conn)
    .await?;
    let physical = order
        .map(|(line1, line2, suburb, state, postcode, status, at)| {
            Ok::<_, AppError>(CardOrder {
                address: PostalAddress {
                    line1,
                    line2,
                    suburb,
                    state,
                    postcode,
                },
                status: crate::db::stored(CardOrderStatus::parse, &status, "card order status")?,
                ordered_at: rfc3339(at),
            })
        })
        .transpose()?;
    Ok(CardDetails {
        id: card_id,
        masked_number: format!("•••• {last4}"),
        expiry: format!("{month}/{:02}", expiry_year % 100),
        name_on_card: name.to_uppercase().chars().take(26).collect(),
        status: status.into(),
        physical,
    })
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/card", tag = "KttiPay", summary = "Get card details for a specific Ktti.",
    description = "The masked number, the expiry, the name on the card and its status (frozen while the kitty closes, closed with it), and the physical card's order when there is one.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = CardDetails), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn card_details(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<CardDetails>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(card_of(&mut conn, &id).await?))
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/card/address", tag = "KttiPay", summary = "change card address while ordering physical card.",
    description = "Orders the kitty's physical card to an Australian address, or changes the address of the order. Admins only, while the kitty is active.",
    params(("kttiId" = String, Path)),
    request_body = PostalAddress,
    responses((status = 200, body = CardDetails), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn card_address(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<PostalAddress>,
) -> AppResult<Json<CardDetails>> {
    let address = check_address(&req).map_err(AppError::Validation)?;
    let (mut tx, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    if access.status != KittyStatus::Active {
        return Err(conflict(
            "The card is frozen while the kitty closes: no physical card can be ordered.",
        ));
    }
    sqlx::query("DELETE FROM ktti_card_orders WHERE ktti_id = $1")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO ktti_card_orders (ktti_id, line1, line2, suburb, state, postcode, status, ordered_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'ordered', $7)",
    )
    .bind(&id)
    .bind(&address.line1)
    .bind(&address.line2)
    .bind(&address.suburb)
    .bind(&address.state)
    .bind(&address.postcode)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let card = card_of(&mut tx, &id).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(card))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/bank-account", tag = "KttiPay", summary = "Get Shaype account details for a specific Ktti.",
    description = "The kitty's own account for deposits: account name, BSB and account number.",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = BankAccount), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn bank_account(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<BankAccount>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    let (account_name, bsb, account_number): (String, String, String) =
        sqlx::query_as("SELECT account_name, bsb, account_number FROM ktties WHERE id = $1")
            .bind(&id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Json(BankAccount {
        account_name,
        bsb,
        account_number,
    }))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/split-details", tag = "KttiPay",
    summary = "Retrieve split details for a transaction.",
    description = "The split alone: the rule and each member's share (for a deposit or payout, its one assignee). The transaction itself is in \"View split details for a transaction (expenses, refunds, and deposits).\"",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 200, body = SplitDetails), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn split_details(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<Json<SplitDetails>> {
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    let view = super::activity::split_view(&mut conn, &id, &tx_id).await?;
    Ok(Json(SplitDetails {
        transaction_id: view.transaction.id,
        rule: view.rule,
        shares: view.shares,
    }))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChatQuery {
    /// Messages before this `seq` (for older pages); the newest without it.
    #[param(minimum = 1)]
    before: Option<i64>,
    /// 1 to 100; default 50.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<i64>,
}

type ChatRow = (String, i64, String, String, String, i64);

fn message((id, seq, author_id, author_name, text, at): ChatRow) -> ChatMessage {
    ChatMessage {
        id,
        seq,
        author_id,
        author_name,
        text,
        created_at: rfc3339(at),
    }
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/chat", tag = "KttiPay", summary = "Read the group chat of a ktti.",
    description = "A page of messages, oldest first: the newest `limit` (default 50), or those before `before`. `unread` counts the messages after the caller's read marker. Members only: someone who left reads nothing more.",
    params(("kttiId" = String, Path), ChatQuery),
    responses((status = 200, body = ChatPage), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn chat_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ChatQuery>,
) -> AppResult<Json<ChatPage>> {
    let limit = q.limit.unwrap_or(50);
    if !(1..=100).contains(&limit) {
        return Err(AppError::field("limit", "Ask for 1 to 100 messages."));
    }
    if q.before.is_some_and(|b| b < 1) {
        return Err(AppError::field("before", "Use the seq of a message."));
    }
    let mut conn = state.db.acquire().await?;
    ledger::access(&mut conn, &id, &user.user_id).await?;
    let mut rows: Vec<ChatRow> = sqlx::query_as(
        "SELECT c.id, c.seq, c.author_id, u.name, c.text, c.created_at FROM ktti_chat c JOIN users u ON u.id = c.author_id
         WHERE c.ktti_id = $1 AND ($2 IS NULL OR c.seq < $2) ORDER BY c.seq DESC LIMIT $3",
    )
    .bind(&id)
    .bind(q.before)
    .bind(limit + 1)
    .fetch_all(&mut *conn)
    .await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    rows.reverse();
    let (unread,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM ktti_chat c WHERE c.ktti_id = $1 AND c.author_id <> $2
           AND c.seq > COALESCE((SELECT r.seq FROM ktti_chat_reads r WHERE r.ktti_id = $1 AND r.user_id = $2), 0)",
    )
    .bind(&id)
    .bind(&user.user_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Json(ChatPage {
        messages: rows.into_iter().map(message).collect(),
        more,
        unread,
    }))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/chat", tag = "KttiPay", summary = "Send a chat to the group ktti.",
    description = "Plain text, 1 to 1,000 characters, shown as text (never as markup). Every member's open kitty page hears it at once. Members only; not in a closed kitty.",
    params(("kttiId" = String, Path)),
    request_body = SendChatRequest,
    responses((status = 201, body = ChatMessage), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn send_chat(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<SendChatRequest>,
) -> AppResult<(StatusCode, Json<ChatMessage>)> {
    let text = req.text.trim();
    if text.is_empty() || req.text.chars().count() > MAX_CHAT {
        return Err(AppError::field(
            "text",
            "Write a message of 1 to 1,000 characters.",
        ));
    }
    let (mut tx, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    if access.status == KittyStatus::Closed {
        return Err(conflict("This kitty is closed; its chat is read-only."));
    }
    let msg_id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO ktti_chat (id, ktti_id, seq, author_id, text, created_at)
         VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ktti_chat WHERE ktti_id = $2), $3, $4, $5)",
    )
    .bind(&msg_id)
    .bind(&id)
    .bind(&user.user_id)
    .bind(text)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let row: ChatRow = sqlx::query_as(
        "SELECT c.id, c.seq, c.author_id, u.name, c.text, c.created_at FROM ktti_chat c JOIN users u ON u.id = c.author_id WHERE c.id = $1",
    )
    .bind(&msg_id)
    .fetch_one(&mut *tx)
    .await?;
    // The author has read their own message.
    mark_read(&mut tx, &id, &user.user_id, row.1).await?;
    tx.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok((StatusCode::CREATED, Json(message(row))))
}

async fn mark_read(
    conn: &mut crate::db::Conn,
    ktti_id: &str,
    user_id: &str,
    seq: i64,
) -> AppResult<()> {
    let current: Option<(i64,)> =
        sqlx::query_as("SELECT seq FROM ktti_chat_reads WHERE ktti_id = $1 AND user_id = $2")
            .bind(ktti_id)
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?;
    match current {
        Some((s,)) if s >= seq => {}
        Some(_) => {
            sqlx::query("UPDATE ktti_chat_reads SET seq = $1 WHERE ktti_id = $2 AND user_id = $3")
                .bind(seq)
                .bind(ktti_id)
                .bind(user_id)
                .execute(&mut *conn)
                .await?;
        }
        None => {
            sqlx::query("INSERT INTO ktti_chat_reads (ktti_id, user_id, seq) VALUES ($1, $2, $3)")
                .bind(ktti_id)
                .bind(user_id)
                .bind(seq)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

#[utoipa::path(
    put, path = "/api/v3/ktties/{kttiId}/chat/read", tag = "KttiPay", summary = "Mark the group chat read up to a message.",
    description = "Moves the caller's read marker forward to `seq` (never back).",
    params(("kttiId" = String, Path)),
    request_body = ChatRead,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn chat_read(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ChatRead>,
) -> AppResult<StatusCode> {
    if req.seq < 0 {
        return Err(AppError::field("seq", "Use the seq of a message."));
    }
    let (mut tx, _) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    mark_read(&mut tx, &id, &user.user_id, req.seq).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
