//! A small reference model of one kitty's ledger, in memory, obeying the rules of
//! [`super`]. The model-based tests drive it (and the real server, step for step) through random
//! sequences of [`Op`]s, and check after every step that the books balance.
//!
//! People are numbered: person 0 created the kitty and is its only admin. A person's name is
//! `P{n}`, which is also the sender name on their deposits.

use super::{may_close, may_disburse, may_leave, mirror_refund, settling_payout, Refusal};
use super::{values_on_join, values_on_leave, MAX_INFLOW};
use crate::kitty::{
    KittyStatus, Member, MemberTotals, Proportion, Role, SplitMode, SplitRule, TxKind,
};
use crate::Currency;

/// The currency of the model's kitty.
pub const CURRENCY: Currency = Currency::AUD;

/// One operation on the kitty. Indexes pick among what exists when the op runs (modulo the
/// count), so any generated sequence can be replayed.
#[derive(Debug, Clone)]
pub enum Op {
    /// Money arrives from person `sender` (`None`: a sender who matches no member).
    Deposit {
        sender: Option<usize>,
        amount: i64,
    },
    /// The admin gives the `nth` deposit to `person`.
    Assign {
        nth: usize,
        person: usize,
    },
    Spend {
        amount: i64,
    },
    /// A refund of the `of`-th card payment, or of none.
    Refund {
        amount: i64,
        of: Option<usize>,
    },
    /// The admin re-splits the `nth` expense or refund among `people` with `values`. With `fit`,
    /// [`Model::fit`] first makes the values add up (percentages to 100, amounts to the total).
    EditSplit {
        nth: usize,
        mode: SplitMode,
        people: Vec<(usize, i64)>,
        fit: bool,
    },
    /// The admin sets the default rule (with `fit`, percentages are made to add up to 100).
    SetDefault {
        mode: SplitMode,
        people: Vec<(usize, i64)>,
        fit: bool,
    },
    Join {
        person: usize,
    },
    Leave {
        person: usize,
    },
    Remove {
        person: usize,
    },
    /// The admin pays out what `person` is owed.
    PayOut {
        person: usize,
    },
    Initiate,
    Disburse,
    Close,
    Cancel,
    /// The admin moves the kitty (an AUD one) to Plus, which takes its first fee at once.
    Plus,
    /// The admin moves it back to Free.
    Free,
}

pub fn name(person: usize) -> String {
    format!("P{person}")
}

#[derive(Debug, Clone)]
struct Membership {
    person: usize,
    active: bool,
    /// Place in the default rule.
    value: Option<i64>,
}

/// One movement of money.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: TxKind,
    pub amount: i64,
    pub assignee: Option<usize>,
    /// Effect on each member's balance, in the rule's order.
    pub shares: Vec<(usize, i64)>,
    pub refund_of: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub status: KittyStatus,
    pub mode: SplitMode,
    /// In order of first joining.
    members: Vec<Membership>,
    pub entries: Vec<Entry>,
    /// On the Plus plan (billing).
    pub plus: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

impl Model {
    /// A new kitty: person 0 is its admin, taking part in an even split.
    pub fn new() -> Model {
        Model {
            status: KittyStatus::Active,
            mode: SplitMode::Even,
            members: vec![Membership {
                person: 0,
                active: true,
                value: Some(1),
            }],
            entries: Vec::new(),
            plus: false,
        }
    }

    fn active(&self, person: usize) -> bool {
        self.members.iter().any(|m| m.person == person && m.active)
    }

    /// Each person's balance, summed from the entries (never stored).
    pub fn balance(&self, person: usize) -> i64 {
        self.entries
            .iter()
            .map(|e| match e.kind {
                TxKind::Deposit | TxKind::Payout if e.assignee == Some(person) => {
                    e.kind.signed(e.amount)
                }
                kind if kind.is_split() => e
                    .shares
                    .iter()
                    .filter(|(p, _)| *p == person)
                    .map(|(_, s)| *s)
                    .sum(),
                _ => 0,
            })
            .sum()
    }

    pub fn available(&self) -> i64 {
        self.entries.iter().map(|e| e.kind.signed(e.amount)).sum()
    }

    pub fn unassigned(&self) -> i64 {
        self.entries
            .iter()
            .filter(|e| e.kind == TxKind::Deposit && e.assignee.is_none())
            .map(|e| e.amount)
            .sum()
    }

