//! KttiPay: the app inbox, kitties (`/api/v3`), and the account's notification preferences,
//! push, devices and blocks.

use super::{enc, get, post_empty, ApiError, Provider::Ktti};
use super::{post, Provider};
use kitty_api::account::{
    AppDetailsRequest, CoreConfig, Customer, CustomerList, DeviceList, KycDetails,
    NotificationInfo, Preferences, PushMessage,
};
use kitty_api::auth::{
    ChangePasswordRequest, EmailLoginRequest, FinishRegistrationRequest, FinishResetRequest,
    OutboxList, RegistrationStarted, ResetRequest, SocialLoginRequest, SocialNonce,
    StartRegistrationRequest, TokenResponse,
};
use kitty_api::kitty::{
    AssignRequest, BankAccount, ClosureStep, CreateKittyRequest, Disbursement, InvitationList,
    InviteRequest, JoinRequest, Kitty, KittyList, KittyStatus, KittyTransaction,
    KittyTransactionList, MemberTotals, Role, SplitRule, TransactionInfo, TransactionSplit,
    UpdateKittyRequest, UpdateMembershipRequest,
};
use kitty_api::life::{
    CardDetails, ChatMessage, ChatPage, ChatRead, PostalAddress, SendChatRequest,
};
use kitty_api::notifications::NotificationList;

pub async fn inbox() -> Result<NotificationList, ApiError> {
    get(Ktti, "/api/v2/notifications/inbox").await
}

pub async fn mark_all_read() -> Result<(), ApiError> {
    post_empty(Ktti, "/api/v2/notifications/inbox/read").await
}

fn read_path(notification_id: &str) -> String {
    format!("/api/v2/notifications/inbox/{}/read", enc(notification_id))
}

/// Marks one of the person's inbox items as read (204; 404 if it is not theirs).
pub async fn mark_read(notification_id: &str) -> Result<(), ApiError> {
    post_empty(Ktti, &read_path(notification_id)).await
}

/// [`mark_read`] on the way to the page the item is about: finished even when that page is
/// another bundle's, which a full page load opens.
pub async fn mark_read_leaving(notification_id: &str) -> Result<(), ApiError> {
    super::post_empty_keepalive(Ktti, &read_path(notification_id)).await
}

// ---- Kitties (/api/v3) ----

fn kitty_path(id: &str, rest: &str) -> String {
    format!("/api/v3/ktties/{}{rest}", enc(id))
}

pub async fn kitties(name: &str, status: Option<KittyStatus>) -> Result<KittyList, ApiError> {
    get(
        Ktti,
        &format!(
            "/api/v3/ktties?name={}&status={}",
            enc(name),
            status.map_or("", KittyStatus::as_str)
        ),
    )
    .await
}

pub async fn create_kitty(req: &CreateKittyRequest) -> Result<Kitty, ApiError> {
    post(Ktti, "/api/v3/ktties", req).await
}

pub async fn kitty(id: &str) -> Result<Kitty, ApiError> {
    get(Ktti, &kitty_path(id, "")).await
}

pub async fn update_kitty(id: &str, req: &UpdateKittyRequest) -> Result<Kitty, ApiError> {
    super::send_json(super::Method::Patch, Ktti, &kitty_path(id, ""), req).await
}

pub async fn members(id: &str) -> Result<MemberTotals, ApiError> {
    get(Ktti, &kitty_path(id, "/members")).await
}

pub async fn invite(id: &str, contact: &str) -> Result<kitty_api::kitty::Invitation, ApiError> {
    post(
        Ktti,
        &kitty_path(id, "/invitations"),
        &InviteRequest {
            contact: contact.into(),
        },
    )
    .await
}

pub async fn kitty_invitations(id: &str) -> Result<InvitationList, ApiError> {
    get(Ktti, &kitty_path(id, "/invitations")).await
}

pub async fn my_invitations() -> Result<InvitationList, ApiError> {
    get(Ktti, "/api/v3/invitations").await
}

