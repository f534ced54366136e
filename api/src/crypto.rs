//! KPAY's crypto gateway (`004_…`, "Crypto Gateway"): the currencies, payments to a deposit
//! address, balances and withdrawals; and the networks they travel on, with each network's own
//! address encoding and checksum.
//!
//! Amounts travel as decimal strings ("0.00125000"), exact to the asset's decimals; the server
//! computes with `rust_decimal`. A JSON number is accepted too and read through its shortest
//! round-trip spelling, which is exact for anything a person types; clients that send 18-decimal
//! ETH amounts should send strings.

use crate::error::FieldErrors;
use serde::{Deserialize, Deserializer, Serialize};

crate::vocabulary! {
    /// A blockchain the gateway receives on and pays out to.
    pub enum Network {
        Bitcoin = "bitcoin" / "Bitcoin",
        Ethereum = "ethereum" / "Ethereum",
        Tron = "tron" / "TRON",
        Ripple = "ripple" / "XRP Ledger",
        Celo = "celo" / "Celo",
        Arbitrum = "arbitrum" / "Arbitrum",
        Avalanche = "avalanche" / "Avalanche",
        Stellar = "stellar" / "Stellar",
    }
}

impl Network {
    /// Confirmations before money received on this network counts (the sandbox's choice, in the
    /// spirit of each network: a few for Bitcoin's slow blocks, more for fast ones).
    pub fn required_confirmations(self) -> i64 {
        match self {
            Network::Bitcoin => 2,
            Network::Ethereum => 6,
            Network::Tron => 10,
            Network::Ripple
            | Network::Celo
            | Network::Arbitrum
            | Network::Avalanche
            | Network::Stellar => 1,
        }
    }

    /// Seconds between the sandbox chain's blocks on this network.
    pub fn block_seconds(self) -> i64 {
        match self {
            Network::Bitcoin => 30,
            Network::Ethereum => 12,
            Network::Tron => 3,
            Network::Ripple => 4,
            Network::Celo | Network::Stellar => 5,
            Network::Arbitrum | Network::Avalanche => 2,
        }
    }

    /// Whether a transfer must carry a memo (XRP's destination tag) to reach the right account.
    pub fn needs_memo(self) -> bool {
        matches!(self, Network::Ripple)
    }

    /// What a valid address looks like, for a form's hint.
    pub fn address_hint(self) -> &'static str {
        match self {
            Network::Bitcoin => "A Bitcoin address starting with bc1",
            Network::Ethereum | Network::Celo | Network::Arbitrum | Network::Avalanche => {
                "An address of 0x and 40 hexadecimal characters"
            }
            Network::Tron => "A TRON address starting with T",
            Network::Ripple => "An XRP address starting with r",
            Network::Stellar => "A Stellar account starting with G",
        }
    }

    /// Checks `address` with this network's own encoding and checksum: bech32/bech32m segwit
    /// (BIP-173, BIP-350) on Bitcoin's main network, EIP-55 hex on Ethereum and the EVM chains
    /// (Celo, Arbitrum, Avalanche's C-chain), base58check with version 0x41 on TRON, the Ripple
    /// alphabet with version 0 on the XRP Ledger, and a `G…` strkey with its CRC16 on Stellar.
    pub fn check_address(self, address: &str) -> Result<(), &'static str> {
        match self {
            Network::Bitcoin => bitcoin_address(address),
            Network::Ethereum | Network::Celo | Network::Arbitrum | Network::Avalanche => {
                ethereum_address(address)
            }
            Network::Stellar => stellar_strkey::ed25519::PublicKey::from_string(address)
                .map(drop)
                .map_err(|_| {
                    "A Stellar account is G and 55 more characters, and this one's checksum does not match."
                }),
            Network::Tron => base58check(address, bs58::Alphabet::BITCOIN, 0x41, 'T'),
            Network::Ripple => base58check(address, bs58::Alphabet::RIPPLE, 0x00, 'r'),
        }
    }

    /// The address for 32 bytes of key material, in this network's encoding: Stellar's is the
    /// ed25519 key itself; the others use the first 20 bytes as the account hash.
    pub fn encode_address(self, key: &[u8; 32]) -> String {
        let mut hash = [0u8; 20];
        hash.copy_from_slice(&key[..20]);
        match self {
            Network::Bitcoin => bech32::segwit::encode_v0(bech32::hrp::BC, &hash)
                .unwrap_or_else(|_| unreachable!("a 20-byte program is a valid segwit v0 program")),
            Network::Ethereum | Network::Celo | Network::Arbitrum | Network::Avalanche => {
                eip55(&hash)
            }
            Network::Tron => versioned_base58(&hash, bs58::Alphabet::BITCOIN, 0x41),
            Network::Ripple => versioned_base58(&hash, bs58::Alphabet::RIPPLE, 0x00),
            Network::Stellar => format!("{}", stellar_strkey::ed25519::PublicKey(*key)),
        }
    }
}

