//! Phrases of the merchant pages (see `crate::i18n`).

use super::money::CoinAmountText;
use super::translate;
use super::validate::{LabelText, UrlText};
use kitty_api::binance::OrderStatus;
use kitty_api::crypto::{CryptoStatus, Network, WithdrawalStatus};
use kitty_api::merchant::TransactionStatus;
use kitty_api::FieldErrors;

crate::catalogue! {
    /// The merchant area's tabs, the overview, transactions, payment links, shops and cards.
    pub struct MerchantText {
        overview: "Overview", "Muhtasari", "نمای کلی";
        tab_new_link: "New link", "Kiungo kipya", "پیوند تازه";
        transactions: "Transactions", "Miamala", "تراکنش‌ها";
        crypto: "Crypto", "Kripto", "رمزارز";
        binance_orders: "Binance orders", "Oda za Binance", "سفارش‌های Binance";
        shops: "Shops", "Maduka", "فروشگاه‌ها";
        cards: "Cards", "Kadi", "کارت‌ها";

        pending: "Pending", "Inasubiri", "در انتظار";
        paid: "Paid", "Imelipwa", "پرداخت‌شده";
        paid_late: "Paid late", "Imelipwa kwa kuchelewa", "پرداخت با تأخیر";
        expired: "Expired", "Muda umeisha", "منقضی‌شده";
        failed: "Failed", "Imeshindwa", "ناموفق";
        completed: "Completed", "Imekamilika", "تکمیل‌شده";

        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
        creating: "Creating…", "Inatengeneza…", "در حال ساخت…";
        create_another: "Create another", "Tengeneza nyingine", "ساختن یکی دیگر";
        follow_payment: "Follow this payment", "Fuatilia malipo haya", "پیگیری این پرداخت";
        opens_new_tab: " (opens in a new tab)", " (hufunguka kwenye kichupo kipya)", " (در زبانهٔ تازه باز می‌شود)";
        shop: "Shop", "Duka", "فروشگاه";
        amount: "Amount", "Kiasi", "مبلغ";
        currency: "Currency", "Sarafu", "ارز";
        order: "Order", "Oda", "سفارش";
        created: "Created", "Imeundwa", "زمان ایجاد";
        expires: "Expires", "Inaisha", "زمان انقضا";
        paid_at: "Paid", "Ililipwa", "زمان پرداخت";
        transaction: "Transaction", "Muamala", "تراکنش";
        transaction_prefix: "Transaction ", "Muamala ", "تراکنش ";
        payment_link_what: "payment link", "kiungo cha malipo", "پیوند پرداخت";
        create_a_shop: "Create a shop", "Fungua duka", "یک فروشگاه بسازید";
        choose_shop: "Choose a shop", "Chagua duka", "یک فروشگاه انتخاب کنید";
        return_after_paying: "Return address after paying", "Anwani ya kurudi baada ya kulipa", "نشانی بازگشت پس از پرداخت";

        new_payment_link: "New payment link", "Kiungo kipya cha malipo", "پیوند پرداخت تازه";
        get_ready: "Get ready to take payments", "Jiandae kupokea malipo", "برای دریافت پرداخت آماده شوید";
        setup_shop: "{link} — it gets an API key for your website.",
            "{link} — linapata ufunguo wa API kwa tovuti yako.",
            "{link} — برای وب‌سایت شما یک کلید API می‌گیرد.";
        add_bank_card: "Add the bank card", "Ongeza kadi ya benki", "کارت بانکی را اضافه کنید";
        setup_card: "{link} that receives buyers' transfers.",
            "{link} inayopokea uhamisho wa wanunuzi.",
            "{link}؛ کارتی که انتقال‌های خریداران به آن واریز می‌شود.";
        create_payment_link: "Create a payment link", "Tengeneza kiungo cha malipo", "یک پیوند پرداخت بسازید";
        setup_link: "{link} and send it to a buyer.", "{link} kisha umtumie mnunuzi.", "{link} و آن را برای خریدار بفرستید.";
        paid_today: "Paid today", "Imelipwa leo", "پرداخت‌شدهٔ امروز";
        paid_this_month: "Paid this month", "Imelipwa mwezi huu", "پرداخت‌شدهٔ این ماه";
        waiting_for_payment: "Waiting for payment", "Inasubiri malipo", "در انتظار پرداخت";
        paid_per_day: "Paid per day, last 14 days", "Malipo kwa siku, siku 14 zilizopita", "پرداختی روزانه، 14 روز گذشته";
        recent_payments: "Recent payments", "Malipo ya hivi karibuni", "پرداخت‌های اخیر";
        all_transactions: "All transactions", "Miamala yote", "همهٔ تراکنش‌ها";
        no_links_yet: "No payment links yet. Each link you create shows up here with its status, newest first.",
            "Bado hakuna viungo vya malipo. Kila kiungo unachotengeneza kitaonekana hapa pamoja na hali yake, vipya kwanza.",
            "هنوز پیوند پرداختی نیست. هر پیوندی که بسازید با وضعیتش اینجا نمایش داده می‌شود، تازه‌ترین‌ها بالاتر.";
        no_payments_yet: "No payments yet", "Bado hakuna malipo", "هنوز پرداختی نیست";
        nothing_paid: "Nothing has been paid in the last 14 days. Create a payment link and send it to a buyer: what they pay shows up here, day by day.",
            "Hakuna kilicholipwa katika siku 14 zilizopita. Tengeneza kiungo cha malipo na umtumie mnunuzi: anacholipa kitaonekana hapa, siku kwa siku.",
            "در 14 روز گذشته پرداختی انجام نشده است. یک پیوند پرداخت بسازید و برای خریدار بفرستید: آنچه می‌پردازد روزبه‌روز اینجا نمایش داده می‌شود.";
        chart_label: "Paid per day from {range}: {total} in total",
            "Malipo kwa siku kuanzia {range}: {total} kwa jumla",
            "پرداختی روزانه در بازهٔ {range}: در مجموع {total}";
        chart_caption: "Rials paid per day, {range}.", "Riali zilizolipwa kwa siku, {range}.", "ریال پرداخت‌شده در هر روز، {range}.";

        export_csv: "Export CSV", "Pakua CSV", "دریافت CSV";
        filter_transactions: "Filter transactions", "Chuja miamala", "فیلتر تراکنش‌ها";
        all_shops: "All shops", "Maduka yote", "همهٔ فروشگاه‌ها";
        status: "Status", "Hali", "وضعیت";
        any_status: "Any status", "Hali yoyote", "هر وضعیتی";
        no_transactions: "No transactions here", "Hakuna miamala hapa", "تراکنشی اینجا نیست";
        payments_show_up: "Payments show up as soon as you create a link. {link}",
            "Malipo yanaonekana mara tu unapotengeneza kiungo. {link}",
            "پرداخت‌ها به‌محض ساختن پیوند نمایش داده می‌شوند. {link}";
        create_one: "Create one", "Tengeneza kimoja", "یکی بسازید";
        transactions_one: "1 transaction", "Muamala 1", "1 تراکنش";
        transactions_other: "{n} transactions", "Miamala {n}", "{n} تراکنش";
        pages: "Pages", "Kurasa", "صفحه‌ها";
        previous: "Previous", "Iliyotangulia", "قبلی";
        page_of: "Page {page} of {pages}", "Ukurasa {page} kati ya {pages}", "صفحهٔ {page} از {pages}";
        next: "Next", "Inayofuata", "بعدی";
        buyer_transfers: "Buyer transfers", "Mnunuzi anahamisha", "مبلغ انتقالی خریدار";
        fee: "Fee", "Ada", "کارمزد";
        fee_by_buyer: "{fee} (paid by the buyer)", "{fee} (inalipwa na mnunuzi)", "{fee} (پرداخت توسط خریدار)";
        fee_by_you: "{fee} (paid by you)", "{fee} (inalipwa na wewe)", "{fee} (پرداخت توسط شما)";
        to_card: "To card", "Kwenda kadi", "به کارت";
        invoice: "Invoice", "Ankara", "فاکتور";
        description: "Description", "Maelezo", "توضیحات";
        authority: "Authority", "Msimbo wa idhini", "کد مرجع";
        verified: "Verified", "Imethibitishwa", "زمان تأیید";
        not_yet: "Not yet", "Bado", "هنوز نه";
        payment_page: "Payment page", "Ukurasa wa malipo", "صفحهٔ پرداخت";
        works_until: "It works until {time} ({left} left).", "Kinafanya kazi hadi {time} (zimebaki {left}).", "تا {time} کار می‌کند ({left} مانده).";
        time_up: "Its time is up; the page will show it expired in a moment.",
            "Muda wake umeisha; ukurasa utaonyesha kuwa umeisha muda punde.",
            "زمانش تمام شده است؛ صفحه به‌زودی منقضی شدنش را نشان می‌دهد.";
        send_to_buyer: "Send this link to the buyer", "Mtumie mnunuzi kiungo hiki", "این پیوند را برای خریدار بفرستید";
        they_transfer: "They transfer {amount} to your card from any bank app. ",
            "Anahamisha {amount} kwenye kadi yako kutoka programu yoyote ya benki. ",
            "خریدار {amount} را با هر برنامهٔ بانکی به کارت شما انتقال می‌دهد. ";
        qr_to_scan: "QR code of the payment link, for the buyer to scan",
            "Msimbo wa QR wa kiungo cha malipo, ili mnunuzi auchanganue",
            "کد QR پیوند پرداخت، برای اسکن خریدار";

        need_shop_and_card: "You need a shop and an active card first: {shops}, {cards}.",
            "Kwanza unahitaji duka na kadi inayotumika: {shops}, {cards}.",
            "ابتدا به یک فروشگاه و یک کارت فعال نیاز دارید: {shops}، {cards}.";
        shops_link: "shops", "maduka", "فروشگاه‌ها";
        cards_link: "cards", "kadi", "کارت‌ها";
        card_receives: "Card that receives the money", "Kadi inayopokea pesa", "کارت دریافت‌کنندهٔ پول";
        choose_card: "Choose a card", "Chagua kadi", "یک کارت انتخاب کنید";
        amount_rials: "Amount (Rials)", "Kiasi (Riali)", "مبلغ (ریال)";
        fee_preview: "Fee: {fee}", "Ada: {fee}", "کارمزد: {fee}";
        who_pays_fee: "Who pays the 1% fee", "Nani analipa ada ya 1%", "کارمزد 1٪ را چه کسی می‌پردازد";
        i_pay: "I do (taken from the amount)", "Mimi (inakatwa kutoka kwenye kiasi)", "من (از مبلغ کسر می‌شود)";
        buyer_pays: "The buyer (added to the amount)", "Mnunuzi (inaongezwa kwenye kiasi)", "خریدار (به مبلغ افزوده می‌شود)";
        description_optional: "Description (optional)", "Maelezo (si lazima)", "توضیحات (اختیاری)";
        invoice_optional: "Invoice number (optional)", "Namba ya ankara (si lazima)", "شمارهٔ فاکتور (اختیاری)";
        unique_per_shop: "Unique per shop", "Ya kipekee kwa kila duka", "در هر فروشگاه یکتا";
        return_address: "Return address", "Anwani ya kurudi", "نشانی بازگشت";
        return_hint: "Where the buyer goes afterwards, e.g. https://shop.example/paid",
            "Mnunuzi anakoelekea baadaye, k.m. https://shop.example/paid",
            "جایی که خریدار پس از آن می‌رود، مثلاً https://shop.example/paid";
        create_link: "Create link", "Tengeneza kiungo", "ساخت پیوند";
        hours: "{n} hours", "saa {n}", "{n} ساعت";
        minute_one: "1 minute", "dakika 1", "1 دقیقه";
        minute_other: "{n} minutes", "dakika {n}", "{n} دقیقه";
        seconds: "{n} seconds", "sekunde {n}", "{n} ثانیه";
        works_for: "This link works for {span}, until {time}.",
            "Kiungo hiki kinafanya kazi kwa {span}, hadi {time}.",
            "این پیوند {span} کار می‌کند، تا {time}.";
        limited_time: "This link works for a limited time: send it now.",
            "Kiungo hiki kinafanya kazi kwa muda mfupi: kitume sasa.",
            "این پیوند مدت محدودی کار می‌کند: همین حالا آن را بفرستید.";
        link_ready: "Your payment link is ready", "Kiungo chako cha malipo kiko tayari", "پیوند پرداخت شما آماده است";
        buyer_transfers_sentence: "The buyer transfers {final} (amount {amount}, fee {fee}).",
            "Mnunuzi anahamisha {final} (kiasi {amount}, ada {fee}).",
            "خریدار {final} انتقال می‌دهد (مبلغ {amount}، کارمزد {fee}).";
        qr_link: "QR code of the payment link", "Msimbo wa QR wa kiungo cha malipo", "کد QR پیوند پرداخت";

        copy_key_now: "Copy this API key now.", "Nakili ufunguo huu wa API sasa.", "همین حالا این کلید API را کپی کنید.";
        key_shown_once: " It is shown once; Kitty keeps only a fingerprint of it.",
            " Unaonyeshwa mara moja tu; Kitty huhifadhi alama yake tu.",
            " فقط یک بار نمایش داده می‌شود؛ Kitty تنها اثر انگشتی از آن نگه می‌دارد.";
        api_key_what: "API key", "ufunguo wa API", "کلید API";
        api_key: "API key", "Ufunguo wa API", "کلید API";
        copy_secret_now: "Copy this webhook signing secret now.", "Nakili siri hii ya kusaini webhook sasa.", "همین حالا این رمز امضای وب‌هوک را کپی کنید.";
        secret_shown_once: " It is shown once. Your server uses it to check that a webhook really comes from Kitty.",
            " Inaonyeshwa mara moja tu. Seva yako huitumia kuhakikisha kuwa webhook kweli inatoka Kitty.",
            " فقط یک بار نمایش داده می‌شود. سرور شما با آن بررسی می‌کند که وب‌هوک واقعاً از Kitty آمده باشد.";
        old_secret_stopped: "The old secret stopped signing at once: every webhook from now on is signed with this one, so put it on your server right away.",
            "Siri ya zamani imeacha kusaini mara moja: kila webhook kuanzia sasa inasainiwa kwa hii, kwa hiyo iweke kwenye seva yako mara moja.",
            "رمز قبلی بی‌درنگ از امضا کردن بازماند: از این پس هر وب‌هوک با همین رمز امضا می‌شود، پس فوراً آن را روی سرورتان بگذارید.";
        secret_what: "webhook signing secret", "siri ya kusaini webhook", "رمز امضای وب‌هوک";
        standard_webhooks: "Webhooks follow the Standard Webhooks spec: each one carries webhook-id, webhook-timestamp and webhook-signature headers, which any Standard Webhooks library checks with this secret.",
            "Webhook hufuata vipimo vya Standard Webhooks: kila moja hubeba vichwa vya webhook-id, webhook-timestamp na webhook-signature, ambavyo maktaba yoyote ya Standard Webhooks hukagua kwa siri hii.",
            "وب‌هوک‌ها از مشخصات Standard Webhooks پیروی می‌کنند: هر کدام سرآیندهای webhook-id، webhook-timestamp و webhook-signature را دارد که هر کتابخانهٔ Standard Webhooks آن‌ها را با این رمز بررسی می‌کند.";
        shop_is_ready: "{name} is ready", "{name} iko tayari", "{name} آماده است";
        see_how: "See how to use it", "Angalia jinsi ya kulitumia", "ببینید چطور از آن استفاده کنید";
        your_shops: "Your shops", "Maduka yako", "فروشگاه‌های شما";
        no_shops: "No shops yet", "Bado hakuna maduka", "هنوز فروشگاهی نیست";
        no_shops_body: "Create one to get an API key and start taking payments.",
            "Fungua moja upate ufunguo wa API na uanze kupokea malipo.",
            "یکی بسازید تا کلید API بگیرید و دریافت پرداخت را شروع کنید.";
        new_shop: "New shop", "Duka jipya", "فروشگاه تازه";
        shop_name: "Shop name", "Jina la duka", "نام فروشگاه";
        website_optional: "Website (optional)", "Tovuti (si lazima)", "وب‌سایت (اختیاری)";
        phone_optional: "Support phone (optional)", "Simu ya msaada (si lazima)", "تلفن پشتیبانی (اختیاری)";
        create_shop: "Create shop", "Fungua duka", "ساخت فروشگاه";
        no_website: "No website", "Hakuna tovuti", "بدون وب‌سایت";
        regenerate_confirm: "Make a new API key? The current key stops working at once, so update your server right after.",
            "Utengeneze ufunguo mpya wa API? Ufunguo wa sasa utaacha kufanya kazi mara moja, kwa hiyo sasisha seva yako mara baada ya hapo.",
            "کلید API تازه ساخته شود؟ کلید فعلی بی‌درنگ از کار می‌افتد، پس بلافاصله سرورتان را به‌روز کنید.";
        rotate_confirm: "Make a new webhook signing secret? The current one stops signing at once, so webhooks fail your server's check until you give it the new secret.",
            "Utengeneze siri mpya ya kusaini webhook? Ya sasa itaacha kusaini mara moja, kwa hiyo webhook zitashindwa ukaguzi wa seva yako hadi uipe siri mpya.",
            "رمز امضای وب‌هوک تازه ساخته شود؟ رمز فعلی بی‌درنگ از امضا کردن بازمی‌ماند، پس تا رمز تازه را به سرورتان ندهید، وب‌هوک‌ها در بررسی آن رد می‌شوند.";
        shop_not_found: "Shop not found", "Duka halikupatikana", "فروشگاه پیدا نشد";
        other_account: "It may belong to another account.", "Huenda ni la akaunti nyingine.", "شاید متعلق به حساب دیگری باشد.";
        shop_id: "Shop ID", "Kitambulisho cha duka", "شناسهٔ فروشگاه";
        website: "Website", "Tovuti", "وب‌سایت";
        phone: "Phone", "Simu", "تلفن";
        key_hidden: "{prefix}… (hidden)", "{prefix}… (imefichwa)", "{prefix}… (پنهان)";
        key_usage: "Your server sends it in the X-API-Key header to create and verify payments.",
            "Seva yako huutuma katika kichwa cha X-API-Key ili kuunda na kuthibitisha malipo.",
            "سرور شما آن را در سرآیند X-API-Key می‌فرستد تا پرداخت‌ها را بسازد و تأیید کند.";
        regenerate_key: "Regenerate key", "Tengeneza ufunguo upya", "ساختن دوبارهٔ کلید";
        webhook_secret: "Webhook signing secret", "Siri ya kusaini webhook", "رمز امضای وب‌هوک";
        secret_explained: "Kitty signs the webhooks it sends about this shop's crypto payments with this secret, following the Standard Webhooks spec (webhook-id, webhook-timestamp and webhook-signature headers). It was shown once, when you created the shop. Make a new one if you lost it or it leaked.",
            "Kitty husaini webhook inazotuma kuhusu malipo ya kripto ya duka hili kwa siri hii, kwa kufuata vipimo vya Standard Webhooks (vichwa vya webhook-id, webhook-timestamp na webhook-signature). Ilionyeshwa mara moja, ulipofungua duka. Tengeneza mpya ikiwa umeipoteza au imevuja.",
            "Kitty وب‌هوک‌هایی را که دربارهٔ پرداخت‌های رمزارزی این فروشگاه می‌فرستد با این رمز امضا می‌کند، طبق مشخصات Standard Webhooks (سرآیندهای webhook-id، webhook-timestamp و webhook-signature). این رمز یک بار، هنگام ساختن فروشگاه، نمایش داده شد. اگر گمش کرده‌اید یا فاش شده است، رمز تازه‌ای بسازید.";
        rotating: "Rotating…", "Inabadilisha…", "در حال تعویض…";
        rotate_secret: "Rotate webhook signing secret", "Badilisha siri ya kusaini webhook", "تعویض رمز امضای وب‌هوک";
        sample_heading: "Create a payment from your server", "Unda malipo kutoka kwenye seva yako", "ساخت پرداخت از سرور شما";
        sample_label: "Sample request: create a payment with curl", "Mfano wa ombi: unda malipo kwa curl", "نمونهٔ درخواست: ساخت پرداخت با curl";
        code_sample_what: "code sample", "mfano wa msimbo", "نمونه‌کد";

        card_added: "Added {bank} card {number}", "Kadi ya {bank} {number} imeongezwa", "کارت {bank} {number} افزوده شد";
        card_deactivated: "Card {number} no longer receives new payments.",
            "Kadi {number} haipokei tena malipo mapya.",
            "کارت {number} دیگر پرداخت تازه‌ای دریافت نمی‌کند.";
        cards_receive: "Cards that receive money", "Kadi zinazopokea pesa", "کارت‌های دریافت پول";
        no_cards: "No cards yet", "Bado hakuna kadi", "هنوز کارتی نیست";
        no_cards_body: "Buyers transfer to a card you add here.", "Wanunuzi huhamisha pesa kwenye kadi unayoongeza hapa.", "خریداران به کارتی که اینجا اضافه می‌کنید انتقال می‌دهند.";
        add_a_card: "Add a card", "Ongeza kadi", "افزودن کارت";
        card_number: "Card number", "Namba ya kadi", "شمارهٔ کارت";
        card_number_hint: "16 digits, as printed on the card", "Tarakimu 16, kama zilivyochapishwa kwenye kadi", "16 رقم، همان‌طور که روی کارت چاپ شده است";
        bank: "Bank: {bank}", "Benki: {bank}", "بانک: {bank}";
        name_on_card: "Name on the card", "Jina lililo kwenye kadi", "نام روی کارت";
        shaba_optional: "Shaba (optional)", "Shaba (si lazima)", "شبا (اختیاری)";
        shaba_hint: "IR followed by 24 digits", "IR ikifuatiwa na tarakimu 24", "IR و پس از آن 24 رقم";
        adding: "Adding…", "Inaongeza…", "در حال افزودن…";
        add_card: "Add card", "Ongeza kadi", "افزودن کارت";
        stop_card_confirm: "Stop using this card for new payments?", "Uache kutumia kadi hii kwa malipo mapya?", "استفاده از این کارت برای پرداخت‌های تازه متوقف شود؟";
        deactivate: "Deactivate", "Zima", "غیرفعال کردن";
        inactive: "Inactive", "Haitumiki", "غیرفعال";
    }
}

