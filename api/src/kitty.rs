//! KttiPay group wallets ("kitties"): the contract of `/ktti/api/v3/...`. Amounts are minor units
//! of the kitty's currency.

use crate::split::allocate;
use crate::{Currency, FieldErrors, Money};

crate::vocabulary! {
    /// Where a kitty is in its life.
    pub enum KittyStatus {
        Active = "active" / "Active",
        /// Closure initiated: the card is frozen, splits and assignees are frozen.
        Closing = "closing" / "Closing",
        Closed = "closed" / "Closed",
    }
}

crate::vocabulary! {
    pub enum Role {
        Admin = "admin" / "Admin",
        Member = "member" / "Member",
    }
}

crate::vocabulary! {
    /// A membership's state; former members stay in the totals while their balance is not zero.
    pub enum MemberStatus {
        Active = "active" / "Member",
        Left = "left" / "Left",
        Removed = "removed" / "Removed",
    }
}

crate::vocabulary! {
    /// How a total is shared among the members taking part.
    pub enum SplitMode {
        /// Equal parts among the listed members.
        Even = "even" / "Even",
        /// Parts in proportion to whole-number shares.
        Shares = "shares" / "Shares",
        /// Whole percentages that add up to 100.
        Percent = "percent" / "Percent",
        /// Fixed amounts: for one transaction they must add up to its amount; as a kitty's default
        /// they act as proportions.
        Amount = "amount" / "Amounts",
    }
}

#[allow(clippy::derivable_impls)] // the enum comes from a macro
impl Default for SplitMode {
    fn default() -> Self {
        SplitMode::Even
    }
}

crate::vocabulary! {
    /// What a movement of money is.
    pub enum TxKind {
        Deposit = "deposit" / "Deposit",
        Expense = "expense" / "Card payment",
        Refund = "refund" / "Refund",
        /// Money paid out to a member (at closure, or to settle them).
        Payout = "payout" / "Payout",
        /// The kitty's plan fee (billing), shared like a card payment.
        Fee = "fee" / "Plan fee",
    }
}

impl TxKind {
    /// The one sign rule: a movement's effect on the kitty's balance, and (through its assignee
    /// or its shares) on the members' balances. Money in is positive, money out negative.
    pub fn signed(self, amount: i64) -> i64 {
        match self {
            TxKind::Deposit | TxKind::Refund => amount,
            TxKind::Expense | TxKind::Payout | TxKind::Fee => -amount,
        }
    }

    /// Expenses, refunds and fees are shared among members; deposits and payouts belong to one.
    pub fn is_split(self) -> bool {
        matches!(self, TxKind::Expense | TxKind::Refund | TxKind::Fee)
    }
}

crate::vocabulary! {
    /// The kitty card's state, which follows the kitty's.
    pub enum CardStatus {
        Active = "active" / "Active",
        Frozen = "frozen" / "Frozen",
        Closed = "closed" / "Closed",
    }
}

impl From<KittyStatus> for CardStatus {
    fn from(s: KittyStatus) -> Self {
        match s {
            KittyStatus::Active => CardStatus::Active,
            KittyStatus::Closing => CardStatus::Frozen,
            KittyStatus::Closed => CardStatus::Closed,
        }
    }
}

crate::vocabulary! {
    /// A step of a kitty's closure: `POST /ktti/api/v3/ktties/{kttiId}/closure/{step}`.
    pub enum ClosureStep {
        Initiate = "initiate" / "Start closing",
        Disburse = "disburse" / "Pay out balances",
        Close = "close" / "Close kitty",
        Cancel = "cancel" / "Cancel closing",
    }
}

crate::vocabulary! {
    pub enum InvitationStatus {
        Pending = "pending" / "Waiting",
        Accepted = "accepted" / "Accepted",
        Rejected = "rejected" / "Declined",
    }
}

