//! Labelled inputs with their error messages wired up for screen readers.

use crate::api::ApiError;
use kitty_api::FieldErrors;
use leptos::prelude::*;

/// A text input bound to `value`, with its label, a hint and the error for `name` in `errors`.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] inputmode: &'static str,
    /// Tells apart two forms on one page with fields of the same name (their ids must differ).
    #[prop(optional)]
    scope: &'static str,
    #[prop(optional)] required: bool,
    /// The latest date (or largest number) the input offers.
    #[prop(optional, into)]
    max: Option<String>,
) -> impl IntoView {
    let id = field_id(scope, name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = move || errors.with(|e| e.get(name).cloned());
    // Passwords can be revealed: typing blind on a phone keyboard is error-prone.
    let is_password = kind == "password";
    let revealed = RwSignal::new(false);
    let input_type = move || {
        if is_password && revealed.get() {
            "text"
        } else {
            kind
        }
    };
    let described_by = described_by(hint, hint_id.clone(), error_id.clone(), move || {
        error().is_some()
    });
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            <div class="field__control">
            <input
                class="field__input"
                id=id.clone()
                name=name
                type=input_type
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                required=required
                max=max
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    // The message described the old value; typing makes it stale.
                    if errors.with_untracked(|e| e.contains_key(name)) {
                        errors.update(|e| { e.remove(name); });
                    }
                }
            />
            {is_password.then(|| view! {
                <button
                    type="button"
                    class="field__reveal"
                    aria-pressed=move || if revealed.get() { "true" } else { "false" }
                    aria-controls=id.clone()
                    on:click=move |_| revealed.update(|r| *r = !*r)
                >
                    {move || { let t = crate::i18n::auth::AuthText::get(); if revealed.get() { t.hide } else { t.show } }}
                    <span class="visually-hidden">{crate::i18n::media::FrameText::get().password_suffix}</span>
                </button>
            })}
            </div>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {move || error().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A multi-line text box bound to `value`, with its label, a hint and the error for `name` in
/// `errors`.
#[component]
pub fn TextArea(
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(optional)] hint: &'static str,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let id = field_id("", name);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = move || errors.with(|e| e.get(name).cloned());
    let described_by = described_by(hint, hint_id.clone(), error_id.clone(), move || {
        error().is_some()
    });
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            <textarea
                class="field__input field__textarea"
                id=id.clone()
                name=name
                rows=rows.to_string()
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if errors.with_untracked(|e| e.contains_key(name)) {
                        errors.update(|e| { e.remove(name); });
                    }
                }
            ></textarea>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            {move || error().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A message about the whole form (wrong password, offline, …).
#[component]
pub fn FormAlert(message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! { <div class="form-alert" role="alert">{m}</div> }
        })
    }
}

/// A labelled `<select>` bound to `value`, with the error for `name` in `errors`.
/// `options` are (value, label) pairs; an empty `placeholder` adds no blank first option.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] placeholder: &'static str,
    /// Tells apart two forms on one page with fields of the same name (their ids must differ).
    #[prop(optional)]
    scope: &'static str,
) -> impl IntoView {
    let id = field_id(scope, name);
    let error_id = format!("{id}-error");
    let error = move || errors.with(|e| e.get(name).cloned());
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            <label class="field__label" for=id.clone()>{label}</label>
            <select
                class="field__input"
                id=id.clone()
                name=name
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || error().is_some().then(|| error_id.clone())
                }
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| { e.remove(name); });
                }
            >
                {(!placeholder.is_empty()).then(|| view! { <option value="">{placeholder}</option> })}
                {move || options.get().into_iter().map(|(v, l)| {
                    let this = v.clone();
                    // A property, not the attribute: a value chosen in code must show too.
                    view! { <option value=v prop:selected=move || value.get() == this>{l}</option> }
                }).collect_view()}
            </select>
            {move || error().map(|m| view! { <p class="field__error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// Shows a failed request: field messages next to fields, anything else above the form. A
/// message about a field the page has no input for (the server may judge something the form
/// does not ask, such as the account's country) is shown above the form too.
pub fn show_failure(e: &ApiError, errors: RwSignal<FieldErrors>, alert: RwSignal<Option<String>>) {
    let fields = e.fields();
    if fields.is_empty() {
        alert.set(Some(e.message()));
        return;
    }
    let on_page = |name: &str| {
        document()
            .get_element_by_id(&format!("field-{name}"))
            .is_some()
    };
    let mut summary: Vec<String> = fields
        .iter()
        .filter(|(name, _)| !on_page(name))
        .map(|(_, message)| message.clone())
        .collect();
    if summary.len() < fields.len() {
        summary.push(crate::i18n::auth::AuthText::get().check_fields.into());
    }
    errors.set(fields);
    alert.set(Some(summary.join(" ")));
}

/// `field-{name}`, or `field-{scope}-{name}` for a form that shares its page with another.
/// A field's `aria-describedby`: its hint when it has one, and its error while there is one.
fn described_by(
    hint: &'static str,
    hint_id: String,
    error_id: String,
    has_error: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = [
            (!hint.is_empty()).then_some(hint_id.as_str()),
            has_error().then_some(error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn field_id(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        format!("field-{name}")
    } else {
        format!("field-{scope}-{name}")
    }
}