impl MerchantText {
    /// A card-to-card payment's status, for a person.
    pub fn transaction_status(&self, status: TransactionStatus) -> &'static str {
        match status {
            TransactionStatus::Pending => self.pending,
            TransactionStatus::Paid => self.paid,
            TransactionStatus::Expired => self.expired,
            TransactionStatus::Failed => self.failed,
            TransactionStatus::PaidLate => self.paid_late,
        }
    }
}

crate::catalogue! {
    /// Binance Pay orders (`/merchant/orders`).
    pub struct OrdersText {
        closed_toast: "Order for {amount} closed. The buyer can no longer pay it.",
            "Oda ya {amount} imefungwa. Mnunuzi hawezi kuilipa tena.",
            "سفارش {amount} بسته شد. خریدار دیگر نمی‌تواند آن را بپردازد.";
        lede: "Ask for an amount in BUSD or USDT through Binance Pay. The buyer pays on the checkout page or by scanning its QR code. An order nobody pays closes by itself after an hour.",
            "Omba kiasi kwa BUSD au USDT kupitia Binance Pay. Mnunuzi hulipa kwenye ukurasa wa malipo au kwa kuchanganua msimbo wake wa QR. Oda isiyolipwa na mtu yeyote hujifunga yenyewe baada ya saa moja.",
            "مبلغی را به BUSD یا USDT از طریق Binance Pay درخواست کنید. خریدار در صفحهٔ پرداخت یا با اسکن کد QR آن پرداخت می‌کند. سفارشی که کسی آن را نپردازد، پس از یک ساعت خودبه‌خود بسته می‌شود.";
        orders: "Orders", "Oda", "سفارش‌ها";
        no_orders: "No orders yet", "Bado hakuna oda", "هنوز سفارشی نیست";
        no_orders_body: "Create one with the form. It gets a checkout link and a QR code for the buyer.",
            "Tengeneza moja kwa fomu. Inapata kiungo cha malipo na msimbo wa QR kwa mnunuzi.",
            "با فرم یکی بسازید. یک پیوند پرداخت و یک کد QR برای خریدار می‌گیرد.";
        left_to_pay: "{left} left to pay", "zimebaki {left} za kulipa", "{left} تا پایان مهلت پرداخت";
        close_confirm: "Close the order for {amount}? The buyer can no longer pay it. This cannot be undone.",
            "Ufunge oda ya {amount}? Mnunuzi hataweza kuilipa tena. Hili haliwezi kutenduliwa.",
            "سفارش {amount} بسته شود؟ خریدار دیگر نمی‌تواند آن را بپردازد. این کار برگشت‌پذیر نیست.";
        when_paid: " · paid {time}", " · ililipwa {time}", " · پرداخت‌شده در {time}";
        when_closed: " · closed {time}", " · ilifungwa {time}", " · بسته‌شده در {time}";
        paid_amount: "Paid {amount}", "Imelipwa {amount}", "پرداخت‌شده: {amount}";
        created_at: "Created {time}", "Iliundwa {time}", "ساخته‌شده در {time}";
        order_prefix: "Order ", "Oda ", "سفارش ";
        open_checkout: "Open the checkout page", "Fungua ukurasa wa malipo", "باز کردن صفحهٔ پرداخت";
        for_amount_new_tab: " for {amount} (opens in a new tab)", " ya {amount} (hufunguka kwenye kichupo kipya)", " برای {amount} (در زبانهٔ تازه باز می‌شود)";
        close: "Close", "Funga", "بستن";
        close_which: " the order for {amount}", " oda ya {amount}", " سفارش {amount}";
        new_order: "New order", "Oda mpya", "سفارش تازه";
        amount_hint: "Whole units of the currency, from 1 to 100,000; no decimals",
            "Vipimo kamili vya sarafu, kuanzia 1 hadi 100,000; bila desimali",
            "واحدهای کامل ارز، از 1 تا 100,000؛ بدون اعشار";
        what_is_sold: "What is sold", "Kinachouzwa", "کالا یا خدمت";
        what_is_sold_hint: "Shown to the buyer, up to 100 characters", "Huonyeshwa kwa mnunuzi, hadi herufi 100", "به خریدار نمایش داده می‌شود، تا 100 نویسه";
        details: "Details", "Maelezo", "جزئیات";
        details_hint: "A short description, up to 256 characters", "Maelezo mafupi, hadi herufi 256", "توضیحی کوتاه، تا 256 نویسه";
        return_hint: "Where the buyer goes once paid, like https://shop.example/paid",
            "Mnunuzi anakoelekea akishalipa, kama https://shop.example/paid",
            "جایی که خریدار پس از پرداخت می‌رود، مانند https://shop.example/paid";
        cancel_address: "Return address if it is not paid", "Anwani ya kurudi isipolipwa", "نشانی بازگشت در صورت پرداخت نشدن";
        cancel_hint: "Where the buyer goes when the order is closed or expires",
            "Mnunuzi anakoelekea oda ikifungwa au muda wake ukiisha",
            "جایی که خریدار هنگام بسته شدن یا انقضای سفارش می‌رود";
        create_order: "Create order", "Tengeneza oda", "ساخت سفارش";
        order_ready: "Your order is ready", "Oda yako iko tayari", "سفارش شما آماده است";
        send_checkout: "Send the buyer this checkout link for {amount}, or let them scan the QR code. It closes by itself after an hour unpaid.",
            "Mtumie mnunuzi kiungo hiki cha malipo cha {amount}, au umwache achanganue msimbo wa QR. Hujifunga yenyewe baada ya saa moja bila kulipwa.",
            "این پیوند پرداخت {amount} را برای خریدار بفرستید یا بگذارید کد QR را اسکن کند. اگر پرداخت نشود، پس از یک ساعت خودبه‌خود بسته می‌شود.";
        status_prefix: "Status: ", "Hali: ", "وضعیت: ";
        checkout_link_what: "checkout link", "kiungo cha malipo", "پیوند پرداخت";
        qr_checkout: "QR code of the checkout link for {amount}", "Msimbo wa QR wa kiungo cha malipo cha {amount}", "کد QR پیوند پرداخت {amount}";
        order_id_what: "order id (prepayId)", "kitambulisho cha oda (prepayId)", "شناسهٔ سفارش (prepayId)";
        closes: "Closes", "Inafungwa", "زمان بسته شدن";
        closed: "Closed", "Imefungwa", "بسته‌شده";
        closed_unpaid: "Closed after an hour unpaid", "Ilifungwa baada ya saa moja bila kulipwa", "پس از یک ساعت بدون پرداخت بسته شد";
    }
}