fn bitcoin_address(address: &str) -> Result<(), &'static str> {
    let lower = address.to_ascii_lowercase();
    if !lower.starts_with("bc1") {
        return Err(
            "A Bitcoin address here starts with bc1 (a segwit address on the main network).",
        );
    }
    match bech32::segwit::decode(address) {
        Ok((hrp, _, _)) if hrp == bech32::hrp::BC => Ok(()),
        Ok(_) => Err("This is not a main-network Bitcoin address."),
        Err(_) => Err("This Bitcoin address has a typo: its checksum does not match."),
    }
}

fn ethereum_address(address: &str) -> Result<(), &'static str> {
    let hex = address
        .strip_prefix("0x")
        .ok_or("An Ethereum address starts with 0x.")?;
    if hex.len() != 40 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err("An Ethereum address is 0x and 40 hexadecimal characters.");
    }
    // All one case carries no checksum (EIP-55 accepts it as such); mixed case must match.
    let has_upper = hex.chars().any(|c| c.is_ascii_uppercase());
    let has_lower = hex.chars().any(|c| c.is_ascii_lowercase());
    if has_upper && has_lower && eip55_hex(&hex.to_ascii_lowercase()) != hex {
        return Err("This Ethereum address has a typo: its EIP-55 checksum does not match.");
    }
    Ok(())
}

/// EIP-55: each letter upper case where the Keccak-256 of the lower-case hex has a nibble ≥ 8.
fn eip55_hex(lower: &str) -> String {
    use sha3::{Digest, Keccak256};
    let hash = Keccak256::digest(lower.as_bytes());
    lower
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let nibble = (hash[i / 2] >> (if i % 2 == 0 { 4 } else { 0 })) & 0x0f;
            if nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// The EIP-55 address (`0x` and 40 mixed-case hex characters) of an account's 20 bytes: for
/// Ethereum-style chains, the last 20 bytes of the Keccak-256 of the public key.
pub fn eip55(hash: &[u8; 20]) -> String {
    let lower: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("0x{}", eip55_hex(&lower))
}

fn versioned_base58(hash: &[u8; 20], alphabet: &'static bs58::Alphabet, version: u8) -> String {
    let mut bytes = Vec::with_capacity(21);
    bytes.push(version);
    bytes.extend_from_slice(hash);
    bs58::encode(bytes)
        .with_alphabet(alphabet)
        .with_check()
        .into_string()
}

fn base58check(
    address: &str,
    alphabet: &'static bs58::Alphabet,
    version: u8,
    first: char,
) -> Result<(), &'static str> {
    if !address.starts_with(first) || !(25..=35).contains(&address.len()) {
        return Err(if first == 'T' {
            "A TRON address starts with T and has 34 characters."
        } else {
            "An XRP address starts with r and has 25 to 35 characters."
        });
    }
    match bs58::decode(address)
        .with_alphabet(alphabet)
        .with_check(Some(version))
        .into_vec()
    {
        Ok(bytes) if bytes.len() == 21 => Ok(()),
        Ok(_) => Err("This address has the wrong length for its network."),
        Err(_) => Err("This address has a typo: its checksum does not match."),
    }
}

