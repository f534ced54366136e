//! The words of the crypto and order pages, in English, Swahili and Persian (right to left). The
//! language itself is the checkout page's [`Lang`]: one choice, saved once, for every buyer page.
//!
//! Sentences with an amount in them are split around it (`received` + amount), so the amount can
//! be isolated left to right inside Persian text; each language orders its words to suit.

use crate::checkout::i18n::Lang;
use crate::i18n::to_persian_digits;

pub struct Text {
    pub title_crypto: &'static str,
    pub title_order: &'static str,
    pub title_missing: &'static str,
    pub missing: &'static str,
    pub loading: &'static str,
    pub not_found: &'static str,
    pub offline: &'static str,
    pub retry: &'static str,
    /// "Trying again in" … seconds.
    pub retrying_in: &'static str,
    pub seconds: &'static str,
    pub retrying: &'static str,
    pub reconnecting: &'static str,
    /// The browser says it is offline.
    pub offline_notice: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub pay_to: &'static str,
    pub time_left: &'static str,
    pub back_to_shop: &'static str,
    pub redirecting: &'static str,
    pub paid: &'static str,
    pub paid_body: &'static str,
    pub sandbox_note: &'static str,
    pub amount_label: &'static str,
    // The crypto page.
    pub send_exactly: &'static str,
    pub exact_note: &'static str,
    pub network: &'static str,
    pub address: &'static str,
    pub memo: &'static str,
    pub memo_warning: &'static str,
    pub only_network: &'static str,
    pub open_wallet: &'static str,
    pub scan_wallet: &'static str,
    pub qr_alt: &'static str,
    pub waiting: &'static str,
    pub seen: &'static str,
    /// "Received:" amount.
    pub received: &'static str,
    /// "Send the remaining:" amount.
    pub send_remaining: &'static str,
    /// x "of" y.
    pub of: &'static str,
    /// Before and after "x of y", each with its space: "" and " confirmations" make
    /// "2 of 6 confirmations"; "Uthibitisho " and "" make "Uthibitisho 2 kati ya 6".
    pub confirmations_before: &'static str,
    pub confirmations: &'static str,
    pub confirmations_label: &'static str,
    /// "You sent" amount "more than asked…".
    pub surplus_before: &'static str,
    pub surplus_after: &'static str,
    /// amount "arrived after the payment expired…".
    pub late_after: &'static str,
    pub expired_title: &'static str,
    pub expired_body: &'static str,
    pub failed_title: &'static str,
    pub failed_body: &'static str,
    pub simulate_transfer: &'static str,
    pub send_full: &'static str,
    pub send_part: &'static str,
    pub mine: &'static str,
    pub transfer_sent: &'static str,
    pub mined: &'static str,
    pub sandbox_failed: &'static str,
    // The order page.
    pub order_amount: &'static str,
    /// "Paid so far:" amount "of" total.
    pub paid_so_far: &'static str,
    pub scan_order: &'static str,
    pub order_waiting: &'static str,
    pub closed_title: &'static str,
    pub closed_body: &'static str,
    pub order_expired_title: &'static str,
    pub order_expired_body: &'static str,
    pub simulate_payment: &'static str,
    pub pay_full: &'static str,
    pub pay_part: &'static str,
    pub payment_sent: &'static str,
}

pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::En => &EN,
        Lang::Sw => &SW,
        Lang::Fa => &FA,
    }
}