pub async fn answer_invitation(id: &str, accept: bool) -> Result<(), ApiError> {
    let path = kitty_path(
        id,
        if accept {
            "/invitations/accept"
        } else {
            "/invitations/reject"
        },
    );
    super::post_empty(Ktti, &path).await
}

/// What a referral code leads to (no sign-in needed).
pub async fn join_preview(code: &str) -> Result<kitty_api::kitty::JoinPreview, ApiError> {
    get(Ktti, &format!("/api/v3/ktties/join/{}", enc(code))).await
}

pub async fn join(code: &str) -> Result<Kitty, ApiError> {
    post(
        Ktti,
        "/api/v3/ktties/join",
        &JoinRequest {
            referral_code: code.into(),
        },
    )
    .await
}

pub async fn leave(id: &str) -> Result<(), ApiError> {
    super::post_empty(Ktti, &kitty_path(id, "/leave")).await
}

pub async fn set_role(id: &str, user_id: &str, role: Role) -> Result<MemberTotals, ApiError> {
    let path = kitty_path(id, &format!("/members/{}", enc(user_id)));
    super::send_json(
        super::Method::Put,
        Ktti,
        &path,
        &UpdateMembershipRequest { role },
    )
    .await
}

pub async fn remove_member(id: &str, user_id: &str) -> Result<(), ApiError> {
    super::send_empty(
        super::Method::Delete,
        Ktti,
        &kitty_path(id, &format!("/members/{}", enc(user_id))),
    )
    .await
}

pub async fn request_admin(id: &str) -> Result<(), ApiError> {
    super::post_empty(Ktti, &kitty_path(id, "/admin-requests")).await
}

pub async fn split(id: &str) -> Result<SplitRule, ApiError> {
    get(Ktti, &kitty_path(id, "/split")).await
}

pub async fn set_split(id: &str, rule: &SplitRule) -> Result<SplitRule, ApiError> {
    super::send_json(super::Method::Put, Ktti, &kitty_path(id, "/split"), rule).await
}

pub async fn transactions(id: &str, page: i64) -> Result<KittyTransactionList, ApiError> {
    get(
        Ktti,
        &kitty_path(id, &format!("/transactions?page={page}&per_page=20")),
    )
    .await
}

pub async fn all_transactions(page: i64) -> Result<KittyTransactionList, ApiError> {
    get(
        Ktti,
        &format!("/api/v3/transactions?page={page}&per_page=20"),
    )
    .await
}

pub async fn unassigned(id: &str) -> Result<KittyTransactionList, ApiError> {
    get(Ktti, &kitty_path(id, "/unassigned-deposits")).await
}

pub async fn assign(id: &str, tx: &str, user_id: &str) -> Result<TransactionSplit, ApiError> {
    let path = kitty_path(id, &format!("/transactions/{}/assignee", enc(tx)));
    super::send_json(
        super::Method::Put,
        Ktti,
        &path,
        &AssignRequest {
            user_id: user_id.into(),
        },
    )
    .await
}

pub async fn transaction_split(id: &str, tx: &str) -> Result<TransactionSplit, ApiError> {
    get(
        Ktti,
        &kitty_path(id, &format!("/transactions/{}/split", enc(tx))),
    )
    .await
}

pub async fn set_transaction_split(
    id: &str,
    tx: &str,
    rule: &SplitRule,
) -> Result<TransactionSplit, ApiError> {
    let path = kitty_path(id, &format!("/transactions/{}/split", enc(tx)));
    super::send_json(super::Method::Put, Ktti, &path, rule).await
}

pub async fn set_info(tx: &str, info: &TransactionInfo) -> Result<KittyTransaction, ApiError> {
    super::send_json(
        super::Method::Patch,
        Ktti,
        &format!("/api/v3/transactions/{}/info", enc(tx)),
        info,
    )
    .await
}

/// Starts, closes or cancels the closure (paying out is [`disburse`]).
pub async fn closure(id: &str, step: ClosureStep) -> Result<Kitty, ApiError> {
    post(
        Ktti,
        &kitty_path(id, &format!("/closure/{}", step.as_str())),
        &(),
    )
    .await
}