    fn inflow(&self) -> i64 {
        self.entries
            .iter()
            .filter(|e| matches!(e.kind, TxKind::Deposit | TxKind::Refund))
            .map(|e| e.amount)
            .sum()
    }

    /// The totals as the server reports them: active members, and former ones with money in.
    pub fn totals(&self) -> MemberTotals {
        let members = self
            .members
            .iter()
            .map(|m| {
                let deposited = self
                    .entries
                    .iter()
                    .filter(|e| e.kind == TxKind::Deposit && e.assignee == Some(m.person))
                    .map(|e| e.amount)
                    .sum();
                let paid_out = self
                    .entries
                    .iter()
                    .filter(|e| e.kind == TxKind::Payout && e.assignee == Some(m.person))
                    .map(|e| e.amount)
                    .sum();
                let balance = self.balance(m.person);
                Member {
                    user_id: name(m.person),
                    name: name(m.person),
                    role: if m.person == 0 {
                        Role::Admin
                    } else {
                        Role::Member
                    },
                    admin_requested: false,
                    active: m.active,
                    deposited,
                    paid_out,
                    spent: deposited - paid_out - balance,
                    balance,
                }
            })
            .filter(|m| m.active || m.balance != 0)
            .collect();
        MemberTotals {
            members,
            unassigned: self.unassigned(),
            available_balance: self.available(),
        }
    }

    /// The default rule, over active members in joining order.
    pub fn default_rule(&self) -> SplitRule {
        let taking_part: Vec<Proportion> = self
            .members
            .iter()
            .filter(|m| m.active)
            .filter_map(|m| {
                m.value.map(|value| Proportion {
                    user_id: name(m.person),
                    value,
                })
            })
            .collect();
        if taking_part.is_empty() {
            return SplitRule::even(
                self.members
                    .iter()
                    .filter(|m| m.active)
                    .map(|m| name(m.person)),
            );
        }
        SplitRule {
            mode: self.mode,
            proportions: taking_part,
        }
    }

    /// The entry an op's `nth` over `kinds` refers to (also used to replay ops on the server).
    pub fn pick(&self, kinds: &[TxKind], nth: usize) -> Option<usize> {
        let found: Vec<usize> = (0..self.entries.len())
            .filter(|i| kinds.contains(&self.entries[*i].kind))
            .collect();
        if found.is_empty() {
            None
        } else {
            Some(found[nth % found.len()])
        }
    }

    fn rule_for(people: &[(usize, i64)], mode: SplitMode) -> SplitRule {
        SplitRule {
            mode,
            proportions: people
                .iter()
                .map(|(p, v)| Proportion {
                    user_id: name(*p),
                    value: *v,
                })
                .collect(),
        }
    }

    fn person_of(id: &str) -> usize {
        id.trim_start_matches('P').parse().unwrap_or(usize::MAX)
    }

    fn shares_of(rule: &SplitRule, signed: i64) -> Result<Vec<(usize, i64)>, Refusal> {
        rule.shares(signed)
            .map(|s| {
                s.into_iter()
                    .map(|(u, v)| (Model::person_of(&u), v))
                    .collect()
            })
            .map_err(|m| Refusal::invalid("proportions", m))
    }

    fn former_owe(&self) -> Option<usize> {
        self.members
            .iter()
            .find(|m| !m.active && self.balance(m.person) < 0)
            .map(|m| m.person)
    }

    /// `op` with its split values made to add up, when it asks for that; so random sequences
    /// reach valid percentage and amount rules as often as invalid ones.
    pub fn fit(&self, op: &Op) -> Op {
        let fitted = |people: &[(usize, i64)], total: i64| -> Vec<(usize, i64)> {
            let mut seen = std::collections::HashSet::new();
            let people: Vec<(usize, i64)> = people
                .iter()
                .copied()
                .filter(|(p, _)| seen.insert(*p))
                .collect();
            let mut weights: Vec<u64> = people.iter().map(|(_, v)| *v as u64).collect();
            if weights.iter().all(|w| *w == 0) {
                weights = vec![1; people.len()];
            }
            let parts = crate::split::allocate(total, &weights).unwrap_or_default();
            people.iter().map(|(p, _)| *p).zip(parts).collect()
        };
        match op {
            Op::SetDefault {
                mode,
                people,
                fit: true,
            } => Op::SetDefault {
                mode: *mode,
                people: if *mode == SplitMode::Percent {
                    fitted(people, 100)
                } else {
                    people.clone()
                },
                fit: false,
            },
            Op::EditSplit {
                nth,
                mode,
                people,
                fit: true,
            } => {
                let total = match mode {
                    SplitMode::Percent => Some(100),
                    SplitMode::Amount => self
                        .pick(&[TxKind::Expense, TxKind::Refund], *nth)
                        .map(|i| self.entries[i].amount),
                    _ => None,
                };
                Op::EditSplit {
                    nth: *nth,
                    mode: *mode,
                    people: total.map_or_else(|| people.clone(), |t| fitted(people, t)),
                    fit: false,
                }
            }
            other => other.clone(),
        }
    }

