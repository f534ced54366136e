//! The Account page.

use kitty_api::account::{KycStatus, NotificationCategory, NotificationChannel};

crate::catalogue! {
    pub struct AccountText {
        signed_out: "You are signed out.", "Umetoka.", "از حساب خارج شدید.";
        profile: "Profile", "Wasifu", "نمایه";
        name: "Name", "Jina", "نام";
        mobile: "Mobile", "Simu", "موبایل";
        email: "Email", "Barua pepe", "ایمیل";
        not_added: "Not added", "Haijaongezwa", "افزوده نشده";
        not_set: "Not set", "Haijawekwa", "تعیین نشده";
        merchant_id: "Merchant ID", "Kitambulisho cha mfanyabiashara", "شناسهٔ فروشنده";
        member_since: "Member since", "Mwanachama tangu", "عضو از";
        session: "Session", "Kikao", "نشست";
        session_note: "Signing out ends this session on the server, not just in this browser.",
            "Kutoka kunamaliza kikao hiki kwenye seva, si kwenye kivinjari hiki tu.",
            "خروج این نشست را روی سرور پایان می‌دهد، نه فقط در این مرورگر.";
        signing_out: "Signing out…", "Inatoka…", "در حال خروج…";
        sign_out: "Sign out", "Toka", "خروج";
        kyc: "Identity checks (KYC)", "Uthibitisho wa utambulisho (KYC)", "احراز هویت (KYC)";
        kyc_none_title: "No KYC records on file with a ramp partner.",
            "Hakuna rekodi za KYC kwa mshirika wa ramp.",
            "هیچ سابقهٔ KYC نزد شریک رمپ ثبت نشده است.";
        kyc_none_body: "A ramp partner's record is listed here when it holds your account's email.",
            "Rekodi ya mshirika wa ramp huonekana hapa inapokuwa na barua pepe ya akaunti yako.",
            "سابقهٔ یک شریک رمپ وقتی اینجا نمایش داده می‌شود که ایمیل حساب شما را داشته باشد.";
        kyc_caption: "KYC records on file with ramp partners", "Rekodi za KYC kwa washirika wa ramp", "سوابق KYC نزد شرکای رمپ";
        source: "Source", "Chanzo", "منبع";
        phone_number: "Phone number", "Namba ya simu", "شمارهٔ تلفن";
        first_name: "First name", "Jina la kwanza", "نام";
        last_name: "Last name", "Jina la mwisho", "نام خانوادگی";
        verified: "Verified", "Imethibitishwa", "تأییدشده";
        date: "Date", "Tarehe", "تاریخ";
        yes: "Yes", "Ndiyo", "بله";
        no: "No", "Hapana", "خیر";
        records_on_file: "Records on file", "Rekodi zilizopo", "سوابق ثبت‌شده";
        appearance: "Appearance", "Mwonekano", "ظاهر";
        theme_system: "Same as device", "Kama kifaa", "مانند دستگاه";
        theme_light: "Light", "Mwanga", "روشن";
        theme_dark: "Dark", "Giza", "تیره";
        password: "Password", "Nenosiri", "گذرواژه";
        password_changed: "Password changed. You stay signed in here; other devices were signed out.",
            "Nenosiri limebadilishwa. Unabaki umeingia hapa; vifaa vingine vimetolewa.",
            "گذرواژه تغییر کرد. اینجا وارد می‌مانید؛ دستگاه‌های دیگر خارج شدند.";
        current_password: "Current password", "Nenosiri la sasa", "گذرواژهٔ فعلی";
        new_password: "New password", "Nenosiri jipya", "گذرواژهٔ تازه";
        password_hint: "At least 6 characters", "Angalau herufi 6", "دست‌کم 6 نویسه";
        changing: "Changing…", "Inabadilisha…", "در حال تغییر…";
        change_password: "Change password", "Badilisha nenosiri", "تغییر گذرواژه";
        notifications: "Notifications", "Arifa", "اعلان‌ها";
        push_test: "Push test", "Jaribio la arifa", "آزمایش اعلان";
        send_test_push: "Send a test push", "Tuma arifa ya majaribio", "ارسال اعلان آزمایشی";
        devices: "Devices", "Vifaa", "دستگاه‌ها";
        devices_note: "Where you use Kitty. A forgotten device gets no pushes until Kitty opens on it again.",
            "Mahali unapotumia Kitty. Kifaa kilichosahaulika hakipati arifa hadi Kitty ifunguliwe juu yake tena.",
            "جاهایی که از Kitty استفاده می‌کنید. دستگاه فراموش‌شده تا وقتی Kitty دوباره روی آن باز نشود اعلانی نمی‌گیرد.";
        no_devices: "No devices yet", "Bado hakuna vifaa", "هنوز دستگاهی نیست";
        no_devices_body: "Each browser or phone you use Kitty on is listed here.",
            "Kila kivinjari au simu unayotumia Kitty huorodheshwa hapa.",
            "هر مرورگر یا تلفنی که با آن از Kitty استفاده می‌کنید اینجا فهرست می‌شود.";
        device_forgotten: "Device forgotten.", "Kifaa kimesahauliwa.", "دستگاه فراموش شد.";
        this_device: "This device", "Kifaa hiki", "این دستگاه";
        last_seen: "Last seen", "Ilionekana mwisho", "آخرین بازدید";
        forget: "Forget", "Sahau", "فراموش کن";
        kyc_not_verified: "Not verified", "Haijathibitishwa", "تأییدنشده";

        // Notification preferences.
        cat_deposits: "Deposits", "Amana", "واریزها";
        cat_spends: "Card payments", "Malipo ya kadi", "پرداخت‌های کارتی";
        cat_splits: "Split rules", "Kanuni za mgawanyo", "قواعد تقسیم";
        cat_chat: "Group chat", "Gumzo la kikundi", "گفت‌وگوی گروهی";
        cat_invitations: "Invitations and members", "Mialiko na wanachama", "دعوت‌ها و اعضا";
        cat_closure: "Closing a kitty", "Kufunga kitty", "بستن کیتی";
        ch_in_app: "In the app", "Ndani ya programu", "درون برنامه";
        ch_push: "Push", "Arifa za push", "اعلان پوش";
        pair_in_app: "{topic} in the app", "{topic} ndani ya programu", "{topic} درون برنامه";
        pair_push: "{topic} by push", "{topic} kwa arifa za push", "{topic} با اعلان پوش";
        pair_email: "{topic} by email", "{topic} kwa barua pepe", "{topic} با ایمیل";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        saved_on: "Saved: {what} is on.", "Imehifadhiwa: {what} imewashwa.", "ذخیره شد: {what} روشن است.";
        saved_off: "Saved: {what} is off.", "Imehifadhiwa: {what} imezimwa.", "ذخیره شد: {what} خاموش است.";
        not_saved: "Not saved: {error}", "Haijahifadhiwa: {error}", "ذخیره نشد: {error}";
        counting: "Counting your notifications…", "Inahesabu arifa zako…", "در حال شمارش اعلان‌های شما…";
        unread_of: "{unread} unread of {total} in your inbox.",
            "{unread} hazijasomwa kati ya {total} kwenye kikasha chako.",
            "{unread} خوانده‌نشده از {total} در صندوق پیام شما.";
        count_failed: "Could not count your notifications: {error}",
            "Imeshindwa kuhesabu arifa zako: {error}",
            "شمارش اعلان‌های شما ممکن نشد: {error}";
        prefs_empty_title: "Nothing to choose yet", "Bado hakuna cha kuchagua", "هنوز چیزی برای انتخاب نیست";
        prefs_empty_body: "The server offers no notification settings right now.",
            "Seva haitoi mipangilio ya arifa kwa sasa.",
            "سرور فعلاً تنظیمی برای اعلان‌ها ارائه نمی‌دهد.";
        prefs_caption: "Notifications you get, by topic and channel",
            "Arifa unazopokea, kwa mada na njia",
            "اعلان‌هایی که دریافت می‌کنید، بر پایهٔ موضوع و کانال";
        topic: "Topic", "Mada", "موضوع";

        // Push test.
        sending: "Sending…", "Inatuma…", "در حال ارسال…";
        push_sent: "Sent: it should appear in a moment.",
            "Imetumwa: inapaswa kuonekana baada ya muda mfupi.",
            "ارسال شد: باید تا لحظه‌ای دیگر نمایش داده شود.";
        not_sent: "Not sent: {error}", "Haijatumwa: {error}", "ارسال نشد: {error}";
        browser_unsupported: "This browser cannot show notifications, so pushes appear as messages in the app.",
            "Kivinjari hiki hakiwezi kuonyesha arifa, kwa hiyo arifa za push huonekana kama ujumbe ndani ya programu.",
            "این مرورگر نمی‌تواند اعلان نشان دهد، پس اعلان‌های پوش به‌صورت پیام درون برنامه نمایش داده می‌شوند.";
        browser_granted: "Browser notifications are allowed here.",
            "Arifa za kivinjari zimeruhusiwa hapa.",
            "اعلان‌های مرورگر اینجا مجازند.";
        browser_denied: "Browser notifications are blocked for this site; the browser's site settings can allow them.",
            "Arifa za kivinjari zimezuiwa kwa tovuti hii; mipangilio ya tovuti kwenye kivinjari inaweza kuziruhusu.",
            "اعلان‌های مرورگر برای این سایت مسدود است؛ در تنظیمات سایتِ مرورگر می‌توانید اجازه‌شان را بدهید.";
        browser_not_yet: "Browser notifications are not allowed yet.",
            "Arifa za kivinjari bado hazijaruhusiwa.",
            "اعلان‌های مرورگر هنوز مجاز نشده‌اند.";
        push_sandbox: "In the sandbox, pushes arrive over the app's live connection: they appear as a browser notification when you allow them, otherwise as a message in the app.",
            "Katika mazingira ya majaribio, arifa za push hufika kupitia muunganisho hai wa programu: huonekana kama arifa ya kivinjari ukiziruhusu, la sivyo kama ujumbe ndani ya programu.",
            "در محیط آزمایشی، اعلان‌های پوش از راه اتصال زندهٔ برنامه می‌رسند: اگر اجازه دهید به‌صورت اعلان مرورگر نمایش داده می‌شوند، وگرنه به‌صورت پیام درون برنامه.";
        allow_browser: "Allow browser notifications", "Ruhusu arifa za kivinjari", "اجازه دادن به اعلان‌های مرورگر";

        // Devices.
        unknown_device: "Unknown device", "Kifaa kisichojulikana", "دستگاه ناشناخته";
        platform_web: "Web", "Wavuti", "وب";
        unknown_platform: "Unknown platform", "Jukwaa lisilojulikana", "پلتفرم ناشناخته";
        app_version: "version {v}", "toleo {v}", "نسخهٔ {v}";
        push_on: "push on", "arifa za push zimewashwa", "اعلان پوش روشن";
        forget_this_question: "Forget this device? It is listed again the next time Kitty opens here.",
            "Usahau kifaa hiki? Kitaorodheshwa tena Kitty itakapofunguliwa hapa wakati ujao.",
            "این دستگاه فراموش شود؟ دفعهٔ بعد که Kitty اینجا باز شود دوباره فهرست می‌شود.";
        forget_question: "Forget {name}? It gets no pushes until Kitty opens on it again.",
            "Usahau {name}? Hakitapata arifa za push hadi Kitty ifunguliwe juu yake tena.",
            "{name} فراموش شود؟ تا وقتی Kitty دوباره روی آن باز نشود اعلان پوشی نمی‌گیرد.";

        // Platform admins: blocking customers.
        admin_block: "Admin: block customers", "Msimamizi: zuia wateja", "مدیر: مسدود کردن مشتریان";
        admin_block_note: "A blocked customer is signed out everywhere at once and cannot sign in until unblocked. Their kitties stay readable for the other members.",
            "Mteja aliyezuiwa hutolewa kila mahali papo hapo na hawezi kuingia hadi zuio liondolewe. Kitty zake zinaendelea kusomeka kwa wanachama wengine.",
            "مشتری مسدودشده بی‌درنگ از همه‌جا خارج می‌شود و تا رفع مسدودیت نمی‌تواند وارد شود. کیتی‌هایش برای اعضای دیگر همچنان قابل مشاهده می‌مانند.";
        find_customers: "Find customers", "Tafuta wateja", "یافتن مشتریان";
        customer_query: "Name, mobile or email", "Jina, simu au barua pepe", "نام، موبایل یا ایمیل";
        customer_query_hint: "At least 3 characters", "Angalau herufi 3", "دست‌کم 3 نویسه";
        customer_query_length: "Type 3 to 100 characters.", "Andika herufi 3 hadi 100.", "3 تا 100 نویسه بنویسید.";
        search: "Search", "Tafuta", "جست‌وجو";
        no_customers: "No customers match", "Hakuna mteja anayelingana", "هیچ مشتری‌ای پیدا نشد";
        no_customers_body: "Try part of a name, a mobile number or an email address.",
            "Jaribu sehemu ya jina, namba ya simu au anwani ya barua pepe.",
            "بخشی از یک نام، شمارهٔ موبایل یا نشانی ایمیل را امتحان کنید.";
        no_contact: "No mobile number or email", "Hakuna namba ya simu wala barua pepe", "بدون شمارهٔ موبایل و ایمیل";
        customer_blocked: "{name} is blocked and signed out everywhere.",
            "{name} amezuiwa na ametolewa kila mahali.",
            "{name} مسدود شد و از همه‌جا خارج شد.";
        customer_unblocked: "{name} can sign in again.", "{name} anaweza kuingia tena.", "{name} دوباره می‌تواند وارد شود.";
        block_question: "Block {name}? They are signed out everywhere at once and cannot sign in until unblocked.",
            "Umzuie {name}? Atatolewa kila mahali papo hapo na hataweza kuingia hadi zuio liondolewe.",
            "{name} مسدود شود؟ بی‌درنگ از همه‌جا خارج می‌شود و تا رفع مسدودیت نمی‌تواند وارد شود.";
        you: " (you)", " (wewe)", " (شما)";
        blocked: "Blocked", "Amezuiwa", "مسدود";
        block: "Block", "Zuia", "مسدود کردن";
        unblock: "Unblock", "Ondoa zuio", "رفع مسدودیت";
    }
}