/// Pays out what one member is owed, so they can leave settled.
pub async fn pay_out_member(id: &str, user_id: &str) -> Result<Disbursement, ApiError> {
    let path = kitty_path(id, &format!("/members/{}/payout", enc(user_id)));
    post(Ktti, &path, &()).await
}

pub async fn disburse(id: &str) -> Result<Disbursement, ApiError> {
    post(Ktti, &kitty_path(id, "/closure/disburse"), &()).await
}

// ---- Card, bank account and chat ----

pub async fn card(id: &str) -> Result<CardDetails, ApiError> {
    get(Ktti, &kitty_path(id, "/card")).await
}

/// Orders the physical card to `address`, or changes the order's address (admins only).
pub async fn set_card_address(id: &str, address: &PostalAddress) -> Result<CardDetails, ApiError> {
    super::send_json(
        super::Method::Put,
        Ktti,
        &kitty_path(id, "/card/address"),
        address,
    )
    .await
}

pub async fn bank_account(id: &str) -> Result<BankAccount, ApiError> {
    get(Ktti, &kitty_path(id, "/bank-account")).await
}

/// The newest `limit` messages, or the `limit` before `before`; oldest first.
pub async fn chat(id: &str, before: Option<i64>, limit: u8) -> Result<ChatPage, ApiError> {
    let before = before.map_or(String::new(), |b| format!("&before={b}"));
    get(
        Ktti,
        &kitty_path(id, &format!("/chat?limit={limit}{before}")),
    )
    .await
}

pub async fn send_chat(id: &str, text: &str) -> Result<ChatMessage, ApiError> {
    let req = SendChatRequest { text: text.into() };
    post(Ktti, &kitty_path(id, "/chat"), &req).await
}

/// Everything up to `seq` has been read.
pub async fn chat_read(id: &str, seq: i64) -> Result<(), ApiError> {
    let path = kitty_path(id, "/chat/read");
    let call = super::Call::json(super::Method::Put, Ktti, &path, &ChatRead { seq })?;
    super::into_result(call.send().await?).await.map(drop)
}

pub fn referral_qr_url(id: &str) -> String {
    super::url(Provider::Ktti, &kitty_path(id, "/referral-qr.svg"))
}

// ---- Passwords (/api/v2) and the sandbox outbox ----

/// "Change user password.": needs the current one; other sessions end.
pub async fn change_password(req: &ChangePasswordRequest) -> Result<(), ApiError> {
    let call = super::Call::json(super::Method::Post, Ktti, "/api/v2/settings/password", req)?;
    super::into_result(call.send().await?).await.map(drop)
}

/// "Request for a user reset password.": the link goes to the account's email or mobile.
pub async fn request_reset(username: &str) -> Result<(), ApiError> {
    let req = ResetRequest {
        username: username.to_string(),
    };
    let call = super::Call::json(
        super::Method::Post,
        Ktti,
        "/api/v2/users/password-reset",
        &req,
    )?;
    super::into_result(call.send().await?).await.map(drop)
}

/// Sets a new password with the token from a reset link.
pub async fn finish_reset(req: &FinishResetRequest) -> Result<(), ApiError> {
    let call = super::Call::json(
        super::Method::Post,
        Ktti,
        "/api/v2/users/password-reset/finish",
        req,
    )?;
    super::into_result(call.send().await?).await.map(drop)
}

// ---- Registration in two steps, social sign-in (/api/v2) ----

/// "Register user.": the first step. A 6-digit code goes to the email or mobile number.
pub async fn start_registration(
    req: &StartRegistrationRequest,
) -> Result<RegistrationStarted, ApiError> {
    post(Ktti, "/api/v2/registration", req).await
}

/// "Set user password to finish registration.": the session cookies are then set, as after
/// signing in (the token body is for API clients, so it is dropped).
/// "Get current user information.": who the session belongs to (401 without one).
pub async fn me() -> Result<kitty_api::auth::User, ApiError> {
    get(Ktti, "/api/v2/users/me").await
}

