//! Typed REST clients, one module per provider, over one request helper that maps every failure
//! to [`ApiError`].
//!
//! Each provider has its own base URL (from `GET /api/config`; default: this origin + prefix) so a
//! deployment can point any of them at a real service.

pub mod config;
mod error;
pub mod kotani;
pub mod kpay;
pub mod ktti;
pub mod offline;
#[cfg(all(test, target_arch = "wasm32"))]
mod offline_check;

pub use error::ApiError;

use gloo_net::http::{Request, RequestBuilder, Response};
use kitty_api::auth::CSRF_HEADER;
use kitty_api::config::ProviderUrls;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The four provider APIs the app talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Ktti,
    Kpay,
    Kotani,
    Kiota,
    /// The sandbox's own endpoints (`/sandbox`, same origin), such as the outbox.
    Sandbox,
}

thread_local! {
    static BASES: RefCell<ProviderUrls> = RefCell::new(ProviderUrls::default());
    static ON_SIGNED_OUT: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
    /// The session refresh in flight, shared by every request that met a 401 meanwhile.
    static REFRESHING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Reads in flight, with when each started, so a person can stop waiting for slow ones
    /// ([`cancel_slow_reads`]).
    static READS: RefCell<Vec<(u64, f64, web_sys::AbortController)>> = const { RefCell::new(Vec::new()) };
    static NEXT_READ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Aborts every read (GET) that has been waiting for `older_than` or more, and returns how many:
/// each one fails with [`ApiError::Cancelled`], so the page shows its "Try again". Writes are
/// never aborted: the server may already have carried them out.
pub fn cancel_slow_reads(older_than: std::time::Duration) -> usize {
    let cutoff = js_sys::Date::now() - older_than.as_millis() as f64;
    let slow: Vec<_> = READS.with(|r| {
        r.borrow()
            .iter()
            .filter(|(_, started, _)| *started <= cutoff)
            .map(|(_, _, c)| c.clone())
            .collect()
    });
    for controller in &slow {
        controller.abort();
    }
    slow.len()
}

/// A read in [`READS`] while it is in flight; dropping it (answered, failed or abandoned)
/// takes it out.
struct InFlight {
    id: u64,
    controller: web_sys::AbortController,
}

impl InFlight {
    fn start() -> Option<InFlight> {
        let controller = web_sys::AbortController::new().ok()?;
        let id = NEXT_READ.with(|n| {
            let id = n.get();
            n.set(id + 1);
            id
        });
        READS.with(|r| {
            r.borrow_mut()
                .push((id, js_sys::Date::now(), controller.clone()))
        });
        Some(InFlight { id, controller })
    }

    fn aborted(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let id = self.id;
        // `try_with`: the thread-local may already be gone when the page unloads.
        let _ = READS.try_with(|r| r.borrow_mut().retain(|(i, _, _)| *i != id));
    }
}

/// Points each provider at the base URL the server configured.
pub fn configure(urls: ProviderUrls) {
    BASES.with(|b| *b.borrow_mut() = urls);
}

/// Called when a request is refused for want of a session even after a refresh: the app then
/// sends the person to sign in.
pub fn on_signed_out(hook: impl Fn() + 'static) {
    ON_SIGNED_OUT.with(|h| *h.borrow_mut() = Some(Box::new(hook)));
}

pub(crate) fn url(provider: Provider, path: &str) -> String {
    BASES.with(|b| {
        let b = b.borrow();
        let base = match provider {
            Provider::Ktti => &b.ktti,
            Provider::Kpay => &b.kpay,
            Provider::Kotani => &b.kotani,
            Provider::Kiota => &b.kiota,
            Provider::Sandbox => return format!("/sandbox{path}"),
        };
        format!("{}{path}", base.trim_end_matches('/'))
    })
}

/// A path segment or query value, percent-encoded.
pub(crate) fn enc(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// The CSRF token from its readable cookie; sent back in a header on state-changing requests.
pub(crate) fn csrf_token() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let cookies = doc
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()?;
    cookies
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == kitty_api::auth::CSRF_COOKIE)
        .map(|(_, v)| v.to_string())
}

/// Whether this browser holds a session the server may still accept. The CSRF cookie is set and
/// cleared together with the (unreadable) session cookies, so it tells without a request.
pub fn may_have_session() -> bool {
    csrf_token().is_some()
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

struct Call<'a> {
    method: Method,
    provider: Provider,
    path: &'a str,
    body: Option<String>,
    /// Sent with `keepalive`, so it completes even if the page is left (a link into another
    /// bundle loads a new page at once).
    keepalive: bool,
}

