//! Phrases of the ramp pages (see `crate::i18n`).

use kitty_api::ramp::{QuoteStatus, RampKind, RampStatus};

crate::catalogue! {
    /// The ramp area's frame and what its pages share (`pages::ramp`'s own module): the tabs, the
    /// call to set partner credentials, the checks on phone numbers, amounts and callbacks, and
    /// the words for a transaction's kind, status and M-Pesa result. Every ramp bundle (Ramp,
    /// RampChain, Developers) carries it, so it stays small.
    pub struct RampFrameText {
        overview: "Overview", "Muhtasari", "نمای کلی";
        deposit: "Deposit", "Weka pesa", "واریز";
        send: "Send", "Tuma", "ارسال";
        wallets: "Wallets", "Pochi", "کیف پول‌ها";
        verification: "Verification", "Uthibitisho", "احراز هویت";
        quotes: "Quotes", "Nukuu za bei", "استعلام نرخ";
        history: "History", "Historia", "تاریخچه";
        developers: "Developers", "Wasanidi", "توسعه‌دهندگان";

        partner_needed_title: "Set your partner credentials first",
            "Weka kwanza vitambulisho vyako vya mshirika",
            "ابتدا اطلاعات ورود شریک را تنظیم کنید";
        partner_needed_body: "The ramp works for a Kotani Pay partner: a phone number, a country (Kenya or Ghana) and a password. They decide your wallet's currency and which phone numbers you can use.",
            "Ramp inafanya kazi kwa mshirika wa Kotani Pay: namba ya simu, nchi (Kenya au Ghana) na nenosiri. Hivi ndivyo huamua sarafu ya pochi yako na namba za simu unazoweza kutumia.",
            "رمپ برای یک شریک Kotani Pay کار می‌کند: یک شمارهٔ تلفن، یک کشور (کنیا یا غنا) و یک گذرواژه. این‌ها ارز کیف پول شما و شماره‌هایی را که می‌توانید به کار ببرید تعیین می‌کنند.";
        set_partner: "Set partner credentials", "Weka vitambulisho vya mshirika", "تنظیم اطلاعات ورود شریک";

        amount_kes: "Amount (KES)", "Kiasi (KES)", "مبلغ (KES)";
        amount_ghs: "Amount (GHS)", "Kiasi (GHS)", "مبلغ (GHS)";
        phone_hint_ke: "With the country code, like 254712345678",
            "Pamoja na msimbo wa nchi, kwa mfano 254712345678",
            "با کد کشور، مثلاً 254712345678";
        phone_hint_gh: "With the country code, like 233241234567",
            "Pamoja na msimbo wa nchi, kwa mfano 233241234567",
            "با کد کشور، مثلاً 233241234567";
        enter_amount: "Enter an amount, like 150.", "Weka kiasi, kwa mfano 150.", "مبلغی وارد کنید، مثلاً 150.";
        enter_whole: "Enter a whole amount, like 150.", "Weka kiasi kamili bila senti, kwa mfano 150.", "مبلغی بدون اعشار وارد کنید، مثلاً 150.";
        amount_like: "Enter an amount like 150 or 150.50.", "Weka kiasi kama 150 au 150.50.", "مبلغی مانند 150 یا 150.50 وارد کنید.";
        amount_range: "Send between 1 and 250,000 at a time.", "Tuma kati ya 1 na 250,000 kwa mara moja.", "هر بار بین 1 تا 250,000 ارسال کنید.";
        phone_invalid: "Enter the number with the country code, like {code}712345678.",
            "Weka namba pamoja na msimbo wa nchi, kwa mfano {code}712345678.",
            "شماره را با کد کشور وارد کنید، مثلاً {code}712345678.";
        callback_invalid: "Enter an http(s) address, like https://example.com/kotani.",
            "Weka anwani ya http(s), kwa mfano https://example.com/kotani.",
            "یک نشانی http(s) وارد کنید، مثلاً https://example.com/kotani.";

        bank: "Bank", "Benki", "بانک";
        paybill_to: "Paybill {number} · account {account}", "Paybill {number} · akaunti {account}", "Paybill {number} · حساب {account}";
        till_to: "Till {till}", "Till {till}", "Till {till}";

        status_pending: "Pending", "Inasubiri", "در انتظار";
        status_successful: "Successful", "Imefanikiwa", "موفق";
        status_failed: "Failed", "Imeshindwa", "ناموفق";

        kind_deposit: "Deposit by M-Pesa", "Kuweka pesa kwa M-Pesa", "واریز با M-Pesa";
        kind_mobile: "Withdrawal to M-Pesa", "Kutoa pesa kwenda M-Pesa", "برداشت به M-Pesa";
        kind_bank: "Withdrawal to a bank", "Kutoa pesa kwenda benki", "برداشت به بانک";
        kind_paybill: "Paybill payment", "Malipo ya Paybill", "پرداخت Paybill";
        kind_till: "Till payment", "Malipo ya Till", "پرداخت Till";
        kind_cashout: "Stablecoins to M-Pesa", "Stablecoin kwenda M-Pesa", "استیبل‌کوین به M-Pesa";
        kind_purchase: "cUSD bought", "cUSD imenunuliwa", "خرید cUSD";
        kind_cashin: "M-Pesa to USDT on TRON", "M-Pesa kwenda USDT kwenye TRON", "M-Pesa به USDT روی TRON";

        result_ok: "The request was processed successfully.", "Ombi limeshughulikiwa kwa mafanikio.", "درخواست با موفقیت انجام شد.";
        result_low_balance: "The M-Pesa balance was too low for this amount.",
            "Salio la M-Pesa halikutosha kwa kiasi hiki.",
            "موجودی M-Pesa برای این مبلغ کافی نبود.";
        result_cancelled: "You cancelled on your phone.", "Ulighairi kwenye simu yako.", "روی تلفن خود لغو کردید.";
        result_no_answer: "No answer from the phone in time.", "Simu haikujibu kwa wakati.", "تلفن به‌موقع پاسخی نداد.";
        result_wrong_pin: "The M-Pesa PIN was wrong.", "PIN ya M-Pesa haikuwa sahihi.", "رمز M-Pesa اشتباه بود.";
        result_other: "M-Pesa could not complete the request.", "M-Pesa imeshindwa kukamilisha ombi.", "M-Pesa نتوانست درخواست را انجام دهد.";
    }
}

