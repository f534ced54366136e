//! The signed-in app's frame (the main navigation) and Home.

crate::catalogue! {
    pub struct ShellText {
        nav_main: "Main", "Kuu", "اصلی";
        home: "Home", "Mwanzo", "خانه";
        kitties: "Kitties", "Kitty", "کیتی‌ها";
        merchant: "Merchant", "Mfanyabiashara", "فروشنده";
        ramp: "Ramp", "Ramp", "رمپ";
        inbox: "Inbox", "Kikasha", "صندوق پیام";
        account: "Account", "Akaunti", "حساب";

        hi: "Hi, {name}", "Habari, {name}", "سلام {name}";
        your_kitties: "Your kitties", "Kitty zako", "کیتی‌های شما";
        all_kitties: "All kitties", "Kitty zote", "همهٔ کیتی‌ها";
        and_more_one: "and 1 more kitty", "na kitty 1 zaidi", "و 1 کیتی دیگر";
        and_more_other: "and {n} more kitties", "na kitty {n} zaidi", "و {n} کیتی دیگر";
        unread: "{n} unread", "{n} hazijasomwa", "{n} خوانده‌نشده";
        open_inbox: "Open inbox", "Fungua kikasha", "باز کردن صندوق پیام";
        nothing_new: "Nothing new. Deposits, card payments and invitations will appear here.",
            "Hakuna jipya. Amana, malipo ya kadi na mialiko vitaonekana hapa.",
            "خبر تازه‌ای نیست. واریزها، پرداخت‌های کارتی و دعوت‌ها اینجا نمایش داده می‌شوند.";
        personal: "Personal", "Binafsi", "شخصی";
        available: "available", "inapatikana", "موجود";
        members_one: "1 member", "mwanachama 1", "1 عضو";
        members_other: "{n} members", "wanachama {n}", "{n} عضو";
        start_title: "Pool money with friends", "Changisha pesa na marafiki", "با دوستان پول جمع کنید";
        start_body: "Start a kitty for a trip, a flat or a gift: everyone pays in, the kitty's card pays, and every cost is split exactly.",
            "Anzisha kitty kwa safari, nyumba au zawadi: kila mtu anachangia, kadi ya kitty inalipa, na kila gharama inagawanywa kwa usahihi.",
            "برای یک سفر، یک خانه یا یک هدیه کیتی بسازید: همه پول می‌گذارند، کارت کیتی پرداخت می‌کند و هر هزینه دقیق تقسیم می‌شود.";
        start_kitty: "Start a kitty", "Anzisha kitty", "ساختن کیتی";
        /// A kitty's status on Home (the Kitties pages say it with `KittyText`).
        closing: "Closing", "Inafungwa", "در حال بسته شدن";
        closed: "Closed", "Imefungwa", "بسته";
        skip_to_content: "Skip to content", "Ruka hadi maudhui", "رفتن به محتوا";
        loading_kitty: "Loading Kitty…", "Inapakia Kitty…", "در حال بارگذاری Kitty…";
    }
}

impl ShellText {
    /// A kitty's name as shown: the personal kitty the server names "Personal" is called that
    /// in the page's language.
    pub fn kitty_name(&self, name: &str, is_personal: bool) -> String {
        if is_personal && name.eq_ignore_ascii_case("personal") {
            self.personal.to_string()
        } else {
            name.to_string()
        }
    }

    /// The main navigation's label for `href`.
    pub fn nav_label(&self, href: &str) -> &'static str {
        match href {
            "/" => self.home,
            "/kitties" => self.kitties,
            "/merchant" => self.merchant,
            "/ramp" => self.ramp,
            "/inbox" => self.inbox,
            _ => self.account,
        }
    }

    /// `one` for 1, else `other`, with `{n}` filled in (English, Swahili and Persian all have
    /// these two forms for these words), in Persian digits when chosen.
    pub fn count(n: i64, one: &str, other: &str) -> String {
        let form = if n == 1 { one } else { other };
        let text = super::fill(form, &[("n", &n.to_string())]);
        super::digits(&text)
    }
}

