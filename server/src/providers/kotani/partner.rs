//! The partner: client-login credentials (set in the app, used by the partner's servers), the
//! client login itself, and the health check.

use crate::accounts;
use crate::db::{now, Db};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::{self, CurrentUser};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kitty_api::ramp::{
    phone_number, ClientLoginRequest, ClientLoginResponse, Country, Health, HealthCheck,
    PartnerProfile, SetPartnerRequest,
};
use kitty_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(client_login))
        .routes(routes!(profile, set_partner))
        .routes(routes!(health))
}

/// A partner: the user, their country and the phone number they sign in with.
#[derive(Debug, Clone)]
pub struct Partner {
    pub user_id: String,
    pub seq: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone_number: String,
    pub country: Country,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The caller's partner record; 404 with what to do when they have none yet.
pub async fn partner_of(db: &Db, user_id: &str) -> AppResult<Partner> {
    find(db, user_id).await?.ok_or_else(|| {
        AppError::NotFound(
            "Set your partner credentials first (Ramp → Developers): the wallet belongs to them."
                .into(),
        )
    })
}

type PartnerRow = (
    String,
    i64,
    String,
    Option<String>,
    String,
    String,
    i64,
    i64,
);

async fn find(db: &Db, user_id: &str) -> AppResult<Option<Partner>> {
    let row: Option<PartnerRow> =
        sqlx::query_as(
            "SELECT p.user_id, p.seq, u.name, u.email, p.phone_number, p.country, p.created_at, p.updated_at
             FROM kotani_partners p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1",
        )
        .bind(user_id)
        .fetch_optional(db)
        .await?;
    row.map(
        |(user_id, seq, name, email, phone_number, country, created_at, updated_at)| {
            Ok(Partner {
                user_id,
                seq,
                name,
                email,
                phone_number,
                country: crate::db::stored(Country::parse, &country, "partner country")?,
                created_at,
                updated_at,
            })
        },
    )
    .transpose()
}

/// Makes `user_id` a partner, in the open write (the caller checked the phone is free).
pub(super) async fn insert_partner(
    conn: &mut crate::db::Conn,
    user_id: &str,
    phone: &str,
    country: Country,
    password_hash: &str,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO kotani_partners (user_id, seq, phone_number, country, password_hash, created_at, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM kotani_partners), $2, $3, $4, $5, $5)",
    )
    .bind(user_id)
    .bind(phone)
    .bind(country.as_str())
    .bind(password_hash)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn profile_of(user_id: &str, partner: Option<&Partner>) -> PartnerProfile {
    PartnerProfile {
        phone_number: partner.map(|p| p.phone_number.clone()),
        country_code: partner.map(|p| p.country),
        currency: partner.map(|p| p.country.currency()),
        company_id: user_id.to_string(),
    }
}

fn country(code: &str) -> AppResult<Country> {
    Country::parse(code.trim())
        .ok_or_else(|| AppError::field("countryCode", "Use KEN (Kenya) or GH (Ghana)."))
}

#[utoipa::path(
    post, path = "/api/v2/auth/login", tag = "Kotani Pay", summary = "Client login",
    description = "Clients who received their api-credentials can use this endpoint to login. They will then receive an access-token that will allow them to access all the endpoints within the API. The credentials are set in the app (Ramp → Developers); the token is a bearer token for every `/kotani` route.",
    request_body = ClientLoginRequest,
    responses(
        (status = 201, body = ClientLoginResponse),
        (status = 401, description = "Wrong phone number, country or password", body = ErrorBody),
        (status = 429, description = "Too many attempts; see Retry-After", body = ErrorBody),
    )
)]
async fn client_login(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<ClientLoginRequest>,
) -> AppResult<(StatusCode, Json<ClientLoginResponse>)> {
    let country = country(&req.country_code)?;
    let phone =
        phone_number(&req.phone_number, country).map_err(|m| AppError::field("phoneNumber", m))?;
    let key = format!("kotani:{}:{phone}", country.as_str());
    let limiter = &state.limits.login_user;
    limiter.check(&state.db, &key).await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT user_id, password_hash FROM kotani_partners WHERE phone_number = $1 AND country = $2",
    )
    .bind(&phone)
    .bind(country.as_str())
    .fetch_optional(&state.db)
    .await?;
    let matched = match row {
        Some((user_id, hash)) => accounts::verify_password(req.password, hash)
            .await?
            .then_some(user_id),
        None => None,
    };
    let user = match matched {
        Some(user_id) => user_id,
        None => {
            limiter.record(&state.db, &key).await?;
            return Err(AppError::Unauthorized(
                "That phone number, country and password do not match a partner.".into(),
            ));
        }
    };
    limiter.clear(&state.db, &key).await?;
    let tokens = session::create(&state.db, &user).await?;
    Ok((
        StatusCode::CREATED,
        Json(ClientLoginResponse {
            status: 201,
            access_token: tokens.access,
        }),
    ))
}

