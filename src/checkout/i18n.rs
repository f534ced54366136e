//! The checkout page's words in English, Swahili and Persian. Buyers in Iran read Persian right
//! to left; the page flips direction and can show Persian digits.
//!
//! The language, its detection and its picker are shared with the crypto and order pages
//! (`crate::coinpay`): one choice, saved once under the key the rest of the app uses.

use leptos::prelude::*;

/// The app's languages; the buyer pages read and save the same choice ([`crate::i18n::preferred`],
/// [`crate::i18n::save`]).
pub use crate::i18n::Lang;

/// "Language", in `lang`: the picker's label.
fn picker_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Language",
        Lang::Sw => "Lugha",
        Lang::Fa => "زبان",
    }
}

/// The page's words in `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Sw => &SW,
        Lang::Fa => &FA,
    }
}

/// The picker's choices: each language named in itself, and marked as written in it.
const OPTIONS: &str = r#"<option value="en" lang="en">English</option><option value="sw" lang="sw">Kiswahili</option><option value="fa" lang="fa">فارسی</option>"#;

/// The language picker of the buyer pages: a labelled list of the three languages, each named in
/// itself. A choice is saved on this device and applied at once (the page's text follows `lang`).
#[component]
pub fn LangPicker(lang: RwSignal<Lang>) -> impl IntoView {
    let current = lang.get_untracked();
    view! {
        <label class="lang-picker">
            <span class="visually-hidden">{move || picker_label(lang.get())}</span>
            // Static options, set before the value; and `input`, which the crypto and order pages
            // already listen for, rather than `change`. Measured on the coinpay bundle, the two
            // save about 700 bytes of brotli next to one `<option>` view per language.
            <select inner_html=OPTIONS prop:value=current.code() on:input=move |ev| {
                if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                    lang.set(l);
                    crate::i18n::save(l);
                }
            }>
            </select>
        </label>
    }
}

