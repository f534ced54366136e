//! Kotani's custodial side (`002_…`: KYC, OnChain, Celo, Stellar and Tron cash-in/out, UBI).
//!
//! A partner creates users by phone number; each gets an address on every ramp chain, in the
//! chain's real encoding, on the sandbox chain ([`crate::chain`]). Balances are sums over the
//! chain's transfers. A cash-out names the hash of a transfer to the escrow: the chain must have
//! seen it, its amount (at the rate of the day) decides the M-Pesa payout, and a hash funds one
//! payout only. The payout is a ramp transaction like any other, settled by the M-Pesa simulator,
//! but funded by the stablecoins rather than the partner's wallet.

use super::fiat::{insert, record_of, NewTx};
use super::partner::{partner_of, Partner};
use super::quotes::rate_at;
use crate::chain;
use crate::clock::rfc3339;
use crate::db::{now, Conn};
use crate::error::{ApiJson, AppError, AppResult};
use crate::session::CurrentUser;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use kitty_api::crypto::{stablecoin_of, Asset, Network};
use kitty_api::money::Currency;
use kitty_api::onchain::{
    chain as chain_named, AddressRequest, AllUsers, BalanceRequest, BalanceResponse,
    BuyCusdRequest, BuyCusdResponse, CashoutDetails, CashoutRequest, CashoutResponse, ChainAddress,
    ChainMovement, CreatedUser, EscrowRates, EscrowSendRequest, KotaniUser, PhoneRequest,
    PhoneResponse, SendCusdRequest, SendCusdResponse, TronCashinRequest, TronCashinResponse,
    UbiCheckResponse, UbiClaimResponse, UbiRequest, UbiSetResponse, UbiStatus, UpdateUserRequest,
    UpdateUserResponse, UserRecord, UserVerification, CHAINS, UBI_AMOUNT,
};
use kitty_api::ramp::{phone_number, Country, RampKind, MAX_AMOUNT};
use kitty_api::ErrorBody;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes(router: OpenApiRouter<AppState>) -> OpenApiRouter<AppState> {
    router
        .routes(routes!(create_user, update_user, all_users))
        .routes(routes!(my_users))
        .routes(routes!(verify_user))
        .routes(routes!(user_by_phone))
        .routes(routes!(phone_by_address))
        .routes(routes!(address_qr))
        .routes(routes!(balance))
        .routes(routes!(escrow_rates))
        .routes(routes!(send_to_escrow))
        .routes(routes!(buy_cusd))
        .routes(routes!(send_cusd))
        .routes(routes!(stellar_cashout))
        .routes(routes!(tron_cashout))
        .routes(routes!(tron_cashin))
        .routes(routes!(ubi_claim))
        .routes(routes!(ubi_check))
        .routes(routes!(ubi_set))
}

/// The escrow on `network`: one account of the sandbox's.
fn escrow(network: Network) -> String {
    chain::gateway_account(network)
}

fn normalized_phone(input: &str, country: Country, field: &str) -> AppResult<String> {
    phone_number(input, country).map_err(|m| AppError::field(field, m))
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    phone_number: String,
    firstname: Option<String>,
    lastname: Option<String>,
    email: Option<String>,
    created_at: i64,
}

const USER_COLUMNS: &str = "id, phone_number, firstname, lastname, email, created_at";

impl UserRow {
    fn verified(&self) -> bool {
        self.firstname.is_some() && self.lastname.is_some() && self.email.is_some()
    }
}

/// The partner's user with this (normalized) phone number; 404 that says what to do.
async fn user_of(conn: &mut Conn, partner_id: &str, phone: &str) -> AppResult<UserRow> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM kotani_users WHERE partner_id = $1 AND phone_number = $2"
    ))
    .bind(partner_id)
    .bind(phone)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| {
        AppError::NotFound(
            "There is no user with this phone number. Create the user first (Ramp → Wallets)."
                .into(),
        )
    })
}

async fn address_of(conn: &mut Conn, user_id: &str, network: Network) -> AppResult<String> {
    let (a,): (String,) = sqlx::query_as(
        "SELECT address FROM kotani_user_addresses WHERE user_id = $1 AND network = $2",
    )
    .bind(user_id)
    .bind(network.as_str())
    .fetch_one(&mut *conn)
    .await?;
    Ok(a)
}