crate::catalogue! {
    /// The inbox page and its items.
    pub struct InboxText {
        deposit: "Deposit", "Amana", "واریز";
        expense: "Expense", "Matumizi", "هزینه";
        payment: "Payment", "Malipo", "پرداخت";
        invitation: "Invitation", "Mwaliko", "دعوت";
        kitty: "Kitty", "Kitty", "کیتی";
        done: "Done.", "Imekamilika.", "انجام شد.";
        mark_read: "Mark as read", "Weka kuwa imesomwa", "علامت‌گذاری به‌عنوان خوانده‌شده";
        mark_read_named: "Mark as read: {title}", "Weka kuwa imesomwa: {title}", "علامت‌گذاری به‌عنوان خوانده‌شده: {title}";
        unread_prefix: "Unread: ", "Haijasomwa: ", "خوانده‌نشده: ";
        all_caught_up: "All caught up: every notification is marked as read.",
            "Umemaliza: kila arifa imewekwa kuwa imesomwa.",
            "همه خوانده شد: همهٔ اعلان‌ها خوانده‌شده علامت خوردند.";
        mark_all_read: "Mark all as read", "Weka zote kuwa zimesomwa", "علامت‌گذاری همه به‌عنوان خوانده‌شده";
        empty_title: "No notifications yet", "Bado hakuna arifa", "هنوز اعلانی نیست";
        empty_body: "Deposits, card payments, paid links and invitations will show up here.",
            "Amana, malipo ya kadi, viungo vilivyolipwa na mialiko vitaonekana hapa.",
            "واریزها، پرداخت‌های کارتی، پیوندهای پرداخت‌شده و دعوت‌ها اینجا نمایش داده می‌شوند.";
        count_one: "1 notification, {unread} unread", "Arifa 1, {unread} hazijasomwa", "1 اعلان، {unread} خوانده‌نشده";
        count_other: "{n} notifications, {unread} unread", "Arifa {n}, {unread} hazijasomwa", "{n} اعلان، {unread} خوانده‌نشده";
    }
}

crate::catalogue! {
    /// What every page can show: waiting, failing, offline, a new version.
    pub struct CommonText {
        loading: "Loading…", "Inapakia…", "در حال بارگذاری…";
        still_loading: "Still loading…", "Bado inapakia…", "هنوز در حال بارگذاری…";
        taking_long: "This is taking longer than usual.", "Hii inachukua muda zaidi kuliko kawaida.", "این بیش از معمول طول می‌کشد.";
        stopped: "Stopped waiting.", "Umeacha kusubiri.", "انتظار متوقف شد.";
        cancel: "Cancel", "Ghairi", "لغو";
        try_again: "Try again", "Jaribu tena", "دوباره امتحان کنید";
        seem_offline: "You seem to be offline", "Inaonekana huna mtandao", "به نظر می‌رسد آفلاین هستید";
        offline: "You're offline", "Huna mtandao", "آفلاین هستید";
        offline_title: "Offline", "Nje ya mtandao", "آفلاین";
        never_opened_here: "This page has not been opened on this device yet, so it needs a connection. Pages you have opened before still work.",
            "Ukurasa huu bado haujafunguliwa kwenye kifaa hiki, kwa hiyo unahitaji mtandao. Kurasa ulizowahi kufungua bado zinafanya kazi.",
            "این صفحه هنوز روی این دستگاه باز نشده است، پس به اینترنت نیاز دارد. صفحه‌هایی که پیش‌تر باز کرده‌اید همچنان کار می‌کنند.";
        stopped_title: "Stopped waiting", "Umeacha kusubiri", "انتظار متوقف شد";
        not_found: "Not found", "Haikupatikana", "پیدا نشد";
        no_access: "No access", "Huna ruhusa", "بدون دسترسی";
        went_wrong: "Something went wrong", "Kuna hitilafu", "مشکلی پیش آمد";
        could_not_load: "Could not load this", "Imeshindwa kupakia hiki", "بارگذاری نشد";
        new_version: "A new version of Kitty is ready.", "Toleo jipya la Kitty liko tayari.", "نسخهٔ تازه‌ای از Kitty آماده است.";
        updating: "Updating…", "Inasasisha…", "در حال به‌روزرسانی…";
        reload_to_update: "Reload to update", "Pakia upya kusasisha", "بارگذاری دوباره برای به‌روزرسانی";
        unreachable_as_of: "Can't reach Kitty — showing what was loaded at {time}.",
            "Imeshindwa kufikia Kitty — inaonyesha kilichopakiwa saa {time}.",
            "دسترسی به Kitty ممکن نیست — آنچه در {time} بارگذاری شده بود نمایش داده می‌شود.";
        offline_as_of: "You're offline — showing what was loaded at {time}.",
            "Huna mtandao — inaonyesha kilichopakiwa saa {time}.",
            "آفلاین هستید — آنچه در {time} بارگذاری شده بود نمایش داده می‌شود.";
        offline_no_copy: "You're offline. Changes need a connection.",
            "Huna mtandao. Mabadiliko yanahitaji muunganisho.",
            "آفلاین هستید. تغییرات به اتصال نیاز دارند.";
    }
}

