//! Social sign-in with OpenID Connect ID tokens.
//!
//! An ID token is verified with `jsonwebtoken`: the signature against the provider's published
//! keys (JWKS), `iss`, `aud`, and `exp`; the caller then checks the `nonce` against one this
//! server handed out. `exp` is compared with the server's clock (`crate::clock`), which the
//! sandbox can move forward, rather than the crate's wall clock.
//!
//! In sandbox mode the server is also the provider (`/sandbox/oidc/*`): it signs ID tokens with
//! its own ES256 key, made once and kept in `server_keys` so that every process signs alike, and
//! publishes the public half as a JWKS. A real provider is configuration only
//! (`KITTY_OIDC_*`, see `Settings::social`): its JWKS is fetched over HTTPS and cached.

use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::settings::SocialSettings;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::{
    AlgorithmParameters, CommonParameters, EllipticCurve, EllipticCurveKeyParameters,
    EllipticCurveKeyType, Jwk, JwkSet, KeyAlgorithm, PublicKeyUse,
};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::sync::Mutex;
use tokio::sync::OnceCell;

/// How long a sandbox ID token lives.
pub const TOKEN_TTL_SECS: i64 = 5 * 60;
/// Clock skew allowed on `exp`.
const LEEWAY_SECS: i64 = 60;
/// A fetched JWKS is reused this long; an unknown `kid` fetches again at most once a minute.
const JWKS_TTL_SECS: i64 = 60 * 60;
const JWKS_RETRY_SECS: i64 = 60;

/// The claims Kitty reads from an ID token (others are ignored).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    /// A string or an array of strings; `jsonwebtoken` checks it against the client id.
    pub aud: serde_json::Value,
    pub exp: i64,
    #[serde(default)]
    pub iat: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

struct SandboxKey {
    encoding: EncodingKey,
    jwk: Jwk,
}

pub struct Oidc {
    provider: Option<SocialSettings>,
    sandbox_key: OnceCell<SandboxKey>,
    /// A real provider's keys and when they were fetched.
    remote: Mutex<Option<(i64, JwkSet)>>,
}

impl Oidc {
    pub fn new(provider: Option<SocialSettings>) -> Oidc {
        Oidc {
            provider,
            sandbox_key: OnceCell::new(),
            remote: Mutex::new(None),
        }
    }

    pub fn provider(&self) -> Option<&SocialSettings> {
        self.provider.as_ref()
    }

    /// The sandbox provider's key, made on first use and shared through the database.
    async fn sandbox_key(&self, db: &Db) -> AppResult<&SandboxKey> {
        self.sandbox_key
            .get_or_try_init(|| async {
                let fresh = EcdsaKeyPair::generate_pkcs8(
                    &ECDSA_P256_SHA256_FIXED_SIGNING,
                    &ring::rand::SystemRandom::new(),
                )
                .map_err(|_| AppError::internal("could not generate the sandbox ID key"))?;
                sqlx::query(
                    "INSERT INTO server_keys (name, secret) VALUES ('oidc_es256', $1) ON CONFLICT (name) DO NOTHING",
                )
                .bind(hex::encode(fresh.as_ref()))
                .execute(db)
                .await?;
                let (stored,): (String,) =
                    sqlx::query_as("SELECT secret FROM server_keys WHERE name = 'oidc_es256'")
                        .fetch_one(db)
                        .await?;
                let pkcs8 = hex::decode(stored).map_err(AppError::internal)?;
                let pair = EcdsaKeyPair::from_pkcs8(
                    &ECDSA_P256_SHA256_FIXED_SIGNING,
                    &pkcs8,
                    &ring::rand::SystemRandom::new(),
                )
                .map_err(|_| AppError::internal("the stored sandbox ID key does not load"))?;
                // An uncompressed P-256 point: 0x04, then x and y, 32 bytes each.
                let point = pair.public_key().as_ref();
                let (x, y) = point[1..].split_at(32);
                let kid = hex::encode(&Sha256::digest(point)[..8]);
                Ok::<_, AppError>(SandboxKey {
                    encoding: EncodingKey::from_ec_der(&pkcs8),
                    jwk: Jwk {
                        common: CommonParameters {
                            public_key_use: Some(PublicKeyUse::Signature),
                            key_algorithm: Some(KeyAlgorithm::ES256),
                            key_id: Some(kid),
                            ..Default::default()
                        },
                        algorithm: AlgorithmParameters::EllipticCurve(EllipticCurveKeyParameters {
                            key_type: EllipticCurveKeyType::EC,
                            curve: EllipticCurve::P256,
                            x: URL_SAFE_NO_PAD.encode(x),
                            y: URL_SAFE_NO_PAD.encode(y),
                        }),
                    },
                })
            })
            .await
    }

