//! Images, uploaded the documented way: the app asks for a pre-signed URL for one kind of image
//! (`POST /ktti/api/v2/images/pre-signed-url-for-upload`), then PUTs the bytes straight to it.
//! The URL carries an HMAC-SHA256 signature over the upload's id, its person, its kind and its
//! expiry (ten minutes), with a key kept in the database so every server process signs alike;
//! it works once. The bytes are checked by their magic numbers (JPEG, PNG or WebP) and their size
//! (5 MB), decoded with the `image` crate (which makes a thumbnail, turned upright by the photo's
//! EXIF orientation) and stored through `object_store`: local disk by default, an S3-compatible
//! service or memory by setting.
//!
//! An image is its uploader's until a moment or a receipt takes it ([`claim`]); from then on the
//! members of that kitty see it too. Everyone else gets 404.

use crate::db::now;
use crate::error::{AppError, AppResult};
use crate::session::{random_token, CurrentUser};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use kitty_api::media::{
    Image, ImageFormat, ImageType, PresignRequest, PresignedUrl, MAX_IMAGE_BYTES, THUMBNAIL_SIDE,
    UPLOAD_URL_SECONDS,
};
use kitty_api::ErrorBody;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, PutPayload};
use sha2::Sha256;
use std::sync::Arc;
use tokio::sync::OnceCell;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Where the PUTs go; the body limit makes room for an image under it.
pub const UPLOAD_PREFIX: &str = "/ktti/api/v2/images/uploads/";

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(presign))
        .routes(routes!(upload))
        .routes(routes!(original))
        .routes(routes!(thumbnail))
}

/// The image store and the upload signing key.
pub struct Images {
    store: Arc<dyn ObjectStore>,
    prefix: StorePath,
    key: OnceCell<Vec<u8>>,
}

impl Images {
    /// Opens the store named by `KITTY_IMAGE_STORE` (see [`crate::settings::Settings`]): an
    /// `object_store` URL, or a local folder, made if missing.
    pub fn open(location: &str) -> Result<Images, String> {
        let url = if location.contains("://") {
            location.to_string()
        } else {
            std::fs::create_dir_all(location)
                .map_err(|e| format!("KITTY_IMAGE_STORE {location}: {e}"))?;
            let abs = std::fs::canonicalize(location)
                .map_err(|e| format!("KITTY_IMAGE_STORE {location}: {e}"))?;
            format!("file://{}", abs.display())
        };
        let parsed =
            url::Url::parse(&url).map_err(|e| format!("KITTY_IMAGE_STORE {location}: {e}"))?;
        if parsed.scheme() == "file" {
            std::fs::create_dir_all(parsed.path())
                .map_err(|e| format!("KITTY_IMAGE_STORE {location}: {e}"))?;
        }
        // S3's settings come from the usual AWS_* variables (AWS_ENDPOINT for a compatible
        // service); other stores ignore them.
        let options = std::env::vars()
            .filter(|(k, _)| k.starts_with("AWS_"))
            .map(|(k, v)| (k.to_ascii_lowercase(), v));
        let (store, prefix) = object_store::parse_url_opts(&parsed, options)
            .map_err(|e| format!("KITTY_IMAGE_STORE {location}: {e}"))?;
        Ok(Images {
            store: Arc::from(store),
            prefix,
            key: OnceCell::new(),
        })
    }

    fn path(&self, image_id: &str, variant: &str) -> StorePath {
        self.prefix.child(image_id).child(variant)
    }

    /// The signing key: made once and kept in the database, so every process has the same.
    async fn key(&self, db: &crate::db::Db) -> AppResult<&[u8]> {
        let key = self
            .key
            .get_or_try_init(|| async {
                let fresh = random_token();
                sqlx::query(
                    "INSERT INTO server_keys (name, secret) VALUES ('image_uploads', $1) ON CONFLICT (name) DO NOTHING",
                )
                .bind(&fresh)
                .execute(db)
                .await?;
                let (secret,): (String,) =
                    sqlx::query_as("SELECT secret FROM server_keys WHERE name = 'image_uploads'")
                        .fetch_one(db)
                        .await?;
                Ok::<_, AppError>(secret.into_bytes())
            })
            .await?;
        Ok(key)
    }

