//! Receipts of card payments: the photo (uploaded as `receipt`), its line items with who had
//! each, the tax and the tip, and the itemised split: the payment shared by what each member had,
//! exact to the unit ([`kitty_api::media::itemised`]). Members read and edit receipts; only admins
//! apply the items' split, as with any split. Anyone else gets 404.

use super::activity::resplit;
use super::ledger::{self, conflict, Access};
use crate::clock::rfc3339;
use crate::db::{now, Conn};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::{Role, TransactionSplit, TxKind};
use kitty_api::media::{
    check_line, itemised, itemised_rule, ImageType, ItemisedShare, LineItem, LineItemInput,
    Receipt, UpdateLineItemRequest, UploadReceiptRequest, MAX_LINE_ITEMS, ROUNDING_ALLOWANCE,
};
use kitty_api::{ErrorBody, FieldErrors, Money};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(
            get_receipt,
            upload_receipt,
            delete_receipt,
            update_receipt
        ))
        .routes(routes!(add_line_item))
        .routes(routes!(update_line_item, remove_line_item))
        .routes(routes!(split_by_items))
}

/// A receipt's tax and tip; what is given changes.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct ReceiptExtras {
    #[serde(
        default,
        deserialize_with = "kitty_api::money::whole_units::option::deserialize"
    )]
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    tax: Option<i64>,
    #[serde(
        default,
        deserialize_with = "kitty_api::money::whole_units::option::deserialize"
    )]
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64)]
    tip: Option<i64>,
}

fn check_extra(field: &str, value: i64, errors: &mut FieldErrors) {
    if !(0..=kitty_api::ledger::MAX_AMOUNT).contains(&value) {
        errors.insert(field.into(), "Enter an amount from 0 up.".into());
    }
}

/// The active members of the kitty, to check assignees against.
async fn members(conn: &mut Conn, ktti_id: &str) -> AppResult<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT user_id FROM ktti_members WHERE ktti_id = $1 AND status = 'active'")
            .bind(ktti_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|(u,)| u).collect())
}

