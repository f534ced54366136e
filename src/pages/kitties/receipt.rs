//! A card payment's receipt: its photo, its lines and who had each, the tax and tip, and the
//! split they make. The split is previewed live, with the server's own arithmetic
//! ([`kitty_api::media::itemised`]), from what is typed even before it is saved; admins then
//! apply it to the payment.
//!
//! Writes go through one `Ed::change` (and [`write`] rather than `Action`s), and lists are plain
//! closures rather than `<For>`: each generic instance adds to the wasm, and bundles have a
//! size budget.

use super::card::focus;
use crate::api::{self, ApiError};
use crate::components::feedback::{write, ErrorPanel, Skeleton};
use crate::components::form::TextField;
use crate::components::toast::{use_toasts, Toasts};
use crate::components::upload::{PhotoPicker, Thumbnail, UploadStatus, Uploads};
use crate::i18n::media::ReceiptText;
use crate::i18n::money::MoneyInputText;
use crate::i18n::{digits, fill};
use kitty_api::media::{
    check_line, itemised, ImageType, LineItem, LineItemInput, Receipt, UpdateLineItemRequest,
    UploadReceiptRequest, MAX_LINE_ITEMS, ROUNDING_ALLOWANCE,
};
use kitty_api::money::ParseMoneyError;
use kitty_api::{Currency, FieldErrors, Money};
use leptos::prelude::*;

/// A member of the kitty, as the receipt's chips and parts show them.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Members who left are offered only where they are already named.
    pub active: bool,
}

/// A line as typed: the new one, or the one being edited.
#[derive(Clone, Copy)]
struct Draft {
    description: RwSignal<String>,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
    /// Who had it (the new line only: a saved line's chips save at once).
    who: RwSignal<Vec<String>>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            description: RwSignal::new(String::new()),
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(String::new()),
            who: RwSignal::new(Vec::new()),
        }
    }

    fn fill(&self, item: Option<&LineItem>, currency: Currency) {
        self.description
            .set(item.map(|i| i.description.clone()).unwrap_or_default());
        self.quantity
            .set(item.map_or("1".into(), |i| i.quantity.to_string()));
        self.unit_price.set(
            item.map(|i| Money::new(i.unit_price, currency).to_input())
                .unwrap_or_default(),
        );
        self.who.set(Vec::new());
    }

    /// The cleaned description, quantity, unit price and total, or a message for each field.
    fn read(&self, currency: Currency) -> Result<(String, i64, i64, i64), FieldErrors> {
        let t = ReceiptText::get();
        let mut errors = FieldErrors::new();
        let quantity = self
            .quantity
            .with(|q| q.trim().parse::<i64>())
            .unwrap_or_else(|_| {
                errors.insert("quantity".into(), t.whole_quantity.into());
                1
            });
        let unit_price = match self.unit_price.with(|p| Money::parse(p, currency)) {
            Ok(m) => m.amount,
            Err(e) => {
                let message = match e {
                    ParseMoneyError::Empty => t.price_of_one,
                    e => MoneyInputText::get().error(e),
                };
                errors.insert("unit_price".into(), message.into());
                0
            }
        };
        let checked = self
            .description
            .with(|d| check_line(d, quantity, unit_price, ""));
        match checked {
            Ok((description, total)) if errors.is_empty() => {
                Ok((description, quantity, unit_price, total))
            }
            Ok(_) => Err(errors),
            Err(more) => {
                for (k, v) in more {
                    errors.entry(k).or_insert_with(|| t.say(&v));
                }
                Err(errors)
            }
        }
    }
}

/// A tax or tip as typed: empty is nothing.
fn read_extra(text: &str, currency: Currency) -> Result<i64, String> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    let t = ReceiptText::get();
    match Money::parse(text, currency) {
        Ok(m) if m.amount >= 0 => Ok(m.amount),
        Ok(_) => Err(t.zero_or_more.into()),
        Err(e) => Err(MoneyInputText::get().error(e).into()),
    }
}