impl OrdersText {
    /// An order's status, for a person.
    pub fn status(&self, status: OrderStatus) -> &'static str {
        let m = MerchantText::get();
        match status {
            OrderStatus::INITIAL => m.waiting_for_payment,
            OrderStatus::PAID => m.paid,
            OrderStatus::CLOSED => self.closed,
            OrderStatus::EXPIRED => self.closed_unpaid,
        }
    }
}

crate::catalogue! {
    /// The crypto gateway (`/merchant/crypto` and a payment's page).
    pub struct CryptoText {
        lede: "Take payments in Bitcoin, Ether, USDT and XRP. Each payment gets its own deposit address; what arrives is added to your balance, and you can withdraw it to your own wallet.",
            "Pokea malipo kwa Bitcoin, Ether, USDT na XRP. Kila malipo yanapata anwani yake ya kuweka; kinachofika huongezwa kwenye salio lako, na unaweza kukitoa kwenda kwenye pochi yako mwenyewe.",
            "پرداخت‌ها را به Bitcoin، Ether، USDT و XRP دریافت کنید. هر پرداخت نشانی واریز خودش را دارد؛ آنچه می‌رسد به موجودی شما افزوده می‌شود و می‌توانید آن را به کیف پول خودتان برداشت کنید.";
        waiting_transfer: "Waiting for the transfer", "Inasubiri uhamisho", "در انتظار انتقال";
        transfer_seen: "Transfer seen", "Uhamisho umeonekana", "انتقال دیده شد";
        confirming: "Confirming", "Inathibitishwa", "در حال تأیید";
        failed_part_paid: "Failed (part paid)", "Imeshindwa (imelipwa sehemu)", "ناموفق (بخشی پرداخت شد)";
        hint_bitcoin: "A Bitcoin address starting with bc1", "Anwani ya Bitcoin inayoanza na bc1", "نشانی Bitcoin که با bc1 شروع می‌شود";
        hint_evm: "An address of 0x and 40 hexadecimal characters", "Anwani ya 0x na herufi 40 za heksadesimali", "نشانی‌ای شامل 0x و 40 نویسهٔ هگزادسیمال";
        hint_tron: "A TRON address starting with T", "Anwani ya TRON inayoanza na T", "نشانی TRON که با T شروع می‌شود";
        hint_xrp: "An XRP address starting with r", "Anwani ya XRP inayoanza na r", "نشانی XRP که با r شروع می‌شود";
        hint_stellar: "A Stellar account starting with G", "Akaunti ya Stellar inayoanza na G", "حساب Stellar که با G شروع می‌شود";

        choose_shop_for: "Choose the shop this payment is for.", "Chagua duka ambalo malipo haya ni yake.", "فروشگاهی را که این پرداخت برای آن است انتخاب کنید.";
        whole_minutes: "Enter whole minutes, from 1 to 1,440 (a day).",
            "Weka dakika kamili, kuanzia 1 hadi 1,440 (siku moja).",
            "تعداد دقیقه را به عدد صحیح، از 1 تا 1,440 (یک روز)، وارد کنید.";
        the_currency: "the currency", "sarafu", "ارز";
        usd_hint: "In US dollars, up to 2 decimals. The buyer pays the same value in {symbol}, at the rate when you create the payment.",
            "Kwa dola za Marekani, hadi desimali 2. Mnunuzi hulipa thamani hiyo hiyo kwa {symbol}, kwa kiwango cha wakati unapounda malipo.",
            "به دلار آمریکا، تا 2 رقم اعشار. خریدار همین ارزش را به {symbol} و با نرخ زمان ساختن پرداخت می‌پردازد.";
        crypto_hint: "In {symbol}, up to {decimals} decimals.", "Kwa {symbol}, hadi desimali {decimals}.", "به {symbol}، تا {decimals} رقم اعشار.";
        chosen_hint: "In the currency you chose.", "Kwa sarafu uliyochagua.", "به ارزی که انتخاب کردید.";
        new_payment: "New crypto payment", "Malipo mapya ya kripto", "پرداخت رمزارزی تازه";
        could_not_load_both: "Could not load the currencies or your shops: {error}",
            "Imeshindwa kupakia sarafu au maduka yako: {error}",
            "بارگذاری ارزها یا فروشگاه‌های شما ممکن نشد: {error}";
        no_shop_notice: "A payment belongs to a shop, and you have none yet. {link} first, then come back here.",
            "Malipo ni ya duka, na bado huna duka. {link} kwanza, kisha urudi hapa.",
            "هر پرداخت به یک فروشگاه تعلق دارد و شما هنوز فروشگاهی ندارید. ابتدا {link}، سپس به اینجا برگردید.";
        order_reference: "Order reference", "Rejea ya oda", "شمارهٔ مرجع سفارش";
        order_reference_hint: "Your own reference for this order, unique among your payments",
            "Rejea yako mwenyewe ya oda hii, ya kipekee kati ya malipo yako",
            "مرجع خودتان برای این سفارش، یکتا در میان پرداخت‌هایتان";
        currency_buyer_pays: "Currency the buyer pays in", "Sarafu ambayo mnunuzi analipa nayo", "ارزی که خریدار با آن پرداخت می‌کند";
        give_amount_in: "Give the amount in", "Weka kiasi kwa", "مبلغ را وارد کنید به";
        us_dollars: "US dollars", "Dola za Marekani", "دلار آمریکا";
        amount_in_usd: "Amount in US dollars", "Kiasi kwa dola za Marekani", "مبلغ به دلار آمریکا";
        amount_in_currency: "Amount in the currency", "Kiasi kwa sarafu", "مبلغ به ارز انتخابی";
        minutes_to_pay: "Minutes the buyer has to pay", "Dakika alizonazo mnunuzi kulipa", "مهلت پرداخت خریدار (دقیقه)";
        minutes_hint: "From 1 to 1,440 (a day). 60 unless you change it.",
            "Kuanzia 1 hadi 1,440 (siku moja). 60 usipoibadilisha.",
            "از 1 تا 1,440 (یک روز). اگر تغییرش ندهید، 60.";
        return_after_optional: "Return address after paying (optional)", "Anwani ya kurudi baada ya kulipa (si lazima)", "نشانی بازگشت پس از پرداخت (اختیاری)";
        return_after_hint: "Where the buyer's page sends them once paid, like https://shop.example/paid",
            "Ukurasa wa mnunuzi unakompeleka akishalipa, kama https://shop.example/paid",
            "جایی که صفحهٔ خریدار پس از پرداخت او را به آن می‌فرستد، مانند https://shop.example/paid";
        return_failed: "Return address if it fails", "Anwani ya kurudi malipo yakishindwa", "نشانی بازگشت در صورت ناموفق بودن";
        return_failed_optional: "Return address if it fails (optional)", "Anwani ya kurudi malipo yakishindwa (si lazima)", "نشانی بازگشت در صورت ناموفق بودن (اختیاری)";
        return_failed_hint: "Where the buyer's page sends them when the payment expires or fails",
            "Ukurasa wa mnunuzi unakompeleka malipo yakiisha muda au yakishindwa",
            "جایی که صفحهٔ خریدار هنگام انقضا یا شکست پرداخت او را به آن می‌فرستد";
        webhook_optional: "Webhook address (optional)", "Anwani ya webhook (si lazima)", "نشانی وب‌هوک (اختیاری)";
        webhook_hint: "Your server gets a signed POST here as the payment moves on",
            "Seva yako hupokea POST iliyosainiwa hapa kadiri malipo yanavyoendelea",
            "با پیشرفت پرداخت، سرور شما یک POST امضاشده در این نشانی دریافت می‌کند";
        create_payment: "Create payment", "Unda malipo", "ساخت پرداخت";
        payment_ready: "Your crypto payment is ready", "Malipo yako ya kripto yako tayari", "پرداخت رمزارزی شما آماده است";
        send_page: "Send the buyer this payment page. It asks for {amount} to the deposit address below, until {time}.",
            "Mtumie mnunuzi ukurasa huu wa malipo. Unaomba {amount} kwenda kwenye anwani ya kuweka iliyo hapa chini, hadi {time}.",
            "این صفحهٔ پرداخت را برای خریدار بفرستید. تا {time}، {amount} را به نشانی واریز زیر درخواست می‌کند.";
        payment_page_link_what: "payment page link", "kiungo cha ukurasa wa malipo", "پیوند صفحهٔ پرداخت";
        qr_wallet_app: "QR code for a wallet app: pay {amount} to the deposit address",
            "Msimbo wa QR kwa programu ya pochi: lipa {amount} kwenda kwenye anwani ya kuweka",
            "کد QR برای برنامهٔ کیف پول: پرداخت {amount} به نشانی واریز";
        deposit_address: "Deposit address", "Anwani ya kuweka", "نشانی واریز";
        deposit_address_what: "deposit address", "anwani ya kuweka", "نشانی واریز";
        destination_tag: "Destination tag", "Lebo ya mpokeaji", "تگ مقصد";
        destination_tag_what: "destination tag", "lebo ya mpokeaji", "تگ مقصد";
        tag_needed: "The buyer's transfer must carry this destination tag, or it cannot be matched to the payment.",
            "Uhamisho wa mnunuzi lazima ubebe lebo hii ya mpokeaji, la sivyo hauwezi kuhusishwa na malipo.",
            "انتقال خریدار باید این تگ مقصد را داشته باشد، وگرنه به این پرداخت نسبت داده نمی‌شود.";
        payments: "Payments", "Malipo", "پرداخت‌ها";
        no_payments: "No crypto payments yet", "Bado hakuna malipo ya kripto", "هنوز پرداخت رمزارزی‌ای نیست";
        no_payments_body: "Create one with the form. It gets its own deposit address and a page for the buyer.",
            "Unda moja kwa fomu. Yanapata anwani yake ya kuweka na ukurasa wa mnunuzi.",
            "با فرم یکی بسازید. نشانی واریز خودش و صفحه‌ای برای خریدار می‌گیرد.";
        underpaid: "Underpaid: {amount} still to pay", "Imelipwa pungufu: {amount} bado kulipwa", "کم‌پرداخت: {amount} هنوز باید پرداخت شود";
        overpaid: "Overpaid by {amount}", "Imelipwa zaidi kwa {amount}", "اضافه‌پرداخت: {amount}";
        late_amount: "Late: {amount} arrived after it expired", "Imechelewa: {amount} kilifika baada ya muda kuisha", "دیرکرد: {amount} پس از انقضا رسید";
        confirmations_of: "{n}/{required} confirmations", "uthibitisho {n}/{required}", "{n}/{required} تأیید";
        received_amount: "received {amount}", "kimepokelewa {amount}", "دریافت‌شده: {amount}";
        order_line: "Order {order} · {time}", "Oda {order} · {time}", "سفارش {order} · {time}";

        awaiting_buyer: "Waiting for the buyer to send {asked} to the deposit address.",
            "Inasubiri mnunuzi atume {asked} kwenda kwenye anwani ya kuweka.",
            "در انتظار ارسال {asked} از سوی خریدار به نشانی واریز.";
        part_arrived: "A transfer arrived: {received} of {asked}. {rest} is still to pay.",
            "Uhamisho umefika: {received} kati ya {asked}. {rest} bado kulipwa.",
            "یک انتقال رسید: {received} از {asked}. {rest} هنوز باید پرداخت شود.";
        arrived_waiting: "A transfer of {received} arrived and is waiting for the network.",
            "Uhamisho wa {received} umefika na unasubiri mtandao.",
            "انتقالی به مبلغ {received} رسید و در انتظار شبکه است.";
        full_arrived: "The full amount arrived. Waiting for the network: {n} of {required} confirmations.",
            "Kiasi chote kimefika. Inasubiri mtandao: uthibitisho {n} kati ya {required}.",
            "کل مبلغ رسید. در انتظار شبکه: {n} از {required} تأیید.";
        completed_sentence: "Completed: {received} received and confirmed.",
            "Imekamilika: {received} kimepokelewa na kuthibitishwa.",
            "تکمیل شد: {received} دریافت و تأیید شد.";
        expired_sentence: "Expired: nothing arrived in time.", "Muda umeisha: hakuna kilichofika kwa wakati.", "منقضی شد: چیزی به‌موقع نرسید.";
        failed_sentence: "Failed: only {received} of {asked} arrived before it expired. What arrived still counts toward your balance once confirmed.",
            "Imeshindwa: ni {received} tu kati ya {asked} kilichofika kabla ya muda kuisha. Kilichofika bado kinahesabiwa kwenye salio lako kikishathibitishwa.",
            "ناموفق: پیش از انقضا فقط {received} از {asked} رسید. آنچه رسیده پس از تأیید همچنان به موجودی شما افزوده می‌شود.";
        crypto_payment: "Crypto payment", "Malipo ya kripto", "پرداخت رمزارزی";
        usd_at_rate: "{usd} USD at {rate} USD per {symbol}", "{usd} USD kwa kiwango cha {rate} USD kwa kila {symbol}", "{usd} USD با نرخ {rate} USD برای هر {symbol}";
        given_in: "Given in {symbol} (rate then: {rate} USD per {symbol})",
            "Kimetolewa kwa {symbol} (kiwango wakati huo: {rate} USD kwa kila {symbol})",
            "به {symbol} تعیین شد (نرخ در آن زمان: {rate} USD برای هر {symbol})";
        named_on_network: "{name} ({symbol}) on the {network} network", "{name} ({symbol}) kwenye mtandao wa {network}", "{name} ({symbol}) روی شبکهٔ {network}";
        on_network: "{symbol} on the {network} network", "{symbol} kwenye mtandao wa {network}", "{symbol} روی شبکهٔ {network}";
        payment: "Payment", "Malipo", "پرداخت";
        asked: "Asked", "Kilichoombwa", "مبلغ درخواستی";
        in_dollars: "In dollars", "Kwa dola", "به دلار";
        received: "Received", "Kilichopokelewa", "دریافت‌شده";
        nothing_yet: "Nothing yet", "Bado hakuna", "هنوز چیزی نرسیده";
        still_to_pay: "Still to pay", "Bado kulipwa", "باقی‌مانده";
        paid_over: "Paid over", "Kilicholipwa zaidi", "اضافه‌پرداخت";
        arrived_late: "Arrived late", "Kilichofika kwa kuchelewa", "با تأخیر رسیده";
        confirmations: "Confirmations", "Uthibitisho", "تأییدها";
        time_left: "{left} left", "zimebaki {left}", "{left} مانده";
        payment_id: "Payment id", "Kitambulisho cha malipo", "شناسهٔ پرداخت";
        payment_id_what: "payment id", "kitambulisho cha malipo", "شناسهٔ پرداخت";
        chain: "Chain", "Mnyororo", "زنجیره";
        sandbox_chain: "Sandbox: a simulated chain, where no real money moves",
            "Sandbox: mnyororo wa kuigiza, ambapo hakuna pesa halisi inayohamishwa",
            "محیط آزمایشی: زنجیره‌ای شبیه‌سازی‌شده که در آن هیچ پول واقعی جابه‌جا نمی‌شود";
        where_buyer_pays: "Where the buyer pays", "Mahali mnunuzi analipa", "محل پرداخت خریدار";
        open_buyer_page: "Open the buyer's payment page", "Fungua ukurasa wa malipo wa mnunuzi", "باز کردن صفحهٔ پرداخت خریدار";
        wallet_link: "Wallet link", "Kiungo cha pochi", "پیوند کیف پول";
        wallet_link_what: "wallet link", "kiungo cha pochi", "پیوند کیف پول";
        qr_wallet_link: "QR code of the wallet link: pay {amount} to the deposit address",
            "Msimbo wa QR wa kiungo cha pochi: lipa {amount} kwenda kwenye anwani ya kuweka",
            "کد QR پیوند کیف پول: پرداخت {amount} به نشانی واریز";
        transfers_received: "Transfers received", "Uhamisho uliopokelewa", "انتقال‌های دریافت‌شده";
        no_transfer: "No transfer to the deposit address yet.", "Bado hakuna uhamisho kwenda kwenye anwani ya kuweka.", "هنوز انتقالی به نشانی واریز انجام نشده است.";
        confirmations_seen: "{n}/{required} confirmations · seen {time}",
            "uthibitisho {n}/{required} · ulionekana {time}",
            "{n}/{required} تأیید · دیده‌شده در {time}";
        arrived_after_expiry: "It arrived after the payment expired: it is in your balance, but it does not count toward this payment.",
            "Ulifika baada ya muda wa malipo kuisha: uko kwenye salio lako, lakini hauhesabiwi kwa malipo haya.",
            "پس از انقضای پرداخت رسید: در موجودی شما هست، اما جزو این پرداخت حساب نمی‌شود.";
        late: "Late", "Imechelewa", "دیرکرد";

        balances: "Balances", "Masalio", "موجودی‌ها";
        nothing_received: "Nothing received yet", "Bado hakuna kilichopokelewa", "هنوز چیزی دریافت نشده";
        nothing_received_body: "What buyers pay shows up here per currency once it arrives.",
            "Wanunuzi wanacholipa huonekana hapa kwa kila sarafu kinapofika.",
            "آنچه خریداران می‌پردازند، پس از رسیدن، به تفکیک ارز اینجا نمایش داده می‌شود.";
        available: "Available", "Kinachopatikana", "قابل برداشت";
        received_total: "Received in total", "Jumla iliyopokelewa", "مجموع دریافتی";
        withdrawn_total: "Withdrawn in total", "Jumla iliyotolewa", "مجموع برداشت";
        address_valid: "✓ A valid {network} address: its checksum matches.",
            "✓ Anwani halali ya {network}: tarakimu zake za ukaguzi zinalingana.",
            "✓ نشانی معتبر {network}: کد کنترلی آن درست است.";
        nothing_more_than_fee: "Nothing: withdraw more than the {fee} fee.", "Hakuna: toa zaidi ya ada ya {fee}.", "هیچ: بیش از کارمزد {fee} برداشت کنید.";
        more_than_available: "This is more than the {amount} you have available.",
            "Hiki ni zaidi ya {amount} ulicho nacho.",
            "این بیش از {amount} موجودی قابل برداشت شماست.";
        withdrawal_started: "Withdrawal of {amount} started. It completes after {n} confirmations on the network.",
            "Utoaji wa {amount} umeanza. Utakamilika baada ya uthibitisho {n} kwenye mtandao.",
            "برداشت {amount} آغاز شد. پس از {n} تأیید در شبکه کامل می‌شود.";
        more_than_network_fee: "Withdraw more than the network fee of {fee}.", "Toa zaidi ya ada ya mtandao ya {fee}.", "بیش از کارمزد شبکه ({fee}) برداشت کنید.";
        withdraw_confirm: "Send {amount} to {address}? The network fee of {fee} is taken from it, so the address receives {net}. A withdrawal cannot be undone.",
            "Utume {amount} kwenda {address}? Ada ya mtandao ya {fee} inakatwa kutoka humo, kwa hiyo anwani itapokea {net}. Utoaji hauwezi kutenduliwa.",
            "{amount} به {address} فرستاده شود؟ کارمزد شبکه ({fee}) از آن کسر می‌شود، پس نشانی {net} دریافت می‌کند. برداشت برگشت‌پذیر نیست.";
        withdraw: "Withdraw", "Toa", "برداشت";
        withdraw_intro: "Send what is available to your own wallet. The network fee is taken from the amount.",
            "Tuma kinachopatikana kwenda kwenye pochi yako mwenyewe. Ada ya mtandao inakatwa kutoka kwenye kiasi.",
            "موجودی قابل برداشت را به کیف پول خودتان بفرستید. کارمزد شبکه از مبلغ کسر می‌شود.";
        could_not_load_currencies: "Could not load the currencies: {error}", "Imeshindwa kupakia sarafu: {error}", "بارگذاری ارزها ممکن نشد: {error}";
        available_amount: "Available: {amount}", "Kinachopatikana: {amount}", "قابل برداشت: {amount}";
        destination_address: "Destination address", "Anwani ya kupokea", "نشانی مقصد";
        destination_tag_memo: "Destination tag (memo)", "Lebo ya mpokeaji (memo)", "تگ مقصد (memo)";
        memo_hint: "The number the receiving wallet or exchange gave you. Without it the money may not reach the right account.",
            "Namba uliyopewa na pochi au soko linalopokea. Bila hiyo, pesa huenda zisifike kwenye akaunti sahihi.",
            "شماره‌ای که کیف پول یا صرافی مقصد به شما داده است. بدون آن ممکن است پول به حساب درست نرسد.";
        network_fee: "Network fee", "Ada ya mtandao", "کارمزد شبکه";
        address_receives: "The address receives", "Anwani inapokea", "دریافتی نشانی";
        sending: "Sending…", "Inatuma…", "در حال ارسال…";
        withdrawals: "Withdrawals", "Utoaji", "برداشت‌ها";
        no_withdrawals: "No withdrawals yet", "Bado hakuna utoaji", "هنوز برداشتی نیست";
        no_withdrawals_body: "Withdrawals you make show up here, with their progress on the network.",
            "Utoaji unaofanya huonekana hapa, pamoja na maendeleo yake kwenye mtandao.",
            "برداشت‌هایتان همراه با روند پیشرفتشان در شبکه اینجا نمایش داده می‌شوند.";
        withdrawal_confirmations: " · {n}/{required} confirmations", " · uthibitisho {n}/{required}", " · {n}/{required} تأیید";
        not_on_network: "Not on the network yet", "Bado haiko kwenye mtandao", "هنوز در شبکه ثبت نشده";
        made_completed: "Made {made} · completed {done}", "Ilifanywa {made} · ilikamilika {done}", "ثبت در {made} · تکمیل در {done}";
        made: "Made {made}", "Ilifanywa {made}", "ثبت در {made}";
        fee_receives: "Fee {fee} · the address receives {net}", "Ada {fee} · anwani inapokea {net}", "کارمزد {fee} · دریافتی نشانی {net}";
        to_prefix: "To ", "Kwenda ", "به ";
        with_tag: " · destination tag {tag}", " · lebo ya mpokeaji {tag}", " · تگ مقصد {tag}";

        resend_toast: "Sending the {event} webhook to {url} again. Its answer shows here in a few seconds.",
            "Inatuma tena webhook ya {event} kwenda {url}. Jibu lake litaonekana hapa baada ya sekunde chache.",
            "وب‌هوک {event} دوباره به {url} فرستاده می‌شود. پاسخ آن تا چند ثانیهٔ دیگر اینجا نمایش داده می‌شود.";
        deliveries_intro: "A payment with a webhook address gets a POST there each time its status changes, signed with its shop's webhook signing secret (see {link}). Failed deliveries are tried again.",
            "Malipo yenye anwani ya webhook hupata POST huko kila hali yake inapobadilika, iliyosainiwa kwa siri ya kusaini webhook ya duka lake (angalia {link}). Uwasilishaji ulioshindwa hujaribiwa tena.",
            "برای پرداختی که نشانی وب‌هوک دارد، هر بار که وضعیتش تغییر کند یک POST به آن نشانی فرستاده می‌شود که با رمز امضای وب‌هوک فروشگاهش امضا شده است ({link} را ببینید). تحویل‌های ناموفق دوباره امتحان می‌شوند.";
        your_shop_page: "your shop's page", "ukurasa wa duka lako", "صفحهٔ فروشگاهتان";
        no_webhooks_body: "Give a payment a webhook address, and each change of its status is POSTed there.",
            "Yape malipo anwani ya webhook, na kila mabadiliko ya hali yake yatatumwa huko kwa POST.",
            "به یک پرداخت نشانی وب‌هوک بدهید تا هر تغییر وضعیتش با POST به آنجا فرستاده شود.";
        waiting_to_send: "Waiting to be sent", "Inasubiri kutumwa", "در انتظار ارسال";
        next_try: " · next try {time}", " · jaribio lijalo {time}", " · تلاش بعدی در {time}";
        payload_of: "Payload of the {event} webhook", "Maudhui ya webhook ya {event}", "محتوای وب‌هوک {event}";
        sending_badge: "Sending", "Inatuma", "در حال ارسال";
        resend_which: " the {event} webhook to {url}", " webhook ya {event} kwenda {url}", " وب‌هوک {event} به {url}";
    }
}