    /// The sandbox provider's published keys.
    pub async fn sandbox_jwks(&self, db: &Db) -> AppResult<JwkSet> {
        Ok(JwkSet {
            keys: vec![self.sandbox_key(db).await?.jwk.clone()],
        })
    }

    /// Signs an ID token as the sandbox provider.
    pub async fn sandbox_sign(&self, db: &Db, claims: &IdClaims) -> AppResult<String> {
        let key = self.sandbox_key(db).await?;
        let mut header = Header::new(Algorithm::ES256);
        header.kid = key.jwk.common.key_id.clone();
        jsonwebtoken::encode(&header, claims, &key.encoding).map_err(AppError::internal)
    }

    /// The provider's keys: the sandbox's own, or a real provider's JWKS (cached).
    async fn key_set(&self, db: &Db, provider: &SocialSettings, kid: &str) -> AppResult<JwkSet> {
        let Some(url) = &provider.jwks_url else {
            return self.sandbox_jwks(db).await;
        };
        let now = crate::clock::now();
        let cached = self.remote.lock().expect("jwks cache").clone();
        if let Some((fetched, set)) = cached {
            let fresh = now - fetched < JWKS_TTL_SECS;
            if fresh && (set.find(kid).is_some() || now - fetched < JWKS_RETRY_SECS) {
                return Ok(set);
            }
        }
        let set: JwkSet = reqwest::Client::new()
            .get(url)
            .timeout(std::time::Duration::from_secs(5))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| AppError::BadRequest(format!("The sign-in provider's keys could not be fetched ({e}). Try again in a minute.")))?
            .json()
            .await
            .map_err(|e| AppError::BadRequest(format!("The sign-in provider's keys could not be read ({e}).")))?;
        *self.remote.lock().expect("jwks cache") = Some((now, set.clone()));
        Ok(set)
    }

    /// Verifies an ID token's signature, `iss`, `aud` and `exp`. The error is a sentence for a
    /// 401; the nonce is the caller's to check.
    pub async fn verify(&self, db: &Db, token: &str) -> AppResult<IdClaims> {
        let refused = |why: &str| {
            AppError::Unauthorized(format!(
                "The sign-in was refused: {why} Start the sign-in again."
            ))
        };
        let provider = self
            .provider()
            .ok_or_else(|| AppError::not_found("social sign-in"))?;
        let header = jsonwebtoken::decode_header(token)
            .map_err(|_| refused("the ID token is not a JWT."))?;
        if !matches!(header.alg, Algorithm::ES256 | Algorithm::RS256) {
            return Err(refused(
                "the ID token is signed with an algorithm Kitty does not accept.",
            ));
        }
        let kid = header.kid.unwrap_or_default();
        let set = self.key_set(db, provider, &kid).await?;
        let jwk = set.find(&kid).ok_or_else(|| {
            refused("the ID token is signed with a key the provider does not publish.")
        })?;
        let key =
            DecodingKey::from_jwk(jwk).map_err(|_| refused("the provider's key is unusable."))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&provider.issuer]);
        validation.set_audience(&[&provider.client_id]);
        validation.set_required_spec_claims(&["iss", "aud", "exp", "sub"]);
        // `exp` is checked below against the server's clock, which the sandbox can move.
        validation.validate_exp = false;
        let claims = jsonwebtoken::decode::<IdClaims>(token, &key, &validation)
            .map_err(|e| {
                use jsonwebtoken::errors::ErrorKind;
                refused(match e.kind() {
                    ErrorKind::InvalidSignature => {
                        "the ID token's signature does not match the provider's key."
                    }
                    ErrorKind::InvalidIssuer => "the ID token comes from another issuer.",
                    ErrorKind::InvalidAudience => {
                        "the ID token was issued for another application."
                    }
                    ErrorKind::MissingRequiredClaim(_) => "the ID token lacks a required claim.",
                    _ => "the ID token could not be verified.",
                })
            })?
            .claims;
        if claims.exp + LEEWAY_SECS <= crate::clock::now() {
            return Err(refused("the ID token has expired."));
        }
        Ok(claims)
    }
}