impl AccountText {
    /// A KYC status, as the person reads it.
    pub fn kyc_status(&self, status: KycStatus) -> &'static str {
        match status {
            KycStatus::Verified => self.verified,
            KycStatus::Unverified => self.kyc_not_verified,
        }
    }

    /// A notification topic, as the preferences table names it.
    pub fn category(&self, category: NotificationCategory) -> &'static str {
        match category {
            NotificationCategory::Deposits => self.cat_deposits,
            NotificationCategory::Spends => self.cat_spends,
            NotificationCategory::Splits => self.cat_splits,
            NotificationCategory::Chat => self.cat_chat,
            NotificationCategory::Invitations => self.cat_invitations,
            NotificationCategory::Closure => self.cat_closure,
        }
    }

    /// A way notifications arrive, as the preferences table's header names it.
    pub fn channel(&self, channel: NotificationChannel) -> &'static str {
        match channel {
            NotificationChannel::InApp => self.ch_in_app,
            NotificationChannel::Push => self.ch_push,
            NotificationChannel::Email => self.email,
        }
    }

    /// "Deposits by email": one box of the preferences, in words.
    pub fn pair(&self, category: NotificationCategory, channel: NotificationChannel) -> String {
        let template = match channel {
            NotificationChannel::InApp => self.pair_in_app,
            NotificationChannel::Push => self.pair_push,
            NotificationChannel::Email => self.pair_email,
        };
        super::fill(template, &[("topic", self.category(category))])
    }
}