impl CryptoText {
    /// A crypto payment's status, for a person.
    pub fn payment_status(&self, status: CryptoStatus) -> &'static str {
        let m = MerchantText::get();
        match status {
            CryptoStatus::Created => self.waiting_transfer,
            CryptoStatus::Pending => self.transfer_seen,
            CryptoStatus::Confirming => self.confirming,
            CryptoStatus::Completed => m.completed,
            CryptoStatus::Expired => m.expired,
            CryptoStatus::Failed => self.failed_part_paid,
        }
    }

    /// A withdrawal's status, for a person.
    pub fn withdrawal_status(&self, status: WithdrawalStatus) -> &'static str {
        let m = MerchantText::get();
        match status {
            WithdrawalStatus::Pending => m.pending,
            WithdrawalStatus::Completed => m.completed,
            WithdrawalStatus::Failed => m.failed,
        }
    }

    /// What a valid address of `network` looks like, for a form's hint.
    pub fn address_hint(&self, network: Network) -> &'static str {
        match network {
            Network::Bitcoin => self.hint_bitcoin,
            Network::Ethereum | Network::Celo | Network::Arbitrum | Network::Avalanche => {
                self.hint_evm
            }
            Network::Tron => self.hint_tron,
            Network::Ripple => self.hint_xrp,
            Network::Stellar => self.hint_stellar,
        }
    }
}

