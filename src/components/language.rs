//! The language picker: English, Kiswahili or فارسی, each named in itself, and for Persian the
//! choice of Persian digits. A change is saved on this device and reloads the page in it.

use crate::i18n::{self, auth::AuthText, Lang};
use leptos::prelude::*;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let t = AuthText::get();
    let current = i18n::lang();
    view! {
        <div class="language-picker">
            <label class="language-picker__label" for="language-picker">{t.language}</label>
            <select id="language-picker" class="field__input language-picker__select" data-testid="language-picker"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        if lang != current {
                            i18n::switch(lang);
                        }
                    }
                }>
                {Lang::ALL.into_iter().map(|l| view! {
                    <option value=l.code() selected=l == current lang=l.code()>{l.native_name()}</option>
                }).collect_view()}
            </select>
            {(current == Lang::Fa).then(|| view! {
                <label class="language-picker__digits">
                    <input type="checkbox" data-testid="persian-digits" prop:checked=i18n::persian_digits()
                        on:change=move |ev| i18n::set_persian_digits(event_target_checked(&ev)) />
                    {t.digits}
                </label>
            })}
        </div>
    }
}