pub static EN: Text = Text {
    title_crypto: "Pay with crypto",
    title_order: "Pay your order",
    title_missing: "Payment not found",
    missing: "There is no payment at this address. Check the link the shop gave you.",
    loading: "Loading payment…",
    not_found: "This payment link is not valid. Check the link the shop gave you.",
    offline: "Can't reach the payment service. Check your connection; this page will keep trying.",
    retry: "Try again",
    retrying_in: "Trying again in",
    seconds: "s",
    retrying: "Trying again…",
    reconnecting: "Connection lost. Still checking for your payment…",
    offline_notice: "You're offline. We'll keep checking for your payment when you're back.",
    copy: "Copy",
    copied: "Copied",
    pay_to: "Pay to",
    time_left: "Time left",
    back_to_shop: "Back to the shop",
    redirecting: "Returning to the shop in a few seconds…",
    paid: "Paid",
    paid_body: "Thank you. The shop has been told.",
    sandbox_note: "Sandbox: no real money moves.",
    amount_label: "Amount",
    send_exactly: "Send exactly",
    exact_note: "Network fees are yours: the amount that arrives must be at least this.",
    network: "Network",
    address: "Deposit address",
    memo: "Destination tag (memo)",
    memo_warning: "Required: enter this tag in your wallet as well. Without it your payment cannot be matched to this order.",
    only_network: "Send only on this network: money sent on another network is lost.",
    open_wallet: "Open in wallet",
    scan_wallet: "Scan with your wallet app",
    qr_alt: "QR code of this payment",
    waiting: "Waiting for your transfer…",
    seen: "Transfer seen. Waiting for confirmations…",
    received: "Received:",
    send_remaining: "Send the remaining:",
    of: "of",
    confirmations_before: "",
    confirmations: " confirmations",
    confirmations_label: "Confirmations",
    surplus_before: "You sent",
    surplus_after: "more than asked. Contact the shop to get the difference back.",
    late_after: "arrived after the payment expired. The shop can see it; contact them to settle it.",
    expired_title: "This payment has expired",
    expired_body: "Its time ran out before a transfer arrived. If you sent money, contact the shop.",
    failed_title: "Part paid, then time ran out",
    failed_body: "Only part of the amount arrived in time. Contact the shop to settle the rest or get your money back.",
    simulate_transfer: "Simulate the transfer",
    send_full: "Send the full amount",
    send_part: "Send part",
    mine: "Mine a block",
    transfer_sent: "Transfer sent:",
    mined: "Block mined.",
    sandbox_failed: "That did not go through. Try again.",
    order_amount: "Amount to pay",
    paid_so_far: "Paid so far:",
    scan_order: "Scan to pay on your phone",
    order_waiting: "Waiting for your payment…",
    closed_title: "The shop closed this order",
    closed_body: "It can no longer be paid. If you already paid, contact the shop.",
    order_expired_title: "This order has expired",
    order_expired_body: "It was not paid in time. Go back to the shop to order again.",
    simulate_payment: "Simulate the payment",
    pay_full: "Pay the full amount",
    pay_part: "Pay part",
    payment_sent: "Payment sent.",
};

pub static SW: Text = Text {
    title_crypto: "Lipa kwa sarafu za kidijitali",
    title_order: "Lipia agizo lako",
    title_missing: "Malipo hayakupatikana",
    missing: "Hakuna malipo kwenye anwani hii. Kagua kiungo ulichopewa na duka.",
    loading: "Inapakia malipo…",
    not_found: "Kiungo hiki cha malipo si sahihi. Kagua kiungo ulichopewa na duka.",
    offline:
        "Huduma ya malipo haipatikani. Kagua muunganisho wako; ukurasa huu utaendelea kujaribu.",
    retry: "Jaribu tena",
    retrying_in: "Tunajaribu tena baada ya",
    seconds: "s",
    retrying: "Tunajaribu tena…",
    reconnecting: "Muunganisho umekatika. Bado tunafuatilia malipo yako…",
    offline_notice: "Huna mtandao. Mtandao ukirudi, tutaendelea kufuatilia malipo yako.",
    copy: "Nakili",
    copied: "Imenakiliwa",
    pay_to: "Malipo kwa",
    time_left: "Muda uliobaki",
    back_to_shop: "Rudi dukani",
    redirecting: "Unarudishwa dukani baada ya sekunde chache…",
    paid: "Imelipwa",
    paid_body: "Asante. Duka limearifiwa.",
    sandbox_note: "Sandbox: hakuna pesa halisi zinazohamishwa.",
    amount_label: "Kiasi",
    send_exactly: "Tuma kiasi hiki kamili",
    exact_note: "Ada za mtandao ni juu yako: kiasi kitakachofika lazima kiwe angalau hiki.",
    network: "Mtandao",
    address: "Anwani ya malipo",
    memo: "Lebo ya mpokeaji (memo)",
    memo_warning:
        "Lazima: weka lebo hii pia kwenye pochi yako. Bila lebo hii, malipo yako hayawezi kuhusishwa na agizo hili.",
    only_network: "Tuma kupitia mtandao huu pekee: pesa zinazotumwa kupitia mtandao mwingine hupotea.",
    open_wallet: "Fungua kwenye pochi",
    scan_wallet: "Changanua kwa programu ya pochi yako",
    qr_alt: "Msimbo wa QR wa malipo haya",
    waiting: "Tunasubiri uhamisho wako…",
    seen: "Uhamisho umeonekana. Tunasubiri uthibitisho…",
    received: "Kilichopokelewa:",
    send_remaining: "Tuma kiasi kilichobaki:",
    of: "kati ya",
    confirmations_before: "Uthibitisho ",
    confirmations: "",
    confirmations_label: "Uthibitisho",
    surplus_before: "Umetuma",
    surplus_after: "zaidi ya kiasi kilichoombwa. Wasiliana na duka ili urudishiwe tofauti.",
    late_after: "zilifika baada ya muda wa malipo kuisha. Duka linaziona; wasiliana nalo ili kulitatua suala hili.",
    expired_title: "Muda wa malipo haya umekwisha",
    expired_body: "Muda wake uliisha kabla uhamisho haujafika. Ikiwa ulituma pesa, wasiliana na duka.",
    failed_title: "Umelipa sehemu, kisha muda ukaisha",
    failed_body: "Ni sehemu tu ya kiasi iliyofika kwa wakati. Wasiliana na duka ili ulipe kiasi kilichobaki au urudishiwe pesa zako.",
    simulate_transfer: "Iga uhamisho",
    send_full: "Tuma kiasi chote",
    send_part: "Tuma sehemu",
    mine: "Chimba bloku",
    transfer_sent: "Uhamisho umetumwa:",
    mined: "Bloku imechimbwa.",
    sandbox_failed: "Haikufanikiwa. Jaribu tena.",
    order_amount: "Kiasi cha kulipa",
    paid_so_far: "Kilicholipwa hadi sasa:",
    scan_order: "Changanua ili ulipe kwa simu yako",
    order_waiting: "Tunasubiri malipo yako…",
    closed_title: "Duka limefunga agizo hili",
    closed_body: "Haliwezi kulipwa tena. Ikiwa tayari umelipa, wasiliana na duka.",
    order_expired_title: "Muda wa agizo hili umekwisha",
    order_expired_body: "Halikulipwa kwa wakati. Rudi dukani uagize tena.",
    simulate_payment: "Iga malipo",
    pay_full: "Lipa kiasi chote",
    pay_part: "Lipa sehemu",
    payment_sent: "Malipo yametumwa.",
};