crate::catalogue! {
    /// The page a referral link opens (`/join/{code}`).
    pub struct JoinText {
        title: "Join a kitty", "Jiunge na kitty", "پیوستن به کیتی";
        eyebrow: "Kitty", "Kitty", "کیتی";
        heading: "Join {name}", "Jiunge na {name}", "پیوستن به {name}";
        about: "{starter} started this kitty. It has {members} and keeps its money in {currency}.",
            "{starter} alianzisha kitty hii. Ina {members} na huhifadhi pesa zake kwa {currency}.",
            "{starter} این کیتی را ساخته است. {members} دارد و پولش را به {currency} نگه می‌دارد.";
        what_is_it: "A kitty is money a group holds together, with its own account and card. Joining lets you see its balance and activity, and your deposits and shares of card payments count toward it.",
            "Kitty ni pesa ambazo kikundi hushikilia pamoja, yenye akaunti na kadi yake. Ukijiunga utaona salio na shughuli zake, na amana zako na sehemu zako za malipo ya kadi zitahesabiwa humo.",
            "کیتی پولی است که گروهی با هم نگه می‌دارند، با حساب و کارت خودش. با پیوستن، موجودی و فعالیت آن را می‌بینید و واریزها و سهم شما از پرداخت‌های کارتی در آن حساب می‌شود.";
        closing: "This kitty is closing, so it takes no new members.",
            "Kitty hii inafungwa, kwa hiyo haipokei wanachama wapya.",
            "این کیتی در حال بسته شدن است و عضو تازه نمی‌پذیرد.";
        checking: "Checking your session…", "Inakagua kikao chako…", "در حال بررسی نشست شما…";
        join_as: "Join as {name}", "Jiunge kama {name}", "پیوستن با نام {name}";
        create_to_join: "Create an account to join", "Fungua akaunti ili ujiunge", "برای پیوستن حساب بسازید";
        sign_in: "Sign in", "Ingia", "ورود";
        not_now: "Not now", "Si sasa", "اکنون نه";
        nothing_shared: " — nothing is shared with the kitty until you join.",
            " — hakuna kinachoshirikiwa na kitty hadi ujiunge.",
            " — تا وقتی نپیوندید چیزی با کیتی به اشتراک گذاشته نمی‌شود.";
    }
}

crate::catalogue! {
    /// The page for an address that is nobody's.
    pub struct NotFoundText {
        title: "Page not found", "Ukurasa haupatikani", "صفحه پیدا نشد";
        heading: "This page does not exist", "Ukurasa huu haupo", "این صفحه وجود ندارد";
        body: "The link may be old, or the address mistyped.",
            "Huenda kiungo ni cha zamani, au anwani imekosewa.",
            "شاید پیوند قدیمی باشد یا نشانی اشتباه نوشته شده باشد.";
        home: "Go to your dashboard", "Nenda kwenye dashibodi yako", "رفتن به پیشخوان";
    }
}
