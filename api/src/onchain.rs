//! Kotani Pay's custodial side (`002_…`: KYC, OnChain, Celo, Stellar and Tron cash-in/out, UBI):
//! users a partner creates by phone number, each with an address on every ramp chain; their
//! balances on the sandbox chain; stablecoins sent to the escrow and paid out by M-Pesa; and
//! universal basic income claimed once per disbursement.

use crate::crypto::Network;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The chains a Kotani user has an address on, as the document names them.
pub const CHAINS: [Network; 5] = [
    Network::Tron,
    Network::Arbitrum,
    Network::Celo,
    Network::Avalanche,
    Network::Stellar,
];

/// The chain Kotani's "chain" field names; `None` (a 422) for any other word.
pub fn chain(word: &str) -> Option<Network> {
    CHAINS.iter().copied().find(|n| n.as_str() == word)
}

/// What one UBI disbursement pays each beneficiary, in cUSD.
pub const UBI_AMOUNT: &str = "10";

macro_rules! wire {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
            #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
            #[serde(rename_all = "camelCase")]
            $item
        )*
    };
}

wire! {
    /// Create a user, Verify a user, Get all user details by phoneNumber.
    pub struct PhoneRequest {
        pub phone_number: String,
    }

    pub struct ChainAddress {
        pub chain: Network,
        pub address: String,
    }

    /// A user of the partner, with a custodial address on each chain.
    pub struct KotaniUser {
        pub user_id: String,
        pub phone_number: String,
        pub firstname: Option<String>,
        pub lastname: Option<String>,
        pub email: Option<String>,
        /// True once their details (names and email) are on file.
        pub verified: bool,
        pub addresses: Vec<ChainAddress>,
        pub created_at: String,
    }

    /// Create a user: the documented `userId`, and the addresses made for them.
    pub struct CreatedUser {
        pub user_id: String,
        pub addresses: Vec<ChainAddress>,
    }

    /// Verify a user: `verified`, or `unverified` while their details are missing.
    pub struct UserVerification {
        pub status: String,
    }

    /// Update user details.
    pub struct UpdateUserRequest {
        pub phone_number: String,
        pub lastname: String,
        pub firstname: String,
        pub email: String,
    }

    pub struct UpdateUserResponse {
        pub status: String,
        pub desc: String,
        pub details: KotaniUser,
    }

    pub struct UserRecord {
        pub user_record: KotaniUser,
    }

    pub struct AllUsers {
        pub data: Vec<KotaniUser>,
    }

    pub struct AddressRequest {
        pub public_address: String,
    }

    pub struct PhoneResponse {
        pub phone_number: String,
    }

    /// Get account balance.
    pub struct BalanceRequest {
        pub phone_number: String,
        /// tron, arbitrum, celo, avalanche or stellar.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(tron|arbitrum|celo|avalanche|stellar)$"))]
        pub chain: String,
    }

    /// The user's address on the chain and its stablecoin balance (confirmed, and arriving).
    pub struct BalanceResponse {
        pub status: i64,
        pub address: String,
        /// Token symbol → amount, as decimal strings.
        pub balance: BTreeMap<String, String>,
        pub pending: BTreeMap<String, String>,
    }

    /// Get Escrow transaction rates: where to send stablecoins, and what they pay in fiat.
    pub struct EscrowRates {
        /// The Celo escrow, as the document's single address.
        pub escrow_address: String,
        /// Chain → escrow address, for every chain.
        pub escrow_addresses: BTreeMap<String, String>,
        /// Stablecoin → fiat currency → fiat per coin.
        pub conversion_rate: BTreeMap<String, BTreeMap<String, String>>,
    }

    /// The user's custodial wallet sends `amount` of the chain's stablecoin to the escrow (ours:
    /// how the app starts a cash-out for a custodial user; API clients send from their own
    /// wallets). The answer's `txHash` is what the cash-out operations take.
    pub struct EscrowSendRequest {
        pub phone_number: String,
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(tron|arbitrum|celo|avalanche|stellar)$"))]
        pub chain: String,
        /// A decimal string.
        pub amount: String,
    }

    /// Buy Celo cUSD.
    pub struct BuyCusdRequest {
        pub phone_number: String,
        /// cUSD to buy, a decimal string.
        pub celo_amount: String,
    }

    /// A stablecoin movement on the sandbox chain made for a user.
    pub struct ChainMovement {
        pub tx_hash: String,
        pub chain: Network,
        pub token: String,
        pub amount: String,
        pub address: String,
        /// What it cost or paid in fiat, minor units, with its currency.
        pub fiat_amount: i64,
        pub fiat_currency: String,
        pub rate: String,
    }

    pub struct BuyCusdResponse {
        pub status: i64,
        pub details: ChainMovement,
    }

    /// Send cUSD to Mpesa.
    pub struct SendCusdRequest {
        pub phone_number: String,
        pub txhash: String,
    }

    /// A cash-out: the stablecoins that reached the escrow, and the M-Pesa payout they fund.
    pub struct CashoutDetails {
        pub tx_hash: String,
        pub token: String,
        pub crypto_amount: String,
        pub rate: String,
        /// The payout, minor units.
        pub fiat_amount: i64,
        pub fiat_currency: String,
        /// The ramp transaction of the payout (follow it like any other).
        pub request_id: String,
        pub phone_number: String,
        pub status: crate::ramp::RampStatus,
    }

    pub struct SendCusdResponse {
        pub status: i64,
        pub desc: String,
        pub cusd_details: CashoutDetails,
    }

    /// Fiat cashout (Stellar USDC) and Convert USDT on Tron to Mobile Money.
    pub struct CashoutRequest {
        pub phone_number: String,
        pub tx_hash: String,
        #[serde(default)]
        pub callback: Option<String>,
        #[serde(default)]
        pub name: Option<String>,
        #[serde(default)]
        pub email: Option<String>,
        #[serde(default)]
        pub description: Option<String>,
    }

    pub struct CashoutResponse {
        pub status: i64,
        pub desc: String,
        pub details: CashoutDetails,
    }

    /// Convert Mobile Money to USDT on TRON: an STK push for `amount` KES; when the phone pays,
    /// USDT goes to the user's TRON address.
    pub struct TronCashinRequest {
        pub phone_number: String,
        /// Whole KES.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 250000))]
        pub amount: i64,
    }

    pub struct TronCashinResponse {
        pub status: i64,
        pub desc: String,
        pub request_id: String,
        pub address: String,
        /// The USDT the payment will buy at today's rate.
        pub usdt_amount: String,
    }

    /// The three UBI operations name a person and a programme.
    pub struct UbiRequest {
        pub phone_number: String,
        pub program_id: String,
    }

    pub struct UbiStatus {
        pub program_id: String,
        pub phone_number: String,
        pub beneficiary: bool,
        /// The disbursement open now (its month), and whether this person has claimed it.
        pub disbursement: String,
        pub claimed: bool,
        pub amount: String,
    }

    pub struct UbiCheckResponse {
        pub status: i64,
        pub desc: String,
        pub result: UbiStatus,
    }

    pub struct UbiSetResponse {
        pub desc: String,
        pub result: UbiStatus,
    }

    pub struct UbiClaimResponse {
        pub status: i64,
        pub desc: String,
        pub txid: String,
    }
}
