//! The kitty ledger's rules, written down once. The server enforces them against its tables;
//! [`model::Model`] is a small in-memory reference that obeys the same rules, and the
//! model-based tests drive both through random sequences of operations.
//!
//! # The rules
//! - **Balances are sums, never stored.** A movement's effect is [`TxKind::signed`]: deposits and
//!   refunds add, card payments and payouts take away. A deposit or payout moves its assignee's
//!   balance; a card payment or refund moves its members' shares, which add up to it exactly.
//!   So the members' balances plus the unassigned deposits always equal the available balance.
//! - **Amounts have a range.** Every movement is 1 to [`MAX_AMOUNT`] minor units, and a kitty
//!   takes in at most [`MAX_INFLOW`] over its life, so no sum over a kitty can overflow an `i64`.
//! - **Spending** needs an active kitty (the card is frozen once closure starts) and enough money.
//! - **Refunds** name the card payment they undo and mirror its split, and together never exceed
//!   it. A refund that names none is split by the kitty's default rule of its day.
//! - **Once closure starts, splits and assignees are frozen.** A deposit that arrives during
//!   closure and matches no member can still be given its first assignee: that is how someone
//!   settles a debt.
//! - **Closing** needs every balance at exactly zero and nothing unassigned.
//! - **Leaving or being removed** needs a balance of exactly zero. A member who is owed is paid out
//!   (an admin's payout, limited to what the kitty holds); a member who owes deposits the rest.
//! - **Former members never owe.** A split edit or a deposit's new assignee that would leave
//!   someone who has gone owing the kitty is refused.
//! - **Default rules stay valid when membership changes.** A newcomer takes part at once (one
//!   share, an even percentage carved from the others, or the average amount); a leaver's
//!   percentage goes to those who remain, in proportion. If nobody would be left taking part, the
//!   rule becomes even among everyone. The admins are told whenever a rule is rebuilt.

pub mod model;

use crate::kitty::{Member, MemberTotals, SplitMode};
use crate::split::allocate;
use crate::{Currency, Money};

/// The largest single movement, in minor units (A$100 billion; 10 trillion Rials).
pub const MAX_AMOUNT: i64 = 10_000_000_000_000;
/// The most a kitty can take in over its life (deposits plus refunds).
pub const MAX_INFLOW: i64 = 4_000_000_000_000_000_000;
/// The most shares one member can have in a shares rule.
pub const MAX_SHARES: i64 = 1_000_000;

/// The largest value one member can have in a rule of `mode`.
pub fn max_split_value(mode: SplitMode) -> i64 {
    match mode {
        SplitMode::Even => 1,
        SplitMode::Percent => 100,
        SplitMode::Shares => MAX_SHARES,
        SplitMode::Amount => MAX_AMOUNT,
    }
}

/// Checks a movement's amount: 1 to [`MAX_AMOUNT`] minor units.
pub fn check_amount(amount: i64, currency: Currency) -> Result<(), String> {
    if (1..=MAX_AMOUNT).contains(&amount) {
        Ok(())
    } else {
        Err(format!(
            "Use an amount from {} to {}, in minor units.",
            Money::new(1, currency),
            Money::new(MAX_AMOUNT, currency)
        ))
    }
}

/// Why the ledger refuses an operation. The server answers these with 404, 403, 409 and 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The thing named does not exist for the caller (404).
    NotFound(String),
    /// Allowed to admins only (403).
    Forbidden,
    /// The kitty's state does not allow it now (409).
    Conflict(String),
    /// The request itself is wrong, on a field (422).
    Invalid {
        field: &'static str,
        message: String,
    },
}

impl Refusal {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Refusal::Invalid {
            field,
            message: message.into(),
        }
    }

    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::NotFound(_) => 404,
            Refusal::Forbidden => 403,
            Refusal::Conflict(_) => 409,
            Refusal::Invalid { .. } => 422,
        }
    }
}

/// Whether a member with `balance` may leave, or be removed; the message says why not and how to
/// settle. `own` is true when they leave themselves.
pub fn may_leave(name: &str, balance: i64, currency: Currency, own: bool) -> Result<(), Refusal> {
    let amount = Money::new(balance.abs(), currency);
    let (who, has) = if own {
        ("You".to_string(), "have")
    } else {
        (name.to_string(), "has")
    };
    match balance {
        0 => Ok(()),
        b if b > 0 => Err(Refusal::Conflict(format!(
            "{who} still {has} {amount} in this kitty. An admin pays it out from the Members tab \
             (or it is paid out at closure); then {} can leave.",
            if own { "you" } else { "they" }
        ))),
        _ => Err(Refusal::Conflict(format!(
            "{who} {} the kitty {amount}. Deposit it to the kitty's account with {} name as the \
             sender; then {} can leave.",
            if own { "owe" } else { "owes" },
            if own { "your" } else { "their" },
            if own { "you" } else { "they" },
        ))),
    }
}