pub static FA: Text = Text {
    title_crypto: "پرداخت با رمزارز",
    title_order: "پرداخت سفارش",
    title_missing: "پرداخت پیدا نشد",
    missing: "در این نشانی پرداختی نیست. پیوندی را که فروشگاه داده است بررسی کنید.",
    loading: "در حال بارگذاری پرداخت…",
    not_found: "این پیوند پرداخت معتبر نیست. پیوندی را که فروشگاه داده است بررسی کنید.",
    offline:
        "دسترسی به سرویس پرداخت ممکن نیست. اتصال خود را بررسی کنید؛ این صفحه دوباره تلاش می‌کند.",
    retry: "تلاش دوباره",
    retrying_in: "تلاش دوباره تا",
    seconds: "ثانیه",
    retrying: "در حال تلاش دوباره…",
    reconnecting: "اتصال قطع شد. همچنان پرداخت شما را بررسی می‌کنیم…",
    offline_notice: "شما آفلاین هستید. با برگشتن اتصال، بررسی پرداخت شما ادامه می‌یابد.",
    copy: "کپی",
    copied: "کپی شد",
    pay_to: "پرداخت به",
    time_left: "زمان باقی‌مانده",
    back_to_shop: "بازگشت به فروشگاه",
    redirecting: "تا چند ثانیه دیگر به فروشگاه برمی‌گردید…",
    paid: "پرداخت شد",
    paid_body: "سپاسگزاریم. به فروشگاه اطلاع داده شد.",
    sandbox_note: "محیط آزمایشی: پول واقعی جابه‌جا نمی‌شود.",
    amount_label: "مبلغ",
    send_exactly: "دقیقاً این مبلغ را بفرستید",
    exact_note: "کارمزد شبکه با شماست: مبلغی که می‌رسد باید دست‌کم همین باشد.",
    network: "شبکه",
    address: "نشانی واریز",
    memo: "برچسب مقصد (memo)",
    memo_warning:
        "الزامی: این برچسب را هم در کیف پول خود وارد کنید. بدون آن، پرداخت شما به این سفارش نمی‌رسد.",
    only_network: "فقط روی همین شبکه بفرستید: پولی که روی شبکه دیگری فرستاده شود از دست می‌رود.",
    open_wallet: "باز کردن در کیف پول",
    scan_wallet: "با برنامه کیف پول خود اسکن کنید",
    qr_alt: "کد QR این پرداخت",
    waiting: "در انتظار انتقال شما…",
    seen: "انتقال دیده شد. در انتظار تأییدها…",
    received: "دریافت شد:",
    send_remaining: "باقی‌مانده را بفرستید:",
    of: "از",
    confirmations_before: "",
    confirmations: " تأیید",
    confirmations_label: "تأییدها",
    surplus_before: "شما",
    surplus_after:
        "بیش از مبلغ خواسته‌شده فرستادید. برای پس گرفتن مابه‌التفاوت با فروشگاه تماس بگیرید.",
    late_after: "پس از پایان مهلت پرداخت رسید. فروشگاه آن را می‌بیند؛ برای تسویه با آن تماس بگیرید.",
    expired_title: "مهلت این پرداخت تمام شده است",
    expired_body:
        "پیش از رسیدن انتقال، زمان آن به پایان رسید. اگر پولی فرستاده‌اید، با فروشگاه تماس بگیرید.",
    failed_title: "بخشی پرداخت شد و مهلت تمام شد",
    failed_body:
        "فقط بخشی از مبلغ به‌موقع رسید. برای تسویه باقی‌مانده یا پس گرفتن پول با فروشگاه تماس بگیرید.",
    simulate_transfer: "شبیه‌سازی انتقال",
    send_full: "فرستادن کل مبلغ",
    send_part: "فرستادن بخشی",
    mine: "استخراج یک بلوک",
    transfer_sent: "انتقال فرستاده شد:",
    mined: "بلوک استخراج شد.",
    sandbox_failed: "انجام نشد. دوباره تلاش کنید.",
    order_amount: "مبلغ قابل پرداخت",
    paid_so_far: "پرداخت‌شده تا کنون:",
    scan_order: "برای پرداخت در تلفن، اسکن کنید",
    order_waiting: "در انتظار پرداخت شما…",
    closed_title: "فروشگاه این سفارش را بست",
    closed_body: "دیگر نمی‌توان آن را پرداخت. اگر پرداخت کرده‌اید، با فروشگاه تماس بگیرید.",
    order_expired_title: "مهلت این سفارش تمام شده است",
    order_expired_body: "به‌موقع پرداخت نشد. برای سفارش دوباره به فروشگاه برگردید.",
    simulate_payment: "شبیه‌سازی پرداخت",
    pay_full: "پرداخت کل مبلغ",
    pay_part: "پرداخت بخشی",
    payment_sent: "پرداخت فرستاده شد.",
};