/// Checks assignees: members of the kitty, each once.
fn check_assignees(
    assignees: &[String],
    members: &[String],
    field: String,
    errors: &mut FieldErrors,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in assignees {
        if !members.contains(a) {
            errors.insert(field.clone(), "Choose members of this kitty.".into());
        } else if !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

/// The card payment `tx_id` of the kitty, for a receipt: 409 for anything else.
async fn card_payment(
    conn: &mut Conn,
    access: &Access,
    tx_id: &str,
) -> AppResult<(i64, kitty_api::Currency)> {
    let t = ledger::transaction(conn, &access.ktti_id, tx_id).await?;
    if t.kind != TxKind::Expense {
        return Err(conflict(
            "Receipts belong to card payments; this transaction is not one.",
        ));
    }
    Ok((t.amount, t.currency))
}

type ReceiptRow = (String, i64, i64, String, i64);
type ItemRow = (String, String, i64, i64, i64, String);

/// The receipt of `tx_id` as the contract shows it; 404 when it has none.
async fn receipt_of(conn: &mut Conn, access: &Access, tx_id: &str) -> AppResult<Receipt> {
    let (amount, currency) = card_payment(conn, access, tx_id).await?;
    let row: Option<ReceiptRow> = sqlx::query_as(
        "SELECT image_id, tax, tip, uploaded_by, created_at FROM ktti_receipts WHERE transaction_id = $1",
    )
    .bind(tx_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (image_id, tax, tip, uploaded_by, created) =
        row.ok_or_else(|| AppError::not_found("The receipt"))?;
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT id, description, quantity, unit_price, total, assignees FROM ktti_receipt_items
         WHERE transaction_id = $1 ORDER BY position",
    )
    .bind(tx_id)
    .fetch_all(&mut *conn)
    .await?;
    let line_items = items
        .into_iter()
        .map(
            |(id, description, quantity, unit_price, total, assignees)| {
                Ok(LineItem {
                    id,
                    description,
                    quantity,
                    unit_price,
                    total,
                    assignees: serde_json::from_str(&assignees).map_err(AppError::internal)?,
                })
            },
        )
        .collect::<AppResult<Vec<_>>>()?;
    let image = crate::images::by_id(conn, &image_id).await?;
    // Sums of values each within 10^13, a hundred of them at most: no overflow.
    let items_total: i64 = line_items.iter().map(|i| i.total).sum();
    let difference = amount - items_total - tax - tip;
    let (itemised_parts, problem) = match split_of(amount, &line_items, difference, currency) {
        Ok(parts) => (Some(parts), None),
        Err(why) => (None, Some(why)),
    };
    Ok(Receipt {
        transaction_id: tx_id.to_string(),
        ktti_id: access.ktti_id.clone(),
        image,
        line_items,
        tax,
        tip,
        items_total,
        transaction_amount: amount,
        difference,
        itemised: itemised_parts,
        itemised_problem: problem,
        uploaded_by,
        created_at: rfc3339(created),
    })
}

/// Each member's part by the items, or why the items cannot decide the split.
fn split_of(
    amount: i64,
    items: &[LineItem],
    difference: i64,
    currency: kitty_api::Currency,
) -> Result<Vec<ItemisedShare>, String> {
    if items.is_empty() {
        return Err("Add the receipt's line items first.".into());
    }
    if difference.abs() > ROUNDING_ALLOWANCE {
        let gap = Money::new(difference.abs(), currency);
        return Err(if difference > 0 {
            format!(
                "The items, tax and tip come to {gap} less than the payment: add what is missing."
            )
        } else {
            format!("The items, tax and tip come to {gap} more than the payment: check the prices.")
        });
    }
    let mut people: Vec<String> = Vec::new();
    for item in items {
        for a in &item.assignees {
            if !people.contains(a) {
                people.push(a.clone());
            }
        }
    }
    let indexed: Vec<(i64, Vec<usize>)> = items
        .iter()
        .map(|i| {
            let who = i
                .assignees
                .iter()
                .filter_map(|a| people.iter().position(|p| p == a))
                .collect();
            (i.total, who)
        })
        .collect();
    let parts = itemised(amount, people.len(), &indexed)?;
    Ok(people
        .into_iter()
        .zip(parts)
        .map(|(user_id, amount)| ItemisedShare { user_id, amount })
        .collect())
}

async fn has_receipt(conn: &mut Conn, tx_id: &str) -> AppResult<bool> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT transaction_id FROM ktti_receipts WHERE transaction_id = $1")
            .bind(tx_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.is_some())
}

/// 409 unless `tx_id` is a card payment, 404 unless it has a receipt: before a change that
/// reads the receipt only afterwards.
async fn require_receipt(conn: &mut Conn, access: &Access, tx_id: &str) -> AppResult<()> {
    card_payment(conn, access, tx_id).await?;
    if has_receipt(conn, tx_id).await? {
        Ok(())
    } else {
        Err(AppError::not_found("The receipt"))
    }
}

/// Adds checked lines at the end of the receipt.
async fn insert_items(
    conn: &mut Conn,
    access: &Access,
    tx_id: &str,
    inputs: &[LineItemInput],
    // Whether field names carry the line's index (`line_items.2.quantity`), for a receipt's
    // lines sent together.
    numbered: bool,
) -> AppResult<()> {
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM ktti_receipt_items WHERE transaction_id = $1")
            .bind(tx_id)
            .fetch_one(&mut *conn)
            .await?;
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    if count.saturating_add(inputs.len()) > MAX_LINE_ITEMS {
        return Err(AppError::field(
            "line_items",
            format!("A receipt has at most {MAX_LINE_ITEMS} line items."),
        ));
    }
    let members = members(conn, &access.ktti_id).await?;
    let mut errors = FieldErrors::new();
    let mut rows = Vec::new();
    for (n, input) in inputs.iter().enumerate() {
        let p = if numbered {
            format!("line_items.{n}.")
        } else {
            String::new()
        };
        let assignees = check_assignees(
            &input.assignees,
            &members,
            format!("{p}assignees"),
            &mut errors,
        );
        match check_line(&input.description, input.quantity, input.unit_price, &p) {
            Ok((description, total)) => rows.push((description, total, assignees, input)),
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    for (description, total, assignees, input) in rows {
        sqlx::query(
            "INSERT INTO ktti_receipt_items (id, transaction_id, position, description, quantity, unit_price, total, assignees)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM ktti_receipt_items WHERE transaction_id = $2), $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(tx_id)
        .bind(&description)
        .bind(input.quantity)
        .bind(input.unit_price)
        .bind(total)
        .bind(serde_json::to_string(&assignees).map_err(AppError::internal)?)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt", tag = "KttiPay",
    summary = "Retrieve receipt details and line items for a transaction.",
    description = "The photo, the line items with who had each, the tax and tip, how far they are from the payment, and each member's part if the items decided the split.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 200, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn get_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<Json<Receipt>> {
    let mut conn = state.db.acquire().await?;
    let access = ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(receipt_of(&mut conn, &access, &tx_id).await?))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt", tag = "KttiPay",
    summary = "Upload a transaction receipt.",
    description = "Any member, for a card payment: the photo (uploaded as `receipt`), and the line items, tax and tip if known. One receipt per payment (409 when it has one).",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    request_body = UploadReceiptRequest,
    responses((status = 201, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn upload_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<UploadReceiptRequest>,
) -> AppResult<(StatusCode, Json<Receipt>)> {
    let mut errors = FieldErrors::new();
    check_extra("tax", req.tax, &mut errors);
    check_extra("tip", req.tip, &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    card_payment(&mut w, &access, &tx_id).await?;
    if has_receipt(&mut w, &tx_id).await? {
        return Err(conflict(
            "This payment has a receipt already: change its line items, or delete it first.",
        ));
    }
    crate::images::claim(
        &mut w,
        &req.image_id,
        &user.user_id,
        ImageType::Receipt,
        &id,
        "image_id",
    )
    .await?;
    let stored = sqlx::query(
        "INSERT INTO ktti_receipts (transaction_id, ktti_id, image_id, tax, tip, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&tx_id)
    .bind(&id)
    .bind(&req.image_id)
    .bind(req.tax)
    .bind(req.tip)
    .bind(&user.user_id)
    .bind(now())
    .execute(&mut *w)
    .await;
    match stored {
        Err(e) if crate::db::is_unique_violation(&e, "image_id") => {
            return Err(AppError::field(
                "image_id",
                "This photo is another payment's receipt: upload it again for this one.",
            ))
        }
        other => other?,
    };
    insert_items(&mut w, &access, &tx_id, &req.line_items, true).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok((StatusCode::CREATED, Json(receipt)))
}

#[utoipa::path(
    patch, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt", tag = "KttiPay",
    summary = "Update a receipt's tax and tip.",
    description = "Any member. What is given changes.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    request_body = ReceiptExtras,
    responses((status = 200, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<ReceiptExtras>,
) -> AppResult<Json<Receipt>> {
    let mut errors = FieldErrors::new();
    if let Some(t) = req.tax {
        check_extra("tax", t, &mut errors);
    }
    if let Some(t) = req.tip {
        check_extra("tip", t, &mut errors);
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    require_receipt(&mut w, &access, &tx_id).await?;
    sqlx::query(
        "UPDATE ktti_receipts SET tax = COALESCE($1, tax), tip = COALESCE($2, tip) WHERE transaction_id = $3",
    )
    .bind(req.tax)
    .bind(req.tip)
    .bind(&tx_id)
    .execute(&mut *w)
    .await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(receipt))
}

#[utoipa::path(
    delete, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt", tag = "KttiPay",
    summary = "Delete a receipt and its associated line items.",
    description = "Its uploader or an admin (403 for other members). The photo goes with it. The payment's split stays as it is.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn delete_receipt(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    if receipt.uploaded_by != user.user_id && access.role != Role::Admin {
        return Err(AppError::Forbidden {
            code: kitty_api::error::code::FORBIDDEN,
            message: "Only whoever uploaded the receipt, or an admin, can delete it.".into(),
        });
    }
    sqlx::query("DELETE FROM ktti_receipt_items WHERE transaction_id = $1")
        .bind(&tx_id)
        .execute(&mut *w)
        .await?;
    sqlx::query("DELETE FROM ktti_receipts WHERE transaction_id = $1")
        .bind(&tx_id)
        .execute(&mut *w)
        .await?;
    sqlx::query("DELETE FROM images WHERE id = $1")
        .bind(&receipt.image.id)
        .execute(&mut *w)
        .await?;
    w.commit().await?;
    state.images.forget(&receipt.image.id).await;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt/line-items", tag = "KttiPay",
    summary = "Add a line item to a receipt.",
    description = "Any member: a description, a quantity (1 to 1,000), a unit price in minor units, and who had it.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    request_body = LineItemInput,
    responses((status = 201, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn add_line_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<LineItemInput>,
) -> AppResult<(StatusCode, Json<Receipt>)> {
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    require_receipt(&mut w, &access, &tx_id).await?;
    insert_items(&mut w, &access, &tx_id, std::slice::from_ref(&req), false).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// The line `item_id` of the receipt of `tx_id`, or 404.
fn line<'a>(receipt: &'a Receipt, item_id: &str) -> AppResult<&'a LineItem> {
    receipt
        .line_items
        .iter()
        .find(|i| i.id == item_id)
        .ok_or_else(|| AppError::not_found("The line item"))
}

#[utoipa::path(
    patch, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt/line-items/{lineItemId}", tag = "KttiPay",
    summary = "Update a line item.",
    description = "Any member. What is given changes: the description, quantity, unit price, or who had it.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path), ("lineItemId" = String, Path)),
    request_body = UpdateLineItemRequest,
    responses((status = 200, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_line_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id, item_id)): Path<(String, String, String)>,
    ApiJson(req): ApiJson<UpdateLineItemRequest>,
) -> AppResult<Json<Receipt>> {
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    let item = line(&receipt, &item_id)?;
    let quantity = req.quantity.unwrap_or(item.quantity);
    let unit_price = req.unit_price.unwrap_or(item.unit_price);
    let description = req
        .description
        .clone()
        .unwrap_or_else(|| item.description.clone());
    let mut errors = FieldErrors::new();
    let members = members(&mut w, &id).await?;
    let assignees = match &req.assignees {
        Some(a) => check_assignees(a, &members, "assignees".into(), &mut errors),
        None => item.assignees.clone(),
    };
    let checked = check_line(&description, quantity, unit_price, "");
    let (description, total) = match checked {
        Ok(ok) if errors.is_empty() => ok,
        Ok(_) => return Err(AppError::Validation(errors)),
        Err(e) => {
            errors.extend(e);
            return Err(AppError::Validation(errors));
        }
    };
    sqlx::query(
        "UPDATE ktti_receipt_items SET description = $1, quantity = $2, unit_price = $3, total = $4, assignees = $5 WHERE id = $6",
    )
    .bind(&description)
    .bind(quantity)
    .bind(unit_price)
    .bind(total)
    .bind(serde_json::to_string(&assignees).map_err(AppError::internal)?)
    .bind(&item_id)
    .execute(&mut *w)
    .await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(receipt))
}

#[utoipa::path(
    delete, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt/line-items/{lineItemId}", tag = "KttiPay",
    summary = "Remove a line item from a receipt.",
    description = "Any member.",
    params(("kttiId" = String, Path), ("transactionId" = String, Path), ("lineItemId" = String, Path)),
    responses((status = 200, body = Receipt), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn remove_line_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id, item_id)): Path<(String, String, String)>,
) -> AppResult<Json<Receipt>> {
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    line(&receipt, &item_id)?;
    sqlx::query("DELETE FROM ktti_receipt_items WHERE id = $1")
        .bind(&item_id)
        .execute(&mut *w)
        .await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(receipt))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/transactions/{transactionId}/receipt/split", tag = "KttiPay",
    summary = "Split a card payment by its receipt's line items.",
    description = "Admins. Each member pays for what they had, with the tax, the tip and any rounding shared in proportion, exact to the unit. 409 with the reason when the items cannot decide it (an item nobody had, or a receipt that does not match the payment).",
    params(("kttiId" = String, Path), ("transactionId" = String, Path)),
    responses((status = 200, body = TransactionSplit), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn split_by_items(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, tx_id)): Path<(String, String)>,
) -> AppResult<Json<TransactionSplit>> {
    let (mut w, access) = ledger::admin_change(&state.db, &id, &user.user_id).await?;
    let receipt = receipt_of(&mut w, &access, &tx_id).await?;
    let parts = match (receipt.itemised, receipt.itemised_problem) {
        (Some(parts), _) => parts,
        (None, why) => {
            return Err(conflict(
                why.unwrap_or_else(|| "The items cannot decide this split.".into()),
            ))
        }
    };
    let view = resplit(w, &access, &tx_id, |_| Ok(itemised_rule(&parts))).await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(view))
}