/// One currency the gateway accepts, as `GET /gateway/currencies` lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asset {
    pub code: &'static str,
    pub name: &'static str,
    pub symbol: &'static str,
    pub network: Network,
    pub icon: &'static str,
    pub decimals: u32,
    /// The network fee a withdrawal pays, in the asset (a decimal string).
    pub withdrawal_fee: &'static str,
}

/// The currencies, in the order the app shows them.
pub const ASSETS: &[Asset] = &[
    Asset {
        code: "btc",
        name: "Bitcoin",
        symbol: "BTC",
        network: Network::Bitcoin,
        icon: "₿",
        decimals: 8,
        withdrawal_fee: "0.0001",
    },
    Asset {
        code: "eth",
        name: "Ethereum",
        symbol: "ETH",
        network: Network::Ethereum,
        icon: "Ξ",
        decimals: 18,
        withdrawal_fee: "0.0005",
    },
    Asset {
        code: "usdt_trc20",
        name: "Tether USD (TRC-20)",
        symbol: "USDT",
        network: Network::Tron,
        icon: "₮",
        decimals: 6,
        withdrawal_fee: "1",
    },
    Asset {
        code: "usdt_erc20",
        name: "Tether USD (ERC-20)",
        symbol: "USDT",
        network: Network::Ethereum,
        icon: "₮",
        decimals: 6,
        withdrawal_fee: "3",
    },
    Asset {
        code: "xrp",
        name: "XRP",
        symbol: "XRP",
        network: Network::Ripple,
        icon: "✕",
        decimals: 6,
        withdrawal_fee: "0.2",
    },
];

/// The stablecoins the ramps move on chains the gateway does not take payments on (Kotani's
/// custodial wallets). USDT on TRON is the gateway's `usdt_trc20`.
pub const RAMP_ASSETS: &[Asset] = &[
    Asset {
        code: "cusd",
        name: "Celo Dollar",
        symbol: "cUSD",
        network: Network::Celo,
        icon: "$",
        decimals: 18,
        withdrawal_fee: "0.01",
    },
    Asset {
        code: "usdc_arbitrum",
        name: "USD Coin (Arbitrum)",
        symbol: "USDC",
        network: Network::Arbitrum,
        icon: "$",
        decimals: 6,
        withdrawal_fee: "0.1",
    },
    Asset {
        code: "usdc_avalanche",
        name: "USD Coin (Avalanche)",
        symbol: "USDC",
        network: Network::Avalanche,
        icon: "$",
        decimals: 6,
        withdrawal_fee: "0.1",
    },
    Asset {
        code: "usdc_stellar",
        name: "USD Coin (Stellar)",
        symbol: "USDC",
        network: Network::Stellar,
        icon: "$",
        decimals: 7,
        withdrawal_fee: "0.01",
    },
];

/// A currency the crypto gateway accepts; `None` for any other code.
pub fn asset(code: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.code == code)
}

/// Any asset the sandbox chain carries: the gateway's and the ramps'.
pub fn chain_asset(code: &str) -> Option<&'static Asset> {
    ASSETS
        .iter()
        .chain(RAMP_ASSETS.iter())
        .find(|a| a.code == code)
}

/// The stablecoin a ramp chain carries (as Kotani's "chain" names it).
pub fn stablecoin_of(network: Network) -> Option<&'static Asset> {
    match network {
        Network::Tron => asset("usdt_trc20"),
        _ => RAMP_ASSETS.iter().find(|a| a.network == network),
    }
}

const UNKNOWN_CURRENCY: &str = "Choose one of btc, eth, usdt_trc20, usdt_erc20 or xrp.";

/// The largest amount of USD one payment asks for.
pub const MAX_USD: u64 = 1_000_000;