/// The sandbox provider's subject for an email: stable, as a real provider's is per account.
pub fn sandbox_subject(email: &str) -> String {
    format!(
        "sbx-{}",
        hex::encode(&Sha256::digest(email.as_bytes())[..12])
    )
}

// ---- The sandbox identity provider -------------------------------------------------------

use crate::AppState;
use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The provider's JSON documents, in the OpenAPI document with the rest of `/sandbox`.
pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router.routes(routes!(jwks)).routes(routes!(discovery))
}

/// The provider's sign-in page (HTML, so outside the OpenAPI document): `/sandbox/oidc/authorize`.
pub fn pages() -> axum::Router<AppState> {
    axum::Router::new()
        .route(
            "/sandbox/oidc/authorize",
            axum::routing::get(authorize_page).post(authorize),
        )
        .route(
            "/sandbox/oidc/sandbox-id.css",
            axum::routing::get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    PAGE_CSS,
                )
            }),
        )
}

/// The sign-in page's style, a file of its own as the server's CSP allows no inline style.
const PAGE_CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f1ea;color:#1d1b16}main{max-width:26rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}\nh1{font-size:1.4rem;margin:0 0 .5rem}label{display:block;margin:.75rem 0 .25rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;font:inherit;border:1px solid #8a8578;border-radius:8px}\n.row{display:flex;gap:.75rem;margin-top:1.25rem;flex-wrap:wrap}button{font:inherit;padding:.6rem 1.1rem;border-radius:8px;border:1px solid #1d1b16;background:#fff;cursor:pointer}button.primary{background:#1d1b16;color:#fff}\nbutton:focus-visible,input:focus-visible{outline:3px solid #2b6cb0;outline-offset:2px}.note{color:#5c574c;font-size:.9rem}@media (prefers-color-scheme:dark){body{background:#16140f;color:#eee}main{background:#24211b}button{background:#24211b;color:#eee;border-color:#eee}button.primary{background:#eee;color:#16140f}.note{color:#bdb6a6}}";

#[utoipa::path(
    get, path = "/oidc/jwks.json", tag = "Sandbox",
    summary = "The sandbox identity provider's signing keys (JWKS).",
    description = "The public half of the ES256 key that signs the sandbox provider's ID tokens.",
    responses((status = 200, description = "A JSON Web Key Set", body = Object))
)]
async fn jwks(State(state): State<AppState>) -> AppResult<Response> {
    let set = state.oidc.sandbox_jwks(&state.db).await?;
    Ok(([(header::CACHE_CONTROL, "public, max-age=3600")], Json(set)).into_response())
}

#[utoipa::path(
    get, path = "/oidc/.well-known/openid-configuration", tag = "Sandbox",
    summary = "The sandbox identity provider's OpenID Connect discovery document.",
    responses((status = 200, description = "Issuer, endpoints and algorithms", body = Object))
)]
async fn discovery() -> Json<serde_json::Value> {
    Json(serde_json::json!({
        "issuer": crate::settings::SANDBOX_ISSUER,
        "authorization_endpoint": "/sandbox/oidc/authorize",
        "jwks_uri": "/sandbox/oidc/jwks.json",
        "response_types_supported": ["id_token"],
        "response_modes_supported": ["fragment"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "scopes_supported": ["openid", "email", "profile"],
        "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"],
    }))
}

