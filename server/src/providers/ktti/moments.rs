//! Moments: what a group did together, with a title, a note, a date and photos (uploaded as
//! `moment` through the pre-signed flow, [`crate::images`]). Members list and add them; the
//! author or an admin edits one. Anyone else gets 404, as everywhere in a kitty.

use super::ledger::{self, Access};
use crate::clock::rfc3339;
use crate::db::{now, Conn};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kitty_api::kitty::Role;
use kitty_api::media::{
    check_moment, CreateMomentRequest, ImageType, Moment, MomentList, UpdateMomentRequest,
};
use kitty_api::ErrorBody;
use std::collections::HashMap;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(list_moments, create_moment))
        .routes(routes!(update_moment))
}

type MomentRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    i64,
);

const MOMENT_SELECT: &str =
    "SELECT m.id, m.author_id, u.name, m.title, m.note, m.day, m.created_at, m.updated_at
     FROM ktti_moments m JOIN users u ON u.id = m.author_id";

/// The kitty's moments (all, or one), newest first, with their photos in order.
async fn moments(conn: &mut Conn, access: &Access, only: Option<&str>) -> AppResult<Vec<Moment>> {
    let rows: Vec<MomentRow> = sqlx::query_as(&format!(
        "{MOMENT_SELECT} WHERE m.ktti_id = $1 AND ($2 = '' OR m.id = $2) ORDER BY m.day DESC, m.created_at DESC, m.id"
    ))
    .bind(&access.ktti_id)
    .bind(only.unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    // Every photo of these moments in one query, in order.
    type PhotoRow = (
        String,
        String,
        String,
        String,
        String,
        i64,
        i64,
        i64,
        Option<String>,
    );
    let photo_rows: Vec<PhotoRow> = sqlx::query_as(
        "SELECT p.moment_id, i.id, i.owner_id, i.image_type, i.content_type, i.bytes, i.width, i.height, i.ktti_id
         FROM ktti_moment_photos p JOIN ktti_moments m ON m.id = p.moment_id JOIN images i ON i.id = p.image_id
         WHERE m.ktti_id = $1 AND ($2 = '' OR m.id = $2) ORDER BY p.moment_id, p.position",
    )
    .bind(&access.ktti_id)
    .bind(only.unwrap_or(""))
    .fetch_all(&mut *conn)
    .await?;
    let mut photos: HashMap<String, Vec<kitty_api::media::Image>> = HashMap::new();
    for (moment, id, owner, kind, content_type, bytes, width, height, ktti) in photo_rows {
        let image =
            crate::images::image_of((id, owner, kind, content_type, bytes, width, height, ktti))?;
        photos.entry(moment).or_default().push(image);
    }
    let mut out = Vec::with_capacity(rows.len());
    for (id, author_id, author_name, title, note, day, created, updated) in rows {
        out.push(Moment {
            photos: photos.remove(&id).unwrap_or_default(),
            can_edit: author_id == access.user_id || access.role == Role::Admin,
            ktti_id: access.ktti_id.clone(),
            id,
            author_id,
            author_name,
            title,
            note,
            date: day,
            created_at: rfc3339(created),
            updated_at: rfc3339(updated),
        });
    }
    Ok(out)
}

/// Replaces a moment's photos with `ids`, each the caller's upload for moments (422 otherwise).
/// The photos taken out are deleted with it; their files are the caller's to forget after the
/// commit (the ids returned).
async fn set_photos(
    conn: &mut Conn,
    access: &Access,
    moment_id: &str,
    ids: &[String],
) -> AppResult<Vec<String>> {
    let mut seen = std::collections::HashSet::new();
    if !ids.iter().all(|id| seen.insert(id.as_str())) {
        return Err(AppError::field(
            "image_ids",
            "Each photo can be in a moment once.",
        ));
    }
    let current: Vec<(String,)> =
        sqlx::query_as("SELECT image_id FROM ktti_moment_photos WHERE moment_id = $1")
            .bind(moment_id)
            .fetch_all(&mut *conn)
            .await?;
    sqlx::query("DELETE FROM ktti_moment_photos WHERE moment_id = $1")
        .bind(moment_id)
        .execute(&mut *conn)
        .await?;
    let kept: std::collections::HashSet<&str> = current.iter().map(|(i,)| i.as_str()).collect();
    for (position, id) in ids.iter().enumerate() {
        // A photo already in this moment stays (whoever added it); a new one must be the
        // caller's own upload.
        if !kept.contains(id.as_str()) {
            crate::images::claim(
                conn,
                id,
                &access.user_id,
                ImageType::Moment,
                &access.ktti_id,
                "image_ids",
            )
            .await?;
        }
        let added = sqlx::query(
            "INSERT INTO ktti_moment_photos (moment_id, image_id, position) VALUES ($1, $2, $3)",
        )
        .bind(moment_id)
        .bind(id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *conn)
        .await;
        match added {
            Err(e) if crate::db::is_unique_violation(&e, "image_id") => {
                return Err(AppError::field(
                    "image_ids",
                    "A photo is already in another moment: upload it again for this one.",
                ))
            }
            other => other?,
        };
    }
    let mut removed = Vec::new();
    for (id,) in current {
        if !ids.contains(&id) {
            sqlx::query("DELETE FROM images WHERE id = $1")
                .bind(&id)
                .execute(&mut *conn)
                .await?;
            removed.push(id);
        }
    }
    Ok(removed)
}

fn today() -> String {
    crate::clock::iso_date(crate::clock::day_of(now()))
}

#[utoipa::path(
    get, path = "/api/v3/ktties/{kttiId}/moments", tag = "KttiPay", summary = "List moments for a ktti.",
    description = "The kitty's moments, newest first, each with its photos (original and thumbnail addresses).",
    params(("kttiId" = String, Path)),
    responses((status = 200, body = MomentList), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn list_moments(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<MomentList>> {
    let mut conn = state.db.acquire().await?;
    let access = ledger::access(&mut conn, &id, &user.user_id).await?;
    Ok(Json(MomentList {
        moments: moments(&mut conn, &access, None).await?,
    }))
}

#[utoipa::path(
    post, path = "/api/v3/ktties/{kttiId}/moments", tag = "KttiPay", summary = "Create a new moment for a ktti.",
    description = "Any member, with a title, an optional note, a date not after today and up to 10 photos uploaded as `moment`.",
    params(("kttiId" = String, Path)),
    request_body = CreateMomentRequest,
    responses((status = 201, body = Moment), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_moment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<CreateMomentRequest>,
) -> AppResult<(StatusCode, Json<Moment>)> {
    let (title, note) = check_moment(
        Some(&req.title),
        req.note.as_deref(),
        Some(&req.date),
        Some(req.image_ids.len()),
        &today(),
    )
    .map_err(AppError::Validation)?;
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    let moment_id = uuid::Uuid::new_v4().to_string();
    let t = now();
    sqlx::query(
        "INSERT INTO ktti_moments (id, ktti_id, author_id, title, note, day, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(&moment_id)
    .bind(&id)
    .bind(&user.user_id)
    .bind(title.unwrap_or_default())
    .bind(note.flatten())
    .bind(&req.date)
    .bind(t)
    .execute(&mut *w)
    .await?;
    set_photos(&mut w, &access, &moment_id, &req.image_ids).await?;
    let moment = moments(&mut w, &access, Some(&moment_id))
        .await?
        .pop()
        .ok_or_else(|| AppError::internal("the new moment is missing"))?;
    w.commit().await?;
    crate::live::kitty_changed(&state.db, &id).await;
    Ok((StatusCode::CREATED, Json(moment)))
}

#[utoipa::path(
    patch, path = "/api/v3/ktties/{kttiId}/moments/{momentId}", tag = "KttiPay", summary = "Update a moment for a ktti.",
    description = "The author or an admin (403 for other members). What is given changes; `image_ids` replaces the photos.",
    params(("kttiId" = String, Path), ("momentId" = String, Path)),
    request_body = UpdateMomentRequest,
    responses((status = 200, body = Moment), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_moment(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, moment_id)): Path<(String, String)>,
    ApiJson(req): ApiJson<UpdateMomentRequest>,
) -> AppResult<Json<Moment>> {
    let (title, note) = check_moment(
        req.title.as_deref(),
        req.note.as_deref(),
        req.date.as_deref(),
        req.image_ids.as_ref().map(Vec::len),
        &today(),
    )
    .map_err(AppError::Validation)?;
    let (mut w, access) = ledger::member_change(&state.db, &id, &user.user_id).await?;
    let author: Option<(String,)> =
        sqlx::query_as("SELECT author_id FROM ktti_moments WHERE id = $1 AND ktti_id = $2")
            .bind(&moment_id)
            .bind(&id)
            .fetch_optional(&mut *w)
            .await?;
    let (author,) = author.ok_or_else(|| AppError::not_found("The moment"))?;
    if author != user.user_id && access.role != Role::Admin {
        return Err(AppError::Forbidden {
            code: kitty_api::error::code::FORBIDDEN,
            message: "Only the moment's author or the kitty's admins can change it.".into(),
        });
    }
    sqlx::query(
        "UPDATE ktti_moments SET title = COALESCE($1, title), day = COALESCE($2, day),
         note = CASE WHEN $3 = 1 THEN $4 ELSE note END, updated_at = $5 WHERE id = $6",
    )
    .bind(title)
    .bind(req.date.as_deref())
    .bind(i64::from(note.is_some()))
    .bind(note.flatten())
    .bind(now())
    .bind(&moment_id)
    .execute(&mut *w)
    .await?;
    let removed = match &req.image_ids {
        Some(ids) => set_photos(&mut w, &access, &moment_id, ids).await?,
        None => Vec::new(),
    };
    let moment = moments(&mut w, &access, Some(&moment_id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("The moment"))?;
    w.commit().await?;
    for id in removed {
        state.images.forget(&id).await;
    }
    crate::live::kitty_changed(&state.db, &id).await;
    Ok(Json(moment))
}