/// The receipt as it stands with what is typed: its sums and each member's part.
#[derive(Debug, Clone, PartialEq)]
struct Sums {
    items: i64,
    tax: i64,
    tip: i64,
    /// Each member's part (name, part, still a member), or why the items cannot split it.
    parts: Result<Vec<(String, i64, bool)>, String>,
}

impl Sums {
    /// What the payment is more than the items, tax and tip.
    fn difference(&self, amount: i64) -> i64 {
        amount - self.items.saturating_add(self.tax).saturating_add(self.tip)
    }
}

/// Everything the receipt's pieces share.
#[derive(Clone, Copy)]
struct Ed {
    kitty: StoredValue<String>,
    tx: StoredValue<String>,
    /// The payment's amount.
    amount: i64,
    currency: Currency,
    /// As saved (with assignments shown as soon as they are made).
    receipt: RwSignal<Option<Receipt>>,
    /// The line being edited in place, and what is typed in it.
    editing: RwSignal<Option<String>>,
    edited: Draft,
    /// The new line.
    added: Draft,
    tax: RwSignal<String>,
    tip: RwSignal<String>,
    people: Signal<Vec<Person>>,
    /// Bumped by every change sent: only the latest one's answer is shown.
    writes: StoredValue<u32>,
    /// A change is being saved.
    busy: RwSignal<bool>,
    /// There is a receipt (changes only when one is added or deleted).
    has: RwSignal<bool>,
    /// The first load is done, or why it failed.
    loaded: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    toasts: Toasts,
}

impl Ed {
    fn money(&self, amount: i64) -> String {
        crate::fmt::money(Money::new(amount, self.currency))
    }

    fn ids(&self) -> (String, String) {
        (self.kitty.get_value(), self.tx.get_value())
    }

    /// Shows a receipt (or none): the tax and tip fields follow it.
    fn show(self, r: Option<Receipt>) {
        if let Some(r) = &r {
            self.tax.set(Money::new(r.tax, self.currency).to_input());
            self.tip.set(Money::new(r.tip, self.currency).to_input());
        }
        self.editing.set(None);
        if self.has.get_untracked() != r.is_some() {
            self.has.set(r.is_some());
        }
        self.receipt.set(r);
    }

    /// Sends a change. Its answer is shown unless a later change was sent meanwhile. A failure
    /// that names fields is shown on the form's `fields`; any other is a toast, and the receipt
    /// as saved is shown again. `after` learns whether it worked.
    fn change(
        self,
        change: api::ktti::ReceiptChange,
        done: &'static str,
        fields: Option<RwSignal<FieldErrors>>,
        after: Option<Box<dyn FnOnce(bool)>>,
    ) {
        let n = self.writes.get_value().wrapping_add(1);
        self.writes.set_value(n);
        let (kitty, tx) = self.ids();
        write(
            self.busy,
            api::ktti::change_receipt(kitty, tx, change),
            move |r| {
                let ok = r.is_ok();
                match r {
                    Ok(r) if !self.has.get_untracked() => self.show(Some(r)),
                    Ok(r) => {
                        if self.writes.get_value() == n {
                            self.receipt.set(Some(r));
                        }
                    }
                    Err(e) => {
                        let named = e.fields();
                        match fields {
                            Some(fields) if !named.is_empty() => fields.set(named),
                            _ => {
                                self.toasts.error(e.message());
                                self.fetch();
                            }
                        }
                    }
                }
                if ok && !done.is_empty() {
                    self.toasts.success(done);
                }
                if let Some(after) = after {
                    after(ok);
                }
            },
        );
    }