/// An authorization request (`response_type=id_token`, the implicit flow's answer in the
/// fragment), and on POST the person's chosen identity.
#[derive(Debug, Deserialize)]
struct AuthorizeRequest {
    #[serde(default)]
    response_type: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    redirect_uri: String,
    #[serde(default)]
    nonce: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    /// `continue` or `cancel` (the POST's button).
    #[serde(default)]
    action: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The request's problems, in words; a redirect is only ever made to this server's own pages.
fn check_request(req: &AuthorizeRequest, headers: &HeaderMap) -> Result<(), String> {
    if req.response_type != "id_token" {
        return Err("This provider answers response_type=id_token only.".into());
    }
    if req.client_id.is_empty() || req.client_id.len() > 200 {
        return Err("client_id is missing.".into());
    }
    if req.nonce.is_empty() || req.nonce.len() > 100 {
        return Err("nonce is missing (or longer than 100 characters).".into());
    }
    if req.state.len() > 200 {
        return Err("state is longer than 200 characters.".into());
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let same_origin = url::Url::parse(&req.redirect_uri).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https")
            && u.host_str().is_some_and(|h| match u.port() {
                Some(p) => format!("{h}:{p}") == host,
                None => h == host,
            })
    });
    if !same_origin {
        return Err("redirect_uri must be a page of this server.".into());
    }
    Ok(())
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{title} · Sandbox ID</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml"><link rel="stylesheet" href="/sandbox/oidc/sandbox-id.css"></head>
<body><main>{body}</main></body></html>"#
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

async fn authorize_page(headers: HeaderMap, Query(req): Query<AuthorizeRequest>) -> Response {
    if let Err(why) = check_request(&req, &headers) {
        return page(StatusCode::BAD_REQUEST, "Bad sign-in request", &format!("<h1>This sign-in request cannot be used</h1><p>{}</p><p class=note>Go back to the app and start again.</p>", escape(&why)));
    }
    let hidden = [
        ("response_type", &req.response_type),
        ("client_id", &req.client_id),
        ("redirect_uri", &req.redirect_uri),
        ("nonce", &req.nonce),
        ("state", &req.state),
    ]
    .iter()
    .map(|(k, v)| format!(r#"<input type="hidden" name="{k}" value="{}">"#, escape(v)))
    .collect::<String>();
    page(
        StatusCode::OK,
        "Sign in",
        &format!(
            r#"<h1>Sign in with Sandbox ID</h1>
<p class=note>This is the sandbox's own identity provider: it stands in for a real one such as Google or Apple, and signs an ID token for whoever you say you are. Nothing leaves this machine.</p>
<form method="post" action="/sandbox/oidc/authorize">{hidden}
<label for="sid-name">Your name</label><input id="sid-name" name="name" autocomplete="name" maxlength="100" required>
<label for="sid-email">Your email</label><input id="sid-email" name="email" type="email" autocomplete="email" maxlength="254" required>
<div class="row"><button class="primary" name="action" value="continue">Continue</button><button name="action" value="cancel" formnovalidate>Cancel</button></div>
</form>"#
        ),
    )
}

async fn authorize(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(req): Form<AuthorizeRequest>,
) -> AppResult<Response> {
    if let Err(why) = check_request(&req, &headers) {
        return Ok(page(
            StatusCode::BAD_REQUEST,
            "Bad sign-in request",
            &format!(
                "<h1>This sign-in request cannot be used</h1><p>{}</p>",
                escape(&why)
            ),
        ));
    }
    let back = |fragment: String| {
        let state_part =
            url::form_urlencoded::byte_serialize(req.state.as_bytes()).collect::<String>();
        Redirect::to(&format!(
            "{}#{fragment}&state={state_part}",
            req.redirect_uri
        ))
        .into_response()
    };
    if req.action == "cancel" {
        return Ok(back("error=access_denied".into()));
    }
    let email = kitty_api::validate::email(req.email.trim());
    let name = kitty_api::validate::name(&req.name);
    let (Ok(email), Ok(name)) = (email, name) else {
        return Ok(page(StatusCode::UNPROCESSABLE_ENTITY, "Check your details", "<h1>Check your details</h1><p>Enter your name and a valid email address.</p><p class=note>Use the browser's Back button to correct them.</p>"));
    };
    let now = crate::clock::now();
    let claims = IdClaims {
        iss: crate::settings::SANDBOX_ISSUER.into(),
        sub: sandbox_subject(&email),
        aud: serde_json::Value::String(req.client_id.clone()),
        exp: now + TOKEN_TTL_SECS,
        iat: now,
        nonce: Some(req.nonce.clone()),
        email: Some(email),
        email_verified: Some(true),
        name: Some(name),
    };
    let token = state.oidc.sandbox_sign(&state.db, &claims).await?;
    Ok(back(format!("id_token={token}")))
}