impl RampFrameText {
    /// A transaction's kind, as `RampKind::label` says it in English.
    pub fn kind(&self, kind: RampKind) -> &'static str {
        match kind {
            RampKind::Deposit => self.kind_deposit,
            RampKind::MobileWithdrawal => self.kind_mobile,
            RampKind::BankWithdrawal => self.kind_bank,
            RampKind::Paybill => self.kind_paybill,
            RampKind::Till => self.kind_till,
            RampKind::CryptoCashout => self.kind_cashout,
            RampKind::CryptoPurchase => self.kind_purchase,
            RampKind::CryptoCashin => self.kind_cashin,
        }
    }

    /// A transaction's status, as `RampStatus::label` says it in English.
    pub fn status(&self, status: RampStatus) -> &'static str {
        match status {
            RampStatus::Pending => self.status_pending,
            RampStatus::Successful => self.status_successful,
            RampStatus::Failed => self.status_failed,
        }
    }

    /// What an M-Pesa result code means, as `kitty_api::ramp::result_text` says it in English.
    pub fn result(&self, code: i64) -> &'static str {
        match code {
            0 => self.result_ok,
            1 => self.result_low_balance,
            1032 => self.result_cancelled,
            1037 => self.result_no_answer,
            2001 => self.result_wrong_pin,
            _ => self.result_other,
        }
    }
}

