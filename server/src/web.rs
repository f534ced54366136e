//! Serving the built app: static files with the right caching, `index.html` for every client
//! route, and the security headers (a CSP that allows exactly trunk's inline loader script).

// Which area's build answers a page: one rule with the app's (`kitty::bundles::owner`).
use crate::error::AppError;
use crate::providers::API_PREFIXES;
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use kitty_api::config::{area_of, AREAS};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The app's entry pages, read once at start-up, and the policy that goes with them.
pub struct Spa {
    dist: PathBuf,
    index: Option<Bytes>,
    /// The buyer's checkout page (`/pay/...`): its own small build under `dist/checkout/`.
    checkout: Option<Bytes>,
    /// The buyer's crypto and Binance-order pages (`/pay/crypto/...`, `/pay/order/...`): a
    /// sibling build under `dist/coinpay/`.
    coinpay: Option<Bytes>,
    /// The areas built on their own (`/merchant/...`, `/ramp/...`), each under
    /// `dist/areas/<name>/`; the app's own rule is `kitty::bundles::owner`.
    areas: Vec<(&'static str, Option<Bytes>)>,
    csp: HeaderValue,
}

impl Spa {
    pub fn load(dist: &Path, connect_origins: &[String]) -> Spa {
        let read = |p: PathBuf| std::fs::read(p).ok().map(Bytes::from);
        let index = read(dist.join("index.html"));
        let checkout = read(dist.join("checkout/index.html"));
        let coinpay = read(dist.join("coinpay/index.html"));
        let areas: Vec<(&'static str, Option<Bytes>)> = AREAS
            .iter()
            .map(|a| (*a, read(dist.join(format!("areas/{a}/index.html")))))
            .collect();
        if index.is_none() {
            tracing::warn!(dist = %dist.display(), "no index.html: the app is not built (scripts/run builds it)");
        }
        let hashes: Vec<String> = [&index, &checkout, &coinpay]
            .into_iter()
            .chain(areas.iter().map(|(_, page)| page))
            .flatten()
            .flat_map(|html| inline_script_hashes(&String::from_utf8_lossy(html)))
            .collect();
        let csp = content_security_policy(&hashes, connect_origins);
        Spa {
            dist: dist.to_path_buf(),
            index,
            checkout,
            coinpay,
            areas,
            csp: HeaderValue::from_str(&csp).expect("CSP is ASCII"),
        }
    }

    /// The entry page for a client route: the coin pages' build for `/pay/crypto/...` and
    /// `/pay/order/...`, the checkout build for other `/pay/...`, an area's build
    /// for its pages (`/ramp/...`), else the main app.
    fn page_for(&self, path: &str) -> Response {
        let area = area_of(path).and_then(|name| {
            self.areas
                .iter()
                .find(|(a, _)| *a == name)
                .and_then(|(_, page)| page.as_ref())
        });
        let page = if path.starts_with("/pay/crypto/") || path.starts_with("/pay/order/") {
            self.coinpay.as_ref().or(self.index.as_ref())
        } else if path.starts_with("/pay/") {
            self.checkout.as_ref().or(self.index.as_ref())
        } else {
            area.or(self.index.as_ref())
        };
        Self::html_response(page)
    }

    fn html_response(page: Option<&Bytes>) -> Response {
        match page {
            Some(html) => (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                ],
                Body::from(html.clone()),
            )
                .into_response(),
            None => (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
                "The Kitty app has not been built yet. Run scripts/run, which builds it with trunk.",
            )
                .into_response(),
        }
    }
}

/// `'sha256-…'` sources for every inline `<script>` (trunk writes one that loads the wasm).
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let attrs = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !attrs.contains(" src=") {
            let digest = Sha256::digest(&body_and_more.as_bytes()[..close]);
            out.push(format!("'sha256-{}'", STANDARD.encode(digest)));
        }
        rest = &body_and_more[close..];
    }
    out
}