    /// Applies `op`, or says why not and changes nothing.
    pub fn apply(&mut self, op: &Op) -> Result<(), Refusal> {
        let before = self.clone();
        let result = self.step(op);
        if result.is_err() {
            *self = before;
        }
        result
    }

    fn step(&mut self, op: &Op) -> Result<(), Refusal> {
        match op {
            Op::Deposit { sender, amount } => {
                if self.status == KittyStatus::Closed {
                    return Err(Refusal::NotFound("No open kitty has this account.".into()));
                }
                if self.inflow() + amount > MAX_INFLOW {
                    return Err(Refusal::Conflict("The kitty is full.".into()));
                }
                let assignee = sender.filter(|p| self.active(*p));
                self.entries.push(Entry {
                    kind: TxKind::Deposit,
                    amount: *amount,
                    assignee,
                    shares: vec![],
                    refund_of: None,
                });
                Ok(())
            }
            Op::Assign { nth, person } => {
                let Some(i) = self.pick(&[TxKind::Deposit], *nth) else {
                    return Err(Refusal::NotFound("The transaction".into()));
                };
                match self.status {
                    KittyStatus::Closed => return Err(Refusal::Conflict("closed".into())),
                    KittyStatus::Closing if self.entries[i].assignee.is_some() => {
                        return Err(Refusal::Conflict("frozen".into()))
                    }
                    _ => {}
                }
                if !self.active(*person) && self.balance(*person) == 0 {
                    return Err(Refusal::invalid("user_id", "not a member"));
                }
                self.entries[i].assignee = Some(*person);
                if self.former_owe().is_some() {
                    return Err(Refusal::Conflict("a former member would owe".into()));
                }
                Ok(())
            }
            Op::Spend { amount } => {
                if self.status != KittyStatus::Active {
                    return Err(Refusal::Conflict("frozen".into()));
                }
                if *amount > self.available() {
                    return Err(Refusal::Conflict("not enough".into()));
                }
                let shares = Model::shares_of(&self.default_rule(), -amount)?;
                self.entries.push(Entry {
                    kind: TxKind::Expense,
                    amount: *amount,
                    assignee: None,
                    shares,
                    refund_of: None,
                });
                Ok(())
            }
            Op::Refund { amount, of } => {
                if self.status != KittyStatus::Active {
                    return Err(Refusal::Conflict("frozen".into()));
                }
                if self.inflow() + amount > MAX_INFLOW {
                    return Err(Refusal::Conflict("The kitty is full.".into()));
                }
                let expense = of.and_then(|n| self.pick(&[TxKind::Expense], n));
                let shares = match expense {
                    Some(e) => {
                        let refunded: i64 = self
                            .entries
                            .iter()
                            .filter(|r| r.refund_of == Some(e))
                            .map(|r| r.amount)
                            .sum();
                        if refunded + amount > self.entries[e].amount {
                            return Err(Refusal::invalid("amount", "more than was spent"));
                        }
                        let named: Vec<(String, i64)> = self.entries[e]
                            .shares
                            .iter()
                            .map(|(p, s)| (name(*p), *s))
                            .collect();
                        mirror_refund(&named, *amount)
                            .into_iter()
                            .map(|(u, s)| (Model::person_of(&u), s))
                            .collect()
                    }
                    None => Model::shares_of(&self.default_rule(), *amount)?,
                };
                self.entries.push(Entry {
                    kind: TxKind::Refund,
                    amount: *amount,
                    assignee: None,
                    shares,
                    refund_of: expense,
                });
                Ok(())
            }
            Op::EditSplit { fit: true, .. } | Op::SetDefault { fit: true, .. } => {
                let fitted = self.fit(op);
                self.step(&fitted)
            }
            Op::EditSplit {
                nth, mode, people, ..
            } => {
                let Some(i) = self.pick(&[TxKind::Expense, TxKind::Refund], *nth) else {
                    return Err(Refusal::NotFound("The transaction".into()));
                };
                if self.status != KittyStatus::Active {
                    return Err(Refusal::Conflict("frozen".into()));
                }
                if self.entries[i].refund_of.is_some() {
                    return Err(Refusal::Conflict("follows its purchase".into()));
                }
                let e = &self.entries[i];
                let signed = e.kind.signed(e.amount);
                let rule = Model::rule_for(people, *mode);
                rule.check(Some(crate::Money::new(signed, CURRENCY)))
                    .map_err(|m| Refusal::invalid("proportions", m))?;
                if people.iter().any(|(p, _)| !self.active(*p)) {
                    return Err(Refusal::invalid("proportions", "members only"));
                }
                self.entries[i].shares = Model::shares_of(&rule, signed)?;
                self.remirror(i);
                if self.former_owe().is_some() {
                    return Err(Refusal::Conflict("a former member would owe".into()));
                }
                Ok(())
            }
            Op::SetDefault { mode, people, .. } => {
                if self.status == KittyStatus::Closed {
                    return Err(Refusal::Conflict("closed".into()));
                }
                let rule = Model::rule_for(people, *mode);
                rule.check(None)
                    .map_err(|m| Refusal::invalid("proportions", m))?;
                if people.iter().any(|(p, _)| !self.active(*p)) {
                    return Err(Refusal::invalid("proportions", "members only"));
                }
                self.mode = *mode;
                for m in &mut self.members {
                    m.value = people.iter().find(|(p, _)| *p == m.person).map(|(_, v)| {
                        if *mode == SplitMode::Even {
                            1
                        } else {
                            *v
                        }
                    });
                }
                Ok(())
            }
            Op::Join { person } => {
                if self.status != KittyStatus::Active {
                    return Err(Refusal::Conflict("closing".into()));
                }
                if self.active(*person) {
                    return Ok(());
                }
                let current: Vec<Option<i64>> = self
                    .members
                    .iter()
                    .filter(|m| m.active)
                    .map(|m| m.value)
                    .collect();
                let (newcomer, others) = values_on_join(self.mode, &current);
                let mut others = others.into_iter();
                for m in self.members.iter_mut().filter(|m| m.active) {
                    m.value = others.next().flatten();
                }
                match self.members.iter_mut().find(|m| m.person == *person) {
                    Some(m) => {
                        m.active = true;
                        m.value = Some(newcomer);
                    }
                    None => self.members.push(Membership {
                        person: *person,
                        active: true,
                        value: Some(newcomer),
                    }),
                }
                Ok(())
            }
            Op::Leave { person } | Op::Remove { person } => {
                if !self.active(*person) {
                    return Err(Refusal::NotFound("The member".into()));
                }
                if *person == 0 {
                    return Err(Refusal::Conflict("last admin".into()));
                }
                may_leave(&name(*person), self.balance(*person), CURRENCY, false)?;
                let current: Vec<Option<i64>> = self
                    .members
                    .iter()
                    .filter(|m| m.active)
                    .map(|m| m.value)
                    .collect();
                let at = self
                    .members
                    .iter()
                    .filter(|m| m.active)
                    .position(|m| m.person == *person)
                    .unwrap_or(0);
                let mut rest = values_on_leave(self.mode, &current, at).into_iter();
                for m in self.members.iter_mut().filter(|m| m.active) {
                    if m.person == *person {
                        m.active = false;
                        m.value = None;
                    } else {
                        m.value = rest.next().flatten();
                    }
                }
                Ok(())
            }
            Op::PayOut { person } => {
                if self.status == KittyStatus::Closed {
                    return Err(Refusal::Conflict("closed".into()));
                }
                let totals = self.totals();
                let Some(member) = totals.members.iter().find(|m| m.user_id == name(*person))
                else {
                    return Err(Refusal::NotFound("The member".into()));
                };
                let amount = settling_payout(member, totals.available_balance, CURRENCY)?;
                self.entries.push(Entry {
                    kind: TxKind::Payout,
                    amount,
                    assignee: Some(*person),
                    shares: vec![],
                    refund_of: None,
                });
                Ok(())
            }
            Op::Initiate => {
                if self.status != KittyStatus::Active {
                    return Err(Refusal::Conflict("already".into()));
                }
                self.status = KittyStatus::Closing;
                Ok(())
            }
            Op::Disburse => {
                if self.status != KittyStatus::Closing {
                    return Err(Refusal::Conflict("not closing".into()));
                }
                let totals = self.totals();
                may_disburse(&totals, CURRENCY)?;
                for m in totals.members.iter().filter(|m| m.balance > 0) {
                    self.entries.push(Entry {
                        kind: TxKind::Payout,
                        amount: m.balance,
                        assignee: Some(Model::person_of(&m.user_id)),
                        shares: vec![],
                        refund_of: None,
                    });
                }
                Ok(())
            }
            Op::Close => {
                if self.status != KittyStatus::Closing {
                    return Err(Refusal::Conflict("not closing".into()));
                }
                may_close(&self.totals(), CURRENCY)?;
                self.status = KittyStatus::Closed;
                Ok(())
            }
            Op::Cancel => {
                if self.status != KittyStatus::Closing {
                    return Err(Refusal::Conflict("not closing".into()));
                }
                self.status = KittyStatus::Active;
                Ok(())
            }
            Op::Plus => {
                if self.status != KittyStatus::Active || self.plus {
                    return Err(Refusal::Conflict("frozen, or on Plus already".into()));
                }
                // The fee is a movement of its own, split by the default rule like a payment.
                let fee = crate::billing::Plan::Plus.monthly_fee(crate::Currency::AUD);
                if fee > self.available() {
                    return Err(Refusal::Conflict("not enough for the fee".into()));
                }
                let shares = Model::shares_of(&self.default_rule(), -fee)?;
                self.entries.push(Entry {
                    kind: TxKind::Fee,
                    amount: fee,
                    assignee: None,
                    shares,
                    refund_of: None,
                });
                self.plus = true;
                Ok(())
            }
            Op::Free => {
                if self.status != KittyStatus::Active || !self.plus {
                    return Err(Refusal::Conflict("frozen, or on Free already".into()));
                }
                self.plus = false;
                Ok(())
            }
        }
    }