crate::catalogue! {
    /// Reads kept current (`pages::merchant::poll`), also used by the Ramp's pages.
    pub struct PollText {
        trying_again: " Trying again…", " Inajaribu tena…", " در حال تلاش دوباره…";
        could_not_refresh: "Could not refresh this: {error}{again}",
            "Imeshindwa kuonyesha upya hiki: {error}{again}",
            "به‌روزرسانی این بخش ممکن نشد: {error}{again}";
        hours_minutes: "{h} h {m} min", "saa {h} dakika {m}", "{h} ساعت و {m} دقیقه";
    }
}

crate::catalogue! {
    /// The messages of `kitty_api`'s checks that the merchant forms run before sending, in this
    /// language (see [`ProblemText::say`]).
    pub struct ProblemText {
        shop_name_blank: "Enter the shop's name.", "Weka jina la duka.", "نام فروشگاه را وارد کنید.";
        order_reference_blank: "Enter the order reference.", "Weka rejea ya oda.", "شمارهٔ مرجع سفارش را وارد کنید.";
        what_is_sold_blank: "Enter what is sold.", "Weka kinachouzwa.", "کالا یا خدمت را وارد کنید.";
        details_blank: "Enter the details.", "Weka maelezo.", "جزئیات را وارد کنید.";
        website: "Enter a web address like https://shop.example.",
            "Weka anwani ya tovuti kama https://shop.example.",
            "نشانی وب‌سایتی مانند https://shop.example وارد کنید.";
        phone: "Enter a phone number, digits only.", "Weka namba ya simu, tarakimu tu.", "شمارهٔ تلفن را فقط با رقم وارد کنید.";
        owner_name: "Enter the name on the card.", "Weka jina lililo kwenye kadi.", "نام روی کارت را وارد کنید.";
        card_blank: "Enter the 16-digit card number.", "Weka namba ya kadi yenye tarakimu 16.", "شمارهٔ 16 رقمی کارت را وارد کنید.";
        card_length: "A card number has 16 digits.", "Namba ya kadi ina tarakimu 16.", "شمارهٔ کارت 16 رقم دارد.";
        card_typo: "This card number has a typo: check the digits.",
            "Namba hii ya kadi ina kosa: angalia tarakimu.",
            "این شمارهٔ کارت اشتباه دارد: رقم‌ها را بررسی کنید.";
        card_bank: "This card is not from a bank we know. Use a card of an Iranian bank.",
            "Kadi hii si ya benki tunayoijua. Tumia kadi ya benki ya Iran.",
            "این کارت از بانکی نیست که بشناسیم. از کارت یک بانک ایرانی استفاده کنید.";
        shaba_form: "A Shaba number is IR followed by 24 digits.",
            "Namba ya Shaba ni IR ikifuatiwa na tarakimu 24.",
            "شمارهٔ شبا IR و پس از آن 24 رقم است.";
        shaba_typo: "This Shaba number has a typo: its check digits do not match.",
            "Namba hii ya Shaba ina kosa: tarakimu zake za ukaguzi hazilingani.",
            "این شمارهٔ شبا اشتباه دارد: رقم‌های کنترلی آن مطابقت ندارند.";
        choose_shop: "Choose a shop.", "Chagua duka.", "یک فروشگاه انتخاب کنید.";
        choose_card: "Choose the card that receives the money.", "Chagua kadi inayopokea pesa.", "کارتی را که پول به آن واریز می‌شود انتخاب کنید.";
        order_amount: "Enter a whole amount from 1 to 100,000.", "Weka kiasi kamili kuanzia 1 hadi 100,000.", "مبلغی صحیح از 1 تا 100,000 وارد کنید.";
        order_currency: "Choose BUSD or USDT: the currencies orders accept.",
            "Chagua BUSD au USDT: sarafu zinazokubaliwa na oda.",
            "BUSD یا USDT را انتخاب کنید: ارزهایی که سفارش‌ها می‌پذیرند.";
        unknown_currency: "Choose one of btc, eth, usdt_trc20, usdt_erc20 or xrp.",
            "Chagua mojawapo ya btc, eth, usdt_trc20, usdt_erc20 au xrp.",
            "یکی از btc، eth، usdt_trc20، usdt_erc20 یا xrp را انتخاب کنید.";
        usd_limit: "A payment asks for less than 1,000,000 USD.",
            "Malipo huomba chini ya USD 1,000,000.",
            "هر پرداخت کمتر از 1,000,000 USD درخواست می‌کند.";
        usd_number: "Enter the amount in USD as a number, like 12.5.",
            "Weka kiasi kwa USD kama namba, kama 12.5.",
            "مبلغ به USD را به صورت عدد وارد کنید، مانند 12.5.";
        usd_decimals: "Use at most 2 decimals for the amount in USD.",
            "Tumia desimali zisizozidi 2 kwa kiasi kwa USD.",
            "برای مبلغ به USD حداکثر 2 رقم اعشار به کار ببرید.";
        usd_digits: "Use a smaller amount for the amount in USD: at most 12 digits before the point.",
            "Tumia kiasi kidogo zaidi kwa USD: tarakimu zisizozidi 12 kabla ya nukta.",
            "مبلغ کوچک‌تری به USD به کار ببرید: حداکثر 12 رقم پیش از ممیز.";
        usd_zero: "Enter the amount in USD above zero.", "Weka kiasi kwa USD kilicho juu ya sifuri.", "مبلغ به USD را بیشتر از صفر وارد کنید.";
        expires_range: "Choose between 1 and 1,440 minutes (a day).",
            "Chagua kati ya dakika 1 na 1,440 (siku moja).",
            "عددی بین 1 تا 1,440 دقیقه (یک روز) انتخاب کنید.";
        memo_digits: "Enter the destination tag: digits only, up to 4294967295.",
            "Weka lebo ya mpokeaji: tarakimu tu, hadi 4294967295.",
            "تگ مقصد را وارد کنید: فقط رقم، تا 4294967295.";
        memo_needed: "This network needs the destination tag (memo) the receiver gave you.",
            "Mtandao huu unahitaji lebo ya mpokeaji (memo) uliyopewa na mpokeaji.",
            "این شبکه به تگ مقصد (memo) که گیرنده به شما داده است نیاز دارد.";
        memo_unwanted: "This network takes no memo; leave it empty.",
            "Mtandao huu haupokei memo; iache tupu.",
            "این شبکه memo نمی‌پذیرد؛ آن را خالی بگذارید.";
        btc_prefix: "A Bitcoin address here starts with bc1 (a segwit address on the main network).",
            "Anwani ya Bitcoin hapa inaanza na bc1 (anwani ya segwit kwenye mtandao mkuu).",
            "نشانی Bitcoin در اینجا با bc1 شروع می‌شود (نشانی segwit در شبکهٔ اصلی).";
        btc_network: "This is not a main-network Bitcoin address.",
            "Hii si anwani ya Bitcoin ya mtandao mkuu.",
            "این نشانی Bitcoin شبکهٔ اصلی نیست.";
        btc_typo: "This Bitcoin address has a typo: its checksum does not match.",
            "Anwani hii ya Bitcoin ina kosa: tarakimu zake za ukaguzi hazilingani.",
            "این نشانی Bitcoin اشتباه دارد: کد کنترلی آن مطابقت ندارد.";
        eth_prefix: "An Ethereum address starts with 0x.", "Anwani ya Ethereum inaanza na 0x.", "نشانی Ethereum با 0x شروع می‌شود.";
        eth_form: "An Ethereum address is 0x and 40 hexadecimal characters.",
            "Anwani ya Ethereum ni 0x na herufi 40 za heksadesimali.",
            "نشانی Ethereum شامل 0x و 40 نویسهٔ هگزادسیمال است.";
        eth_typo: "This Ethereum address has a typo: its EIP-55 checksum does not match.",
            "Anwani hii ya Ethereum ina kosa: checksum yake ya EIP-55 hailingani.",
            "این نشانی Ethereum اشتباه دارد: checksum EIP-55 آن مطابقت ندارد.";
        tron_form: "A TRON address starts with T and has 34 characters.",
            "Anwani ya TRON inaanza na T na ina herufi 34.",
            "نشانی TRON با T شروع می‌شود و 34 نویسه دارد.";
        xrp_form: "An XRP address starts with r and has 25 to 35 characters.",
            "Anwani ya XRP inaanza na r na ina herufi 25 hadi 35.",
            "نشانی XRP با r شروع می‌شود و 25 تا 35 نویسه دارد.";
        stellar_form: "A Stellar account is G and 55 more characters, and this one's checksum does not match.",
            "Akaunti ya Stellar ni G na herufi 55 zaidi, na checksum ya hii hailingani.",
            "حساب Stellar شامل G و 55 نویسهٔ دیگر است و checksum این یکی مطابقت ندارد.";
        address_length: "This address has the wrong length for its network.",
            "Anwani hii ina urefu usio sahihi kwa mtandao wake.",
            "طول این نشانی برای شبکه‌اش نادرست است.";
        address_typo: "This address has a typo: its checksum does not match.",
            "Anwani hii ina kosa: tarakimu zake za ukaguzi hazilingani.",
            "این نشانی اشتباه دارد: کد کنترلی آن مطابقت ندارد.";

        smallest_payment: "The smallest payment is {n} Rials.", "Malipo madogo kabisa ni Riali {n}.", "کمترین پرداخت {n} ریال است.";
        largest_payment: "The largest payment is {n} Rials.", "Malipo makubwa kabisa ni Riali {n}.", "بیشترین پرداخت {n} ریال است.";
    }
}