impl<'a> Call<'a> {
    /// A request with a JSON body.
    fn json<B: Serialize>(
        method: Method,
        provider: Provider,
        path: &'a str,
        body: &B,
    ) -> Result<Call<'a>, ApiError> {
        Ok(Call {
            method,
            provider,
            path,
            body: Some(encode(body)?),
            keepalive: false,
        })
    }

    fn builder(&self) -> RequestBuilder {
        let url = url(self.provider, self.path);
        let b = match self.method {
            Method::Get => return Request::get(&url),
            Method::Post => Request::post(&url),
            Method::Put => Request::put(&url),
            Method::Patch => Request::patch(&url),
            Method::Delete => Request::delete(&url),
        };
        // Every method but GET changes state: it carries the CSRF token.
        match csrf_token() {
            Some(t) => b.header(CSRF_HEADER, &t),
            None => b,
        }
    }

    async fn attempt(&self) -> Result<Response, ApiError> {
        // A change cannot wait for the connection: it fails at once, and the form keeps what
        // was typed. (Reads are still tried: the browser may be wrong, and offline they are
        // answered from their kept copies.)
        if self.method != Method::Get && !offline::navigator_online() {
            return Err(ApiError::Offline);
        }
        let mut builder = self.builder().header("accept", "application/json");
        let read = (self.method == Method::Get).then(InFlight::start).flatten();
        if let Some(r) = &read {
            builder = builder.abort_signal(Some(&r.controller.signal()));
        }
        let request = match &self.body {
            Some(json) => builder
                .header("content-type", "application/json")
                .body(json.clone()),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
        let request = if self.keepalive {
            keep_alive(request)?
        } else {
            request
        };
        request.send().await.map_err(|_| match &read {
            Some(r) if r.aborted() => ApiError::Cancelled,
            None if !offline::navigator_online() => ApiError::Offline,
            _ => ApiError::Network,
        })
    }

    /// Sends the request. A 401 triggers one session refresh and one retry; if that fails too,
    /// the signed-out hook runs.
    async fn send(self) -> Result<Response, ApiError> {
        let response = self.attempt().await?;
        if response.status() != 401 || is_session_endpoint(self.provider, self.path) {
            return Ok(response);
        }
        if may_have_session() && refresh_once().await {
            let retried = self.attempt().await?;
            if retried.status() != 401 {
                return Ok(retried);
            }
        }
        // The session is over: nothing kept for offline reading stays behind.
        offline::forget();
        ON_SIGNED_OUT.with(|h| {
            if let Some(hook) = h.borrow().as_ref() {
                hook()
            }
        });
        Ok(response)
    }
}

/// The same request, sent with `keepalive`.
fn keep_alive(request: Request) -> Result<Request, ApiError> {
    let init = web_sys::RequestInit::new();
    // Not in web-sys's RequestInit (its WebIDL predates it), but every current browser has it.
    js_sys::Reflect::set(&init, &"keepalive".into(), &true.into())
        .map_err(|_| ApiError::Unexpected("could not build the request".into()))?;
    web_sys::Request::new_with_request_and_init(&request.into(), &init)
        .map(Request::from)
        .map_err(|_| ApiError::Unexpected("could not build the request".into()))
}

/// Renews the session, once for everyone: requests that meet a 401 while a refresh is in flight
/// wait for that one instead of starting their own. (Two refreshes at once would race: the first
/// rotates the refresh token and the second, holding the old one, would end the session.)
async fn refresh_once() -> bool {
    let promise = REFRESHING.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some(p) = slot.as_ref() {
            return p.clone();
        }
        let p = wasm_bindgen_futures::future_to_promise(async {
            let ok = refresh_session().await.is_ok();
            REFRESHING.with(|slot| *slot.borrow_mut() = None);
            Ok(wasm_bindgen::JsValue::from_bool(ok))
        });
        *slot = Some(p.clone());
        p
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Renews the session from the refresh cookie. Sent directly, never through [`Call::send`], so a
/// failing refresh cannot trigger another refresh.
pub(crate) async fn refresh_session() -> Result<(), ApiError> {
    let body = encode(&kitty_api::auth::RefreshRequest::default())?;
    let call = Call {
        method: Method::Post,
        provider: Provider::Ktti,
        path: "/api/v2/auth/refresh",
        body: Some(body),
        keepalive: false,
    };
    into_result(call.attempt().await?).await.map(drop)
}

/// Sign-in endpoints answer 401 for wrong credentials (or a refused ID token); refreshing would
/// not help. Fiat Connect's endpoints have a session of their own (the wallet's, from a signed
/// message): their 401 says nothing about the person's Kitty session.
fn is_session_endpoint(provider: Provider, path: &str) -> bool {
    (provider == Provider::Kpay
        && matches!(
            path,
            "/auth/login" | "/auth/register" | "/auth/refresh" | "/auth/logout"
        ))
        || (provider == Provider::Ktti
            && matches!(
                path,
                "/api/v2/auth/login"
                    | "/api/v2/auth/refresh"
                    | "/api/v2/auth/logout"
                    | "/api/v2/auth/social"
                    | "/api/v2/auth/social/nonce"
                    | "/api/v2/registration"
                    | "/api/v2/registration/password"
            ))
        || (provider == Provider::Kotani && path.starts_with("/fiatconnect/"))
}

async fn into_result(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.parse().ok());
    let body = response.json::<kitty_api::ErrorBody>().await.ok();
    Err(ApiError::from_status(status, body, retry_after))
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    into_result(response)
        .await?
        .json()
        .await
        .map_err(|e| ApiError::Unexpected(format!("unreadable response: {e}")))
}