    /// Loads the receipt (first, and again after a failed change).
    fn fetch(self) {
        let (kitty, tx) = self.ids();
        write(
            self.busy,
            async move { api::ktti::receipt(&kitty, &tx).await },
            move |r| match r {
                Ok(Some(r)) if self.loaded.get_untracked() => self.receipt.set(Some(r)),
                Ok(r) => {
                    self.show(r);
                    self.loaded.set(true);
                }
                Err(e) if !self.loaded.get_untracked() => self.error.set(Some(e)),
                Err(_) => {}
            },
        );
    }

    /// The sums and parts, with the line being edited and the tax and tip as typed.
    fn sums(self) -> Result<Sums, String> {
        let people = self.people.get();
        let editing = self.editing.get();
        let (tax, tip) = (self.tax.get(), self.tip.get());
        let t = ReceiptText::get();
        self.receipt.with(|r| {
            let r = r.as_ref().ok_or_else(String::new)?;
            let mut items = Vec::with_capacity(r.line_items.len());
            let mut items_total = 0i64;
            for (n, item) in r.line_items.iter().enumerate() {
                let total = if editing.as_ref() == Some(&item.id) {
                    self.edited
                        .read(self.currency)
                        .map_err(|e| {
                            let why = e.into_values().next().unwrap_or_default();
                            let n = digits(&(n + 1).to_string());
                            fill(t.item_error, &[("n", &n), ("why", &why)])
                        })?
                        .3
                } else {
                    item.total
                };
                items_total = items_total.checked_add(total).ok_or(t.too_much)?;
                let who = item
                    .assignees
                    .iter()
                    .map(|a| {
                        people
                            .iter()
                            .position(|p| p.id == *a)
                            .unwrap_or(people.len())
                    })
                    .collect();
                items.push((total, who));
            }
            let tax =
                read_extra(&tax, self.currency).map_err(|e| fill(t.tax_error, &[("why", &e)]))?;
            let tip =
                read_extra(&tip, self.currency).map_err(|e| fill(t.tip_error, &[("why", &e)]))?;
            let parts = itemised(self.amount, people.len(), &items).map_err(|e| t.say(&e));
            let parts = parts.map(|parts| {
                people
                    .iter()
                    .zip(parts)
                    .map(|(p, part)| (p.name.clone(), part, p.active))
                    .collect()
            });
            Ok(Sums {
                items: items_total,
                tax,
                tip,
                parts,
            })
        })
    }

    /// Something typed is not saved yet (the split uses the saved receipt).
    fn unsaved(self) -> bool {
        let (tax, tip) = (self.tax.get(), self.tip.get());
        self.editing.with(Option::is_some)
            || self.receipt.with(|r| {
                r.as_ref().is_some_and(|r| {
                    read_extra(&tax, self.currency) != Ok(r.tax)
                        || read_extra(&tip, self.currency) != Ok(r.tip)
                })
            })
    }
}

/// The Receipt section of a card payment's page.
#[component]
pub fn ReceiptSection(
    kitty: String,
    tx: String,
    /// The payment's amount and currency.
    amount: i64,
    currency: Currency,
    #[prop(into)] people: Signal<Vec<Person>>,
    /// Admins of an active kitty may split the payment by the items.
    #[prop(into)]
    can_split: Signal<bool>,
    /// The payment's split changed.
    on_split: Callback<()>,
) -> impl IntoView {
    let ed = Ed {
        kitty: StoredValue::new(kitty),
        tx: StoredValue::new(tx),
        amount,
        currency,
        receipt: RwSignal::new(None),
        editing: RwSignal::new(None),
        edited: Draft::new(),
        added: Draft::new(),
        tax: RwSignal::new(String::new()),
        tip: RwSignal::new(String::new()),
        people,
        writes: StoredValue::new(0),
        busy: RwSignal::new(false),
        has: RwSignal::new(false),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
        toasts: use_toasts(),
    };
    ed.fetch();
    let retry = Callback::new(move |_| {
        ed.error.set(None);
        ed.fetch();
    });
    let body = move || match (ed.loaded.get(), ed.has.get()) {
        (false, _) => match ed.error.get() {
            Some(e) => view! { <ErrorPanel error=e retry /> }.into_any(),
            None => view! { <Skeleton lines=3 /> }.into_any(),
        },
        (true, false) => view! { <AddReceipt ed /> }.into_any(),
        (true, true) => view! { <ReceiptEditor ed can_split on_split /> }.into_any(),
    };
    view! {
        <section class="card" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{ReceiptText::get().receipt}</h2>
            {body}
        </section>
    }
}