/// Checks a decimal amount as typed: digits with at most one point, above zero, with at most
/// `decimals` digits after the point and at most 12 before it. Returns it without leading
/// zeros or a trailing point.
pub fn amount(input: &str, decimals: u32, what: &str) -> Result<String, String> {
    let s = input.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if s.is_empty() || (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(format!("Enter {what} as a number, like 12.5."));
    }
    if frac.len() > decimals as usize {
        return Err(if decimals == 0 {
            format!("Enter {what} in whole units.")
        } else {
            format!("Use at most {decimals} decimals for {what}.")
        });
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 12 {
        return Err(format!(
            "Use a smaller amount for {what}: at most 12 digits before the point."
        ));
    }
    if whole.is_empty() && frac.chars().all(|c| c == '0') {
        return Err(format!("Enter {what} above zero."));
    }
    let whole = if whole.is_empty() { "0" } else { whole };
    Ok(if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    })
}

/// A decimal amount on the wire: a JSON string, or a JSON number read through its shortest
/// spelling. Kept as text; the server parses it with `rust_decimal`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "25.50"))]
pub struct DecimalText(pub String);

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DecimalText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a decimal number or a string of one")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DecimalText, E> {
                Ok(DecimalText(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DecimalText, E> {
                if v.is_finite() {
                    // Display is the shortest spelling that reads back as the same f64, and
                    // never uses an exponent: 0.1 stays "0.1".
                    Ok(DecimalText(format!("{v}")))
                } else {
                    Err(E::custom("a finite number"))
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

crate::vocabulary! {
    /// A crypto payment's state. `created` until a transfer to its address is seen; `pending`
    /// while what arrived is unconfirmed or short of the amount (underpaid); `confirming` when
    /// the full amount is waiting for confirmations; then `completed`. `expired` when time ran
    /// out with nothing received; `failed` when it ran out part-paid.
    pub enum CryptoStatus {
        Created = "created" / "Waiting for the transfer",
        Pending = "pending" / "Transfer seen",
        Confirming = "confirming" / "Confirming",
        Completed = "completed" / "Completed",
        Expired = "expired" / "Expired",
        Failed = "failed" / "Failed (part paid)",
    }
}

impl CryptoStatus {
    /// Nothing more happens to the payment itself (late transfers are still recorded).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            CryptoStatus::Completed | CryptoStatus::Expired | CryptoStatus::Failed
        )
    }
}

crate::vocabulary! {
    /// A withdrawal: `pending` until its transfer has the network's confirmations.
    pub enum WithdrawalStatus {
        Pending = "pending" / "Pending",
        Completed = "completed" / "Completed",
        Failed = "failed" / "Failed",
    }
}

schema! {
    /// One entry of `GET /gateway/currencies`.
    pub struct CryptoCurrency {
        pub code: String,
        pub name: String,
        pub symbol: String,
        pub network: Network,
        pub icon: String,
        pub decimals: u32,
        /// The network fee of a withdrawal in this currency (ours, beyond the document).
        pub withdrawal_fee: String,
        /// Whether transfers need a memo (destination tag).
        pub needs_memo: bool,
        pub required_confirmations: i64,
    }

    pub struct CurrenciesResponse {
        pub currencies: Vec<CryptoCurrency>,
    }

    /// `POST /gateway/payments`: exactly one of `amount_usd` and `amount_crypto`.
    pub struct CreateCryptoPaymentRequest {
        /// Your unique order reference (unique per merchant).
        #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"))]
        pub order_id: String,
        /// btc, eth, usdt_trc20, usdt_erc20 or xrp.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(btc|eth|usdt_trc20|usdt_erc20|xrp)$"))]
        pub currency: String,
        #[serde(default)]
        pub amount_usd: Option<DecimalText>,
        #[serde(default)]
        pub amount_crypto: Option<DecimalText>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^$|^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub callback_success: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^$|^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub callback_failed: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^$|^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub webhook_url: Option<String>,
        /// 1 to 1,440; 60 when absent.
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1440))]
        pub expires_minutes: Option<i64>,
        /// The shop the payment is for (ours, beyond the document): its webhook secret signs the
        /// webhooks. Implied by an `X-API-Key`; required when signed in with more than one shop.
        #[serde(default)]
        pub shop_id: Option<String>,
    }

    /// The documented create response.
    pub struct CreatedCryptoPayment {
        pub id: String,
        pub order_id: String,
        pub currency: String,
        pub requested_amount: String,
        pub deposit_address: String,
        pub memo: Option<String>,
        pub status: CryptoStatus,
        pub expires_at: String,
        pub payment_url: String,
    }

    /// One transfer to a payment's address, as the chain saw it.
    pub struct ReceivedTransfer {
        pub tx_hash: String,
        pub amount: String,
        pub confirmations: i64,
        /// Arrived after the payment had expired: recorded and credited, but not toward the
        /// payment.
        pub late: bool,
        pub seen_at: String,
    }

    /// `GET /gateway/payments/{id}`: the documented fields, then what the buyer's page and the
    /// merchant's screens show beyond them.
    pub struct CryptoPayment {
        pub id: String,
        pub order_id: String,
        pub currency: String,
        pub status: CryptoStatus,
        pub requested_amount: String,
        pub received_amount: Option<String>,
        pub confirmations: i64,
        pub required_confirmations: i64,
        pub tx_hash: Option<String>,
        pub paid_at: Option<String>,
        pub symbol: String,
        pub network: Network,
        pub deposit_address: String,
        pub memo: Option<String>,
        /// The USD amount asked for, when the payment was created in USD.
        pub amount_usd: Option<String>,
        /// USD per unit of the currency, locked when the payment was created.
        pub rate_usd: String,
        /// What is left to pay while underpaid.
        pub remaining_amount: Option<String>,
        /// What arrived beyond the amount (overpaid).
        pub surplus_amount: Option<String>,
        /// What arrived after the payment expired.
        pub late_amount: Option<String>,
        /// A wallet link for the QR code: BIP-21, EIP-681, or the network's own scheme.
        pub payment_uri: String,
        pub expires_at: String,
        pub remaining_seconds: i64,
        pub created_at: String,
        pub shop_name: String,
        pub callback_success: Option<String>,
        pub callback_failed: Option<String>,
        pub transfers: Vec<ReceivedTransfer>,
        pub sandbox: bool,
    }

    pub struct CryptoPaymentList {
        pub payments: Vec<CryptoPayment>,
    }

    /// One currency's balance, derived from what arrived and what was withdrawn.
    pub struct CryptoBalance {
        pub currency: String,
        pub available_balance: String,
        pub pending_balance: String,
        pub total_received: String,
        pub total_withdrawn: String,
    }

    pub struct BalancesResponse {
        pub balances: Vec<CryptoBalance>,
    }

    /// `POST /gateway/withdrawals`.
    pub struct WithdrawalRequest {
        pub currency: String,
        pub amount: DecimalText,
        pub destination_address: String,
        #[serde(default)]
        pub memo: Option<String>,
    }

    /// The documented withdrawal answer, with the chain's progress beyond it.
    pub struct Withdrawal {
        pub id: String,
        pub currency: String,
        pub amount: String,
        pub fee: String,
        pub net_amount: String,
        pub destination_address: String,
        pub memo: Option<String>,
        pub status: WithdrawalStatus,
        pub tx_hash: Option<String>,
        pub confirmations: i64,
        pub required_confirmations: i64,
        pub created_at: String,
        pub completed_at: Option<String>,
    }

    pub struct WithdrawalList {
        pub withdrawals: Vec<Withdrawal>,
    }

    /// A shop's Standard Webhooks signing secret, shown when made and never again.
    pub struct WebhookSecret {
        pub webhook_secret: String,
    }
}