    /// Re-splits the refunds of expense `i` to mirror its split.
    fn remirror(&mut self, i: usize) {
        let named: Vec<(String, i64)> = self.entries[i]
            .shares
            .iter()
            .map(|(p, s)| (name(*p), *s))
            .collect();
        for r in self.entries.iter_mut().filter(|r| r.refund_of == Some(i)) {
            r.shares = mirror_refund(&named, r.amount)
                .into_iter()
                .map(|(u, s)| (Model::person_of(&u), s))
                .collect();
        }
    }

    /// The books balance: checked after every step.
    pub fn check_invariants(&self) -> Result<(), String> {
        let totals = self.totals();
        let sum: i128 = totals
            .members
            .iter()
            .map(|m| i128::from(m.balance))
            .sum::<i128>()
            + i128::from(totals.unassigned);
        if sum != i128::from(totals.available_balance) {
            return Err(format!(
                "balances {sum} + unassigned != available {}",
                totals.available_balance
            ));
        }
        if totals.available_balance < 0 {
            return Err("the kitty holds less than nothing".into());
        }
        for e in &self.entries {
            if e.kind.is_split() {
                let s: i64 = e.shares.iter().map(|(_, s)| s).sum();
                if s != e.kind.signed(e.amount) {
                    return Err(format!("shares {s} do not add up to {:?}", e));
                }
            }
        }
        if let Some(p) = self.former_owe() {
            return Err(format!("former member {p} owes"));
        }
        if self.status == KittyStatus::Closed
            && (totals.members.iter().any(|m| m.balance != 0) || totals.unassigned != 0)
        {
            return Err("closed with money in".into());
        }
        let rule = self.default_rule();
        if self.status != KittyStatus::Closed {
            rule.check(None)
                .map_err(|m| format!("default rule broken: {m}"))?;
        }
        Ok(())
    }
}