schema! {
    pub struct CreateKittyRequest {
        /// At most 60 characters; not blank.
        #[cfg_attr(feature = "openapi", schema(max_length = 60, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"))]
        pub name: String,
        #[serde(default)]
        pub currency: Option<Currency>,
        /// Minor units.
        #[serde(default, deserialize_with = "crate::money::whole_units::option::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub goal_amount: Option<i64>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 280))]
        pub description: Option<String>,
    }

    /// `PATCH`: only the fields present change; a `goal_amount` of 0 removes the goal.
    pub struct UpdateKittyRequest {
        /// At most 60 characters; not blank.
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 60, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"))]
        pub name: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(max_length = 280))]
        pub description: Option<String>,
        #[serde(default, deserialize_with = "crate::money::whole_units::option::deserialize")]
        #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10_000_000_000_000_i64))]
        pub goal_amount: Option<i64>,
    }

    /// The kitty's own bank account, for deposits (the "BankingProvider" account).
    pub struct BankAccount {
        pub account_name: String,
        pub bsb: String,
        pub account_number: String,
    }

    /// The shared card for spending.
    pub struct KittyCard {
        pub id: String,
        /// `•••• 1234`.
        pub masked_number: String,
        pub status: CardStatus,
    }

    pub struct Kitty {
        pub id: String,
        pub name: String,
        pub description: Option<String>,
        pub currency: Currency,
        pub goal_amount: Option<i64>,
        pub is_personal: bool,
        pub status: KittyStatus,
        /// Money the kitty can spend now.
        pub available_balance: i64,
        /// Everything held, including money not yet available (equal to available in the sandbox).
        pub total_balance: i64,
        pub referral_code: String,
        pub account: BankAccount,
        pub card: KittyCard,
        pub my_role: Role,
        pub member_count: i64,
        pub created_at: String,
    }

    pub struct KittyList {
        pub ktties: Vec<Kitty>,
        pub total: i64,
    }

    /// A member with their totals: `balance` = `deposited` − `paid_out` − `spent`.
    pub struct Member {
        pub user_id: String,
        pub name: String,
        pub role: Role,
        pub admin_requested: bool,
        /// False once they left or were removed (kept while their money is in the totals).
        pub active: bool,
        pub deposited: i64,
        /// Paid back to them when the kitty closed.
        pub paid_out: i64,
        pub spent: i64,
        pub balance: i64,
    }

    /// Members and totals. `members[].balance` + `unassigned` = `available_balance`, exactly.
    pub struct MemberTotals {
        pub members: Vec<Member>,
        /// Deposits no member has been assigned yet.
        pub unassigned: i64,
        pub available_balance: i64,
    }

    pub struct InviteRequest {
        /// The invitee's mobile number or email.
        pub contact: String,
    }

    pub struct Invitation {
        pub id: String,
        pub ktti_id: String,
        pub ktti_name: String,
        pub invited_by: String,
        pub contact: String,
        pub status: InvitationStatus,
        pub created_at: String,
    }

    pub struct InvitationList {
        pub invitations: Vec<Invitation>,
    }

    pub struct JoinRequest {
        pub referral_code: String,
    }

    /// What a referral link leads to, for the join page before anyone decides.
    pub struct JoinPreview {
        pub referral_code: String,
        pub ktti_name: String,
        pub description: Option<String>,
        pub currency: crate::money::Currency,
        pub member_count: i64,
        pub status: KittyStatus,
        /// Who started the kitty (the referral link is the kitty's, not one member's).
        pub started_by: String,
    }

    pub struct UpdateMembershipRequest {
        pub role: Role,
    }

    pub struct Proportion {
        pub user_id: String,
        /// Ignored for `even`; shares, whole percent, or minor units otherwise.
        #[serde(default, deserialize_with = "crate::money::whole_units::deserialize")]
        pub value: i64,
    }

    /// A kitty's default split, or one transaction's. Members not listed take no part.
    pub struct SplitRule {
        pub mode: SplitMode,
        /// At least one member.
        #[cfg_attr(feature = "openapi", schema(min_items = 1))]
        pub proportions: Vec<Proportion>,
    }

    pub struct KittyTransaction {
        pub id: String,
        pub ktti_id: String,
        pub ktti_name: String,
        pub kind: TxKind,
        /// Positive: the size of the deposit, expense, refund or payout.
        pub amount: i64,
        pub currency: Currency,
        /// Card merchant, deposit sender, or payout note.
        pub description: String,
        /// The member a deposit or payout belongs to; `None` for an unassigned deposit.
        pub assignee_id: Option<String>,
        pub assignee_name: Option<String>,
        pub note: Option<String>,
        pub category: Option<String>,
        /// True when this transaction's split differs from the kitty's default.
        pub custom_split: bool,
        /// For a refund: the card payment it undoes, whose split it mirrors. A refund without one
        /// is split by the kitty's default rule of its day.
        #[serde(default)]
        pub refund_of: Option<String>,
        pub created_at: String,
    }

    pub struct KittyTransactionList {
        pub transactions: Vec<KittyTransaction>,
        pub total: i64,
        pub page: i64,
        pub per_page: i64,
    }

    pub struct ShareLine {
        pub user_id: String,
        pub name: String,
        /// Positive for a share of an expense, negative for a share of a refund.
        pub amount: i64,
    }

    /// How a transaction is split (for a deposit or payout: its one assignee).
    pub struct TransactionSplit {
        pub transaction: KittyTransaction,
        pub rule: Option<SplitRule>,
        pub shares: Vec<ShareLine>,
    }

    pub struct AssignRequest {
        pub user_id: String,
    }

    /// "Additional info" of a transaction.
    pub struct TransactionInfo {
        #[serde(default)]
        pub note: Option<String>,
        #[serde(default)]
        pub category: Option<String>,
    }

    /// What disbursal paid out, one payout transaction per member with a positive balance.
    pub struct Disbursement {
        pub payouts: Vec<ShareLine>,
    }

    /// `POST /sandbox/kitty-deposits`: a bank transfer into a kitty's account.
    pub struct KittyDeposit {
        pub account_number: String,
        /// Minor units, 1 to 10^13.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000_000_000_i64))]
        #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
        pub amount: i64,
        pub sender_name: String,
    }

    /// `POST /sandbox/card-spends`: a payment (or refund) on a kitty's card.
    pub struct CardSpend {
        pub card_id: String,
        pub merchant_name: String,
        /// Minor units, 1 to 10^13.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10_000_000_000_000_i64))]
        #[serde(deserialize_with = "crate::money::whole_units::deserialize")]
        pub amount: i64,
        #[serde(default)]
        pub refund: bool,
        /// For a refund: the id of the card payment it undoes (the card network's reference to
        /// the original purchase). The refund then mirrors that payment's split.
        #[serde(default)]
        pub refund_of: Option<String>,
    }
}