schema! {
    /// Sandbox: a transfer on the simulated chain, from a buyer's wallet to `to_address`.
    pub struct ChainTransferRequest {
        /// The currency sent (its network carries the transfer).
        pub currency: String,
        pub to_address: String,
        #[serde(default)]
        pub memo: Option<String>,
        pub amount: DecimalText,
    }

    /// A transfer on the sandbox chain: in the mempool until a block includes it.
    pub struct ChainTransfer {
        pub tx_hash: String,
        pub network: Network,
        pub currency: String,
        pub to_address: String,
        pub memo: Option<String>,
        pub amount: String,
        pub block_height: Option<i64>,
        pub confirmations: i64,
        pub created_at: String,
    }

    /// Sandbox: mine this many blocks now (1 to 100; 1 when absent).
    pub struct MineRequest {
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
        pub blocks: Option<i64>,
    }

    /// One network of the sandbox chain.
    pub struct ChainNetwork {
        pub network: Network,
        pub height: i64,
        pub block_seconds: i64,
        pub required_confirmations: i64,
    }

    pub struct ChainState {
        pub networks: Vec<ChainNetwork>,
    }
}

/// A checked create request: the amount still as text, the server converts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPayment {
    pub order_id: String,
    pub asset: &'static Asset,
    /// `Ok(usd)` or `Err(crypto)`: exactly one was given.
    pub amount: Result<String, String>,
    pub callback_success: Option<String>,
    pub callback_failed: Option<String>,
    pub webhook_url: Option<String>,
    pub expires_minutes: i64,
}