async fn view(conn: &mut Conn, u: UserRow) -> AppResult<KotaniUser> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT network, address FROM kotani_user_addresses WHERE user_id = $1")
            .bind(&u.id)
            .fetch_all(&mut *conn)
            .await?;
    let mut addresses = rows
        .into_iter()
        .map(|(n, address)| {
            Ok(ChainAddress {
                chain: crate::db::stored(Network::parse, &n, "user address network")?,
                address,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    addresses.sort_by_key(|a| CHAINS.iter().position(|c| *c == a.chain));
    Ok(KotaniUser {
        verified: u.verified(),
        user_id: u.id,
        phone_number: u.phone_number,
        firstname: u.firstname,
        lastname: u.lastname,
        email: u.email,
        addresses,
        created_at: rfc3339(u.created_at),
    })
}

async fn require_admin(state: &AppState, user_id: &str) -> AppResult<()> {
    let admin: Option<(crate::db::Flag,)> =
        sqlx::query_as("SELECT is_platform_admin FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&state.db)
            .await?;
    if admin.is_some_and(|a| a.0 .0) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "forbidden",
            message: "This is an internal endpoint: only Kotani's admins may use it.".into(),
        })
    }
}

#[utoipa::path(
    post, path = "/api/v2/kyc/users", tag = "Kotani Pay", summary = "Create a user",
    description = "This endpoint creates an account for a user who will be able to use a chain for their own transactions. The user gets an address on tron, arbitrum, celo, avalanche and stellar, each in its chain's encoding.",
    request_body = PhoneRequest,
    responses((status = 201, body = CreatedUser), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn create_user(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<PhoneRequest>,
) -> AppResult<(StatusCode, Json<CreatedUser>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let taken: Option<(String,)> =
        sqlx::query_as("SELECT id FROM kotani_users WHERE partner_id = $1 AND phone_number = $2")
            .bind(&partner.user_id)
            .bind(&phone)
            .fetch_optional(&mut *w)
            .await?;
    if taken.is_some() {
        return Err(AppError::conflict_on(
            "phoneNumber",
            "This phone number has a user already.",
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let t = now();
    sqlx::query(
        "INSERT INTO kotani_users (id, seq, partner_id, phone_number, created_at, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM kotani_users), $2, $3, $4, $4)",
    )
    .bind(&id)
    .bind(&partner.user_id)
    .bind(&phone)
    .bind(t)
    .execute(&mut *w)
    .await?;
    let mut addresses = Vec::with_capacity(CHAINS.len());
    for network in CHAINS {
        let address = chain::new_address(network);
        sqlx::query(
            "INSERT INTO kotani_user_addresses (user_id, network, address) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(network.as_str())
        .bind(&address)
        .execute(&mut *w)
        .await?;
        addresses.push(ChainAddress {
            chain: network,
            address,
        });
    }
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedUser {
            user_id: id,
            addresses,
        }),
    ))
}

#[utoipa::path(
    get, path = "/api/v2/kyc/users/mine", tag = "Kotani Pay", summary = "List the partner's own users.",
    description = "The users this partner created, newest first, with their addresses.",
    responses((status = 200, body = AllUsers), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn my_users(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<AllUsers>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let mut conn = state.db.acquire().await?;
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM kotani_users WHERE partner_id = $1 ORDER BY seq DESC LIMIT 200"
    ))
    .bind(&partner.user_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut data = Vec::with_capacity(rows.len());
    for r in rows {
        data.push(view(&mut conn, r).await?);
    }
    Ok(Json(AllUsers { data }))
}

#[utoipa::path(
    post, path = "/api/v2/kyc/users/verify", tag = "Kotani Pay", summary = "Verify a user",
    description = "This endpoint is used to check whether a user exists in the system, and if their details have been verified: `verified` once their names and email are on file, else `unverified`; 404 when there is no such user.",
    request_body = PhoneRequest,
    responses((status = 200, body = UserVerification), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn verify_user(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<PhoneRequest>,
) -> AppResult<Json<UserVerification>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let mut conn = state.db.acquire().await?;
    let u = user_of(&mut conn, &partner.user_id, &phone).await?;
    Ok(Json(UserVerification {
        status: if u.verified() {
            "verified"
        } else {
            "unverified"
        }
        .into(),
    }))
}

#[utoipa::path(
    put, path = "/api/v2/kyc/users", tag = "Kotani Pay", summary = "Update user details",
    description = "The endpoint is used to gather more details about a user: first name, last name and email. With all three on file the user is verified.",
    request_body = UpdateUserRequest,
    responses((status = 200, body = UpdateUserResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn update_user(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<UpdateUserRequest>,
) -> AppResult<Json<UpdateUserResponse>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let mut errors = kitty_api::FieldErrors::new();
    let phone = phone_number(&req.phone_number, partner.country)
        .map_err(|m| errors.insert("phoneNumber".into(), m))
        .ok();
    let first = kitty_api::validate::label(&req.firstname, 60)
        .map_err(|e| errors.insert("firstname".into(), e.message("the first name", 60)))
        .ok();
    let last = kitty_api::validate::label(&req.lastname, 60)
        .map_err(|e| errors.insert("lastname".into(), e.message("the last name", 60)))
        .ok();
    let email = kitty_api::validate::email(&req.email)
        .map_err(|m| errors.insert("email".into(), m.into()))
        .ok();
    let (Some(phone), Some(first), Some(last), Some(email)) = (phone, first, last, email) else {
        return Err(AppError::Validation(errors));
    };
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let u = user_of(&mut w, &partner.user_id, &phone).await?;
    sqlx::query(
        "UPDATE kotani_users SET firstname = $1, lastname = $2, email = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(&first)
    .bind(&last)
    .bind(&email)
    .bind(now())
    .bind(&u.id)
    .execute(&mut *w)
    .await?;
    let u = user_of(&mut w, &partner.user_id, &phone).await?;
    let details = view(&mut w, u).await?;
    w.commit().await?;
    Ok(Json(UpdateUserResponse {
        status: "success".into(),
        desc: "The user's details are saved; the user is verified.".into(),
        details,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/kyc/users/find", tag = "Kotani Pay", summary = "Get all user details by phoneNumber",
    description = "This is an internal API endpoint that is used to retrieve the details of a single user using their phone number. Kotani's admins only (403 for anyone else). The number is read as given and in its Kenyan and Ghanaian forms.",
    request_body = PhoneRequest,
    responses((status = 200, body = UserRecord), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn user_by_phone(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<PhoneRequest>,
) -> AppResult<Json<UserRecord>> {
    require_admin(&state, &user.user_id).await?;
    let forms: Vec<String> = [Country::KEN, Country::GH]
        .into_iter()
        .filter_map(|c| phone_number(&req.phone_number, c).ok())
        .chain(std::iter::once(req.phone_number.trim().to_string()))
        .collect();
    let mut conn = state.db.acquire().await?;
    for phone in forms {
        let row: Option<UserRow> = sqlx::query_as(&format!(
            "SELECT {USER_COLUMNS} FROM kotani_users WHERE phone_number = $1 ORDER BY seq LIMIT 1"
        ))
        .bind(&phone)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(u) = row {
            return Ok(Json(UserRecord {
                user_record: view(&mut conn, u).await?,
            }));
        }
    }
    Err(AppError::not_found("A user with this phone number"))
}

#[utoipa::path(
    get, path = "/api/v2/kyc/users", tag = "Kotani Pay", summary = "Get all user account details",
    description = "This is an internal endpoint that is used to retrieve the details of all the users present in the system (the newest 500). Kotani's admins only (403 for anyone else).",
    responses((status = 200, body = AllUsers), (status = 403, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn all_users(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<AllUsers>> {
    require_admin(&state, &user.user_id).await?;
    let mut conn = state.db.acquire().await?;
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM kotani_users ORDER BY seq DESC LIMIT 500"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let mut data = Vec::with_capacity(rows.len());
    for r in rows {
        data.push(view(&mut conn, r).await?);
    }
    Ok(Json(AllUsers { data }))
}

#[utoipa::path(
    post, path = "/api/v2/kyc/users/by-address", tag = "Kotani Pay", summary = "Get user phoneNumber by their onchain address",
    description = "Finds which of the partner's users owns an on-chain address.",
    request_body = AddressRequest,
    responses((status = 200, body = PhoneResponse), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn phone_by_address(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<AddressRequest>,
) -> AppResult<Json<PhoneResponse>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT u.phone_number FROM kotani_user_addresses a JOIN kotani_users u ON u.id = a.user_id
         WHERE a.address = $1 AND u.partner_id = $2",
    )
    .bind(req.public_address.trim())
    .bind(&partner.user_id)
    .fetch_optional(&state.db)
    .await?;
    let (phone_number,) = row.ok_or_else(|| AppError::not_found("A user with this address"))?;
    Ok(Json(PhoneResponse { phone_number }))
}

#[utoipa::path(
    get, path = "/api/v2/kyc/users/{userId}/addresses/{chain}/qr.svg", tag = "Kotani Pay",
    summary = "A user's address on a chain as a QR code.",
    params(("userId" = String, Path), ("chain" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn address_qr(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((user_id, chain_word)): Path<(String, String)>,
) -> AppResult<Response> {
    let network = chain_named(&chain_word).ok_or_else(|| AppError::not_found("That chain"))?;
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT a.address FROM kotani_user_addresses a JOIN kotani_users u ON u.id = a.user_id
         WHERE a.user_id = $1 AND a.network = $2 AND u.partner_id = $3",
    )
    .bind(&user_id)
    .bind(network.as_str())
    .bind(&user.user_id)
    .fetch_optional(&state.db)
    .await?;
    let (address,) = row.ok_or_else(|| AppError::not_found("That user"))?;
    crate::qr::svg_response(&address)
}

fn chain_field(word: &str) -> AppResult<(Network, &'static Asset)> {
    let network = chain_named(word.trim()).ok_or_else(|| {
        AppError::field(
            "chain",
            "Choose one of tron, arbitrum, celo, avalanche or stellar.",
        )
    })?;
    let asset = stablecoin_of(network)
        .ok_or_else(|| AppError::internal("a ramp chain without its stablecoin"))?;
    Ok((network, asset))
}

fn fixed(amount: Decimal, decimals: u32) -> String {
    crate::providers::kpay::gateway::fixed(amount, decimals)
}

#[utoipa::path(
    post, path = "/api/v2/onchain/balance", tag = "Kotani Pay", summary = "Get account balance",
    description = "Get user account balance on the onchain: the address of the user on `chain` (tron, arbitrum, celo, avalanche or stellar; any other is a 422) and what it holds of the chain's stablecoin, confirmed (`balance`) and still confirming (`pending`).",
    request_body = BalanceRequest,
    responses((status = 200, body = BalanceResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn balance(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<BalanceRequest>,
) -> AppResult<Json<BalanceResponse>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let (network, asset) = chain_field(&req.chain)?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let mut conn = state.db.acquire().await?;
    let u = user_of(&mut conn, &partner.user_id, &phone).await?;
    let address = address_of(&mut conn, &u.id, network).await?;
    let (available, arriving) = chain::balance(&mut conn, asset, &address).await?;
    Ok(Json(BalanceResponse {
        status: 201,
        address,
        balance: BTreeMap::from([(asset.symbol.to_string(), fixed(available, asset.decimals))]),
        pending: BTreeMap::from([(asset.symbol.to_string(), fixed(arriving, asset.decimals))]),
    }))
}

fn rate(currency: Currency) -> AppResult<Decimal> {
    rate_at(currency, now()).ok_or_else(|| AppError::internal("no rate for a ramp currency"))
}

#[utoipa::path(
    get, path = "/api/v2/onchain/escrow-rates", tag = "Kotani Pay", summary = "Get Escrow transaction rates",
    description = "Get Escrow transaction rates for all related USD stablecoins: where to send them (the Celo escrow as `escrowAddress`, every chain's in `escrowAddresses`) and the fiat each coin pays out.",
    responses((status = 200, body = EscrowRates), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn escrow_rates(_user: CurrentUser) -> AppResult<Json<EscrowRates>> {
    let fiat: BTreeMap<String, String> = [Currency::KES, Currency::GHS]
        .into_iter()
        .map(|c| Ok((c.code().to_string(), rate(c)?.to_string())))
        .collect::<AppResult<_>>()?;
    Ok(Json(EscrowRates {
        escrow_address: escrow(Network::Celo),
        escrow_addresses: CHAINS
            .iter()
            .map(|n| (n.as_str().to_string(), escrow(*n)))
            .collect(),
        conversion_rate: ["cUSD", "USDT", "USDC"]
            .into_iter()
            .map(|s| (s.to_string(), fiat.clone()))
            .collect(),
    }))
}

/// Minor units of fiat for `crypto` at `rate`, rounded down (the payout never exceeds the coins).
fn fiat_minor(crypto: Decimal, rate: Decimal) -> Option<i64> {
    let minor = crypto
        .checked_mul(rate)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .round_dp_with_strategy(0, RoundingStrategy::ToZero);
    i64::try_from(minor).ok()
}

/// The largest payout M-Pesa takes, in minor units.
const MAX_MINOR: i64 = MAX_AMOUNT * 100;

#[utoipa::path(
    post, path = "/api/v2/onchain/escrow", tag = "Kotani Pay", summary = "Send a user's stablecoins to the escrow.",
    description = "The user's custodial wallet sends `amount` of the chain's stablecoin to the escrow (within what it holds); the answer's `txHash` is what the cash-out operations take.",
    request_body = EscrowSendRequest,
    responses((status = 201, body = ChainMovement), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn send_to_escrow(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<EscrowSendRequest>,
) -> AppResult<(StatusCode, Json<ChainMovement>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let (network, asset) = chain_field(&req.chain)?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let amount = kitty_api::crypto::amount(&req.amount, asset.decimals, "the amount")
        .ok()
        .and_then(|a| Decimal::from_str_exact(&a).ok())
        .ok_or_else(|| {
            AppError::field(
                "amount",
                format!(
                    "Enter an amount above zero with at most {} decimals.",
                    asset.decimals
                ),
            )
        })?;
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let u = user_of(&mut w, &partner.user_id, &phone).await?;
    let from = address_of(&mut w, &u.id, network).await?;
    let (available, _) = chain::balance(&mut w, asset, &from).await?;
    if amount > available {
        return Err(AppError::field(
            "amount",
            format!(
                "This wallet holds {} {} (confirmed).",
                fixed(available, asset.decimals),
                asset.symbol
            ),
        ));
    }
    let currency = partner.country.currency();
    let r = rate(currency)?;
    let sent = chain::send_from(&mut w, asset, Some(&from), &escrow(network), None, amount).await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ChainMovement {
            tx_hash: sent.tx_hash,
            chain: network,
            token: asset.symbol.into(),
            amount: fixed(amount, asset.decimals),
            address: from,
            fiat_amount: fiat_minor(amount, r).unwrap_or(0),
            fiat_currency: currency.code().into(),
            rate: r.to_string(),
        }),
    ))
}

#[utoipa::path(
    post, path = "/api/v2/celo/buy", tag = "Kotani Pay", summary = "Buy Celo cUSD",
    description = "This endpoint is used by partners who have API credentials and desire to purchase Celo stablecoins. The phone number names the user whose Celo address receives them; the partner's fiat wallet pays, at the day's rate, rounded up to the cent.",
    request_body = BuyCusdRequest,
    responses((status = 201, body = BuyCusdResponse), (status = 404, body = ErrorBody), (status = 409, description = "Not enough in the wallet", body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn buy_cusd(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<BuyCusdRequest>,
) -> AppResult<(StatusCode, Json<BuyCusdResponse>)> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let (network, asset) = chain_field("celo")?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let amount = kitty_api::crypto::amount(&req.celo_amount, asset.decimals, "the amount")
        .map_err(|m| AppError::field("celoAmount", m))
        .and_then(|a| {
            Decimal::from_str_exact(&a)
                .map_err(|_| AppError::field("celoAmount", "Use a smaller amount."))
        })?;
    let currency = partner.country.currency();
    let r = rate(currency)?;
    let cost = amount
        .checked_mul(r)
        .and_then(|c| c.checked_mul(Decimal::ONE_HUNDRED))
        .map(|c| c.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero))
        .and_then(|c| i64::try_from(c).ok())
        .filter(|c| (1..=MAX_MINOR).contains(c))
        .ok_or_else(|| {
            AppError::field(
                "celoAmount",
                format!(
                    "Buy at most what {MAX_AMOUNT} {} pays for.",
                    currency.code()
                ),
            )
        })?;
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let u = user_of(&mut w, &partner.user_id, &phone).await?;
    let to = address_of(&mut w, &u.id, network).await?;
    let row = insert(
        &mut w,
        &partner,
        NewTx {
            kind: Some(RampKind::CryptoPurchase),
            amount: cost,
            phone_number: Some(phone),
            ..Default::default()
        },
    )
    .await?;
    // Bought from the sandbox's treasury at once: no phone is involved.
    sqlx::query(
        "UPDATE ramp_transactions SET status = 'successful', result_code = 0, result_description = $1, updated_at = $2 WHERE id = $3",
    )
    .bind(kitty_api::ramp::result_text(0))
    .bind(now())
    .bind(&row.id)
    .execute(&mut *w)
    .await?;
    let sent = chain::send(&mut w, asset, &to, None, amount).await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(BuyCusdResponse {
            status: 201,
            details: ChainMovement {
                tx_hash: sent.tx_hash,
                chain: network,
                token: asset.symbol.into(),
                amount: fixed(amount, asset.decimals),
                address: to,
                fiat_amount: cost,
                fiat_currency: currency.code().into(),
                rate: r.to_string(),
            },
        }),
    ))
}

/// What a cash-out asks: the transfer `tx_hash` (named `hash_field` in the request) to
/// `network`'s escrow funds one M-Pesa payout to `phone` in `country`.
struct CashoutAsk<'a> {
    network: Network,
    country: Country,
    phone: &'a str,
    tx_hash: &'a str,
    hash_field: &'static str,
    callback: Option<String>,
}

async fn cashout(
    state: &AppState,
    partner: &Partner,
    ask: CashoutAsk<'_>,
) -> AppResult<CashoutDetails> {
    let CashoutAsk {
        network,
        country,
        phone,
        tx_hash,
        hash_field,
        callback,
    } = ask;
    let asset = stablecoin_of(network)
        .ok_or_else(|| AppError::internal("a ramp chain without its stablecoin"))?;
    let phone = normalized_phone(phone, country, "phoneNumber")?;
    let callback = match callback.filter(|c| !c.is_empty()) {
        Some(c) => {
            Some(kitty_api::validate::http_url(&c).map_err(|m| AppError::field("callback", m))?)
        }
        None => None,
    };
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &partner.user_id).await?;
    let transfer: Option<(String, String, String, String)> = sqlx::query_as(&crate::db::amounts(
        &*w,
        "SELECT network, currency, to_address, DEC(amount) FROM chain_transfers WHERE tx_hash = $1",
    ))
    .bind(tx_hash.trim())
    .fetch_optional(&mut *w)
    .await?;
    let Some((t_network, t_currency, to, amount)) = transfer else {
        return Err(AppError::field(
            hash_field,
            "The chain has no transfer with this hash. Send the coins to the escrow first.",
        ));
    };
    let escrow = escrow(network);
    if t_network != network.as_str() || t_currency != asset.code || to != escrow {
        return Err(AppError::field(
            hash_field,
            format!(
                "This transfer did not send {} on {} to the escrow {escrow}.",
                asset.symbol,
                network.label()
            ),
        ));
    }
    let used: Option<(String,)> =
        sqlx::query_as("SELECT request_id FROM onchain_cashouts WHERE tx_hash = $1")
            .bind(tx_hash.trim())
            .fetch_optional(&mut *w)
            .await?;
    if used.is_some() {
        return Err(AppError::conflict_on(
            hash_field,
            "This transfer has paid out already: a transaction hash funds one payout.",
        ));
    }
    let crypto = Decimal::from_str_exact(&amount)
        .map_err(|_| AppError::internal("a stored amount is not decimal"))?;
    let currency = country.currency();
    let r = rate(currency)?;
    let minor = fiat_minor(crypto, r)
        .filter(|m| (100..=MAX_MINOR).contains(m))
        .ok_or_else(|| {
            AppError::field(
                hash_field,
                format!(
                    "This transfer pays {} {}: M-Pesa takes 1 to {MAX_AMOUNT} {} a payout.",
                    fixed(crypto, asset.decimals),
                    asset.symbol,
                    currency.code()
                ),
            )
        })?;
    let payer = Partner {
        country,
        ..partner.clone()
    };
    let row = insert(
        &mut w,
        &payer,
        NewTx {
            kind: Some(RampKind::CryptoCashout),
            amount: minor,
            phone_number: Some(phone.clone()),
            callback,
            ..Default::default()
        },
    )
    .await?;
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO onchain_cashouts (tx_hash, request_id, partner_id, token, crypto_amount, rate, created_at)
         VALUES ($1, $2, $3, $4, NUM($5), NUM($6), $7)"),
    )
    .bind(tx_hash.trim())
    .bind(&row.id)
    .bind(&partner.user_id)
    .bind(asset.code)
    .bind(&amount)
    .bind(r.to_string())
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    let record = record_of(&row)?;
    Ok(CashoutDetails {
        tx_hash: tx_hash.trim().into(),
        token: asset.symbol.into(),
        crypto_amount: fixed(crypto, asset.decimals),
        rate: r.to_string(),
        fiat_amount: minor,
        fiat_currency: currency.code().into(),
        request_id: record.request_id,
        phone_number: phone,
        status: record.status,
    })
}

#[utoipa::path(
    post, path = "/api/v2/celo/mpesa", tag = "Kotani Pay", summary = "Send cUSD to Mpesa",
    description = "This end point sends converted stablecoins that are onchain into fiat via mobile money (M-Pesa). `txhash` must be a cUSD transfer to the Celo escrow that the chain has seen (an unknown hash is a 422); its amount at the day's rate decides the payout, and a hash pays out once (a second use is a 409). Follow the payout with its `requestId`.",
    request_body = SendCusdRequest,
    responses((status = 200, body = SendCusdResponse), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn send_cusd(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<SendCusdRequest>,
) -> AppResult<Json<SendCusdResponse>> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let country = partner.country;
    let details = cashout(
        &state,
        &partner,
        CashoutAsk {
            network: Network::Celo,
            country,
            phone: &req.phone_number,
            tx_hash: &req.txhash,
            hash_field: "txhash",
            callback: None,
        },
    )
    .await?;
    Ok(Json(SendCusdResponse {
        status: 200,
        desc: "The cUSD reached the escrow; the M-Pesa payout is on its way.".into(),
        cusd_details: details,
    }))
}

/// `KE` or `GH` in a path, as the document writes them.
fn path_country(code: &str) -> AppResult<Country> {
    match code {
        "KE" => Ok(Country::KEN),
        "GH" => Ok(Country::GH),
        _ => Err(AppError::field(
            "countryCode",
            "Use KE (Kenya) or GH (Ghana): the countries this cash-out supports.",
        )),
    }
}

async fn path_cashout(
    state: &AppState,
    user: &CurrentUser,
    network: Network,
    code: &str,
    req: CashoutRequest,
) -> AppResult<CashoutResponse> {
    let country = path_country(code)?;
    let partner = partner_of(&state.db, &user.user_id).await?;
    let details = cashout(
        state,
        &partner,
        CashoutAsk {
            network,
            country,
            phone: &req.phone_number,
            tx_hash: &req.tx_hash,
            hash_field: "txHash",
            callback: req.callback,
        },
    )
    .await?;
    Ok(CashoutResponse {
        status: 201,
        desc: format!(
            "The {} reached the escrow; the mobile-money payout is on its way.",
            details.token
        ),
        details,
    })
}

#[utoipa::path(
    post, path = "/api/v2/stellar/cashout/{countryCode}", tag = "Kotani Pay", summary = "Fiat cashout",
    description = "This endpoint is used by a client who desires to convert their Stellar USDC to fiat currency and send it to a recipient via mobile money. The endpoint currently only supports the sending of funds to Kenya and Ghanaian recipients (`KE`, `GH`). `txHash` is a USDC transfer to the Stellar escrow, used once.",
    params(("countryCode" = String, Path, description = "KE (Kenya) or GH (Ghana)")),
    request_body = CashoutRequest,
    responses((status = 201, body = CashoutResponse), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn stellar_cashout(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<CashoutRequest>,
) -> AppResult<(StatusCode, Json<CashoutResponse>)> {
    let r = path_cashout(&state, &user, Network::Stellar, &code, req).await?;
    Ok((StatusCode::CREATED, Json(r)))
}

#[utoipa::path(
    post, path = "/api/v2/tron/cashout/{countryCode}", tag = "Kotani Pay", summary = "Convert USDT on Tron to Mobile Money",
    description = "This endpoint is used by a client who desires to convert their TRON USDT to fiat currency and send it to a recipient via mobile money. The endpoint currently only supports the sending of funds to Kenya and Ghanaian recipients (`KE`, `GH`). `txHash` is a USDT transfer to the TRON escrow, used once.",
    params(("countryCode" = String, Path, description = "KE (Kenya) or GH (Ghana)")),
    request_body = CashoutRequest,
    responses((status = 201, body = CashoutResponse), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn tron_cashout(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<CashoutRequest>,
) -> AppResult<(StatusCode, Json<CashoutResponse>)> {
    let r = path_cashout(&state, &user, Network::Tron, &code, req).await?;
    Ok((StatusCode::CREATED, Json(r)))
}

#[utoipa::path(
    post, path = "/api/v2/tron/cashin/{countryCode}", tag = "Kotani Pay", summary = "Convert Mobile Money to USDT on TRON",
    description = "This endpoint is used by a client who desires to convert their mobile money (fiat) to TRON USDT. The endpoint currently only supports phone numbers in Kenya (+254): `countryCode` must be KE. An STK push asks the phone for `amount` KES; when it is paid, the USDT it buys at the day's rate (rounded down to 6 decimals) goes to the user's TRON address.",
    params(("countryCode" = String, Path, description = "KE")),
    request_body = TronCashinRequest,
    responses((status = 201, body = TronCashinResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn tron_cashin(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
    ApiJson(req): ApiJson<TronCashinRequest>,
) -> AppResult<(StatusCode, Json<TronCashinResponse>)> {
    if code != "KE" {
        return Err(AppError::field(
            "countryCode",
            "Only Kenyan phone numbers (KE) can buy USDT on TRON here, as the document says.",
        ));
    }
    let partner = partner_of(&state.db, &user.user_id).await?;
    let phone = normalized_phone(&req.phone_number, Country::KEN, "phoneNumber")?;
    if !(1..=MAX_AMOUNT).contains(&req.amount) {
        return Err(AppError::field(
            "amount",
            format!("Enter whole KES from 1 to {MAX_AMOUNT}."),
        ));
    }
    let r = rate(Currency::KES)?;
    let usdt = Decimal::new(req.amount, 0)
        .checked_div(r)
        .map(|u| u.round_dp_with_strategy(6, RoundingStrategy::ToZero))
        .filter(|u| *u > Decimal::ZERO)
        .ok_or_else(|| AppError::field("amount", "This buys less than 0.000001 USDT."))?;
    let payer = Partner {
        country: Country::KEN,
        ..partner.clone()
    };
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let u = user_of(&mut w, &partner.user_id, &phone).await?;
    let address = address_of(&mut w, &u.id, Network::Tron).await?;
    let row = insert(
        &mut w,
        &payer,
        NewTx {
            kind: Some(RampKind::CryptoCashin),
            amount: req.amount * 100,
            phone_number: Some(phone),
            ..Default::default()
        },
    )
    .await?;
    sqlx::query(&crate::db::amounts(
        &*w,
        "INSERT INTO onchain_cashins (request_id, address, usdt_amount) VALUES ($1, $2, NUM($3))",
    ))
    .bind(&row.id)
    .bind(&address)
    .bind(fixed(usdt, 6))
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(TronCashinResponse {
            status: 201,
            desc: "The phone has an M-Pesa prompt; the USDT follows once it is paid.".into(),
            request_id: row.id,
            address,
            usdt_amount: fixed(usdt, 6),
        }),
    ))
}

/// A cash-in's phone paid (the M-Pesa simulator, in its write): its USDT goes out, once.
pub async fn cashin_paid(conn: &mut Conn, request_id: &str) -> AppResult<()> {
    let row: Option<(String, String)> = sqlx::query_as(
        &crate::db::amounts(&*conn, "SELECT address, DEC(usdt_amount) FROM onchain_cashins WHERE request_id = $1 AND tx_hash IS NULL"),
    )
    .bind(request_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((address, amount)) = row else {
        return Ok(());
    };
    let asset = stablecoin_of(Network::Tron)
        .ok_or_else(|| AppError::internal("TRON without its stablecoin"))?;
    let amount = Decimal::from_str_exact(&amount)
        .map_err(|_| AppError::internal("a stored amount is not decimal"))?;
    let sent = chain::send(conn, asset, &address, None, amount).await?;
    sqlx::query("UPDATE onchain_cashins SET tx_hash = $1 WHERE request_id = $2")
        .bind(&sent.tx_hash)
        .bind(request_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The disbursement open now: one a month.
fn disbursement() -> String {
    crate::clock::iso_date(crate::clock::day_of(now()))[..7].to_string()
}

struct Ubi {
    partner: Partner,
    phone: String,
    program: String,
}

async fn ubi_request(state: &AppState, user: &CurrentUser, req: &UbiRequest) -> AppResult<Ubi> {
    let partner = partner_of(&state.db, &user.user_id).await?;
    let phone = normalized_phone(&req.phone_number, partner.country, "phoneNumber")?;
    let program = kitty_api::validate::label(&req.program_id, 64)
        .map_err(|e| AppError::field("programId", e.message("the programme id", 64)))?;
    Ok(Ubi {
        partner,
        phone,
        program,
    })
}

async fn ubi_status(conn: &mut Conn, u: &Ubi) -> AppResult<UbiStatus> {
    let beneficiary: Option<(String,)> = sqlx::query_as(
        "SELECT phone_number FROM ubi_beneficiaries WHERE partner_id = $1 AND program_id = $2 AND phone_number = $3",
    )
    .bind(&u.partner.user_id)
    .bind(&u.program)
    .bind(&u.phone)
    .fetch_optional(&mut *conn)
    .await?;
    let d = disbursement();
    let claimed: Option<(String,)> = sqlx::query_as(
        "SELECT tx_hash FROM ubi_claims WHERE partner_id = $1 AND program_id = $2 AND phone_number = $3 AND disbursement = $4",
    )
    .bind(&u.partner.user_id)
    .bind(&u.program)
    .bind(&u.phone)
    .bind(&d)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(UbiStatus {
        program_id: u.program.clone(),
        phone_number: u.phone.clone(),
        beneficiary: beneficiary.is_some(),
        disbursement: d,
        claimed: claimed.is_some(),
        amount: UBI_AMOUNT.into(),
    })
}

#[utoipa::path(
    post, path = "/api/v2/ubi/beneficiaries", tag = "Kotani Pay", summary = "Set user as UBI beneficiary",
    description = "This endpoint is used by UBI partners who want to add beneficiaries to their program. The person must be one of the partner's users (their Celo address receives the money). Setting one twice changes nothing.",
    request_body = UbiRequest,
    responses((status = 200, body = UbiSetResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn ubi_set(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<UbiRequest>,
) -> AppResult<Json<UbiSetResponse>> {
    let u = ubi_request(&state, &user, &req).await?;
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    user_of(&mut w, &u.partner.user_id, &u.phone).await?;
    sqlx::query(
        "INSERT INTO ubi_beneficiaries (partner_id, program_id, phone_number, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (partner_id, program_id, phone_number) DO NOTHING",
    )
    .bind(&u.partner.user_id)
    .bind(&u.program)
    .bind(&u.phone)
    .bind(now())
    .execute(&mut *w)
    .await?;
    let result = ubi_status(&mut w, &u).await?;
    w.commit().await?;
    Ok(Json(UbiSetResponse {
        desc: format!("{} is a beneficiary of {}.", u.phone, u.program),
        result,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/ubi/check", tag = "Kotani Pay", summary = "Check if user is UBI beneficiary",
    description = "This endpoint is used by existing Kotani Pay users to inquire if they are UBI beneficiaries, and whether they have claimed this month's disbursement.",
    request_body = UbiRequest,
    responses((status = 200, body = UbiCheckResponse), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn ubi_check(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<UbiRequest>,
) -> AppResult<Json<UbiCheckResponse>> {
    let u = ubi_request(&state, &user, &req).await?;
    let mut conn = state.db.acquire().await?;
    let result = ubi_status(&mut conn, &u).await?;
    Ok(Json(UbiCheckResponse {
        status: 201,
        desc: if result.beneficiary {
            format!("{} is a beneficiary of {}.", u.phone, u.program)
        } else {
            format!("{} is not a beneficiary of {}.", u.phone, u.program)
        },
        result,
    }))
}

#[utoipa::path(
    post, path = "/api/v2/ubi/claim", tag = "Kotani Pay", summary = "Claim UBI funds",
    description = "A beneficiary claims this month's disbursement: 10 cUSD sent to their Celo address, whose transaction hash is `txid`. Once per disbursement (a second claim is a 409); someone who is not a beneficiary gets a 403.",
    request_body = UbiRequest,
    responses((status = 201, body = UbiClaimResponse), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 401, body = ErrorBody)),
    security(("bearer" = []))
)]
async fn ubi_claim(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(req): ApiJson<UbiRequest>,
) -> AppResult<(StatusCode, Json<UbiClaimResponse>)> {
    let u = ubi_request(&state, &user, &req).await?;
    let mut w = crate::db::write(&state.db).await?;
    super::lock_partner(&mut w, &user.user_id).await?;
    let status = ubi_status(&mut w, &u).await?;
    if !status.beneficiary {
        return Err(AppError::Forbidden {
            code: "not_beneficiary",
            message: format!(
                "{} is not a beneficiary of {}: the programme's partner adds them first.",
                u.phone, u.program
            ),
        });
    }
    if status.claimed {
        return Err(AppError::conflict_on(
            "programId",
            &format!(
                "This month's disbursement ({}) is claimed already. The next one opens next month.",
                status.disbursement
            ),
        ));
    }
    let person = user_of(&mut w, &u.partner.user_id, &u.phone).await?;
    let to = address_of(&mut w, &person.id, Network::Celo).await?;
    let (_, asset) = chain_field("celo")?;
    let amount = Decimal::from_str_exact(UBI_AMOUNT)
        .map_err(|_| AppError::internal("the UBI amount is not decimal"))?;
    let sent = chain::send(&mut w, asset, &to, None, amount).await?;
    sqlx::query(
        &crate::db::amounts(&*w, "INSERT INTO ubi_claims (partner_id, program_id, phone_number, disbursement, tx_hash, amount, created_at)
         VALUES ($1, $2, $3, $4, $5, NUM($6), $7)"),
    )
    .bind(&u.partner.user_id)
    .bind(&u.program)
    .bind(&u.phone)
    .bind(&status.disbursement)
    .bind(&sent.tx_hash)
    .bind(UBI_AMOUNT)
    .bind(now())
    .execute(&mut *w)
    .await?;
    w.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(UbiClaimResponse {
            status: 201,
            desc: format!(
                "{UBI_AMOUNT} cUSD are on their way to {to} for {}.",
                status.disbursement
            ),
            txid: sent.tx_hash,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payouts_round_down_to_the_cent() {
        assert_eq!(
            fiat_minor(Decimal::new(10, 0), Decimal::new(12950, 2)),
            Some(129_500)
        );
        assert_eq!(
            fiat_minor(Decimal::new(1, 18), Decimal::new(12950, 2)),
            Some(0)
        );
        assert_eq!(
            fiat_minor(Decimal::new(1_234_567, 6), Decimal::new(1_295_123, 4)),
            Some(15_989)
        );
    }
}