pub struct Text {
    pub title: &'static str,
    pub pay_to: &'static str,
    pub amount: &'static str,
    pub rials: &'static str,
    pub exact_note: &'static str,
    pub card: &'static str,
    pub owner: &'static str,
    pub bank: &'static str,
    pub time_left: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub steps: [&'static str; 3],
    pub waiting: &'static str,
    pub paid_title: &'static str,
    pub paid_body: &'static str,
    pub expired_title: &'static str,
    pub expired_body: &'static str,
    pub late_title: &'static str,
    pub late_body: &'static str,
    pub failed_title: &'static str,
    pub failed_body: &'static str,
    pub back_to_shop: &'static str,
    pub redirecting: &'static str,
    pub loading: &'static str,
    pub not_found: &'static str,
    pub offline: &'static str,
    pub retry: &'static str,
    /// "Trying again in" … seconds.
    pub retrying_in: &'static str,
    pub seconds: &'static str,
    /// Shown while a new attempt is on its way.
    pub retrying: &'static str,
    pub reconnecting: &'static str,
    /// The browser says it is offline.
    pub offline_notice: &'static str,
    pub simulate: &'static str,
    pub simulate_failed: &'static str,
    pub sandbox_note: &'static str,
    pub scan: &'static str,
    pub persian_digits: &'static str,
}

pub static EN: Text = Text {
    title: "Pay by card transfer",
    pay_to: "Pay to",
    amount: "Amount to transfer",
    rials: "Rials",
    exact_note: "Transfer exactly this amount: the last digits tell your payment apart.",
    card: "Card number",
    owner: "Card owner",
    bank: "Bank",
    time_left: "Time left",
    copy: "Copy",
    copied: "Copied",
    steps: [
        "Open your bank app and choose card-to-card transfer.",
        "Enter the card number and the exact amount above.",
        "Keep this page open: it updates by itself when the money arrives.",
    ],
    waiting: "Waiting for your transfer…",
    paid_title: "Payment received",
    paid_body: "Thank you. The shop has been told.",
    expired_title: "This payment has expired",
    expired_body: "Its time ran out before a transfer arrived. If you already paid, contact the shop with your bank receipt.",
    late_title: "Your transfer arrived late",
    late_body: "It came after this payment's time ran out. The shop can see it and will settle it with you.",
    failed_title: "This payment failed",
    failed_body: "Nothing was taken by this page. Go back to the shop and try again.",
    back_to_shop: "Return to the shop",
    redirecting: "Returning to the shop…",
    loading: "Loading payment…",
    not_found: "This payment link is not valid. Check the link the shop gave you.",
    offline: "Can't reach the payment service. Check your connection; this page will keep trying.",
    retry: "Try again",
    retrying_in: "Trying again in",
    seconds: "s",
    retrying: "Trying again…",
    reconnecting: "Connection lost. Still checking for your transfer…",
    offline_notice: "You're offline. We'll keep checking for your transfer when you're back.",
    simulate: "Simulate the bank transfer",
    simulate_failed: "That did not go through. Check your connection and try again.",
    sandbox_note: "Sandbox: no real money moves.",
    scan: "Scan to open this page on your phone",
    persian_digits: "Persian digits",
};

pub static SW: Text = Text {
    title: "Lipa kwa kuhamisha pesa kwenye kadi",
    pay_to: "Malipo kwa",
    amount: "Kiasi cha kuhamisha",
    rials: "Riali",
    exact_note: "Hamisha kiasi hiki kamili: tarakimu za mwisho ndizo zinazotambulisha malipo yako.",
    card: "Nambari ya kadi",
    owner: "Mmiliki wa kadi",
    bank: "Benki",
    time_left: "Muda uliobaki",
    copy: "Nakili",
    copied: "Imenakiliwa",
    steps: [
        "Fungua programu ya benki yako na uchague kuhamisha kutoka kadi hadi kadi.",
        "Weka nambari ya kadi na kiasi kamili kilichoandikwa hapo juu.",
        "Usifunge ukurasa huu: utajisasisha wenyewe pesa zikifika.",
    ],
    waiting: "Tunasubiri uhamisho wako…",
    paid_title: "Malipo yamepokelewa",
    paid_body: "Asante. Duka limearifiwa.",
    expired_title: "Muda wa malipo haya umekwisha",
    expired_body: "Muda wake uliisha kabla uhamisho haujafika. Ikiwa tayari umelipa, wasiliana na duka ukiwa na risiti ya benki yako.",
    late_title: "Uhamisho wako umechelewa kufika",
    late_body: "Ulifika baada ya muda wa malipo haya kuisha. Duka linauona na litashughulikia suala hili pamoja nawe.",
    failed_title: "Malipo haya hayakufanikiwa",
    failed_body: "Ukurasa huu haujachukua pesa zozote. Rudi dukani ujaribu tena.",
    back_to_shop: "Rudi dukani",
    redirecting: "Unarudishwa dukani…",
    loading: "Inapakia malipo…",
    not_found: "Kiungo hiki cha malipo si sahihi. Kagua kiungo ulichopewa na duka.",
    offline: "Huduma ya malipo haipatikani. Kagua muunganisho wako; ukurasa huu utaendelea kujaribu.",
    retry: "Jaribu tena",
    retrying_in: "Tunajaribu tena baada ya",
    seconds: "s",
    retrying: "Tunajaribu tena…",
    reconnecting: "Muunganisho umekatika. Bado tunafuatilia uhamisho wako…",
    offline_notice: "Huna mtandao. Mtandao ukirudi, tutaendelea kufuatilia uhamisho wako.",
    simulate: "Iga uhamisho wa benki",
    simulate_failed: "Haikufanikiwa. Kagua muunganisho wako kisha ujaribu tena.",
    sandbox_note: "Sandbox: hakuna pesa halisi zinazohamishwa.",
    scan: "Changanua ili kufungua ukurasa huu kwenye simu yako",
    persian_digits: "Tarakimu za Kiajemi",
};

pub static FA: Text = Text {
    title: "پرداخت کارت به کارت",
    pay_to: "پرداخت به",
    amount: "مبلغ قابل پرداخت",
    rials: "ریال",
    exact_note: "دقیقاً همین مبلغ را واریز کنید: چند رقم آخر، پرداخت شما را مشخص می‌کند.",
    card: "شماره کارت",
    owner: "صاحب کارت",
    bank: "بانک",
    time_left: "زمان باقی‌مانده",
    copy: "کپی",
    copied: "کپی شد",
    steps: [
        "برنامه بانک خود را باز کنید و کارت به کارت را انتخاب کنید.",
        "شماره کارت و مبلغ دقیق بالا را وارد کنید.",
        "این صفحه را باز نگه دارید: با رسیدن پول، خودش به‌روز می‌شود.",
    ],
    waiting: "در انتظار واریز شما…",
    paid_title: "پرداخت دریافت شد",
    paid_body: "سپاسگزاریم. به فروشگاه اطلاع داده شد.",
    expired_title: "مهلت این پرداخت تمام شده است",
    expired_body: "پیش از رسیدن واریز، زمان آن به پایان رسید. اگر پرداخت کرده‌اید، با رسید بانکی با فروشگاه تماس بگیرید.",
    late_title: "واریز شما با تأخیر رسید",
    late_body: "پس از پایان مهلت این پرداخت رسید. فروشگاه آن را می‌بیند و با شما تسویه می‌کند.",
    failed_title: "این پرداخت ناموفق بود",
    failed_body: "این صفحه مبلغی برداشت نکرده است. به فروشگاه برگردید و دوباره تلاش کنید.",
    back_to_shop: "بازگشت به فروشگاه",
    redirecting: "در حال بازگشت به فروشگاه…",
    loading: "در حال بارگذاری پرداخت…",
    not_found: "این پیوند پرداخت معتبر نیست. پیوندی را که فروشگاه داده است بررسی کنید.",
    offline: "دسترسی به سرویس پرداخت ممکن نیست. اتصال خود را بررسی کنید؛ این صفحه دوباره تلاش می‌کند.",
    retry: "تلاش دوباره",
    retrying_in: "تلاش دوباره تا",
    seconds: "ثانیه",
    retrying: "در حال تلاش دوباره…",
    reconnecting: "اتصال قطع شد. همچنان واریز شما را بررسی می‌کنیم…",
    offline_notice: "شما آفلاین هستید. با برگشتن اتصال، بررسی واریز شما ادامه می‌یابد.",
    simulate: "شبیه‌سازی واریز بانکی",
    simulate_failed: "انجام نشد. اتصال خود را بررسی کنید و دوباره تلاش کنید.",
    sandbox_note: "محیط آزمایشی: پول واقعی جابه‌جا نمی‌شود.",
    scan: "برای باز کردن این صفحه در تلفن، اسکن کنید",
    persian_digits: "ارقام فارسی",
};

/// `1262513` → `1,262,513`; with Persian digits, `۱٬۲۶۲٬۵۱۳`.
pub fn number(n: i64, persian: bool) -> String {
    let grouped = kitty_api::Money::new(n, kitty_api::Currency::IRR)
        .to_string()
        .replace("IRR ", "");
    if persian {
        crate::i18n::to_persian_digits(&grouped).replace(',', "٬")
    } else {
        grouped
    }
}

/// `mm:ss`.
pub fn clock(seconds: i64, persian: bool) -> String {
    let s = seconds.max(0);
    let text = format!("{:02}:{:02}", s / 60, s % 60);
    if persian {
        crate::i18n::to_persian_digits(&text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn tags_by_primary_subtag() {
        assert_eq!(Lang::from_tag("sw-KE"), Some(Lang::Sw));
        assert_eq!(Lang::from_tag("sw"), Some(Lang::Sw));
        assert_eq!(Lang::from_tag("FA_ir"), Some(Lang::Fa));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fil"), None);
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag("f"), None);
        assert_eq!(Lang::from_tag("فا"), None);
        assert_eq!(Lang::from_tag(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
            assert!(OPTIONS.contains(&format!(r#"value="{0}" lang="{0}""#, l.code())));
        }
    }
}