fn check_url(errors: &mut FieldErrors, field: &str, v: &Option<String>) -> Option<String> {
    let v = v.clone().filter(|s| !s.is_empty())?;
    match crate::validate::http_url(&v) {
        Ok(u) => Some(u),
        Err(m) => {
            errors.insert(field.into(), m.into());
            None
        }
    }
}

impl CreateCryptoPaymentRequest {
    pub fn validate(&self) -> Result<CheckedPayment, FieldErrors> {
        let mut errors = FieldErrors::new();
        let order_id = crate::validate::label(&self.order_id, 100)
            .map_err(|e| errors.insert("order_id".into(), e.message("the order reference", 100)))
            .unwrap_or_default();
        let asset = asset(&self.currency);
        if asset.is_none() {
            errors.insert("currency".into(), UNKNOWN_CURRENCY.into());
        }
        let amount = match (&self.amount_usd, &self.amount_crypto) {
            (Some(_), Some(_)) => {
                let m = "Give either amount_usd or amount_crypto, not both.";
                errors.insert("amount_usd".into(), m.into());
                errors.insert("amount_crypto".into(), m.into());
                None
            }
            (None, None) => {
                errors.insert(
                    "amount_usd".into(),
                    "Give the amount in USD (amount_usd) or in the currency (amount_crypto)."
                        .into(),
                );
                None
            }
            (Some(usd), None) => match amount(&usd.0, 2, "the amount in USD") {
                Ok(a)
                    if a.split('.')
                        .next()
                        .and_then(|w| w.parse::<u64>().ok())
                        .unwrap_or(u64::MAX)
                        >= MAX_USD =>
                {
                    errors.insert(
                        "amount_usd".into(),
                        "A payment asks for less than 1,000,000 USD.".into(),
                    );
                    None
                }
                Ok(a) => Some(Ok(a)),
                Err(m) => {
                    errors.insert("amount_usd".into(), m);
                    None
                }
            },
            (None, Some(c)) => {
                let decimals = asset.map_or(18, |a| a.decimals);
                match amount(&c.0, decimals, "the amount") {
                    Ok(a) => Some(Err(a)),
                    Err(m) => {
                        errors.insert("amount_crypto".into(), m);
                        None
                    }
                }
            }
        };
        let expires_minutes = self.expires_minutes.unwrap_or(60);
        if !(1..=1440).contains(&expires_minutes) {
            errors.insert(
                "expires_minutes".into(),
                "Choose between 1 and 1,440 minutes (a day).".into(),
            );
        }
        let callback_success = check_url(&mut errors, "callback_success", &self.callback_success);
        let callback_failed = check_url(&mut errors, "callback_failed", &self.callback_failed);
        let webhook_url = check_url(&mut errors, "webhook_url", &self.webhook_url);
        match (asset, amount) {
            (Some(asset), Some(amount)) if errors.is_empty() => Ok(CheckedPayment {
                order_id,
                asset,
                amount,
                callback_success,
                callback_failed,
                webhook_url,
                expires_minutes,
            }),
            _ => Err(errors),
        }
    }
}