    /// Removes an image's files; a failure is logged, as the row is already gone.
    pub async fn forget(&self, image_id: &str) {
        for variant in ["original", "thumbnail"] {
            if let Err(e) = self.store.delete(&self.path(image_id, variant)).await {
                tracing::warn!(image_id, error = %e, "could not delete an image file");
            }
        }
    }
}

type HmacSha256 = Hmac<Sha256>;

fn signer(key: &[u8], id: &str, user_id: &str, kind: ImageType, expires: i64) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(format!("{id}\n{user_id}\n{}\n{expires}", kind.as_str()).as_bytes());
    mac
}

fn image_type(text: &str) -> AppResult<ImageType> {
    ImageType::parse(text).ok_or_else(|| {
        AppError::field(
            "image_type",
            "Choose ktti_profile, moment, receipt or user_avatar.",
        )
    })
}

#[utoipa::path(
    post, path = "/api/v2/images/pre-signed-url-for-upload", tag = "KttiPay",
    summary = "create a signed url used for uploading a certain type of images.",
    description = "A URL to PUT one image of this type to: signed with HMAC, good for ten minutes and for one upload, by the person who asked. The image is a JPEG, PNG or WebP of at most 5 MB (413 or 415 otherwise); the PUT answers 201 with the image.",
    request_body = PresignRequest,
    responses((status = 201, body = PresignedUrl), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn presign(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    crate::error::ApiJson(req): crate::error::ApiJson<PresignRequest>,
) -> AppResult<(StatusCode, Json<PresignedUrl>)> {
    let kind = image_type(req.image_type.trim())?;
    let id = uuid::Uuid::new_v4().to_string();
    let expires = now() + UPLOAD_URL_SECONDS;
    let mut w = crate::db::write(&state.db).await?;
    sqlx::query(
        "INSERT INTO image_uploads (id, user_id, image_type, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(&user.user_id)
    .bind(kind.as_str())
    .bind(expires)
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    let key = state.images.key(&state.db).await?;
    let signature = URL_SAFE_NO_PAD.encode(
        signer(key, &id, &user.user_id, kind, expires)
            .finalize()
            .into_bytes(),
    );
    Ok((
        StatusCode::CREATED,
        Json(PresignedUrl {
            presigned_url: format!(
                "{}{UPLOAD_PREFIX}{id}?expires={expires}&signature={signature}",
                crate::web::public_base(&headers)
            ),
        }),
    ))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Signed {
    /// When the URL stops working (Unix seconds).
    expires: i64,
    /// HMAC-SHA256 of the upload, base64url.
    signature: String,
}

fn refused(message: &str) -> AppError {
    AppError::Forbidden {
        code: kitty_api::error::code::FORBIDDEN,
        message: message.into(),
    }
}

/// What the decoder made of the bytes: the size and a JPEG thumbnail.
struct Decoded {
    width: u32,
    height: u32,
    thumbnail: Vec<u8>,
}

/// Decodes an image (within limits, so a small file cannot ask for gigabytes) and makes its
/// thumbnail, upright.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<Decoded, String> {
    use image::ImageDecoder;
    let format = match format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Webp => image::ImageFormat::WebP,
    };
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 << 20);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut picture = image::DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    picture.apply_orientation(orientation);
    let small = picture.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE).to_rgb8();
    let mut thumbnail = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut thumbnail, 80)
        .encode_image(&small)
        .map_err(|e| e.to_string())?;
    Ok(Decoded {
        width: picture.width(),
        height: picture.height(),
        thumbnail,
    })
}

