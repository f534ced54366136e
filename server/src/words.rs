//! What the server writes to a person (inbox items, pushes and emails), in their language:
//! `users.language`, which the app sets to its own when it starts (`PUT /api/v2/users/me/language`).
//! The English is the wording the API has always had; the server's tests read it.
//!
//! Each message is a [`Say`], with the values it names; [`Say::title`] and [`Say::body`] write it in
//! English, Swahili or Persian. Amounts keep `Money`'s own spelling (`KES 1,234.50`) in every
//! language: the app formats amounts on screen, and an email or a push shows the one it was sent with.

use kitty_api::account::Language;
use kitty_api::kitty::SplitMode;
use kitty_api::Money;

/// A change to a kitty's members that changed its default split.
#[derive(Debug, Clone, Copy)]
pub enum RuleEvent<'a> {
    Joined(&'a str),
    Left(&'a str),
    Removed(&'a str),
}

/// Something to tell a person.
#[derive(Debug, Clone, Copy)]
pub enum Say<'a> {
    Invited {
        by: &'a str,
        kitty: &'a str,
    },
    SplitChanged {
        event: RuleEvent<'a>,
        kitty: &'a str,
        mode: SplitMode,
        /// Each member's name with their value in the rule.
        named: &'a [(String, i64)],
    },
    AdminRequested {
        name: &'a str,
        kitty: &'a str,
    },
    DepositReceived {
        amount: Money,
        kitty: &'a str,
    },
    /// A deposit that matched no member; `looks_like` is the member it may be from.
    DepositUnmatched {
        amount: Money,
        sender: &'a str,
        kitty: &'a str,
        looks_like: Option<&'a str>,
    },
    RefundSplit {
        total: Money,
        from: &'a str,
        kitty: &'a str,
        share: Money,
    },
    CardPaymentSplit {
        total: Money,
        at: &'a str,
        members: usize,
        share: Money,
    },
}

/// `[English, Swahili, Persian]`.
type Three = [&'static str; 3];

fn pick(lang: Language, words: Three) -> &'static str {
    match lang {
        Language::En => words[0],
        Language::Sw => words[1],
        Language::Fa => words[2],
    }
}

/// `template` with each `{name}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Say<'_> {
    pub fn title(&self, lang: Language) -> &'static str {
        pick(
            lang,
            match self {
                Say::Invited { .. } => ["You were invited", "Umealikwa", "شما دعوت شدید"],
                Say::SplitChanged { .. } => [
                    "Split rule updated",
                    "Kanuni ya mgawanyo imebadilishwa",
                    "قاعدهٔ تقسیم به‌روز شد",
                ],
                Say::AdminRequested { .. } => [
                    "Admin access requested",
                    "Ombi la kuwa msimamizi",
                    "درخواست دسترسی مدیر",
                ],
                Say::DepositReceived { .. } => {
                    ["Deposit received", "Amana imepokelewa", "واریز دریافت شد"]
                }
                Say::DepositUnmatched { .. } => [
                    "A deposit needs a member",
                    "Amana inahitaji mwanachama",
                    "یک واریز به عضوی نیاز دارد",
                ],
                Say::RefundSplit { .. } => [
                    "Refund split",
                    "Marejesho yamegawanywa",
                    "بازپرداخت تقسیم شد",
                ],
                Say::CardPaymentSplit { .. } => [
                    "Card payment split",
                    "Malipo ya kadi yamegawanywa",
                    "پرداخت کارتی تقسیم شد",
                ],
            },
        )
    }

    pub fn body(&self, lang: Language) -> String {
        match *self {
            Say::Invited { by, kitty } => fill(
                pick(
                    lang,
                    [
                        "{by} invited you to join {kitty}.",
                        "{by} amekualika ujiunge na {kitty}.",
                        "{by} شما را به پیوستن به {kitty} دعوت کرد.",
                    ],
                ),
                &[("by", by), ("kitty", kitty)],
            ),
            Say::SplitChanged {
                event,
                kitty,
                mode,
                named,
            } => {
                let (template, name) = match event {
                    RuleEvent::Joined(n) => {
                        (["{name} joined.", "{name} amejiunga.", "{name} پیوست."], n)
                    }
                    RuleEvent::Left(n) => (["{name} left.", "{name} ameondoka.", "{name} رفت."], n),
                    RuleEvent::Removed(n) => (
                        [
                            "{name} was removed.",
                            "{name} ameondolewa.",
                            "{name} حذف شد.",
                        ],
                        n,
                    ),
                };
                let event = fill(pick(lang, template), &[("name", name)]);
                fill(
                    pick(
                        lang,
                        [
                            "{event} The default split of {kitty} is now {rule}. You can change it on the Split tab.",
                            "{event} Mgawanyo wa kawaida wa {kitty} sasa ni {rule}. Unaweza kuubadilisha kwenye kichupo cha Mgawanyo.",
                            "{event} تقسیم پیش‌فرض {kitty} اکنون {rule} است. می‌توانید آن را در زبانهٔ تقسیم تغییر دهید.",
                        ],
                    ),
                    &[("event", &event), ("kitty", kitty), ("rule", &describe_rule(lang, mode, named))],
                )
            }
            Say::AdminRequested { name, kitty } => fill(
                pick(
                    lang,
                    [
                        "{name} asked to be an admin of {kitty}.",
                        "{name} ameomba kuwa msimamizi wa {kitty}.",
                        "{name} درخواست کرد مدیر {kitty} شود.",
                    ],
                ),
                &[("name", name), ("kitty", kitty)],
            ),
            Say::DepositReceived { amount, kitty } => fill(
                pick(
                    lang,
                    [
                        "{amount} arrived in {kitty}.",
                        "{amount} imeingia kwenye {kitty}.",
                        "{amount} به {kitty} رسید.",
                    ],
                ),
                &[("amount", &amount.to_string()), ("kitty", kitty)],
            ),
            Say::DepositUnmatched {
                amount,
                sender,
                kitty,
                looks_like,
            } => {
                let template = match looks_like {
                    Some(_) => [
                        "{amount} from {sender} arrived in {kitty} and matched nobody by name. It looks like {name}'s.",
                        "{amount} kutoka kwa {sender} imeingia kwenye {kitty} na haikulingana na jina la mtu yeyote. Inaonekana ni ya {name}.",
                        "{amount} از {sender} به {kitty} رسید و با نام هیچ‌کس جور نشد. به نظر می‌رسد مال {name} باشد.",
                    ],
                    None => [
                        "{amount} from {sender} arrived in {kitty} and matched nobody. Assign it on the kitty's Activity tab.",
                        "{amount} kutoka kwa {sender} imeingia kwenye {kitty} na haikulingana na mtu yeyote. Ikabidhi kwenye kichupo cha Shughuli cha kitty.",
                        "{amount} از {sender} به {kitty} رسید و با هیچ‌کس جور نشد. آن را در زبانهٔ فعالیت کیتی به کسی اختصاص دهید.",
                    ],
                };
                fill(
                    pick(lang, template),
                    &[
                        ("amount", &amount.to_string()),
                        ("sender", sender),
                        ("kitty", kitty),
                        ("name", looks_like.unwrap_or("")),
                    ],
                )
            }
            Say::RefundSplit {
                total,
                from,
                kitty,
                share,
            } => fill(
                pick(
                    lang,
                    [
                        "{total} from {from} came back to {kitty}; {share} of it is yours.",
                        "{total} kutoka {from} imerudi kwenye {kitty}; {share} ni yako.",
                        "{total} از {from} به {kitty} برگشت؛ {share} از آن مال شماست.",
                    ],
                ),
                &[
                    ("total", &total.to_string()),
                    ("from", from),
                    ("kitty", kitty),
                    ("share", &share.to_string()),
                ],
            ),
            Say::CardPaymentSplit {
                total,
                at,
                members,
                share,
            } => {
                let template = if members == 1 {
                    [
                        "{total} at {at} was split between {n} member; your part is {share}.",
                        "{total} kwa {at} imegawanywa kati ya mwanachama {n}; sehemu yako ni {share}.",
                        "{total} در {at} میان {n} عضو تقسیم شد؛ سهم شما {share} است.",
                    ]
                } else {
                    [
                        "{total} at {at} was split between {n} members; your part is {share}.",
                        "{total} kwa {at} imegawanywa kati ya wanachama {n}; sehemu yako ni {share}.",
                        "{total} در {at} میان {n} عضو تقسیم شد؛ سهم شما {share} است.",
                    ]
                };
                fill(
                    pick(lang, template),
                    &[
                        ("total", &total.to_string()),
                        ("at", at),
                        ("n", &members.to_string()),
                        ("share", &share.to_string()),
                    ],
                )
            }
        }
    }
}