fn encode<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|e| ApiError::Unexpected(e.to_string()))
}

/// Reads `path`. A resource (or effect) that reads through here runs again when the connection
/// comes back ([`offline::track`]). The answers of KttiPay's reads in [`offline::keeps`] are
/// kept, and a read that finds no network answers with its kept copy ([`offline::recall`]).
pub(crate) async fn get<T: DeserializeOwned>(
    provider: Provider,
    path: &str,
) -> Result<T, ApiError> {
    // Generic only in the last step: everything before is one function for every answer type.
    read_json(&get_text(provider, path).await?)
}

async fn get_text(provider: Provider, path: &str) -> Result<String, ApiError> {
    offline::track();
    let call = Call {
        method: Method::Get,
        provider,
        path,
        body: None,
        keepalive: false,
    };
    let kept = provider == Provider::Ktti && offline::keeps(path);
    let response = match call.send().await {
        Err(ApiError::Network) if kept => {
            return offline::recall(&url(provider, path), path).ok_or(ApiError::Network);
        }
        other => {
            // An answer, even an error, means the server can be reached again.
            let response = other?;
            offline::reached();
            into_result(response).await?
        }
    };
    let body = response
        .text()
        .await
        .map_err(|e| ApiError::Unexpected(format!("unreadable response: {e}")))?;
    if kept {
        offline::remember(&url(provider, path), path, &body);
    }
    Ok(body)
}

fn read_json<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body)
        .map_err(|e| ApiError::Unexpected(format!("unreadable response: {e}")))
}

pub(crate) async fn post<B: Serialize, T: DeserializeOwned>(
    provider: Provider,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let call = Call {
        method: Method::Post,
        provider,
        path,
        body: Some(encode(body)?),
        keepalive: false,
    };
    decode(call.send().await?).await
}

/// A PUT or PATCH with a JSON body.
pub(crate) async fn send_json<B: Serialize, T: DeserializeOwned>(
    method: Method,
    provider: Provider,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let call = Call {
        method,
        provider,
        path,
        body: Some(encode(body)?),
        keepalive: false,
    };
    decode(call.send().await?).await
}

/// A request whose success has no body (204).
pub(crate) async fn send_empty(
    method: Method,
    provider: Provider,
    path: &str,
) -> Result<(), ApiError> {
    let call = Call {
        method,
        provider,
        path,
        body: None,
        keepalive: false,
    };
    into_result(call.send().await?).await.map(|_| ())
}

/// A request with a JSON body whose success has no body (204).
pub(crate) async fn send_json_empty<B: Serialize>(
    method: Method,
    provider: Provider,
    path: &str,
    body: &B,
) -> Result<(), ApiError> {
    let call = Call::json(method, provider, path, body)?;
    into_result(call.send().await?).await.map(|_| ())
}

/// A POST whose success has no body (204).
pub(crate) async fn post_empty(provider: Provider, path: &str) -> Result<(), ApiError> {
    let call = Call {
        method: Method::Post,
        provider,
        path,
        body: None,
        keepalive: false,
    };
    into_result(call.send().await?).await.map(|_| ())
}

/// [`post_empty`], finished even if the person leaves the page meanwhile.
pub(crate) async fn post_empty_keepalive(provider: Provider, path: &str) -> Result<(), ApiError> {
    let call = Call {
        method: Method::Post,
        provider,
        path,
        body: None,
        keepalive: true,
    };
    into_result(call.send().await?).await.map(|_| ())
}