/// A count in the page's digits: Persian ones on the Persian page.
pub fn count(n: i64, lang: Lang) -> String {
    let s = n.to_string();
    if lang == Lang::Fa {
        to_persian_digits(&s)
    } else {
        s
    }
}

/// `h:mm:ss` from an hour up, else `mm:ss`; never below zero.
pub fn clock(seconds: i64, lang: Lang) -> String {
    let s = seconds.max(0);
    let text = if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    };
    if lang == Lang::Fa {
        to_persian_digits(&text)
    } else {
        text
    }
}

/// A decimal string with its whole part grouped by thousands: `97000.5` → `97,000.5`. Anything
/// that is not a plain decimal comes back unchanged.
pub fn group(decimal: &str) -> String {
    let (whole, frac) = match decimal.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (decimal, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return decimal.to_string();
    }
    let mut out = String::with_capacity(decimal.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Whether a decimal string is above zero (`"0.00"` is not; `"0.5"` is).
pub fn positive(decimal: &str) -> bool {
    decimal.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// Half of a decimal string, cut to `decimals` places, without trailing zeros: the sandbox's
/// default for "send part". `None` when the input is not a plain decimal or half of it rounds to
/// nothing.
pub fn half(decimal: &str, decimals: usize) -> Option<String> {
    let (whole, frac) = decimal
        .trim()
        .split_once('.')
        .unwrap_or((decimal.trim(), ""));
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digit(whole) || !digit(frac) {
        return None;
    }
    // Long division by two over the digits, with the fraction padded to `decimals` places.
    let mut padded: Vec<u8> = whole
        .bytes()
        .chain(frac.bytes())
        .map(|b| b - b'0')
        .collect();
    let places = decimals.max(frac.len());
    padded.resize(whole.len() + places, 0);
    let mut carry = 0;
    for d in &mut padded {
        let cur = carry * 10 + *d;
        *d = cur / 2;
        carry = cur % 2;
    }
    padded.truncate(whole.len() + decimals);
    let text: String = padded.iter().map(|d| char::from(b'0' + d)).collect();
    let (w, f) = text.split_at(whole.len());
    let w = w.trim_start_matches('0');
    let f = f.trim_end_matches('0');
    if w.is_empty() && f.is_empty() {
        return None;
    }
    let w = if w.is_empty() { "0" } else { w };
    Some(if f.is_empty() {
        w.to_string()
    } else {
        format!("{w}.{f}")
    })
}

/// A decimal string in hundredths, digits past the second decimal dropped: `"12.5"` → 1250.
pub fn cents(decimal: &str) -> Option<i64> {
    let (whole, frac) = decimal
        .trim()
        .split_once('.')
        .unwrap_or((decimal.trim(), ""));
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut hundredths = 0;
    for (i, b) in frac.bytes().chain(*b"00").take(2).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        hundredths += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    whole.checked_mul(100)?.checked_add(hundredths)
}

/// Hundredths as a decimal string: 1250 → `"12.50"`, 1200 → `"12"`.
pub fn from_cents(c: i64) -> String {
    if c % 100 == 0 {
        (c / 100).to_string()
    } else {
        format!("{}.{:02}", c / 100, c % 100)
    }
}