crate::catalogue! {
    /// A ramp transaction followed live (`pages::ramp::status`), and the words of a transaction's
    /// facts that the ramp pages share. The RampChain bundle's cash-outs use it too.
    pub struct RampStatusText {
        waiting_for: "Waiting for {phone} to approve {amount} on the phone.",
            "Inasubiri {phone} aidhinishe {amount} kwenye simu.",
            "در انتظار تأیید {amount} از سوی {phone} روی تلفن.";
        waiting_phone: "Waiting for the phone to approve {amount} on the phone.",
            "Inasubiri simu iidhinishe {amount}.",
            "در انتظار تأیید {amount} روی تلفن.";
        sending: "Sending {amount}. This takes a few seconds.",
            "Inatuma {amount}. Hii huchukua sekunde chache.",
            "در حال ارسال {amount}. چند ثانیه طول می‌کشد.";
        received: "Received {amount}.", "{amount} zimepokelewa.", "{amount} دریافت شد.";
        sent: "Sent {amount}.", "{amount} zimetumwa.", "{amount} ارسال شد.";
        could_not_load: "Could not load the status.", "Imeshindwa kupakia hali.", "بارگذاری وضعیت ممکن نشد.";
        checking: "Checking the status…", "Inakagua hali…", "در حال بررسی وضعیت…";
        start_another: "Start another", "Anza nyingine", "شروع یکی دیگر";
        back_to_form: "Back to the form", "Rudi kwenye fomu", "بازگشت به فرم";
        open_phone: "Open the simulated phone", "Fungua simu ya kuigiza", "باز کردن تلفن شبیه‌سازی‌شده";
        new_tab: " (opens in a new tab)", " (inafunguka kwenye kichupo kipya)", " (در زبانهٔ تازه باز می‌شود)";
        see_details: "See details", "Ona maelezo", "مشاهدهٔ جزئیات";
        trying_again: "{error} Trying again…", "{error} Inajaribu tena…", "{error} در حال تلاش دوباره…";

        status: "Status", "Hali", "وضعیت";
        amount: "Amount", "Kiasi", "مبلغ";
        fee: "Fee", "Ada", "کارمزد";
        from: "From", "Kutoka", "از";
        to: "To", "Kwenda", "به";
        result: "Result", "Matokeo", "نتیجه";
        with_code: "{text} (code {code})", "{text} (msimbo {code})", "{text} (کد {code})";
        request_id: "Request id", "Kitambulisho cha ombi", "شناسهٔ درخواست";
        request_id_what: "request id", "kitambulisho cha ombi", "شناسهٔ درخواست";
        external_id: "External id", "Kitambulisho cha nje", "شناسهٔ خارجی";
        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
    }
}