#[utoipa::path(
    put, path = "/api/v2/images/uploads/{uploadId}", tag = "KttiPay",
    summary = "Upload an image's bytes to its pre-signed URL.",
    description = "The body is the image itself. 403 for a URL that is not signed right or has expired, 409 for one used before, 413 past 5 MB, 415 for anything that is not a JPEG, PNG or WebP by its content.",
    params(("uploadId" = String, Path), Signed),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = Image), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody))
)]
async fn upload(
    State(state): State<AppState>,
    Path(id): Path<String>,
    crate::error::ApiQuery(signed): crate::error::ApiQuery<Signed>,
    body: Body,
) -> AppResult<(StatusCode, Json<Image>)> {
    let row: Option<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT user_id, image_type, expires_at, used_at FROM image_uploads WHERE id = $1",
    )
    .bind(&id)
    .fetch_optional(&state.db)
    .await?;
    let invalid = "This upload URL is not valid: ask for a new one.";
    let (user_id, kind, expires, used) = row.ok_or_else(|| refused(invalid))?;
    let kind = crate::db::stored(ImageType::parse, &kind, "image type")?;
    let signature = URL_SAFE_NO_PAD
        .decode(signed.signature.as_bytes())
        .map_err(|_| refused(invalid))?;
    let key = state.images.key(&state.db).await?;
    signer(key, &id, &user_id, kind, signed.expires)
        .verify_slice(&signature)
        .map_err(|_| refused(invalid))?;
    if signed.expires != expires {
        return Err(refused(invalid));
    }
    if now() > expires {
        return Err(refused(
            "This upload URL has expired (they last ten minutes): ask for a new one.",
        ));
    }
    if used.is_some() {
        return Err(used_up());
    }
    let bytes = axum::body::to_bytes(body, MAX_IMAGE_BYTES)
        .await
        .map_err(|_| too_big())?;
    let format = ImageFormat::sniff(&bytes).ok_or_else(not_an_image)?;
    let original = bytes.clone();
    let decoded = tokio::task::spawn_blocking(move || decode(&original, format))
        .await
        .map_err(AppError::internal)?
        .map_err(|why| {
            tracing::info!(%why, "an upload that is not the image it claims to be");
            not_an_image()
        })?;
    let image_id = uuid::Uuid::new_v4().to_string();
    let images = &state.images;
    let put = |variant: &'static str, data: bytes::Bytes| {
        let path = images.path(&image_id, variant);
        async move {
            images
                .store
                .put(&path, PutPayload::from(data))
                .await
                .map_err(AppError::internal)
        }
    };
    put("original", bytes.clone()).await?;
    put("thumbnail", bytes::Bytes::from(decoded.thumbnail)).await?;
    let mut w = crate::db::write(&state.db).await?;
    let claimed =
        sqlx::query("UPDATE image_uploads SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now())
            .bind(&id)
            .execute(&mut *w)
            .await?
            .rows_affected();
    if claimed == 0 {
        drop(w);
        images.forget(&image_id).await;
        return Err(used_up());
    }
    let image = Image {
        id: image_id,
        image_type: kind,
        content_type: format.content_type().to_string(),
        bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        width: i64::from(decoded.width),
        height: i64::from(decoded.height),
        url: String::new(),
        thumbnail_url: String::new(),
    };
    sqlx::query(
        "INSERT INTO images (id, owner_id, image_type, content_type, bytes, width, height, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&image.id)
    .bind(&user_id)
    .bind(kind.as_str())
    .bind(&image.content_type)
    .bind(image.bytes)
    .bind(image.width)
    .bind(image.height)
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok((StatusCode::CREATED, Json(with_urls(image))))
}

fn used_up() -> AppError {
    AppError::Conflict {
        message: "This upload URL was used already: ask for a new one for another image.".into(),
        fields: Default::default(),
    }
}

fn too_big() -> AppError {
    AppError::TooLarge(
        "This image is larger than 5 MB. Choose a smaller one, or a smaller size from the camera."
            .into(),
    )
}

fn not_an_image() -> AppError {
    AppError::UnsupportedMedia(
        "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats."
            .into(),
    )
}

/// The addresses an image is served at.
fn with_urls(mut image: Image) -> Image {
    image.url = format!("/ktti/api/v2/images/{}", image.id);
    image.thumbnail_url = format!("/ktti/api/v2/images/{}/thumbnail", image.id);
    image
}

type ImageRow = (
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<String>,
);

const IMAGE_COLUMNS: &str = "id, owner_id, image_type, content_type, bytes, width, height, ktti_id";

pub fn image_of(row: ImageRow) -> AppResult<Image> {
    let (id, _, kind, content_type, bytes, width, height, _) = row;
    Ok(with_urls(Image {
        id,
        image_type: crate::db::stored(ImageType::parse, &kind, "image type")?,
        content_type,
        bytes,
        width,
        height,
        url: String::new(),
        thumbnail_url: String::new(),
    }))
}

/// The stored row of image `id`, if there is one.
async fn find(conn: &mut crate::db::Conn, id: &str) -> AppResult<Option<ImageRow>> {
    Ok(
        sqlx::query_as(&format!("SELECT {IMAGE_COLUMNS} FROM images WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Image `id` as the contract shows it (a receipt's photo, which its kitty's members may see).
pub async fn by_id(conn: &mut crate::db::Conn, id: &str) -> AppResult<Image> {
    let row = find(conn, id)
        .await?
        .ok_or_else(|| AppError::internal("an image row that is gone"))?;
    image_of(row)
}

/// Takes image `id` for kitty `ktti_id` (a moment's photo or a receipt): it must be `owner`'s,
/// of `kind`, and not someone else's kitty's. Refusals are 422 on `field`.
pub async fn claim(
    conn: &mut crate::db::Conn,
    id: &str,
    owner: &str,
    kind: ImageType,
    ktti_id: &str,
    field: &str,
) -> AppResult<()> {
    let row = find(conn, id).await?;
    let Some((_, image_owner, image_kind, _, _, _, _, taken_by)) = row else {
        return Err(AppError::field(
            field,
            "Upload the photo first: this image was not found.",
        ));
    };
    if image_owner != owner || taken_by.as_deref().is_some_and(|k| k != ktti_id) {
        return Err(AppError::field(
            field,
            "Use a photo you uploaded for this kitty.",
        ));
    }
    if image_kind != kind.as_str() {
        return Err(AppError::field(
            field,
            format!(
                "Upload this photo as {} (image_type {}).",
                kind.label(),
                kind.as_str()
            ),
        ));
    }
    sqlx::query("UPDATE images SET ktti_id = $1 WHERE id = $2")
        .bind(ktti_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Serves one of an image's files to its uploader or its kitty's members; 404 for anyone else.
async fn serve(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    variant: &str,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let row = find(&mut conn, id).await?;
    let missing = || AppError::not_found("This image");
    let (_, owner, _, content_type, _, _, _, ktti_id) = row.ok_or_else(missing)?;
    if owner != user.user_id {
        let kitty = ktti_id.ok_or_else(missing)?;
        crate::providers::ktti::ledger::access(&mut conn, &kitty, &user.user_id)
            .await
            .map_err(|_| missing())?;
    }
    drop(conn);
    let stored = state
        .images
        .store
        .get(&state.images.path(id, variant))
        .await
        .map_err(|e| match e {
            object_store::Error::NotFound { .. } => missing(),
            other => AppError::internal(other),
        })?;
    let bytes = stored.bytes().await.map_err(AppError::internal)?;
    let content_type = if variant == "thumbnail" {
        "image/jpeg".to_string()
    } else {
        content_type
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(&content_type).map_err(AppError::internal)?,
            ),
            // Private: only signed-in members may see it, so shared caches must not keep it.
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=31536000, immutable"),
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}

#[utoipa::path(
    get, path = "/api/v2/images/{imageId}", tag = "KttiPay",
    summary = "Read an image.",
    description = "The image as uploaded, to its uploader and to the members of the kitty whose moment or receipt it is; 404 for anyone else.",
    params(("imageId" = String, Path)),
    responses((status = 200, content_type = "image/*", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn original(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    serve(&state, &user, &id, "original").await
}

#[utoipa::path(
    get, path = "/api/v2/images/{imageId}/thumbnail", tag = "KttiPay",
    summary = "Read an image's thumbnail.",
    description = "A JPEG at most 480 pixels on its longest side, made on the server so phones download little; to the same people as the image.",
    params(("imageId" = String, Path)),
    responses((status = 200, content_type = "image/jpeg", body = Vec<u8>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn thumbnail(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    serve(&state, &user, &id, "thumbnail").await
}