fn content_security_policy(script_hashes: &[String], connect_origins: &[String]) -> String {
    let mut script_src = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script_src.extend_from_slice(script_hashes);
    let mut connect_src = vec!["'self'".to_string()];
    connect_src.extend_from_slice(connect_origins);
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src {}; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'",
        script_src.join(" "),
        connect_src.join(" ")
    )
}

/// Files trunk names with a content hash (`kitty-1a2b3c4d5e6f7a8b_bg.wasm`) never change.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_api_path(path: &str) -> bool {
    path == "/api"
        || API_PREFIXES
            .iter()
            .any(|p| path.starts_with(p) || path == &p[..p.len() - 1])
}

/// `https://host` of the request, for links handed to people (payment and join links).
pub fn public_base(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost:8080");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    format!("{}://{host}", if https { "https" } else { "http" })
}

/// Everything the routers did not match: API paths get a JSON 404, files are served from the
/// app folder, and any other path is a client route that gets `index.html`.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    if is_api_path(&path) {
        return AppError::NotFound(format!("There is no endpoint {} {path}.", req.method()))
            .into_response();
    }
    if path == "/" || path == "/index.html" || path.starts_with("/pay/") || area_of(&path).is_some()
    {
        return state.spa.page_for(&path);
    }
    let served = ServeDir::new(&state.spa.dist)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(req)
        .await;
    let mut response = match served {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        let last = path.rsplit('/').next().unwrap_or("");
        return if last.contains('.') {
            (StatusCode::NOT_FOUND, "Not found").into_response()
        } else {
            state.spa.page_for(&path)
        };
    }
    let cache = if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// Headers every response carries; API responses are never cached unless a handler says so.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let api = is_api_path(req.uri().path());
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, state.spa.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The largest request body the server reads: API bodies are small JSON documents.
pub const BODY_LIMIT: usize = 1 << 20;
/// A body declared larger than the limit is still read and thrown away up to this size, so the
/// client's keep-alive connection stays usable after the 413; past it the connection is closed.
const DRAIN_LIMIT: usize = 16 << 20;

/// Refuses `%00` in the address (400), and answers a body declared larger than [`BODY_LIMIT`] with 413 and the JSON error body, after
/// reading the body through so the connection can carry the next request.
pub async fn limit_body(req: Request, next: Next) -> Response {
    // A NUL character in the path or query (`%00`) is no name, id or search of ours, and
    // PostgreSQL cannot store or compare it in text: refused before any handler sees it.
    let target = req.uri().path_and_query().map_or("", |p| p.as_str());
    if target
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"%00"))
    {
        return AppError::BadRequest(crate::error::NUL_TEXT.into()).into_response();
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    // An image PUT to its pre-signed URL may be up to 5 MB; its handler reads at most that.
    let limit = if req.uri().path().starts_with(crate::images::UPLOAD_PREFIX) {
        kitty_api::media::MAX_IMAGE_BYTES
    } else {
        BODY_LIMIT
    };
    match declared {
        Some(len) if len > limit => {
            let mut response = if limit == BODY_LIMIT {
                too_large()
            } else {
                AppError::TooLarge("This image is larger than 5 MB. Choose a smaller one.".into())
            }
            .into_response();
            if len > DRAIN_LIMIT
                || axum::body::to_bytes(req.into_body(), DRAIN_LIMIT)
                    .await
                    .is_err()
            {
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            response
        }
        _ => next.run(req).await,
    }
}

pub fn too_large() -> AppError {
    AppError::TooLarge(format!(
        "The request body is larger than {} KB. Send less at once.",
        BODY_LIMIT / 1024
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><script type="module" nonce="x">init('/k.wasm');</script></head>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let expected = STANDARD.encode(Sha256::digest(b"init('/k.wasm');"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed_asset("/kitty-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/kitty-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(!is_hashed_asset("/manifest.webmanifest"));
        assert!(!is_hashed_asset("/icon-192.png"));
    }

    #[test]
    fn api_paths() {
        assert!(is_api_path("/kpay/nope"));
        assert!(is_api_path("/kpay"));
        assert!(is_api_path("/api/x"));
        assert!(!is_api_path("/kpayments"));
        assert!(!is_api_path("/merchant"));
    }
}