/// Whether closure may pay out: everything assigned, nobody owing.
pub fn may_disburse(totals: &MemberTotals, currency: Currency) -> Result<(), Refusal> {
    if totals.unassigned != 0 {
        return Err(Refusal::Conflict(format!(
            "{} of deposits is not assigned to a member yet. Assign it first, so everyone gets \
             their share.",
            Money::new(totals.unassigned, currency)
        )));
    }
    let owing = owing(&totals.members, currency);
    if !owing.is_empty() {
        return Err(Refusal::Conflict(format!(
            "{} owe the kitty. They need to deposit that before the rest can be paid out.",
            owing.join(", ")
        )));
    }
    Ok(())
}

/// Whether the kitty may close: every balance exactly zero and nothing unassigned.
pub fn may_close(totals: &MemberTotals, currency: Currency) -> Result<(), Refusal> {
    if totals.unassigned != 0 {
        return Err(Refusal::Conflict(format!(
            "{} of deposits is not assigned yet. Assign it and pay it out before closing.",
            Money::new(totals.unassigned, currency)
        )));
    }
    let open: Vec<String> = totals
        .members
        .iter()
        .filter(|m| m.balance != 0)
        .map(|m| format!("{} ({})", m.name, Money::new(m.balance, currency)))
        .collect();
    if !open.is_empty() {
        return Err(Refusal::Conflict(format!(
            "Every balance must be zero before closing; these are not: {}. Pay out what is owed \
             to members, and have those who owe deposit it.",
            open.join(", ")
        )));
    }
    Ok(())
}

/// The payout that settles one member who is owed: their whole balance, if the kitty holds it.
pub fn settling_payout(
    member: &Member,
    available: i64,
    currency: Currency,
) -> Result<i64, Refusal> {
    if member.balance <= 0 {
        return Err(Refusal::Conflict(format!(
            "{} is not owed anything, so there is nothing to pay out.",
            member.name
        )));
    }
    if member.balance > available {
        return Err(Refusal::Conflict(format!(
            "{} is owed {}, but the kitty holds only {} because other members owe it. They need \
             to deposit first.",
            member.name,
            Money::new(member.balance, currency),
            Money::new(available.max(0), currency)
        )));
    }
    Ok(member.balance)
}

fn owing(members: &[Member], currency: Currency) -> Vec<String> {
    members
        .iter()
        .filter(|m| m.balance < 0)
        .map(|m| format!("{} ({})", m.name, Money::new(-m.balance, currency)))
        .collect()
}

/// A member's place in the default rule: `None` takes no part.
pub type RuleValue = Option<i64>;

/// The default rule's values after `newcomer` joins, given the active members' values in order.
/// Returns the newcomer's value and the others' (changed only for percentages).
pub fn values_on_join(mode: SplitMode, current: &[RuleValue]) -> (i64, Vec<RuleValue>) {
    let taking_part: Vec<i64> = current.iter().flatten().copied().collect();
    match mode {
        SplitMode::Even | SplitMode::Shares => (1, current.to_vec()),
        SplitMode::Amount => {
            let n = taking_part.len() as i128;
            let sum: i128 = taking_part.iter().map(|v| i128::from(*v)).sum();
            let average = if n == 0 { 1 } else { (sum / n).max(1) };
            (i64::try_from(average).unwrap_or(1), current.to_vec())
        }
        SplitMode::Percent => {
            // Everyone already taking part keeps their proportion of n/(n+1); the newcomer gets
            // 1/(n+1). Largest remainder keeps the total at exactly 100.
            let n = taking_part.len() as u64;
            let mut weights: Vec<u64> = taking_part.iter().map(|v| *v as u64 * n).collect();
            weights.push(100);
            let parts = allocate(100, &weights).unwrap_or_default();
            let newcomer = parts.last().copied().unwrap_or(100);
            let mut next = parts.into_iter();
            let others = current
                .iter()
                .map(|v| v.map(|_| next.next().unwrap_or(0)))
                .collect();
            (newcomer, others)
        }
    }
}