impl ProblemText {
    /// A message of `kitty_api`'s checks in this page's language (those the other areas run too
    /// from [`LabelText`], [`UrlText`] and [`CoinAmountText`]); a message it does not know, as it
    /// is.
    pub fn say(english: &str) -> String {
        translate(&Self::EN.messages(), &Self::get().messages(), english)
            .or_else(|| LabelText::say(english))
            .or_else(|| UrlText::say(english).map(str::to_string))
            .or_else(|| CoinAmountText::say(english))
            .unwrap_or_else(|| english.to_string())
    }

    /// Each field's message in this page's language.
    pub fn fields(found: FieldErrors) -> FieldErrors {
        found
            .into_iter()
            .map(|(field, message)| {
                let message = Self::say(&message);
                (field, message)
            })
            .collect()
    }

    fn messages(&self) -> [&'static str; 40] {
        [
            self.shop_name_blank,
            self.order_reference_blank,
            self.what_is_sold_blank,
            self.details_blank,
            self.website,
            self.phone,
            self.owner_name,
            self.card_blank,
            self.card_length,
            self.card_typo,
            self.card_bank,
            self.shaba_form,
            self.shaba_typo,
            self.choose_shop,
            self.choose_card,
            self.order_amount,
            self.order_currency,
            self.unknown_currency,
            self.usd_limit,
            self.usd_number,
            self.usd_decimals,
            self.usd_digits,
            self.usd_zero,
            self.expires_range,
            self.memo_digits,
            self.memo_needed,
            self.memo_unwanted,
            self.btc_prefix,
            self.btc_network,
            self.btc_typo,
            self.eth_prefix,
            self.eth_form,
            self.eth_typo,
            self.tron_form,
            self.xrp_form,
            self.stellar_form,
            self.address_length,
            self.address_typo,
            self.smallest_payment,
            self.largest_payment,
        ]
    }
}
