//! Kitty's sandbox server: the provider contracts of `../shared/seeds/` on one axum router, with
//! SQLite persistence and simulated rails, serving the built app.

pub mod accounts;
pub mod chain;
pub mod clock;
pub mod db;
pub mod deliveries;
pub mod demo;
pub mod error;
pub mod idempotency;
pub mod images;
pub mod jobs;
pub mod live;
pub mod mpesa;
pub mod oidc;
pub mod openapi;
pub mod outbox;
pub mod providers;
pub mod qr;
pub mod ratelimit;
pub mod session;
pub mod settings;
pub mod web;
pub mod words;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use kitty_api::config::{AppConfig, DemoLogin};
use providers::{kiota, kotani, kpay, ktti, sandbox};
use ratelimit::RateLimiter;
use settings::Settings;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Budgets for the endpoints that guess-and-check attacks go after.
pub struct Limits {
    /// Failed sign-ins per username.
    pub login_user: RateLimiter,
    /// Sign-in attempts per client address.
    pub login_ip: RateLimiter,
    /// Registrations per client address.
    pub register: RateLimiter,
    /// Password reset requests per account (or typed name), so nobody's inbox can be flooded.
    pub reset: RateLimiter,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            login_user: RateLimiter::new("login-account", 5, 15 * 60),
            login_ip: RateLimiter::new("login-address", 30, 5 * 60),
            register: RateLimiter::new("register", 20, 10 * 60),
            reset: RateLimiter::new("password-reset", 3, 15 * 60),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub settings: Arc<Settings>,
    pub limits: Arc<Limits>,
    pub spa: Arc<web::Spa>,
    pub demo: Option<DemoLogin>,
    pub images: Arc<images::Images>,
    pub oidc: Arc<oidc::Oidc>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kitty sandbox",
        description = "KttiPay (/ktti), KPAY (/kpay), Kotani Pay (/kotani) and KiotaPay (/kiota) contracts, \
                       implemented on simulated rails. Each operation's summary is its title in the provider's document."
    ),
    modifiers(&BearerScheme)
)]
struct ApiDoc;

struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-Key"))),
        );
    }
}

#[utoipa::path(
    get, path = "/api/config", tag = "Kitty", summary = "Get application configuration values.",
    responses((status = 200, body = AppConfig))
)]
async fn config(State(state): State<AppState>) -> Json<AppConfig> {
    Json(AppConfig {
        mode: state.settings.mode,
        version: env!("CARGO_PKG_VERSION").to_string(),
        providers: state.settings.providers.clone(),
        demo: state.demo.clone(),
    })
}

async fn healthz(State(state): State<AppState>) -> Result<&'static str, error::AppError> {
    sqlx::query("SELECT 1").execute(&state.db).await?;
    Ok("ok")
}

/// Origins outside this server that the app may call (providers pointed elsewhere).
fn external_origins(settings: &Settings) -> Vec<String> {
    let p = &settings.providers;
    [&p.ktti, &p.kpay, &p.kotani, &p.kiota]
        .into_iter()
        .filter_map(|url| {
            let (scheme, rest) = url.split_once("://")?;
            Some(format!("{scheme}://{}", rest.split('/').next()?))
        })
        .collect()
}

/// Opens the database, seeds the demo when asked, and builds the whole router.
pub async fn build(settings: Settings) -> Result<Router, String> {
    let db = db::connect(&settings.database_url).await?;
    let images = images::Images::open(&settings.image_store)?;
    let demo = if settings.demo && settings.is_sandbox() {
        Some(
            demo::seed(&db)
                .await
                .map_err(|e| format!("demo seed: {e:?}"))?,
        )
    } else {
        None
    };
    live::start(&db).await?;
    jobs::spawn(db.clone());
    session::set_access_ttl(settings.access_ttl_secs);
    let spa = web::Spa::load(&settings.dist, &external_origins(&settings));
    let oidc = oidc::Oidc::new(settings.social.clone());
    let state = AppState {
        oidc: Arc::new(oidc),
        db,
        settings: Arc::new(settings),
        limits: Arc::new(Limits::default()),
        spa: Arc::new(spa),
        demo,
        images: Arc::new(images),
    };
    Ok(router(state))
}

pub fn router(state: AppState) -> Router {
    let mut api = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(config))
        .nest("/ktti", ktti::router())
        .nest("/kpay", kpay::router())
        .nest("/kotani", kotani::router())
        .nest("/kiota", kiota::router());
    let sandbox = state.settings.is_sandbox();
    if sandbox {
        api = api.nest("/sandbox", sandbox::router());
    }
    let (routes, mut openapi) = api.split_for_parts();
    openapi::document_common_statuses(&mut openapi);
    let openapi = Arc::new(openapi);
    routes
        .route(
            "/api/openapi.json",
            get(move || async move { Json(openapi.as_ref().clone()) }),
        )
        .route("/healthz", get(healthz))
        .merge(if sandbox {
            oidc::pages()
        } else {
            Router::new()
        })
        .fallback(web::fallback)
        .layer(axum::extract::DefaultBodyLimit::max(web::BODY_LIMIT))
        .layer(axum::middleware::from_fn(web::limit_body))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            web::security_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(
            // One line per request at info: method, path, status, latency.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}

/// Serves `app` on `listener` until SIGINT or SIGTERM, letting requests in flight finish.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
