//! Fiat Connect (`002_…`, "Fiat Connect"; the public FiatConnect specification): wallets sign in
//! with Ethereum (EIP-4361 messages, EIP-191 signatures) and read the server's clock; partners
//! get API credentials with a webhook and its signing secret.

use serde::{Deserialize, Serialize};

/// The chains a Fiat Connect sign-in may name: Celo and its Alfajores test network.
pub const CHAIN_IDS: [u64; 2] = [42220, 44787];

/// The error names of the specification that sign-in answers with (HTTP 401).
pub mod error {
    pub const INVALID_SIWE_MESSAGE: &str = "InvalidSiweMessage";
    pub const INVALID_SIGNATURE: &str = "InvalidSignature";
    pub const NONCE_IN_USE: &str = "NonceInUse";
    pub const EXPIRED_SIWE_MESSAGE: &str = "ExpiredSiweMessage";
    pub const UNAUTHORIZED: &str = "Unauthorized";
    pub const SESSION_EXPIRED: &str = "SessionExpired";
    pub const ISSUED_TOO_EARLY: &str = "IssuedTooEarly";
    pub const EXPIRATION_TOO_LONG: &str = "ExpirationTooLong";
}

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
    /// Fiat Connect Client login.
    pub struct SiweLoginRequest {
        /// The plaintext SIWE message.
        pub message: String,
        /// An EIP-191 signature of the message, hex.
        pub signature: String,
    }

    /// Signed in: the wallet the session belongs to, and until when.
    pub struct SiweSession {
        pub address: String,
        pub expires_at: String,
    }

    /// Get the server's current time.
    pub struct ServerClock {
        pub time: String,
    }

    /// Create Fiat Connect api-credentials.
    pub struct CredentialsRequest {
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub webhook: String,
    }

    /// Shown once: the API key and the webhook's signing secret are stored hashed or never shown
    /// again.
    pub struct Credentials {
        pub api_key: String,
        pub webhook: String,
        pub webhook_secret: String,
    }
}

/// A wallet's KYC state for one schema, in the specification's words.
pub const KYC_PENDING: &str = "KycPending";
pub const KYC_APPROVED: &str = "KycApproved";
pub const KYC_DENIED: &str = "KycDenied";

/// The KYC schemas served.
pub const KYC_SCHEMAS: [&str; 2] = [
    "PersonalDataAndDocuments",
    "PersonalDataAndDocumentsDetailed",
];

/// In sandbox mode a KYC is decided by itself a few seconds after it is sent: approved, unless
/// the last name is this word (any case), which asks for a denial, as test modes do.
pub const SANDBOX_DENY_LAST_NAME: &str = "Denied";

wire! {
    /// The KYC data as sent, and where it stands.
    pub struct KycResult {
        pub kyc_status: String,
    }

    /// Query the status of a KYC verification for a specific schema type.
    pub struct KycStatusResult {
        pub kyc_status: String,
    }

    /// Provide fiat account data of a particular schema to the server.
    pub struct FiatAccountRequest {
        /// MobileMoney or AccountNumber.
        pub fiat_account_schema: String,
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        pub data: serde_json::Value,
    }

    /// A fiat account on file.
    pub struct FiatAccount {
        pub fiat_account_id: String,
        pub account_name: String,
        pub institution_name: String,
        /// MobileMoney or BankAccount.
        pub fiat_account_type: String,
        pub fiat_account_schema: String,
    }
}