impl CreateKittyRequest {
    pub fn validate(&self) -> Result<CreateKittyRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = crate::validate::label(&self.name, 60)
            .map_err(|e| errors.insert("name".into(), e.message("the kitty's name", 60)))
            .unwrap_or_default();
        if self.goal_amount.is_some_and(|g| g < 0) {
            errors.insert("goal_amount".into(), "A goal cannot be negative.".into());
        } else if self
            .goal_amount
            .is_some_and(|g| g > crate::ledger::MAX_AMOUNT)
        {
            errors.insert(
                "goal_amount".into(),
                format!(
                    "Set a goal of at most {}.",
                    Money::new(
                        crate::ledger::MAX_AMOUNT,
                        self.currency.unwrap_or(Currency::AUD)
                    )
                ),
            );
        }
        let description = self
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string);
        if self
            .description
            .as_ref()
            .is_some_and(|d| d.chars().count() > 280)
        {
            errors.insert("description".into(), "Use at most 280 characters.".into());
        }
        if errors.is_empty() {
            Ok(CreateKittyRequest {
                name,
                currency: Some(self.currency.unwrap_or(Currency::AUD)),
                goal_amount: self.goal_amount.filter(|g| *g > 0),
                description,
            })
        } else {
            Err(errors)
        }
    }
}

impl SplitRule {
    /// Everyone listed, in equal parts.
    pub fn even(user_ids: impl IntoIterator<Item = String>) -> SplitRule {
        SplitRule {
            mode: SplitMode::Even,
            proportions: user_ids
                .into_iter()
                .map(|user_id| Proportion { user_id, value: 1 })
                .collect(),
        }
    }

