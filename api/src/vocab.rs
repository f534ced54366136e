//! The words of the domain, once: each status or kind is an enum whose stored and wire spelling is
//! [`as_str`](crate::kitty::KittyStatus::as_str), read back with `parse` (which refuses unknown
//! words instead of guessing), and shown to people with `label`.

/// Declares a snake_case enum with `as_str`, `parse`, `label` and `ALL`.
///
/// ```ignore
/// vocabulary! {
///     /// Doc.
///     pub enum Colour { Red = "red" / "Red", Dark = "dark_blue" / "Dark blue" }
/// }
/// ```
#[macro_export]
macro_rules! vocabulary {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        // utoipa does not read a variant's `rename` given through the macro; every word is its
        // variant's name in snake_case, which `rename_all` states in a way it reads (a test in
        // the server checks the published schema against `as_str`).
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word stored in the database and sent on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }

            /// The value for a stored word; `None` for a word this version does not know.
            pub fn parse(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// How the value is shown to a person.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