/// No receipt yet: its photo uploads, and the receipt is made with it at once.
#[component]
fn AddReceipt(ed: Ed) -> impl IntoView {
    let t = ReceiptText::get();
    let uploads = Uploads::new(ImageType::Receipt);
    uploads.when_done(Callback::new(move |image: kitty_api::media::Image| {
        let req = UploadReceiptRequest {
            image_id: image.id,
            line_items: Vec::new(),
            tax: 0,
            tip: 0,
        };
        // If it fails (the toast says why), the photo goes, to be added again.
        let after = move |ok: bool| {
            if ok {
                focus("field-description");
            } else {
                uploads.clear();
            }
        };
        ed.change(
            api::ktti::upload_receipt(&req),
            t.receipt_added,
            None,
            Some(Box::new(after)),
        );
    }));
    let remove = Callback::new(move |key: u64| uploads.remove(key));
    let room = Signal::derive(move || 1usize.saturating_sub(uploads.count()));
    view! {
        <p class="muted">{t.add_intro}</p>
        <ul class="uploads">
            {move || uploads.list.get().into_iter().map(|upload| view! { <UploadStatus upload on_remove=remove /> }).collect_view()}
        </ul>
        <p class="muted" role="status">{move || ed.busy.get().then_some(t.saving_receipt)}</p>
        {move || (room.get() > 0).then(|| view! { <PhotoPicker uploads id="receipt-photo" label=t.add_receipt_photo multiple=false room /> })}
    }
}