    /// Checks the rule. `exact_total` is the transaction's amount when the rule is for one
    /// transaction (fixed amounts must then add up to it); `None` for a kitty's default.
    pub fn check(&self, exact_total: Option<Money>) -> Result<(), String> {
        if self.proportions.is_empty() {
            return Err("Choose at least one member to split with.".into());
        }
        let mut seen = std::collections::HashSet::new();
        if !self.proportions.iter().all(|p| seen.insert(&p.user_id)) {
            return Err("Each member can appear only once.".into());
        }
        if self.mode != SplitMode::Even {
            let max = crate::ledger::max_split_value(self.mode);
            if self.proportions.iter().any(|p| p.value < 0) {
                return Err("Values cannot be negative.".into());
            }
            if self.proportions.iter().any(|p| p.value > max) {
                return Err(match self.mode {
                    SplitMode::Percent => "A percentage is at most 100.".into(),
                    SplitMode::Shares => format!("Use at most {max} shares per member."),
                    _ => "One of these amounts is larger than any transaction can be.".into(),
                });
            }
        }
        // Each value is at most 10^13 and there are few of them: an i128 sum cannot overflow.
        let sum: i128 = self.proportions.iter().map(|p| i128::from(p.value)).sum();
        match self.mode {
            SplitMode::Even => Ok(()),
            SplitMode::Shares if sum == 0 => Err("Give at least one member a share.".into()),
            SplitMode::Shares => Ok(()),
            SplitMode::Percent if sum != 100 => Err(format!(
                "Percentages must add up to 100; these add up to {sum}."
            )),
            SplitMode::Percent => Ok(()),
            SplitMode::Amount => match exact_total {
                Some(t) if sum != i128::from(t.amount.unsigned_abs()) => Err(format!(
                    "Amounts must add up to the transaction's {}; these add up to {}.",
                    Money::new(t.amount.abs(), t.currency),
                    // Below the cap checked above times the member count: fits an i64.
                    Money::new(i64::try_from(sum).unwrap_or(i64::MAX), t.currency)
                )),
                None if sum == 0 => Err("Give at least one member an amount.".into()),
                _ => Ok(()),
            },
        }
    }

    /// The shares of `total` (negative for a refund), in the order of `proportions`. They always
    /// add up to `total` exactly.
    pub fn shares(&self, total: i64) -> Result<Vec<(String, i64)>, String> {
        self.check(None)?;
        let weights: Vec<u64> = self
            .proportions
            .iter()
            .map(|p| {
                if self.mode == SplitMode::Even {
                    1
                } else {
                    p.value as u64
                }
            })
            .collect();
        let shares = allocate(total, &weights).ok_or("Give at least one member a part.")?;
        Ok(self
            .proportions
            .iter()
            .map(|p| p.user_id.clone())
            .zip(shares)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(mode: SplitMode, values: &[i64]) -> SplitRule {
        SplitRule {
            mode,
            proportions: values
                .iter()
                .enumerate()
                .map(|(i, v)| Proportion {
                    user_id: format!("u{i}"),
                    value: *v,
                })
                .collect(),
        }
    }

    #[test]
    fn rules_explain_what_is_wrong() {
        assert!(rule(SplitMode::Percent, &[70, 30]).check(None).is_ok());
        assert_eq!(
            rule(SplitMode::Percent, &[70, 20]).check(None).unwrap_err(),
            "Percentages must add up to 100; these add up to 90."
        );
        let aud = |a| Some(Money::new(a, Currency::AUD));
        assert!(rule(SplitMode::Amount, &[500, 300]).check(aud(800)).is_ok());
        assert!(rule(SplitMode::Amount, &[500, 300])
            .check(aud(-800))
            .is_ok());
        assert_eq!(
            rule(SplitMode::Amount, &[500, 200])
                .check(aud(800))
                .unwrap_err(),
            "Amounts must add up to the transaction's A$8.00; these add up to A$7.00."
        );
        assert!(rule(SplitMode::Shares, &[0, 0]).check(None).is_err());
        assert!(rule(SplitMode::Shares, &[1, -1]).check(None).is_err());
        assert!(rule(SplitMode::Even, &[]).check(None).is_err());
        let mut dup = rule(SplitMode::Even, &[1, 1]);
        dup.proportions[1].user_id = "u0".into();
        assert!(dup.check(None).is_err());
    }

    #[test]
    fn shares_follow_the_rule() {
        let s = rule(SplitMode::Percent, &[70, 30]).shares(8420).unwrap();
        assert_eq!(s, vec![("u0".to_string(), 5894), ("u1".to_string(), 2526)]);
        let s = rule(SplitMode::Even, &[0, 0, 0]).shares(-1000).unwrap();
        assert_eq!(
            s.iter().map(|x| x.1).collect::<Vec<_>>(),
            vec![-334, -333, -333]
        );
        let s = rule(SplitMode::Amount, &[500, 300]).shares(800).unwrap();
        assert_eq!(s.iter().map(|x| x.1).collect::<Vec<_>>(), vec![500, 300]);
    }
}
