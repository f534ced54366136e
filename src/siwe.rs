//! Sign-In with Ethereum in the browser, for the Fiat Connect sign-in demo: a throw-away secp256k1
//! key, its EIP-55 address, an EIP-4361 message, and its EIP-191 signature. The curve arithmetic
//! and the signature are `k256`'s (deterministic, RFC 6979) and the hash is `sha3`'s Keccak-256;
//! this module only lays out the bytes those standards ask for.
//!
//! The key is made from the browser's `crypto.getRandomValues`, lives only in the page's memory,
//! and is for the sandbox: nothing here is a wallet.

use k256::ecdsa::SigningKey;
use sha3::{Digest, Keccak256};

/// A secp256k1 key that signs like an Ethereum wallet.
#[derive(Clone)]
pub struct SandboxKey(SigningKey);

impl SandboxKey {
    /// A new key from the browser's random numbers.
    pub fn random() -> Result<SandboxKey, String> {
        let crypto = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .ok_or("This browser has no Web Crypto, so it cannot make a key.")?;
        // A random 32 bytes is a valid key unless it is 0 or past the curve's order, which
        // happens with a chance of about 2^-128; another draw settles it.
        for _ in 0..4 {
            let mut bytes = [0u8; 32];
            crypto
                .get_random_values_with_u8_array(&mut bytes)
                .map_err(|_| "The browser refused to give random numbers.")?;
            if let Ok(key) = SandboxKey::from_bytes(&bytes) {
                return Ok(key);
            }
        }
        Err("Could not make a key: try again.".into())
    }

    /// The key with these 32 bytes, if they are one.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<SandboxKey, String> {
        SigningKey::from_slice(bytes)
            .map(SandboxKey)
            .map_err(|_| "These 32 bytes are not a secp256k1 key.".into())
    }

    /// The account's address: the last 20 bytes of the Keccak-256 of the uncompressed public
    /// key (without its 0x04 tag), written in EIP-55's mixed case.
    pub fn address(&self) -> String {
        let point = self.0.verifying_key().to_encoded_point(false);
        let hash = Keccak256::digest(&point.as_bytes()[1..]);
        let mut account = [0u8; 20];
        account.copy_from_slice(&hash[12..]);
        kitty_api::crypto::eip55(&account)
    }

    /// The EIP-191 ("personal_sign") signature of `message`: `0x`, then r, s and v (27 or 28),
    /// 65 bytes in hex.
    pub fn sign(&self, message: &str) -> Result<String, String> {
        let digest = Keccak256::new_with_prefix(
            format!("\x19Ethereum Signed Message:\n{}", message.len()).as_bytes(),
        )
        .chain_update(message.as_bytes());
        let (signature, recovery) = self
            .0
            .sign_digest_recoverable(digest)
            .map_err(|_| "The key could not sign this message.".to_string())?;
        let mut out = String::with_capacity(132);
        out.push_str("0x");
        for b in signature.to_bytes().iter() {
            out.push_str(&format!("{b:02x}"));
        }
        out.push_str(&format!("{:02x}", 27 + recovery.to_byte()));
        Ok(out)
    }
}

/// What an EIP-4361 sign-in message says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiweFields {
    /// The host asking for the sign-in (`kitty.example` or `localhost:8080`).
    pub domain: String,
    pub address: String,
    pub statement: String,
    /// Where the session is for.
    pub uri: String,
    pub chain_id: u64,
    /// At least 8 letters and digits, used once.
    pub nonce: String,
    /// RFC 3339 times.
    pub issued_at: String,
    pub expiration_time: String,
}

impl SiweFields {
    /// The message in EIP-4361's layout, line by line.
    pub fn message(&self) -> String {
        format!(
            "{domain} wants you to sign in with your Ethereum account:\n{address}\n\n{statement}\n\n\
             URI: {uri}\nVersion: 1\nChain ID: {chain}\nNonce: {nonce}\nIssued At: {issued}\n\
             Expiration Time: {expires}",
            domain = self.domain,
            address = self.address,
            statement = self.statement,
            uri = self.uri,
            chain = self.chain_id,
            nonce = self.nonce,
            issued = self.issued_at,
            expires = self.expiration_time,
        )
    }
}

/// A nonce of 16 letters and digits from the browser's random numbers (EIP-4361 asks for at least
/// 8 alphanumerics).
pub fn nonce() -> Result<String, String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("This browser has no Web Crypto.")?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "The browser refused to give random numbers.")?;
    // A nonce must only never repeat: the slight lean of `% 62` towards some letters costs a
    // fraction of a bit of the 95 it has.
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}