/// Random operations on a kitty of up to five people.
#[cfg(any(test, feature = "testing"))]
pub mod strategy {
    use super::Op;
    use crate::kitty::SplitMode;
    use proptest::prelude::*;

    /// Amounts small enough to meet each other, and now and then the largest allowed.
    pub fn op() -> impl Strategy<Value = Op> {
        let person = 0usize..5;
        let amount = prop_oneof![4 => 1i64..2_000, 1 => Just(super::super::MAX_AMOUNT)];
        let people = proptest::collection::vec((0usize..5, 0i64..120), 1..4);
        let mode = prop_oneof![
            Just(SplitMode::Even),
            Just(SplitMode::Shares),
            Just(SplitMode::Percent),
            Just(SplitMode::Amount)
        ];
        prop_oneof![
            4 => (proptest::option::of(person.clone()), amount.clone()).prop_map(|(sender, amount)| Op::Deposit { sender, amount }),
            2 => (0usize..8, person.clone()).prop_map(|(nth, person)| Op::Assign { nth, person }),
            4 => amount.clone().prop_map(|amount| Op::Spend { amount }),
            2 => (amount, proptest::option::of(0usize..8)).prop_map(|(amount, of)| Op::Refund { amount, of }),
            3 => (0usize..8, mode.clone(), people.clone(), proptest::bool::weighted(0.8)).prop_map(|(nth, mode, people, fit)| Op::EditSplit { nth, mode, people, fit }),
            3 => (mode, people, proptest::bool::weighted(0.8)).prop_map(|(mode, people, fit)| Op::SetDefault { mode, people, fit }),
            3 => person.clone().prop_map(|person| Op::Join { person }),
            2 => person.clone().prop_map(|person| Op::Leave { person }),
            1 => person.clone().prop_map(|person| Op::Remove { person }),
            1 => person.prop_map(|person| Op::PayOut { person }),
            1 => Just(Op::Initiate),
            1 => Just(Op::Disburse),
            1 => Just(Op::Close),
            1 => Just(Op::Cancel),
            1 => Just(Op::Plus),
            1 => Just(Op::Free),
        ]
    }

