//! Editing a split: a mode, who takes part, each one's value, and a live preview whose shares
//! always add up to the amount (the same allocation the server runs).

use crate::i18n::fill;
use crate::i18n::kitties::{ProblemText, SplitText};
use crate::i18n::money::MoneyInputText;
use kitty_api::kitty::{Proportion, SplitMode, SplitRule};
use kitty_api::{Currency, Money};
use leptos::prelude::*;

const MODES: [SplitMode; 4] = [
    SplitMode::Even,
    SplitMode::Shares,
    SplitMode::Percent,
    SplitMode::Amount,
];

fn mode_label(m: SplitMode) -> &'static str {
    let t = SplitText::get();
    match m {
        SplitMode::Even => t.evenly,
        SplitMode::Shares => t.by_shares,
        SplitMode::Percent => t.by_percent,
        SplitMode::Amount => t.by_amount,
    }
}

fn mode_key(m: SplitMode) -> &'static str {
    match m {
        SplitMode::Even => "even",
        SplitMode::Shares => "shares",
        SplitMode::Percent => "percent",
        SplitMode::Amount => "amount",
    }
}

#[derive(Clone)]
struct Row {
    user_id: String,
    name: String,
    included: RwSignal<bool>,
    value: RwSignal<String>,
}

/// What the typed values mean, or why they do not make a split yet.
fn build(
    mode: SplitMode,
    rows: &[Row],
    currency: Currency,
    total: Option<i64>,
) -> Result<SplitRule, String> {
    let mut proportions = Vec::new();
    for r in rows.iter().filter(|r| r.included.get()) {
        let text = r.value.get();
        let value = match mode {
            SplitMode::Even => 1,
            SplitMode::Amount => {
                Money::parse(&text, currency)
                    .map_err(|e| format!("{}: {}", r.name, MoneyInputText::get().error(e)))?
                    .amount
            }
            _ => text
                .trim()
                .parse::<i64>()
                .map_err(|_| fill(SplitText::get().whole_number, &[("name", &r.name)]))?,
        };
        proportions.push(Proportion {
            user_id: r.user_id.clone(),
            value,
        });
    }
    let rule = SplitRule { mode, proportions };
    rule.check(total.map(|t| Money::new(t, currency)))
        .map_err(|e| ProblemText::say(&e))?;
    Ok(rule)
}

/// `members` are (user id, name). `total` is the transaction's amount (signed: negative for a
/// refund) when editing one transaction; `None` edits a kitty's default, previewed on an example.
#[component]
pub fn SplitEditor(
    members: Vec<(String, String)>,
    initial: SplitRule,
    currency: Currency,
    #[prop(optional)] total: Option<i64>,
    #[prop(into)] saving: Signal<bool>,
    on_save: Callback<SplitRule>,
    #[prop(default = true)] editable: bool,
) -> impl IntoView {
    let mode = RwSignal::new(initial.mode);
    let value_text = move |v: i64, m: SplitMode| match m {
        SplitMode::Even => String::new(),
        SplitMode::Amount => Money::new(v, currency).to_input(),
        _ => v.to_string(),
    };
    let rows: Vec<Row> = members
        .into_iter()
        .map(|(user_id, name)| {
            let current = initial.proportions.iter().find(|p| p.user_id == user_id);
            Row {
                included: RwSignal::new(current.is_some()),
                value: RwSignal::new(
                    current
                        .map(|p| value_text(p.value, initial.mode))
                        .unwrap_or_default(),
                ),
                user_id,
                name,
            }
        })
        .collect();
    let rows = StoredValue::new(rows);
    // A default is previewed on 100.00 (or 100,000 Rials), a transaction on its own amount.
    let preview_total = total.unwrap_or(if currency.decimals() == 0 {
        100_000
    } else {
        10_000
    });
    let result = Memo::new(move |_| rows.with_value(|r| build(mode.get(), r, currency, total)));
    let preview = move || {
        result
            .get()
            .and_then(|rule| rule.shares(preview_total).map_err(|e| ProblemText::say(&e)))
            .map(|shares| {
                rows.with_value(|r| {
                    shares
                        .into_iter()
                        .map(|(id, share)| {
                            let name = r
                                .iter()
                                .find(|x| x.user_id == id)
                                .map(|x| x.name.clone())
                                .unwrap_or(id);
                            (name, share)
                        })
                        .collect::<Vec<_>>()
                })
            })
    };
    let t = SplitText::get();
    let unit = move || match mode.get() {
        SplitMode::Percent => "%",
        SplitMode::Shares => t.shares_unit,
        SplitMode::Amount => currency.code(),
        SplitMode::Even => "",
    };

    view! {
        <div class="split-editor">
            <fieldset class="split-editor__modes" disabled=!editable>
                <legend class="field__label">{t.share_by}</legend>
                {MODES.iter().map(|m| {
                    let m = *m;
                    view! {
                        <label class="chip">
                            <input type="radio" name="split-mode" value=mode_key(m)
                                prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                            <span>{mode_label(m)}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <ul class="split-editor__rows">
                {rows.get_value().into_iter().map(|r| {
                    let Row { name, included, value, user_id } = r;
                    let input_id = format!("split-{user_id}");
                    view! {
                        <li class="split-editor__row">
                            <label class="split-editor__who">
                                <input type="checkbox" prop:checked=move || included.get() disabled=!editable
                                    on:change=move |_| included.update(|i| *i = !*i) />
                                <span>{name.clone()}</span>
                            </label>
                            <Show when=move || mode.get() != SplitMode::Even && included.get()>
                                <label class="visually-hidden" for=input_id.clone()>{fill(t.value_for, &[("unit", unit()), ("name", &name)])}</label>
                                <input class="field__input split-editor__value" id=input_id.clone() inputmode="decimal"
                                    disabled=!editable prop:value=move || value.get()
                                    on:input=move |ev| value.set(event_target_value(&ev)) />
                                <span class="split-editor__unit">{unit}</span>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || match preview() {
                Ok(lines) => {
                    let sum: i64 = lines.iter().map(|l| l.1).sum();
                    view! {
                        <div class="split-editor__preview" aria-live="polite">
                            <p class="field__label">{if total.is_some() { t.shares.to_string() } else { fill(t.example, &[("amount", &crate::fmt::money(Money::new(preview_total, currency)))]) }}</p>
                            <ul>
                                {lines.into_iter().map(|(n, s)| view! { <li><span>{n}</span><span class="money">{crate::fmt::money(Money::new(s, currency))}</span></li> }).collect_view()}
                            </ul>
                            <p class="split-editor__sum">{t.total}<span class="money">{crate::fmt::money(Money::new(sum, currency))}</span></p>
                        </div>
                    }.into_any()
                }
                Err(message) => view! { <p class="field__error split-editor__error" role="alert">{message}</p> }.into_any(),
            }}
            {editable.then(|| view! {
                <button type="button" class="btn btn--primary"
                    disabled=move || saving.get() || result.get().is_err()
                    on:click=move |_| { if let Ok(rule) = result.get_untracked() { on_save.run(rule) } }>
                    {move || if saving.get() { t.saving } else { t.save }}
                </button>
            })}
        </div>
    }
}