/// Our own: the language the server writes this person's notifications, pushes and emails in.
pub async fn set_language(language: kitty_api::account::Language) -> Result<(), ApiError> {
    let body = kitty_api::account::LanguageRequest { language };
    super::send_json_empty(super::Method::Put, Ktti, "/api/v2/users/me/language", &body).await
}

/// "Login user using email & password." (a mobile number works too). The browser keeps the
/// session in cookies; the token body is for API clients, so it is dropped.
pub async fn login(req: &EmailLoginRequest) -> Result<(), ApiError> {
    post::<_, TokenResponse>(Ktti, "/api/v2/auth/login", req)
        .await
        .map(drop)
}

/// "Logout user.": ends this browser's session and clears its cookies.
pub async fn logout() -> Result<(), ApiError> {
    post_empty(Ktti, "/api/v2/auth/logout").await?;
    // What was kept for reading offline is this person's: it goes with the session.
    super::offline::forget();
    Ok(())
}

pub async fn finish_registration(req: &FinishRegistrationRequest) -> Result<(), ApiError> {
    post::<_, TokenResponse>(Ktti, "/api/v2/registration/password", req)
        .await
        .map(drop)
}

/// A nonce for one social sign-in (it works once, for ten minutes).
pub async fn social_nonce() -> Result<SocialNonce, ApiError> {
    bodiless(super::Method::Post, "/api/v2/auth/social/nonce").await
}

/// "Login user using social.": the identity provider's ID token; sets the session cookies.
pub async fn social_login(req: &SocialLoginRequest) -> Result<(), ApiError> {
    post::<_, TokenResponse>(Ktti, "/api/v2/auth/social", req)
        .await
        .map(drop)
}

thread_local! {
    /// The application configuration, once loaded: it does not change while the page is open.
    static CORE_CONFIG: std::cell::RefCell<Option<CoreConfig>> = const { std::cell::RefCell::new(None) };
}

/// "Get application configuration values." (public), loaded once per page load.
pub async fn core_config() -> Result<CoreConfig, ApiError> {
    if let Some(config) = CORE_CONFIG.with(|c| c.borrow().clone()) {
        return Ok(config);
    }
    let config: CoreConfig = get(Ktti, "/api/v2/core/config").await?;
    CORE_CONFIG.with(|c| *c.borrow_mut() = Some(config.clone()));
    Ok(config)
}

/// "Get KYC details for the current authenticated user."
pub async fn kyc() -> Result<KycDetails, ApiError> {
    get(Ktti, "/api/v2/users/me/kyc").await
}

/// What the sandbox "sent" to an email or mobile number.
pub async fn outbox(to: &str) -> Result<OutboxList, ApiError> {
    get(super::Provider::Sandbox, &format!("/outbox?to={}", enc(to))).await
}

// ---- Notification preferences, push, devices and blocks (/api/v2) ----

/// A request without a body whose answer is JSON.
async fn bodiless<T: serde::de::DeserializeOwned>(
    method: super::Method,
    path: &str,
) -> Result<T, ApiError> {
    let call = super::Call {
        method,
        provider: Ktti,
        path,
        body: None,
        keepalive: false,
    };
    super::decode(call.send().await?).await
}

/// Every category on every channel.
pub async fn preferences() -> Result<Preferences, ApiError> {
    get(Ktti, "/api/v2/notifications/preferences").await
}

/// Sets the pairs in `changed`; answers with all of them.
pub async fn set_preferences(changed: &Preferences) -> Result<Preferences, ApiError> {
    super::send_json(
        super::Method::Put,
        Ktti,
        "/api/v2/notifications/preferences",
        changed,
    )
    .await
}

pub async fn notification_info() -> Result<NotificationInfo, ApiError> {
    get(Ktti, "/api/v2/notifications/info").await
}

