//! KttiPay's user side beyond sign-in: notification preferences and information, push (the test
//! ping), devices, the application configuration (Core), and platform admins' blocks.

use crate::money::Currency;

crate::vocabulary! {
    /// What a notification is about, for the preferences.
    pub enum NotificationCategory {
        Deposits = "deposits" / "Deposits",
        Spends = "spends" / "Card payments",
        Splits = "splits" / "Split rules",
        Chat = "chat" / "Group chat",
        Invitations = "invitations" / "Invitations and members",
        Closure = "closure" / "Closing a kitty",
    }
}

crate::vocabulary! {
    /// How a notification reaches a person.
    pub enum NotificationChannel {
        InApp = "in_app" / "In the app",
        Push = "push" / "Push",
        Email = "email" / "Email",
    }
}

crate::vocabulary! {
    /// The language a person reads Kitty in: the app's, and the one the server writes their
    /// notifications, pushes and emails in.
    pub enum Language {
        En = "en" / "English",
        Sw = "sw" / "Kiswahili",
        Fa = "fa" / "فارسی",
    }
}

impl Default for Language {
    /// English, for an account that never said.
    fn default() -> Self {
        Language::En
    }
}

impl NotificationChannel {
    /// Whether a category sends on this channel when the person has not chosen: the inbox and
    /// push yes, email no.
    pub fn on_by_default(self) -> bool {
        !matches!(self, NotificationChannel::Email)
    }
}

schema! {
    pub struct Preference {
        pub category: NotificationCategory,
        pub channel: NotificationChannel,
        pub enabled: bool,
    }

    /// Every category on every channel.
    pub struct Preferences {
        pub preferences: Vec<Preference>,
    }

    /// "Get notification information for the current user."
    pub struct NotificationInfo {
        pub total: i64,
        pub unread: i64,
        /// Devices that can receive a push (registered through the device endpoints).
        pub devices: i64,
    }

    /// One push notification, as the live channel delivers it.
    pub struct PushMessage {
        pub id: String,
        pub title: String,
        pub body: String,
        pub created_at: String,
    }

    /// The language the server writes to the current user in.
    pub struct LanguageRequest {
        pub language: Language,
    }

    /// "Save fcm token for user device."
    pub struct FcmTokenRequest {
        /// The app's own id for this device (a UUID it keeps).
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{8,64}$"))]
        pub device_id: String,
        #[cfg_attr(feature = "openapi", schema(max_length = 4096, pattern = r"^[^\s\x1c-\x1f]"))]
        pub fcm_token: String,
    }

    /// "Save app details for user device."
    pub struct AppDetailsRequest {
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[A-Za-z0-9_-]{8,64}$"))]
        pub device_id: String,
        /// web, android or ios.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(web|android|ios)$"))]
        pub platform: String,
        #[cfg_attr(feature = "openapi", schema(max_length = 32))]
        pub app_version: String,
        #[cfg_attr(feature = "openapi", schema(max_length = 100))]
        pub model: String,
    }

    pub struct Device {
        pub device_id: String,
        pub platform: Option<String>,
        pub app_version: Option<String>,
        pub model: Option<String>,
        /// True once the device has saved a push token.
        pub push: bool,
        pub created_at: String,
        pub last_seen_at: String,
    }

    pub struct DeviceList {
        pub devices: Vec<Device>,
    }

    /// "Get application configuration values."
    pub struct CoreConfig {
        pub currencies: Vec<Currency>,
        /// Smallest and largest amount of one kitty transaction, in minor units.
        pub min_amount: i64,
        pub max_amount: i64,
        pub max_kitty_name: i64,
        pub min_password: i64,
        /// Notification categories the preferences offer.
        pub notification_categories: Vec<NotificationCategory>,
        pub features: Features,
        /// The social identity provider the sign-in page offers, when one is configured (the
        /// sandbox's own in sandbox mode).
        #[serde(default)]
        pub social_sign_in: Option<SocialProvider>,
    }

    /// Where "Continue with …" sends the browser: an OpenID Connect authorization endpoint,
    /// asked for an ID token (`response_type=id_token`) with this client id.
    pub struct SocialProvider {
        /// As the button names it.
        pub name: String,
        pub authorize_url: String,
        pub client_id: String,
    }

    pub struct Features {
        /// Simulated rails (`/sandbox`), the outbox and the simulated phone.
        pub sandbox: bool,
        pub merchant: bool,
        pub ramp: bool,
        /// Push reaches the app over its live channel (no push service is reachable here).
        pub push_over_live_channel: bool,
    }

    /// A customer, as a platform admin sees them.
    pub struct Customer {
        pub id: String,
        pub name: String,
        pub mobile: Option<String>,
        pub email: Option<String>,
        pub blocked: bool,
        pub is_platform_admin: bool,
    }

    pub struct CustomerList {
        pub customers: Vec<Customer>,
    }
}

schema! {
    /// "Update user details.": any of the three; a new email or mobile waits for its code.
    pub struct UpdateUserDetailsRequest {
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 100))]
        pub name: Option<String>,
        #[serde(default)]
        pub email: Option<String>,
        #[serde(default)]
        pub mobile: Option<String>,
    }

    /// The account after the change, and what still waits for a code.
    pub struct UserDetails {
        pub user: crate::auth::User,
        pub pending: Vec<PendingChange>,
    }

    /// A new email or mobile number, confirmed by the code sent to it.
    pub struct PendingChange {
        /// email or mobile.
        pub field: String,
        pub to: String,
        pub expires_at: String,
    }

    /// The code from the email or SMS.
    pub struct ConfirmChangeRequest {
        #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
        pub code: String,
    }
}

crate::vocabulary! {
    /// Where a person's identity checks stand.
    pub enum KycStatus {
        Verified = "verified" / "Verified",
        Unverified = "unverified" / "Not verified",
    }
}

schema! {
    /// "Get KYC details for the current authenticated user.": what the account holds, and the
    /// ramp's KYC records that share its email or mobile number.
    pub struct KycDetails {
        /// Verified once a ramp record with full names and an email is on file.
        pub status: KycStatus,
        pub name: String,
        pub email: Option<String>,
        pub mobile: Option<String>,
        pub documents: Vec<KycDocument>,
        /// What to do to become verified, or how the status was reached.
        pub explanation: String,
    }

    /// One KYC record on file with a ramp partner.
    pub struct KycDocument {
        /// Who holds it, e.g. "Kotani Pay, for Acme Remit".
        pub source: String,
        pub phone_number: String,
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        pub email: Option<String>,
        pub verified: bool,
        /// RFC 3339, UTC.
        pub created_at: String,
    }
}