/// A split rule in words: "even between Ana, Ben", "Ana 60%, Ben 40%".
fn describe_rule(lang: Language, mode: SplitMode, named: &[(String, i64)]) -> String {
    if lang == Language::En {
        return kitty_api::ledger::describe_rule(mode, named);
    }
    let sep = pick(lang, [", ", ", ", "، "]);
    let list = |each: &dyn Fn(&str, i64) -> String| {
        named
            .iter()
            .map(|(n, v)| each(n, *v))
            .collect::<Vec<_>>()
            .join(sep)
    };
    match mode {
        SplitMode::Even => fill(
            pick(lang, ["", "sawa kati ya {list}", "به‌طور مساوی میان {list}"]),
            &[("list", &list(&|n, _| n.to_string()))],
        ),
        SplitMode::Percent => list(&|n, v| format!("{n} {v}%")),
        SplitMode::Shares => list(&|n, v| {
            fill(
                pick(lang, ["", "{n} hisa {v}", "{n} {v} سهم"]),
                &[("n", n), ("v", &v.to_string())],
            )
        }),
        SplitMode::Amount => fill(
            pick(lang, ["", "kwa uwiano wa {list}", "به نسبت {list}"]),
            &[("list", &list(&|n, v| format!("{n} {v}")))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kitty_api::Currency;

    fn every_message<'a>(named: &'a [(String, i64)]) -> Vec<Say<'a>> {
        let m = Money::new(123_450, Currency::KES);
        let mut all = vec![
            Say::Invited {
                by: "Ana",
                kitty: "Trip",
            },
            Say::AdminRequested {
                name: "Ana",
                kitty: "Trip",
            },
            Say::DepositReceived {
                amount: m,
                kitty: "Trip",
            },
            Say::DepositUnmatched {
                amount: m,
                sender: "A. N.",
                kitty: "Trip",
                looks_like: Some("Ana"),
            },
            Say::DepositUnmatched {
                amount: m,
                sender: "X",
                kitty: "Trip",
                looks_like: None,
            },
            Say::RefundSplit {
                total: m,
                from: "Cafe",
                kitty: "Trip",
                share: m,
            },
            Say::CardPaymentSplit {
                total: m,
                at: "Cafe",
                members: 1,
                share: m,
            },
            Say::CardPaymentSplit {
                total: m,
                at: "Cafe",
                members: 3,
                share: m,
            },
        ];
        for mode in SplitMode::ALL {
            for event in [
                RuleEvent::Joined("Ana"),
                RuleEvent::Left("Ana"),
                RuleEvent::Removed("Ana"),
            ] {
                all.push(Say::SplitChanged {
                    event,
                    kitty: "Trip",
                    mode: *mode,
                    named,
                });
            }
        }
        all
    }

    #[test]
    fn every_message_is_written_whole_in_every_language() {
        let named = [("Ana".to_string(), 60), ("Ben".to_string(), 40)];
        for say in every_message(&named) {
            for lang in Language::ALL {
                let (title, body) = (say.title(*lang), say.body(*lang));
                assert!(!title.is_empty(), "{say:?} {lang:?}");
                assert!(!body.contains('{') && !body.contains('}'), "{body}");
                assert!(
                    body.contains("Ana") || body.contains("KES 1,234.50"),
                    "{body}"
                );
            }
            // Each language says it in its own words.
            assert_ne!(say.body(Language::En), say.body(Language::Sw));
            assert_ne!(say.body(Language::En), say.body(Language::Fa));
        }
    }

    #[test]
    fn english_is_the_wording_the_api_always_had() {
        let named = [("Ana".to_string(), 1), ("Ben".to_string(), 2)];
        let say = Say::SplitChanged {
            event: RuleEvent::Left("Cy"),
            kitty: "Trip",
            mode: SplitMode::Shares,
            named: &named,
        };
        assert_eq!(
            say.body(Language::En),
            "Cy left. The default split of Trip is now Ana 1 share, Ben 2 shares. You can change it on the Split tab."
        );
        assert_eq!(
            say.body(Language::Fa),
            "Cy رفت. تقسیم پیش‌فرض Trip اکنون Ana 1 سهم، Ben 2 سهم است. می‌توانید آن را در زبانهٔ تقسیم تغییر دهید."
        );
    }
}