crate::catalogue! {
    /// The Ramp bundle's own pages: the overview, deposits, payouts, quotes, history, a
    /// transaction's page and the simulated phone. One catalogue for them all: the bundle carries
    /// every one of these pages anyway, and they share many words.
    pub struct RampText {
        // Overview
        wallet: "Wallet ({currency})", "Pochi ({currency})", "کیف پول ({currency})";
        available: "Available", "Inapatikana", "موجود";
        incoming: "Incoming", "Zinazoingia", "ورودی";
        outgoing: "Outgoing", "Zinazotoka", "خروجی";
        incoming_outgoing: "Incoming: deposits waiting for the phone to approve. Outgoing: payouts on their way.",
            "Zinazoingia: amana zinazosubiri kuidhinishwa kwenye simu. Zinazotoka: malipo yaliyo njiani.",
            "ورودی: واریزهایی که منتظر تأیید روی تلفن‌اند. خروجی: پرداخت‌هایی که در راه‌اند.";
        send_money: "Send money", "Tuma pesa", "ارسال پول";
        latest: "Latest transactions", "Miamala ya hivi karibuni", "آخرین تراکنش‌ها";
        see_all: "See all", "Ona yote", "مشاهدهٔ همه";
        no_transactions_yet: "No transactions yet", "Bado hakuna miamala", "هنوز تراکنشی نیست";
        deposit_to_fill: "Deposit by M-Pesa to fill the wallet. ",
            "Weka pesa kwa M-Pesa ili kujaza pochi. ",
            "با M-Pesa واریز کنید تا کیف پول پر شود. ";
        make_deposit: "Make a deposit", "Weka pesa", "واریز کنید";

        // Deposit
        enter_quote_id: "Enter the id of an accepted quote.",
            "Weka kitambulisho cha nukuu iliyokubaliwa.",
            "شناسهٔ یک استعلام پذیرفته‌شده را وارد کنید.";
        deposit_intro: "The phone gets an M-Pesa prompt. The money reaches your wallet once its owner approves with their PIN.",
            "Simu inapokea ombi la M-Pesa. Pesa zinafika kwenye pochi yako mara mwenye simu anapoidhinisha kwa PIN yake.",
            "تلفن یک درخواست M-Pesa دریافت می‌کند. پول وقتی به کیف پول شما می‌رسد که صاحب تلفن با رمزش تأیید کند.";
        deposit_sandbox: "Sandbox: every number is a simulated phone holding KES 50,000.00. Approve the prompt there with PIN 1234; any other PIN fails.",
            "Sandbox: kila namba ni simu ya kuigiza yenye KES 50,000.00. Idhinisha ombi huko kwa PIN 1234; PIN nyingine yoyote itashindwa.",
            "محیط آزمایشی: هر شماره یک تلفن شبیه‌سازی‌شده با KES 50,000.00 موجودی است. درخواست را آنجا با رمز 1234 تأیید کنید؛ هر رمز دیگری ناموفق می‌شود.";
        phone_number: "Phone number", "Namba ya simu", "شمارهٔ تلفن";
        pay_for_quote: "Pay for an accepted quote", "Lipia nukuu iliyokubaliwa", "پرداخت برای یک استعلام پذیرفته‌شده";
        quote_id: "Quote id", "Kitambulisho cha nukuu", "شناسهٔ استعلام";
        quote_id_hint: "From Quotes, once accepted. The quote sets the amount.",
            "Kutoka Nukuu za bei, baada ya kukubaliwa. Nukuu ndiyo huweka kiasi.",
            "از بخش استعلام نرخ، پس از پذیرش. مبلغ را استعلام تعیین می‌کند.";
        whole_units_hint: "Whole units, 1 to 250,000", "Kiasi kamili, 1 hadi 250,000", "بدون اعشار، از 1 تا 250,000";
        your_reference_optional: "Your reference (optional)", "Kumbukumbu yako (si lazima)", "مرجع شما (اختیاری)";
        reference_hint: "Unique per deposit; find the deposit by it later",
            "Ya kipekee kwa kila amana; itumie kupata amana baadaye",
            "برای هر واریز یکتا؛ بعداً واریز را با آن پیدا کنید";
        callback_optional: "Callback address (optional)", "Anwani ya callback (si lazima)", "نشانی callback (اختیاری)";
        callback_hint_example: "The result is POSTed here, e.g. https://example.com/kotani",
            "Matokeo hutumwa hapa kwa POST, k.m. https://example.com/kotani",
            "نتیجه با POST به این نشانی فرستاده می‌شود، مثلاً https://example.com/kotani";
        callback_hint: "The result is POSTed here", "Matokeo hutumwa hapa kwa POST", "نتیجه با POST به این نشانی فرستاده می‌شود";
        sending_prompt: "Sending the prompt…", "Inatuma ombi…", "در حال ارسال درخواست…";
        send_prompt: "Send the M-Pesa prompt", "Tuma ombi la M-Pesa", "ارسال درخواست M-Pesa";

        // Send money
        available_amount: "Available: {amount}", "Inapatikana: {amount}", "موجود: {amount}";
        send_to: "Send to", "Tuma kwa", "ارسال به";
        send_sandbox: "Sandbox: payouts settle by themselves about 2 seconds after they are made. A payout to a phone number ending in 0000 fails, and the money returns to the wallet.",
            "Sandbox: malipo hukamilika yenyewe takriban sekunde 2 baada ya kufanywa. Malipo kwa namba ya simu inayoishia na 0000 hushindwa, na pesa hurudi kwenye pochi.",
            "محیط آزمایشی: پرداخت‌ها حدود 2 ثانیه پس از انجام، خودبه‌خود تسویه می‌شوند. پرداخت به شماره‌ای که به 0000 ختم شود ناموفق می‌شود و پول به کیف پول برمی‌گردد.";
        kenya_only: "Kenya only", "Kenya pekee", "فقط کنیا";
        kenya_only_body: "Paybill and till payments are M-Pesa services for partners in Kenya.",
            "Malipo ya Paybill na Till ni huduma za M-Pesa kwa washirika walioko Kenya.",
            "پرداخت Paybill و Till از خدمات M-Pesa برای شرکای مستقر در کنیا است.";
        send_to_mpesa: "Send to an M-Pesa phone", "Tuma kwa simu ya M-Pesa", "ارسال به تلفن M-Pesa";
        sending: "Sending…", "Inatuma…", "در حال ارسال…";
        choose_the_bank: "Choose the bank.", "Chagua benki.", "بانک را انتخاب کنید.";
        enter_account_name: "Enter the name on the account.", "Weka jina lililo kwenye akaunti.", "نام صاحب حساب را وارد کنید.";
        enter_account_number: "Enter the account number.", "Weka namba ya akaunti.", "شمارهٔ حساب را وارد کنید.";
        send_to_bank_account: "Send to a bank account", "Tuma kwa akaunti ya benki", "ارسال به حساب بانکی";
        choose_a_bank: "Choose a bank", "Chagua benki", "انتخاب بانک";
        account_name_label: "Name on the account", "Jina lililo kwenye akaunti", "نام صاحب حساب";
        account_number: "Account number", "Namba ya akaunti", "شمارهٔ حساب";
        send_to_bank: "Send to the bank", "Tuma kwa benki", "ارسال به بانک";
        no_fee: "No fee for this amount.", "Hakuna ada kwa kiasi hiki.", "این مبلغ کارمزد ندارد.";
        fee_preview: "Fee {fee}; {total} leaves your wallet.",
            "Ada {fee}; {total} zitatoka kwenye pochi yako.",
            "کارمزد {fee}؛ {total} از کیف پول شما کم می‌شود.";
        enter_business_number: "Enter the business number.", "Weka namba ya biashara.", "شمارهٔ کسب‌وکار را وارد کنید.";
        enter_business_account: "Enter the account number the business gave you.",
            "Weka namba ya akaunti uliyopewa na biashara.",
            "شمارهٔ حسابی را که کسب‌وکار به شما داده وارد کنید.";
        pay_paybill: "Pay a paybill", "Lipa kwa Paybill", "پرداخت به Paybill";
        business_number: "Business number", "Namba ya biashara", "شمارهٔ کسب‌وکار";
        business_reference_hint: "The reference the business gave you",
            "Kumbukumbu uliyopewa na biashara",
            "مرجعی که کسب‌وکار به شما داده است";
        decimal_hint: "Like 150 or 150.50", "Kama 150 au 150.50", "مانند 150 یا 150.50";
        review_payment: "Review the payment", "Kagua malipo", "بررسی پرداخت";
        confirm_payment: "Confirm the payment", "Thibitisha malipo", "تأیید پرداخت";
        no_fee_short: "None", "Hakuna", "ندارد";
        total_from_wallet: "Total from your wallet", "Jumla kutoka kwenye pochi yako", "مجموع برداشت از کیف پول شما";
        paying: "Paying…", "Inalipa…", "در حال پرداخت…";
        pay_total: "Pay {total}", "Lipa {total}", "پرداخت {total}";
        change: "Change", "Badilisha", "تغییر";
        enter_till: "Enter the till number.", "Weka namba ya Till.", "شمارهٔ Till را وارد کنید.";
        pay_till: "Pay a till", "Lipa kwa Till", "پرداخت به Till";
        till_free: "Till payments are free of charge.", "Malipo ya Till hayana ada.", "پرداخت به Till رایگان است.";
        till_number: "Till number", "Namba ya Till", "شمارهٔ Till";
        pay_free: "Pay (free of charge)", "Lipa (bila ada)", "پرداخت (رایگان)";

        // Quotes
        crypto_amount_like: "Enter an amount like 10 or 10.5 (up to 6 decimals).",
            "Weka kiasi kama 10 au 10.5 (hadi desimali 6).",
            "مقداری مانند 10 یا 10.5 وارد کنید (حداکثر 6 رقم اعشار).";
        more_than_zero: "Enter more than zero.", "Weka zaidi ya sifuri.", "مقداری بیشتر از صفر وارد کنید.";
        quote_accepted: "Quote accepted: its rate is yours until it expires.",
            "Nukuu imekubaliwa: kiwango chake ni chako hadi muda wake uishe.",
            "استعلام پذیرفته شد: نرخ آن تا زمان انقضا برای شما می‌ماند.";
        get_quote: "Get a quote", "Pata nukuu", "دریافت استعلام";
        direction: "Direction", "Mwelekeo", "جهت";
        cash_in_choice: "Cash in (fiat to crypto)", "Kuingiza pesa (fiat kwenda crypto)", "واریز نقدی (فیات به رمزارز)";
        cash_out_choice: "Cash out (crypto to fiat)", "Kutoa pesa (crypto kwenda fiat)", "برداشت نقدی (رمزارز به فیات)";
        fiat_amount: "Fiat amount to pay in", "Kiasi cha fiat cha kulipa", "مبلغ فیات برای پرداخت";
        fiat_amount_hint: "Like 1300 or 1300.50", "Kama 1300 au 1300.50", "مانند 1300 یا 1300.50";
        crypto_amount: "Crypto amount to cash out", "Kiasi cha crypto cha kutoa", "مقدار رمزارز برای نقد کردن";
        crypto_amount_hint: "Like 10 or 10.5", "Kama 10 au 10.5", "مانند 10 یا 10.5";
        fiat_currency: "Fiat currency", "Sarafu ya fiat", "ارز فیات";
        crypto: "Crypto", "Crypto", "رمزارز";
        getting_quote: "Getting a quote…", "Inapata nukuu…", "در حال دریافت استعلام…";
        your_quote: "Your quote", "Nukuu yako", "استعلام شما";
        your_quote_body: "A quote shows the rate, the fee and what you get. Its rate holds for a few minutes; accept it to use it with a deposit.",
            "Nukuu inaonyesha kiwango, ada na utakachopata. Kiwango chake hudumu kwa dakika chache; ikubali ili uitumie kuweka pesa.",
            "استعلام نرخ، کارمزد و آنچه دریافت می‌کنید را نشان می‌دهد. نرخ آن چند دقیقه معتبر است؛ برای استفاده در واریز، آن را بپذیرید.";
        cash_in_quote: "Cash in quote", "Nukuu ya kuingiza pesa", "استعلام واریز نقدی";
        cash_out_quote: "Cash out quote", "Nukuu ya kutoa pesa", "استعلام برداشت نقدی";
        fiat: "Fiat", "Fiat", "فیات";
        rate: "Rate", "Kiwango", "نرخ";
        you_get: "You get", "Unapata", "دریافتی شما";
        expires: "Expires", "Muda unaisha", "انقضا";
        quote_expired: "This quote has expired. Get a new one for a fresh rate.",
            "Muda wa nukuu hii umeisha. Pata nyingine upate kiwango kipya.",
            "این استعلام منقضی شده است. برای نرخ تازه، استعلام جدیدی بگیرید.";
        expires_in: "Expires in {time}", "Inaisha baada ya {time}", "{time} تا انقضا";
        accepted: "Accepted.", "Imekubaliwa.", "پذیرفته شد.";
        use_quote_id: " Use this quote id before it expires.",
            " Tumia kitambulisho hiki cha nukuu kabla muda wake haujaisha.",
            " پیش از انقضا از این شناسهٔ استعلام استفاده کنید.";
        quote_id_what: "quote id", "kitambulisho cha nukuu", "شناسهٔ استعلام";
        deposit_with_quote: "Deposit with this quote", "Weka pesa kwa nukuu hii", "واریز با این استعلام";
        accepting: "Accepting…", "Inakubali…", "در حال پذیرش…";
        accept_quote: "Accept this quote", "Kubali nukuu hii", "پذیرش این استعلام";
        quote_open: "Open", "Wazi", "باز";
        quote_accepted_status: "Accepted", "Imekubaliwa", "پذیرفته‌شده";
        quote_used: "Used", "Imetumika", "استفاده‌شده";
        quote_expired_status: "Expired", "Muda umeisha", "منقضی‌شده";

        // The simulated phone
        simulated_phone: "Simulated phone", "Simu ya kuigiza", "تلفن شبیه‌سازی‌شده";
        sandbox_only: "Only in sandbox mode", "Katika hali ya sandbox pekee", "فقط در محیط آزمایشی";
        sandbox_only_body: "The simulated phone stands in for a real one while no real money moves. Here the prompts go to real phones.",
            "Simu ya kuigiza inachukua nafasi ya simu halisi wakati hakuna pesa halisi zinazohamishwa. Hapa maombi huenda kwa simu halisi.",
            "تلفن شبیه‌سازی‌شده تا وقتی پول واقعی جابه‌جا نمی‌شود جای تلفن واقعی را می‌گیرد. اینجا درخواست‌ها به تلفن‌های واقعی می‌روند.";
        balance: "Balance {amount}", "Salio {amount}", "موجودی {amount}";
        requests: "Requests", "Maombi", "درخواست‌ها";
        no_requests: "No requests waiting.", "Hakuna maombi yanayosubiri.", "درخواستی در انتظار نیست.";
        messages: "Messages", "Jumbe", "پیام‌ها";
        no_messages: "No messages yet.", "Bado hakuna jumbe.", "هنوز پیامی نیست.";
        paid: "Paid {amount}.", "Umelipa {amount}.", "{amount} پرداخت شد.";
        pay_ask: "Pay {amount} to {payee}?", "Lipa {amount} kwa {payee}?", "{amount} به {payee} پرداخت شود؟";
        enter_pin_label: "Enter M-Pesa PIN", "Weka PIN ya M-Pesa", "رمز M-Pesa را وارد کنید";
        enter_pin: "Enter the PIN.", "Weka PIN.", "رمز را وارد کنید.";
        approve: "Approve", "Idhinisha", "تأیید";
        timed_out: "Timed out.", "Muda umeisha.", "مهلت تمام شد.";
        times_out_in: "Times out in {time}", "Muda unaisha baada ya {time}", "{time} تا پایان مهلت";

        // History and a transaction's page
        history_title: "Ramp history", "Historia ya Ramp", "تاریخچهٔ رمپ";
        filter: "Filter transactions", "Chuja miamala", "پالایش تراکنش‌ها";
        type_: "Type", "Kundi", "دسته";
        all: "All", "Zote", "همه";
        collections: "Collections (deposits)", "Makusanyo (amana)", "دریافت‌ها (واریزها)";
        payouts: "Payouts", "Malipo yanayotoka", "پرداخت‌ها";
        order: "Order", "Mpangilio", "ترتیب";
        newest_first: "Newest first", "Mpya kwanza", "جدیدترین اول";
        oldest_first: "Oldest first", "Za zamani kwanza", "قدیمی‌ترین اول";
        no_transactions_here: "No transactions here", "Hakuna miamala hapa", "اینجا تراکنشی نیست";
        history_empty_body: "Deposits and payouts show up here as soon as they are made. ",
            "Amana na malipo yanayotoka huonekana hapa mara tu yanapofanywa. ",
            "واریزها و پرداخت‌ها به‌محض انجام، اینجا نمایش داده می‌شوند. ";
        show_more: "Show more", "Onyesha zaidi", "نمایش بیشتر";
        enter_lookup_id: "Enter the id to look for.", "Weka kitambulisho unachotafuta.", "شناسه‌ای را که دنبالش هستید وارد کنید.";
        your_reference_external: "Your reference (external id)", "Kumbukumbu yako (kitambulisho cha nje)", "مرجع شما (شناسهٔ خارجی)";
        find_transaction: "Find a transaction", "Tafuta muamala", "یافتن تراکنش";
        look_up_by: "Look up by", "Tafuta kwa", "جست‌وجو بر اساس";
        id: "Id", "Kitambulisho", "شناسه";
        looking: "Looking…", "Inatafuta…", "در حال جست‌وجو…";
        find: "Find", "Tafuta", "یافتن";
        enter_till_request: "Enter the request id of a till payment.",
            "Weka kitambulisho cha ombi la malipo ya Till.",
            "شناسهٔ درخواست یک پرداخت Till را وارد کنید.";
        company_loading: "Your KiotaPay company id is still loading. Try again in a moment.",
            "Kitambulisho chako cha kampuni cha KiotaPay bado kinapakia. Jaribu tena baada ya muda mfupi.",
            "شناسهٔ شرکت KiotaPay شما هنوز در حال بارگذاری است. لحظه‌ای بعد دوباره امتحان کنید.";
        till_lookup: "KiotaPay till look-up", "Kutafuta malipo ya Till kwa KiotaPay", "جست‌وجوی پرداخت Till در KiotaPay";
        till_lookup_body: "What KiotaPay recorded for a till payment.",
            "Kile ambacho KiotaPay ilirekodi kwa malipo ya Till.",
            "آنچه KiotaPay برای یک پرداخت Till ثبت کرده است.";
        till_request_hint: "The request id of a till payment", "Kitambulisho cha ombi la malipo ya Till", "شناسهٔ درخواست یک پرداخت Till";
        look_up: "Look up", "Tafuta", "جست‌وجو";
        kiota_answer: "KiotaPay's answer", "Jibu la KiotaPay", "پاسخ KiotaPay";
        receipt: "Receipt", "Risiti", "رسید";
        receiver: "Receiver", "Mpokeaji", "گیرنده";
        response: "Response", "Jibu", "پاسخ";
        organisation: "Organisation", "Shirika", "سازمان";
        created: "Created", "Iliundwa", "زمان ایجاد";
        updated: "Updated", "Ilisasishwa", "زمان به‌روزرسانی";
        message: "Message", "Ujumbe", "پیام";
        transaction_title: "Ramp transaction", "Muamala wa Ramp", "تراکنش رمپ";
        not_settled: "Not settled yet", "Bado haujakamilika", "هنوز تسویه نشده";
        kind: "Kind", "Aina", "نوع";
        currency: "Currency", "Sarafu", "ارز";
        account_name: "Account name", "Jina la akaunti", "نام حساب";
        your_reference: "Your reference", "Kumbukumbu yako", "مرجع شما";
        callback: "Callback", "Callback", "Callback";
        mpesa_said: "M-Pesa said", "M-Pesa ilisema", "پاسخ M-Pesa";
    }
}

impl RampText {
    /// A quote's status, as `QuoteStatus::label` says it in English.
    pub fn quote_status(&self, status: QuoteStatus) -> &'static str {
        match status {
            QuoteStatus::Open => self.quote_open,
            QuoteStatus::Accepted => self.quote_accepted_status,
            QuoteStatus::Used => self.quote_used,
            QuoteStatus::Expired => self.quote_expired_status,
        }
    }
}