/// Sends the person a push, which arrives over [`push_events_url`].
pub async fn test_ping() -> Result<PushMessage, ApiError> {
    bodiless(super::Method::Post, "/api/v2/notifications/test-ping").await
}

/// The server-sent events that carry pushes (event `push`, data a [`PushMessage`]).
pub fn push_events_url() -> String {
    super::url(Ktti, "/api/v2/notifications/push-events")
}

pub async fn save_app_details(req: &AppDetailsRequest) -> Result<(), ApiError> {
    let call = super::Call::json(
        super::Method::Post,
        Ktti,
        "/api/v2/devices/app-details",
        req,
    )?;
    super::into_result(call.send().await?).await.map(drop)
}

pub async fn devices() -> Result<DeviceList, ApiError> {
    get(Ktti, "/api/v2/devices").await
}

pub async fn forget_device(device_id: &str) -> Result<(), ApiError> {
    super::send_empty(
        super::Method::Delete,
        Ktti,
        &format!("/api/v2/devices/{}", enc(device_id)),
    )
    .await
}

/// Customers whose name, mobile or email contains `query` (platform admins only).
pub async fn customers(query: &str) -> Result<CustomerList, ApiError> {
    get(Ktti, &format!("/api/v2/users?query={}", enc(query))).await
}

/// Blocks or unblocks a customer (platform admins only).
pub async fn set_blocked(user_id: &str, blocked: bool) -> Result<Customer, ApiError> {
    let verb = if blocked { "block" } else { "unblock" };
    bodiless(
        super::Method::Put,
        &format!("/api/v2/users/{}/{verb}", enc(user_id)),
    )
    .await
}

// ---- Photos (/api/v2/images), moments and receipts (/api/v3) ----

/// A pre-signed URL to PUT one image of `kind` to (the upload itself is
/// [`crate::components::upload`]'s, by XMLHttpRequest, for its progress events).
pub async fn presign_upload(
    kind: kitty_api::media::ImageType,
) -> Result<kitty_api::media::PresignedUrl, ApiError> {
    let req = kitty_api::media::PresignRequest {
        image_type: kind.as_str().into(),
    };
    post(Ktti, "/api/v2/images/pre-signed-url-for-upload", &req).await
}

/// The kitty's moments, newest first.
pub async fn moments(id: &str) -> Result<kitty_api::media::MomentList, ApiError> {
    get(Ktti, &kitty_path(id, "/moments")).await
}

pub async fn create_moment(
    id: &str,
    req: &kitty_api::media::CreateMomentRequest,
) -> Result<kitty_api::media::Moment, ApiError> {
    post(Ktti, &kitty_path(id, "/moments"), req).await
}

/// Changes what `req` gives; its `image_ids` replace the photos (the author and admins only).
pub async fn update_moment(
    id: &str,
    moment: &str,
    req: &kitty_api::media::UpdateMomentRequest,
) -> Result<kitty_api::media::Moment, ApiError> {
    let path = kitty_path(id, &format!("/moments/{}", enc(moment)));
    super::send_json(super::Method::Patch, Ktti, &path, req).await
}

fn receipt_path(id: &str, tx: &str, rest: &str) -> String {
    kitty_path(id, &format!("/transactions/{}/receipt{rest}", enc(tx)))
}