    /// A sequence of up to `max` operations.
    pub fn ops(max: usize) -> impl Strategy<Value = Vec<Op>> {
        proptest::collection::vec(op(), 1..max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

        /// 10,000 random sequences: after every step the books balance, refused steps change
        /// nothing, and close succeeds only when everything is at zero.
        #[test]
        fn the_books_balance_after_every_step(ops in strategy::ops(40)) {
            let mut model = Model::new();
            for op in &ops {
                let before = model.clone();
                let result = model.apply(op);
                if let Err(e) = model.check_invariants() {
                    prop_assert!(false, "after {:?} ({:?}): {}", op, result, e);
                }
                match (&result, op) {
                    (Err(_), _) => prop_assert_eq!(model.entries.len(), before.entries.len()),
                    (Ok(()), Op::Close) => {
                        let t = before.totals();
                        prop_assert!(t.unassigned == 0 && t.members.iter().all(|m| m.balance == 0));
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_kitty_with_open_balances_does_not_close() {
        let mut m = Model::new();
        m.apply(&Op::Join { person: 1 }).unwrap();
        m.apply(&Op::Deposit {
            sender: Some(0),
            amount: 10_000,
        })
        .unwrap();
        m.apply(&Op::Spend { amount: 10_000 }).unwrap();
        assert_eq!(m.balance(0), 5_000);
        assert_eq!(m.balance(1), -5_000);
        m.apply(&Op::Initiate).unwrap();
        assert!(matches!(m.apply(&Op::Close), Err(Refusal::Conflict(_))));
        assert!(matches!(m.apply(&Op::Disburse), Err(Refusal::Conflict(_))));
        m.apply(&Op::Deposit {
            sender: Some(1),
            amount: 5_000,
        })
        .unwrap();
        m.apply(&Op::Disburse).unwrap();
        m.apply(&Op::Close).unwrap();
    }

    #[test]
    fn a_refund_mirrors_its_expense_whatever_the_rule_is_now() {
        let mut m = Model::new();
        m.apply(&Op::Join { person: 1 }).unwrap();
        m.apply(&Op::Deposit {
            sender: Some(0),
            amount: 1_000,
        })
        .unwrap();
        m.apply(&Op::Spend { amount: 1_000 }).unwrap();
        m.apply(&Op::SetDefault {
            mode: SplitMode::Percent,
            people: vec![(0, 100)],
            fit: false,
        })
        .unwrap();
        m.apply(&Op::Refund {
            amount: 1_000,
            of: Some(0),
        })
        .unwrap();
        assert_eq!(m.balance(0), 1_000);
        assert_eq!(m.balance(1), 0);
    }
}