/// The default rule's values after the member at `leaver` goes, given the active members' values
/// in order (the leaver included). Returns the others' values, in order, without the leaver.
pub fn values_on_leave(mode: SplitMode, current: &[RuleValue], leaver: usize) -> Vec<RuleValue> {
    let gone = current.get(leaver).copied().flatten().unwrap_or(0);
    let mut rest: Vec<RuleValue> = current
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != leaver)
        .map(|(_, v)| *v)
        .collect();
    let weights: Vec<u64> = rest.iter().map(|v| v.unwrap_or(0) as u64).collect();
    if weights.iter().all(|w| *w == 0) {
        // Nobody left taking part: even among everyone who remains.
        return match mode {
            SplitMode::Percent => {
                let parts = allocate(100, &vec![1; rest.len()]).unwrap_or_default();
                parts.into_iter().map(Some).collect()
            }
            _ => vec![Some(1); rest.len()],
        };
    }
    if mode == SplitMode::Percent && gone > 0 {
        let extra = allocate(gone, &weights).unwrap_or_default();
        for (v, e) in rest.iter_mut().zip(extra) {
            if let Some(v) = v {
                *v += e;
            }
        }
    }
    rest
}

/// The shares of a refund of `amount` that mirrors an expense split as `expense_shares` (each the
/// effect on that member: negative). The refund's shares are positive and add up to `amount`.
pub fn mirror_refund(expense_shares: &[(String, i64)], amount: i64) -> Vec<(String, i64)> {
    let weights: Vec<u64> = expense_shares
        .iter()
        .map(|(_, s)| s.unsigned_abs())
        .collect();
    let parts = allocate(amount, &weights).unwrap_or_else(|| vec![0; weights.len()]);
    expense_shares
        .iter()
        .map(|(u, _)| u.clone())
        .zip(parts)
        .collect()
}

/// Describes a default rule for a notification: "Even", "Ana 50%, Ben 50%".
pub fn describe_rule(mode: SplitMode, named: &[(String, i64)]) -> String {
    match mode {
        SplitMode::Even => format!(
            "even between {}",
            named
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        SplitMode::Percent => named
            .iter()
            .map(|(n, v)| format!("{n} {v}%"))
            .collect::<Vec<_>>()
            .join(", "),
        SplitMode::Shares => named
            .iter()
            .map(|(n, v)| format!("{n} {v} share{}", if *v == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", "),
        SplitMode::Amount => format!(
            "in proportion to {}",
            named
                .iter()
                .map(|(n, v)| format!("{n} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn percent_rules_stay_at_100() {
        let (new, others) = values_on_join(SplitMode::Percent, &[Some(50), Some(50)]);
        assert_eq!((new, others), (33, vec![Some(34), Some(33)]));
        assert_eq!(
            values_on_leave(SplitMode::Percent, &[Some(50), Some(50)], 1),
            vec![Some(100)]
        );
        assert_eq!(
            values_on_leave(SplitMode::Percent, &[Some(70), None, Some(30)], 2),
            vec![Some(100), None]
        );
        assert_eq!(
            values_on_leave(SplitMode::Percent, &[Some(100), Some(0), Some(0)], 0),
            vec![Some(50), Some(50)]
        );
        assert_eq!(
            values_on_leave(SplitMode::Shares, &[Some(3), Some(0)], 0),
            vec![Some(1)]
        );
    }

    #[test]
    fn refunds_mirror_their_expense() {
        let expense = vec![("a".to_string(), -700), ("b".to_string(), -300)];
        assert_eq!(
            mirror_refund(&expense, 500),
            vec![("a".to_string(), 350), ("b".to_string(), 150)]
        );
    }

    #[test]
    fn leaving_says_how_to_settle() {
        let e = may_leave("Ben", -500, Currency::AUD, false).unwrap_err();
        assert!(matches!(&e, Refusal::Conflict(m) if m.contains("Ben owes the kitty A$5.00")));
        let e = may_leave("Ben", 500, Currency::AUD, true).unwrap_err();
        assert!(matches!(&e, Refusal::Conflict(m) if m.contains("pays it out")));
        assert!(may_leave("Ben", 0, Currency::AUD, true).is_ok());
    }

    proptest! {
        #[test]
        fn rebuilt_percentages_add_up_to_100(
            values in proptest::collection::vec(proptest::option::of(0i64..=100), 1..8),
            leaver in 0usize..8,
        ) {
            // Make a valid percent rule from the values.
            let weights: Vec<u64> = values.iter().map(|v| v.unwrap_or(0) as u64).collect();
            let valid: Vec<RuleValue> = match allocate(100, &weights) {
                Some(p) => values.iter().zip(p).map(|(v, p)| v.map(|_| p)).collect(),
                None => allocate(100, &vec![1; values.len()]).unwrap().into_iter().map(Some).collect(),
            };
            let (new, others) = values_on_join(SplitMode::Percent, &valid);
            prop_assert_eq!(new + others.iter().flatten().sum::<i64>(), 100);
            let leaver = leaver % valid.len();
            let after = values_on_leave(SplitMode::Percent, &valid, leaver);
            if !after.is_empty() {
                prop_assert_eq!(after.iter().flatten().sum::<i64>(), 100);
            }
        }
    }
}