/// A card payment's receipt; `None` when it has none yet.
pub async fn receipt(id: &str, tx: &str) -> Result<Option<kitty_api::media::Receipt>, ApiError> {
    match get(Ktti, &receipt_path(id, tx, "")).await {
        Ok(r) => Ok(Some(r)),
        Err(ApiError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// A change to a card payment's receipt, sent with [`change_receipt`]; each answers with the
/// receipt as it is after the change. (One request path for all of them keeps the wasm small.)
pub struct ReceiptChange {
    method: super::Method,
    rest: String,
    body: Option<String>,
}

impl ReceiptChange {
    fn new<B: serde::Serialize>(method: super::Method, rest: String, body: Option<&B>) -> Self {
        ReceiptChange {
            method,
            rest,
            body: body.and_then(|b| serde_json::to_string(b).ok()),
        }
    }
}

/// `POST …/receipt`: attaches the receipt's photo (uploaded as `receipt`) and any lines typed
/// so far (409 if the payment is not a card payment or has a receipt already).
pub fn upload_receipt(req: &kitty_api::media::UploadReceiptRequest) -> ReceiptChange {
    ReceiptChange::new(super::Method::Post, String::new(), Some(req))
}

/// The receipt's tax and tip (what is `None` stays).
#[derive(serde::Serialize)]
struct TaxAndTip {
    #[serde(skip_serializing_if = "Option::is_none")]
    tax: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tip: Option<i64>,
}

/// `PATCH …/receipt` with `{"tax", "tip"}`.
pub fn set_receipt_tax_tip(tax: Option<i64>, tip: Option<i64>) -> ReceiptChange {
    let body = TaxAndTip { tax, tip };
    ReceiptChange::new(super::Method::Patch, String::new(), Some(&body))
}

/// `POST …/receipt/line-items`.
pub fn add_line_item(item: &kitty_api::media::LineItemInput) -> ReceiptChange {
    ReceiptChange::new(super::Method::Post, "/line-items".into(), Some(item))
}

/// `PATCH …/receipt/line-items/{item}`: what is given changes.
pub fn update_line_item(
    item: &str,
    req: &kitty_api::media::UpdateLineItemRequest,
) -> ReceiptChange {
    let rest = format!("/line-items/{}", enc(item));
    ReceiptChange::new(super::Method::Patch, rest, Some(req))
}

/// `DELETE …/receipt/line-items/{item}`.
pub fn delete_line_item(item: &str) -> ReceiptChange {
    let rest = format!("/line-items/{}", enc(item));
    ReceiptChange::new::<()>(super::Method::Delete, rest, None)
}

/// Sends a change to the receipt of the card payment `tx`.
pub async fn change_receipt(
    id: String,
    tx: String,
    change: ReceiptChange,
) -> Result<kitty_api::media::Receipt, ApiError> {
    let path = receipt_path(&id, &tx, &change.rest);
    let call = super::Call {
        method: change.method,
        provider: Ktti,
        path: &path,
        body: change.body,
        keepalive: false,
    };
    super::decode(call.send().await?).await
}

pub async fn delete_receipt(id: &str, tx: &str) -> Result<(), ApiError> {
    super::send_empty(super::Method::Delete, Ktti, &receipt_path(id, tx, "")).await
}

/// Splits the payment as its receipt's items say (admins only); 409 when they cannot decide it.
pub async fn split_by_receipt(id: &str, tx: &str) -> Result<TransactionSplit, ApiError> {
    /// `{}`.
    #[derive(serde::Serialize)]
    struct Nothing {}
    post(Ktti, &receipt_path(id, tx, "/split"), &Nothing {}).await
}

// ---- Billing (/api/v3/ktties/{id}/billing) ----

/// The kitty's plan, its fee and member limit, when the next fee is due, and the plans offered.
pub async fn billing_plan(id: &str) -> Result<kitty_api::billing::BillingPlan, ApiError> {
    get(Ktti, &kitty_path(id, "/billing/plan")).await
}

/// Plan changes and fees, newest first.
pub async fn billing_history(id: &str) -> Result<kitty_api::billing::BillingHistory, ApiError> {
    get(Ktti, &kitty_path(id, "/billing/history")).await
}

/// Moves the kitty to `plan` (admins only); 409 with the reason when it cannot (too little in
/// the kitty for Plus's first fee, on that plan already, closing, too many members for Free).
pub async fn change_plan(
    id: &str,
    plan: kitty_api::billing::Plan,
) -> Result<kitty_api::billing::BillingPlan, ApiError> {
    let req = kitty_api::billing::ChangePlanRequest { plan };
    super::send_json(
        super::Method::Put,
        Ktti,
        &kitty_path(id, "/billing/plan"),
        &req,
    )
    .await
}
