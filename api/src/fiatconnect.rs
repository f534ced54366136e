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
