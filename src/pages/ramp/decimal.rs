//! Exact sums on decimal strings: stablecoin amounts (up to 18 decimals) and the rates that turn
//! them into shillings or cedis. Each decimal is held as a whole number and a power of ten, and
//! every step is a checked integer operation: no floating point, and `None` rather than a wrong
//! figure when a number does not fit.

use std::cmp::Ordering;

/// The most digits a [`Scaled`] holds: 10^38 still fits in a `u128`.
const MAX_DIGITS: usize = 38;

/// A non-negative decimal as `units / 10^scale`: `12.50` is 125 and 1 (trailing zeros after the
/// point are dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scaled {
    pub units: u128,
    pub scale: u32,
}

impl Scaled {
    /// A plain decimal as typed or sent by the server: digits with at most one point (`10`,
    /// `10.5`, `.5`, `10.`). `None` for a sign, an exponent, anything else, or more than 38
    /// significant digits.
    pub fn parse(text: &str) -> Option<Scaled> {
        let t = text.trim();
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
            return None;
        }
        let whole = whole.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        if whole.len() + frac.len() > MAX_DIGITS {
            return None;
        }
        let units = whole.bytes().chain(frac.bytes()).try_fold(0u128, |n, b| {
            n.checked_mul(10)?.checked_add(u128::from(b - b'0'))
        })?;
        Some(Scaled {
            units,
            scale: u32::try_from(frac.len()).ok()?,
        })
    }

    /// The same number with `scale` decimals (at least its own); `None` when it does not fit.
    fn rescaled(self, scale: u32) -> Option<u128> {
        self.units
            .checked_mul(10u128.checked_pow(scale.checked_sub(self.scale)?)?)
    }

    /// Compares two decimals; `None` only when aligning them overflows.
    pub fn compare(self, other: Scaled) -> Option<Ordering> {
        let scale = self.scale.max(other.scale);
        Some(self.rescaled(scale)?.cmp(&other.rescaled(scale)?))
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }
}

/// Which way a product is rounded to the cent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Down: what a payout pays (never more than the coins are worth).
    Down,
    /// Up: what a purchase costs (never less than the coins are worth).
    Up,
}

/// `amount × rate` in hundredths (cents, the minor units of KES and GHS), rounded as `rounding`
/// says. `None` when either is not a plain decimal, or the product does not fit.
pub fn times_in_cents(amount: &str, rate: &str, rounding: Rounding) -> Option<i64> {
    let (a, r) = (Scaled::parse(amount)?, Scaled::parse(rate)?);
    let product = a.units.checked_mul(r.units)?;
    let scale = a.scale.checked_add(r.scale)?;
    let cents = match scale.checked_sub(2) {
        // Fewer than two decimals: exact once padded.
        None => product.checked_mul(10u128.pow(2 - scale))?,
        Some(extra) => {
            let divisor = 10u128.checked_pow(extra)?;
            let (whole, rest) = (product / divisor, product % divisor);
            match rounding {
                Rounding::Up if rest > 0 => whole.checked_add(1)?,
                _ => whole,
            }
        }
    };
    i64::try_from(cents).ok()
}

/// Whether `amount` is no more than `limit` (both plain decimals); `None` when either is not.
pub fn at_most(amount: &str, limit: &str) -> Option<bool> {
    let ordering = Scaled::parse(amount)?.compare(Scaled::parse(limit)?)?;
    Some(ordering != Ordering::Greater)
}

/// Whether a decimal string is a plain zero (`0`, `0.000000`); text that is not a decimal is not.
pub fn is_zero(amount: &str) -> bool {
    Scaled::parse(amount).is_some_and(Scaled::is_zero)
}