/// A checked withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedWithdrawal {
    pub asset: &'static Asset,
    pub amount: String,
    pub destination_address: String,
    pub memo: Option<String>,
}

/// An XRP destination tag: a whole number below 2^32.
pub fn memo(input: &str) -> Result<String, &'static str> {
    let s = input.trim();
    if s.is_empty() || s.len() > 10 || !s.chars().all(|c| c.is_ascii_digit()) {
        return Err("Enter the destination tag: digits only, up to 4294967295.");
    }
    s.parse::<u32>()
        .map(|n| n.to_string())
        .map_err(|_| "Enter the destination tag: digits only, up to 4294967295.")
}

impl WithdrawalRequest {
    pub fn validate(&self) -> Result<CheckedWithdrawal, FieldErrors> {
        let mut errors = FieldErrors::new();
        let asset = asset(&self.currency);
        if asset.is_none() {
            errors.insert("currency".into(), UNKNOWN_CURRENCY.into());
        }
        let decimals = asset.map_or(18, |a| a.decimals);
        let amount = amount(&self.amount.0, decimals, "the amount")
            .map_err(|m| errors.insert("amount".into(), m))
            .unwrap_or_default();
        let destination = self.destination_address.trim().to_string();
        if let Some(a) = asset {
            if let Err(m) = a.network.check_address(&destination) {
                errors.insert("destination_address".into(), m.into());
            }
        }
        let memo_in = self
            .memo
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty());
        let memo = match (asset.map(|a| a.network.needs_memo()), memo_in) {
            (Some(true), None) => {
                errors.insert(
                    "memo".into(),
                    "This network needs the destination tag (memo) the receiver gave you.".into(),
                );
                None
            }
            (Some(true), Some(m)) => memo(m)
                .map_err(|e| errors.insert("memo".into(), e.into()))
                .ok(),
            (Some(false), Some(_)) => {
                errors.insert(
                    "memo".into(),
                    "This network takes no memo; leave it empty.".into(),
                );
                None
            }
            _ => None,
        };
        match asset {
            Some(asset) if errors.is_empty() => Ok(CheckedWithdrawal {
                asset,
                amount,
                destination_address: destination,
                memo,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // BIP-173 and BIP-350 test vectors: valid main-network segwit addresses.
    const VALID_BTC: &[&str] = &[
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
        "BC1SW50QGDZ25J",
        "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    ];
    // Invalid ones from the same documents: bad checksums, bech32 where bech32m is due and the
    // other way round, bad programs, mixed case, a testnet prefix.
    const INVALID_BTC: &[&str] = &[
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
        "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",
        "bc1rw5uspcuh",
        "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
        "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
        "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",
        "bc1gmk9yu",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
        "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4",
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
    ];
    // EIP-55's own examples.
    const VALID_ETH: &[&str] = &[
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886e0f7030069857d2e4169ee7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
    ];

    #[test]
    fn bitcoin_vectors() {
        for a in VALID_BTC {
            assert_eq!(Network::Bitcoin.check_address(a), Ok(()), "{a}");
        }
        for a in INVALID_BTC {
            assert!(Network::Bitcoin.check_address(a).is_err(), "{a}");
        }
    }

    #[test]
    fn ethereum_vectors() {
        for a in VALID_ETH {
            assert_eq!(Network::Ethereum.check_address(a), Ok(()), "{a}");
        }
        // One letter's case flipped breaks the checksum.
        assert!(Network::Ethereum
            .check_address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")
            .is_err());
        assert!(Network::Ethereum
            .check_address("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
            .is_err());
        assert!(Network::Ethereum
            .check_address("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")
            .is_err());
    }

    #[test]
    fn tron_and_ripple_vectors() {
        // TRON's USDT contract and the XRP Ledger's genesis account: published addresses.
        assert_eq!(
            Network::Tron.check_address("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
            Ok(())
        );
        assert!(Network::Tron
            .check_address("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")
            .is_err());
        assert_eq!(
            Network::Ripple.check_address("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"),
            Ok(())
        );
        assert!(Network::Ripple
            .check_address("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi")
            .is_err());
        // Stellar's published strkey test vector (SEP-23) and a flipped character.
        assert_eq!(
            Network::Stellar
                .check_address("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"),
            Ok(())
        );
        assert!(Network::Stellar
            .check_address("GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGA")
            .is_err());
        // A TRON address is not an XRP one, nor the other way round.
        assert!(Network::Ripple
            .check_address("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
            .is_err());
    }

    #[test]
    fn encoded_addresses_check_on_their_network_only() {
        let hash = [7u8; 32];
        for n in Network::ALL {
            let a = n.encode_address(&hash);
            assert_eq!(n.check_address(&a), Ok(()), "{n}: {a}");
            // The EVM chains share one encoding: only the others must refuse it.
            let evm = |x: &Network| {
                x.check_address(&Network::Ethereum.encode_address(&hash))
                    .is_ok()
            };
            for other in Network::ALL
                .iter()
                .filter(|o| *o != n && !(evm(o) && evm(n)))
            {
                assert!(other.check_address(&a).is_err(), "{a} on {other}");
            }
        }
        assert_eq!(
            Network::Ethereum.encode_address(&[
                0x5a, 0xae, 0xb6, 0x05, 0x3f, 0x3e, 0x94, 0xc9, 0xb9, 0xa0, 0x9f, 0x33, 0x66, 0x94,
                0x35, 0xe7, 0xef, 0x1b, 0xea, 0xed, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            ]),
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        );
    }

    #[test]
    fn amounts() {
        assert_eq!(amount("0.5", 8, "x"), Ok("0.5".into()));
        assert_eq!(amount("007.50", 8, "x"), Ok("7.50".into()));
        assert_eq!(amount(".5", 8, "x"), Ok("0.5".into()));
        assert!(amount("0", 8, "x").is_err());
        assert!(amount("0.000", 8, "x").is_err());
        assert!(amount("-1", 8, "x").is_err());
        assert!(amount("1e5", 8, "x").is_err());
        assert!(amount("0.123456789", 8, "x").is_err());
        assert!(amount("1234567890123", 8, "x").is_err());
        assert!(amount("", 8, "x").is_err());
        assert!(amount(".", 8, "x").is_err());
    }

    #[test]
    fn create_request_rules() {
        let base = CreateCryptoPaymentRequest {
            order_id: "A-1".into(),
            currency: "btc".into(),
            amount_usd: Some(DecimalText("25".into())),
            amount_crypto: None,
            callback_success: None,
            callback_failed: None,
            webhook_url: None,
            expires_minutes: None,
            shop_id: None,
        };
        assert_eq!(base.validate().map(|c| c.expires_minutes), Ok(60));
        let both = CreateCryptoPaymentRequest {
            amount_crypto: Some(DecimalText("1".into())),
            ..base.clone()
        };
        assert!(both.validate().unwrap_err().contains_key("amount_crypto"));
        let neither = CreateCryptoPaymentRequest {
            amount_usd: None,
            ..base.clone()
        };
        assert!(neither.validate().unwrap_err().contains_key("amount_usd"));
        let unknown = CreateCryptoPaymentRequest {
            currency: "doge".into(),
            ..base.clone()
        };
        assert!(unknown.validate().unwrap_err().contains_key("currency"));
        let too_fine = CreateCryptoPaymentRequest {
            amount_usd: None,
            amount_crypto: Some(DecimalText("1.0000001".into())),
            currency: "usdt_trc20".into(),
            ..base.clone()
        };
        assert!(too_fine
            .validate()
            .unwrap_err()
            .contains_key("amount_crypto"));
        let bad_url = CreateCryptoPaymentRequest {
            webhook_url: Some("ftp://x".into()),
            ..base
        };
        assert!(bad_url.validate().unwrap_err().contains_key("webhook_url"));
        let f: DecimalText = serde_json::from_str("0.1").unwrap();
        assert_eq!(f.0, "0.1");
    }
}