#[utoipa::path(
    get, path = "/api/v2/partner", tag = "Kotani Pay",
    summary = "Read the partner's client-login credentials.",
    description = "The phone number and country the partner signs in with (never the password), and the partner's KiotaPay organisation id (`companyId`).",
    responses((status = 200, body = PartnerProfile), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn profile(
    State(state): State<AppState>,
    user: CurrentUser,
) -> AppResult<Json<PartnerProfile>> {
    let partner = find(&state.db, &user.user_id).await?;
    Ok(Json(profile_of(&user.user_id, partner.as_ref())))
}

#[utoipa::path(
    put, path = "/api/v2/partner", tag = "Kotani Pay",
    summary = "Set the partner's client-login credentials.",
    description = "Makes the signed-in person a Kotani partner, or changes their credentials. The phone number is written with its country code (`254…` for KEN, `233…` for GH); one phone number signs in one partner per country.",
    request_body = SetPartnerRequest,
    responses(
        (status = 200, body = PartnerProfile),
        (status = 401, body = ErrorBody),
        (status = 409, description = "Another partner signs in with this phone number", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
async fn set_partner(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<SetPartnerRequest>,
) -> AppResult<Json<PartnerProfile>> {
    let mut errors = kitty_api::FieldErrors::new();
    let country = country(&req.country_code);
    let phone = match &country {
        Ok(c) => phone_number(&req.phone_number, *c)
            .map_err(|m| errors.insert("phoneNumber".into(), m))
            .ok(),
        Err(_) => {
            errors.insert(
                "countryCode".into(),
                "Use KEN (Kenya) or GH (Ghana).".into(),
            );
            None
        }
    };
    if let Err(m) = kitty_api::validate::password(&req.password) {
        errors.insert("password".into(), m.into());
    }
    let (Ok(country), Some(phone), true) = (country, phone, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let hash = accounts::hash_password(req.password).await?;
    let mut tx = crate::db::write(&state.db).await?;
    super::lock_partner(&mut tx, &user.user_id).await?;
    let taken: Option<(String,)> = sqlx::query_as(
        "SELECT user_id FROM kotani_partners WHERE phone_number = $1 AND country = $2 AND user_id <> $3",
    )
    .bind(&phone)
    .bind(country.as_str())
    .bind(&user.user_id)
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Err(AppError::conflict_on(
            "phoneNumber",
            "Another partner signs in with this phone number. Use your own.",
        ));
    }
    let t = now();
    let updated = sqlx::query(
        "UPDATE kotani_partners SET phone_number = $1, country = $2, password_hash = $3, updated_at = $4 WHERE user_id = $5",
    )
    .bind(&phone)
    .bind(country.as_str())
    .bind(&hash)
    .bind(t)
    .bind(&user.user_id)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        insert_partner(&mut tx, &user.user_id, &phone, country, &hash).await?;
    }
    tx.commit().await?;
    let partner = find(&state.db, &user.user_id).await?;
    Ok(Json(profile_of(&user.user_id, partner.as_ref())))
}

#[utoipa::path(
    get, path = "/api/v2/health", tag = "Kotani Pay", summary = "checks if the API is up and running",
    description = "Health Endpoint Checker. Answers 200 with each dependency it checked: the database (a query), the M-Pesa simulator and the price table. 503 when one fails.",
    responses((status = 200, body = Health), (status = 503, body = Health))
)]
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let started = std::time::Instant::now();
    let db = sqlx::query_as::<_, (i64,)>("SELECT CAST(COUNT(*) AS BIGINT) FROM mpesa_handsets")
        .fetch_one(&state.db)
        .await;
    let db_ok = db.is_ok();
    let checks = vec![
        HealthCheck {
            name: "database".into(),
            ok: db_ok,
            detail: match &db {
                Ok(_) => format!("answered in {} ms", started.elapsed().as_millis()),
                Err(e) => format!("failed: {e}"),
            },
        },
        HealthCheck {
            name: "mpesa".into(),
            ok: db_ok,
            detail: match db {
                Ok((n,)) => format!("sandbox simulator, {n} handsets"),
                Err(_) => "needs the database".into(),
            },
        },
        HealthCheck {
            name: "prices".into(),
            ok: true,
            detail: "sandbox price table".into(),
        },
    ];
    let ok = checks.iter().all(|c| c.ok);
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(Health {
            status: status.as_u16(),
            message: if ok {
                "API is up and running"
            } else {
                "API is degraded"
            }
            .into(),
            checks,
        }),
    )
}