/// A receipt: its photo, lines, tax and tip, what they come to, and the split they make.
#[component]
fn ReceiptEditor(ed: Ed, can_split: Signal<bool>, on_split: Callback<()>) -> impl IntoView {
    let t = ReceiptText::get();
    let photo = ed.receipt.with_untracked(|r| {
        r.as_ref().map(|r| {
            let (image, at) = (r.image.clone(), crate::fmt::date(&r.created_at));
            view! {
                <figure class="receipt__photo">
                    <Thumbnail image alt=t.photo_alt.to_string() />
                    <figcaption class="row__meta">{fill(t.photo_caption, &[("at", &at)])}</figcaption>
                </figure>
            }
        })
    });
    let ids = Memo::new(move |_| {
        ed.receipt.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.line_items
                        .iter()
                        .map(|i| i.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // A line removed elsewhere is no longer being edited.
    let items = move || {
        let ids = ids.get();
        if ed
            .editing
            .with_untracked(|e| e.as_ref().is_some_and(|e| !ids.contains(e)))
        {
            ed.editing.set(None);
        }
        if ids.is_empty() {
            return view! { <li class="muted">{t.no_items}</li> }.into_any();
        }
        ids.into_iter()
            .map(|id| view! { <ItemRow ed id /> })
            .collect_view()
            .into_any()
    };
    let adding = move || {
        let full = ids.with(Vec::len) >= MAX_LINE_ITEMS;
        match (ed.editing.with(Option::is_some), full) {
            (true, _) => None,
            (false, true) => Some(view! { <p class="muted">{digits(&fill(t.at_most_items, &[("n", &MAX_LINE_ITEMS.to_string())]))}</p> }.into_any()),
            (false, false) => Some(view! { <ItemForm ed /> }.into_any()),
        }
    };
    let delete = move |_| {
        if !window()
            .confirm_with_message(t.confirm_delete)
            .unwrap_or(false)
        {
            return;
        }
        let (kitty, tx) = ed.ids();
        write(
            ed.busy,
            async move { api::ktti::delete_receipt(&kitty, &tx).await },
            move |r| match r {
                Ok(()) => {
                    ed.toasts.success(t.deleted);
                    ed.show(None);
                    focus("receipt-photo");
                }
                Err(e) => ed.toasts.error(e.message()),
            },
        );
    };
    view! {
        <div class="receipt">
            {photo}
            <div class="receipt__main">
                <h3 id="receipt-items-heading" tabindex="-1">{t.items}</h3>
                <ul class="receipt-items" aria-labelledby="receipt-items-heading">{items}</ul>
                {adding}
                <TaxAndTip ed />
                <Summary ed can_split on_split />
                <div class="actions receipt__delete">
                    <button type="button" class="btn btn--danger" disabled=move || ed.busy.get() on:click=delete>{t.delete_receipt}</button>
                </div>
            </div>
        </div>
    }
}

/// "Who had it": a checkbox per member. `what` completes each one's name for screen readers
/// ("Ava had Pizza").
#[component]
fn Chips(
    people: Signal<Vec<Person>>,
    checked: Signal<Vec<String>>,
    what: Signal<String>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let t = ReceiptText::get();
    // Only a change of members redraws the chips (so a chip keeps the focus as it is used).
    let chips = move || {
        let named = checked.get_untracked();
        people
            .get()
            .into_iter()
            .filter(|p| p.active || named.contains(&p.id))
            .map(|p| {
                let id = p.id;
                let on = id.clone();
                view! {
                    <label class="chip chip--small">
                        <input type="checkbox" prop:checked=move || checked.with(|c| c.contains(&on))
                            on:change=move |_| on_toggle.run(id.clone()) />
                        <span>{p.name}</span>
                        <span class="visually-hidden">{move || fill(t.had, &[("what", &what.get())])}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="receipt-item__who">
            <legend class="receipt-item__legend">{t.who_had_it}</legend>
            {chips}
        </fieldset>
    }
}

/// One line: what, how many, at what price, and who had it; edited in place.
#[component]
fn ItemRow(ed: Ed, id: String) -> impl IntoView {
    let t = ReceiptText::get();
    let item = {
        let id = id.clone();
        Memo::new(move |_| {
            ed.receipt.with(|r| {
                r.as_ref()
                    .and_then(|r| r.line_items.iter().find(|i| i.id == id).cloned())
            })
        })
    };
    let field = move |f: fn(&LineItem) -> String| {
        Signal::derive(move || item.with(|i| i.as_ref().map(f).unwrap_or_default()))
    };
    let what = field(|i| i.description.clone());
    let checked = Signal::derive(move || {
        item.with(|i| i.as_ref().map(|i| i.assignees.clone()).unwrap_or_default())
    });
    // A chip saves at once: shown now, the server's answer follows.
    let toggle = Callback::new(move |user: String| {
        let Some(it) = item.get_untracked() else {
            return;
        };
        let mut who = it.assignees;
        match who.iter().position(|a| *a == user) {
            Some(at) => {
                who.remove(at);
            }
            None => who.push(user),
        }
        ed.receipt.update(|r| {
            if let Some(line) = r
                .as_mut()
                .and_then(|r| r.line_items.iter_mut().find(|l| l.id == it.id))
            {
                line.assignees = who.clone();
            }
        });
        let req = UpdateLineItemRequest {
            description: None,
            quantity: None,
            unit_price: None,
            assignees: Some(who),
        };
        ed.change(api::ktti::update_line_item(&it.id, &req), "", None, None);
    });
    let edit_id = format!("item-{id}-edit");
    let mine = {
        let id = id.clone();
        Memo::new(move |_| ed.editing.with(|e| e.as_ref() == Some(&id)))
    };
    // The line, or its form while it is edited.
    let line = {
        let id = id.clone();
        move || {
            if mine.get() {
                return view! { <ItemForm ed item=id.clone() /> }.into_any();
            }
            item.get()
                .map(|i| {
                    view! {
                        <div class="receipt-item__line">
                            <span class="receipt-item__desc">{i.description.clone()}</span>
                            <span class="receipt-item__qty">{format!("{} × {}", digits(&i.quantity.to_string()), ed.money(i.unit_price))}</span>
                            <span class="money receipt-item__total"><span class="visually-hidden">{t.total_prefix}</span>{ed.money(i.total)}</span>
                        </div>
                    }
                })
                .into_any()
        }
    };
    let start = {
        let id = id.clone();
        move |_| {
            ed.edited.fill(item.get_untracked().as_ref(), ed.currency);
            ed.editing.set(Some(id.clone()));
            focus("field-description");
        }
    };
    let remove = move |_| {
        ed.change(
            api::ktti::delete_line_item(&id),
            t.item_removed,
            None,
            Some(Box::new(|_| focus("receipt-items-heading"))),
        );
    };
    let actions = move || {
        (!mine.get()).then(|| {
            let (start, remove) = (start.clone(), remove.clone());
            view! {
                <div class="actions">
                    <button type="button" id=edit_id.clone() class="btn btn--secondary btn--small" on:click=start>
                        {t.edit}<span class="visually-hidden">{move || format!(" {}", what.get())}</span>
                    </button>
                    <button type="button" class="btn btn--secondary btn--small" disabled=move || ed.busy.get() on:click=remove>
                        {t.remove}<span class="visually-hidden">{move || format!(" {}", what.get())}</span>
                    </button>
                </div>
            }
        })
    };
    view! {
        <li class="receipt-item">
            {line}
            <Chips people=ed.people checked what on_toggle=toggle />
            {actions}
        </li>
    }
}

/// The new line's form, or (with `item`) a line's form in place.
#[component]
fn ItemForm(ed: Ed, #[prop(optional, into)] item: Option<String>) -> impl IntoView {
    let t = ReceiptText::get();
    let draft = if item.is_some() { ed.edited } else { ed.added };
    let errors = RwSignal::new(FieldErrors::new());
    let editing = item.is_some();
    let back = item
        .as_ref()
        .map(|id| format!("item-{id}-edit"))
        .unwrap_or_default();
    let submit = {
        let back = back.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if ed.busy.get_untracked() {
                return;
            }
            let (description, quantity, unit_price) = match draft.read(ed.currency) {
                Ok((d, q, p, _)) => (d, q, p),
                Err(fields) => {
                    let first = ["description", "quantity", "unit_price"]
                        .into_iter()
                        .find(|f| fields.contains_key(*f));
                    errors.set(fields);
                    if let Some(f) = first {
                        focus(&format!("field-{f}"));
                    }
                    return;
                }
            };
            errors.set(FieldErrors::new());
            let form = Some(errors);
            match item.clone() {
                None => {
                    let input = LineItemInput {
                        description,
                        quantity,
                        unit_price,
                        assignees: draft.who.get_untracked(),
                    };
                    let after = move |ok: bool| {
                        if ok {
                            draft.fill(None, ed.currency);
                            focus("field-description");
                        }
                    };
                    ed.change(
                        api::ktti::add_line_item(&input),
                        t.item_added,
                        form,
                        Some(Box::new(after)),
                    );
                }
                Some(id) => {
                    let req = UpdateLineItemRequest {
                        description: Some(description),
                        quantity: Some(quantity),
                        unit_price: Some(unit_price),
                        assignees: None,
                    };
                    let back = back.clone();
                    let after = move |ok: bool| {
                        if ok {
                            ed.editing.set(None);
                            focus(&back);
                        }
                    };
                    ed.change(
                        api::ktti::update_line_item(&id, &req),
                        t.item_saved,
                        form,
                        Some(Box::new(after)),
                    );
                }
            }
        }
    };
    let toggle = Callback::new(move |user: String| {
        draft
            .who
            .update(|w| match w.iter().position(|x| *x == user) {
                Some(at) => {
                    w.remove(at);
                }
                None => w.push(user),
            })
    });
    let cancel = move |_| {
        ed.editing.set(None);
        focus(&back);
    };
    view! {
        <form class=if editing { "receipt-item__edit" } else { "receipt-add" } on:submit=submit novalidate
            aria-label=if editing { t.edit_the_item } else { t.add_an_item }>
            {(!editing).then(|| view! { <h3>{t.add_an_item}</h3> })}
            <div class="receipt-add__fields">
                <TextField name="description" label=t.description value=draft.description errors required=true />
                <TextField name="quantity" label=t.quantity value=draft.quantity errors inputmode="numeric" />
                <TextField name="unit_price" label=t.unit_price value=draft.unit_price errors inputmode="decimal" hint=t.unit_price_hint />
            </div>
            {(!editing).then(|| view! {
                <Chips people=ed.people checked=draft.who.into() what=Signal::stored(t.the_new_item.to_string()) on_toggle=toggle />
            })}
            <div class="actions">
                <button type="submit" class=if editing { "btn btn--primary" } else { "btn btn--secondary" } disabled=move || ed.busy.get()>
                    {if editing { t.save_item } else { t.add_item }}
                </button>
                {editing.then(|| view! { <button type="button" class="btn btn--secondary" on:click=cancel>{t.cancel}</button> })}
            </div>
        </form>
    }
}

/// The tax and tip, shared like the items.
#[component]
fn TaxAndTip(ed: Ed) -> impl IntoView {
    let t = ReceiptText::get();
    let errors = RwSignal::new(FieldErrors::new());
    let changed = move || {
        let (tax, tip) = (ed.tax.get(), ed.tip.get());
        ed.receipt.with(|r| {
            r.as_ref().is_some_and(|r| {
                read_extra(&tax, ed.currency) != Ok(r.tax)
                    || read_extra(&tip, ed.currency) != Ok(r.tip)
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tax = read_extra(&ed.tax.get_untracked(), ed.currency);
        let tip = read_extra(&ed.tip.get_untracked(), ed.currency);
        let (Ok(tax), Ok(tip)) = (&tax, &tip) else {
            let mut fields = FieldErrors::new();
            for (name, r) in [("tax", tax), ("tip", tip)] {
                if let Err(e) = r {
                    fields.insert(name.into(), e);
                }
            }
            let first = if fields.contains_key("tax") {
                "field-tax"
            } else {
                "field-tip"
            };
            errors.set(fields);
            focus(first);
            return;
        };
        let (tax, tip) = (*tax, *tip);
        errors.set(FieldErrors::new());
        let after = move |ok: bool| {
            if ok {
                ed.tax.set(Money::new(tax, ed.currency).to_input());
                ed.tip.set(Money::new(tip, ed.currency).to_input());
            }
        };
        ed.change(
            api::ktti::set_receipt_tax_tip(Some(tax), Some(tip)),
            t.tax_and_tip_saved,
            Some(errors),
            Some(Box::new(after)),
        );
    };
    view! {
        <form class="receipt-extras" on:submit=submit novalidate aria-label=t.tax_and_tip>
            <TextField name="tax" label=t.tax value=ed.tax errors inputmode="decimal" hint=t.tax_hint />
            <TextField name="tip" label=t.tip value=ed.tip errors inputmode="decimal" />
            <button type="submit" class="btn btn--secondary receipt-extras__save"
                disabled=move || ed.busy.get() || !changed()>{t.save_tax_and_tip}</button>
        </form>
    }
}

/// What the items, tax and tip come to against the payment (in words), each member's part by
/// the items (live, from what is typed), and for admins the button that splits the payment so.
#[component]
fn Summary(ed: Ed, can_split: Signal<bool>, on_split: Callback<()>) -> impl IntoView {
    let t = ReceiptText::get();
    let sums = Memo::new(move |_| ed.sums());
    let splitting = RwSignal::new(false);
    let off = move || {
        sums.with(|s| {
            s.as_ref()
                .map_or(true, |s| s.difference(ed.amount).abs() > ROUNDING_ALLOWANCE)
        })
    };
    // One sentence, in a live region that stays put so that its changes are announced.
    let sentence = move || {
        let s = sums.get()?;
        let diff = s.difference(ed.amount);
        let comparison = match diff {
            0 => t.exactly.to_string(),
            d if d > 0 => fill(t.less, &[("amount", &ed.money(d))]),
            d => fill(t.more, &[("amount", &ed.money(-d))]),
        };
        let advice = match diff {
            0 => String::new(),
            d if d.abs() <= ROUNDING_ALLOWANCE => fill(
                t.within_rounding,
                &[("amount", &ed.money(ROUNDING_ALLOWANCE))],
            ),
            d if d > 0 => t.add_missing.into(),
            _ => t.check_prices.into(),
        };
        Ok::<_, String>(fill(
            t.come_to,
            &[
                ("total", &ed.money(ed.amount - diff)),
                ("comparison", &comparison),
                ("advice", &advice),
            ],
        ))
    };
    let sentence = move || sentence().unwrap_or_else(|why| why);
    // Why the payment cannot be split by the items yet, if it cannot.
    let blocked = move || {
        if ed.unsaved() {
            return Some(t.save_first.to_string());
        }
        match sums.get() {
            Err(why) => Some(why),
            Ok(Sums {
                parts: Err(why), ..
            }) => Some(why),
            Ok(s) => (s.difference(ed.amount).abs() > ROUNDING_ALLOWANCE)
                .then(|| fill(t.must_match, &[("amount", &ed.money(ROUNDING_ALLOWANCE))])),
        }
    };
    let parts = move || match sums.get() {
        Ok(Sums {
            parts: Ok(parts), ..
        }) => {
            let total: i64 = parts.iter().map(|p| p.1).sum();
            let rows = parts
                .into_iter()
                .filter(|(_, part, active)| *active || *part != 0)
                .map(|(name, part, _)| view! { <li><span>{name}</span><span class="money">{ed.money(part)}</span></li> })
                .collect_view();
            view! {
                <div class="receipt-split__preview">
                    <ul>{rows}</ul>
                    <p class="receipt-split__sum">{t.total_prefix} <span class="money">{ed.money(total)}</span></p>
                </div>
            }
            .into_any()
        }
        Ok(Sums {
            parts: Err(why), ..
        }) => view! { <p class="receipt__problem">{why}</p> }.into_any(),
        Err(_) => ().into_any(),
    };
    let split = move |_| {
        let (kitty, tx) = ed.ids();
        write(
            splitting,
            async move { api::ktti::split_by_receipt(&kitty, &tx).await },
            move |r| match r {
                Ok(_) => {
                    ed.toasts.success(t.split_done);
                    on_split.run(());
                }
                Err(e) => ed.toasts.error(e.message()),
            },
        );
    };
    let apply = move || {
        can_split.get().then(|| {
            view! {
                <div class="receipt-split__apply">
                    <button type="button" class="btn btn--primary" aria-describedby="receipt-split-why"
                        disabled=move || splitting.get() || blocked().is_some() on:click=split>{t.split_by_items}</button>
                    <p class="field__hint" id="receipt-split-why">{blocked}</p>
                </div>
            }
        })
    };
    view! {
        <p class="receipt__difference" class:receipt__difference--off=off role="status">{sentence}</p>
        <div class="receipt-split">
            <h3>{t.parts_heading}</h3>
            <p class="muted">{t.parts_body}</p>
            {parts}
            {apply}
        </div>
    }
}
