//! Phrases of the kitties pages (see `crate::i18n`).

use super::validate::LabelText;
use super::{digits, fill, lang, pieces, Lang, Piece};
use kitty_api::billing::{BillingEventKind, Plan};
use kitty_api::kitty::{CardStatus, KittyStatus, TxKind};
use kitty_api::life::CardOrderStatus;

crate::catalogue! {
    /// A kitty's frame (header, tabs, banners) and what several of its tabs share: statuses,
    /// kinds of transaction, copy buttons.
    pub struct KittyText {
        tab_activity: "Activity", "Shughuli", "فعالیت";
        tab_chat: "Chat", "Gumzo", "گفتگو";
        tab_moments: "Moments", "Matukio", "لحظه‌ها";
        tab_members: "Members", "Wanachama", "اعضا";
        tab_split: "Split", "Mgawanyo", "تقسیم";
        tab_card: "Card", "Kadi", "کارت";
        tab_settings: "Settings", "Mipangilio", "تنظیمات";
        tab_transaction: "Transaction", "Muamala", "تراکنش";
        kitty: "Kitty", "Kitty", "کیتی";
        unread: " unread", " hazijasomwa", " خوانده‌نشده";
        closing_banner: "This kitty is closing.", "Kitty hii inafungwa.", "این کیتی در حال بسته شدن است.";
        card_frozen: " The card is frozen. ", " Kadi imesimamishwa. ", " کارت مسدود شده است. ";
        see_closure: "See the closure", "Angalia ufungaji", "مشاهدهٔ روند بستن";
        closed_banner: "This kitty is closed.", "Kitty hii imefungwa.", "این کیتی بسته شده است.";
        history_stays: " Its history stays here.", " Historia yake inabaki hapa.", " سابقهٔ آن اینجا می‌ماند.";
        goal_progress: "Goal progress", "Maendeleo ya lengo", "پیشرفت هدف";
        goal_of: "{pct}% of {amount}", "{pct}% ya {amount}", "{pct}٪ از {amount}";
        deposit_to: "Deposit to", "Weka pesa kwa", "واریز به";
        account: "Account ", "Akaunti ", "حساب ";
        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
        account_number: "account number", "namba ya akaunti", "شمارهٔ حساب";
        available: " available", " inapatikana", " موجود";
        details_toggle: "Deposit details and card", "Maelezo ya kuweka pesa na kadi", "جزئیات واریز و کارت";
        status_active: "Active", "Hai", "فعال";
        status_closing: "Closing", "Inafungwa", "در حال بسته شدن";
        status_closed: "Closed", "Imefungwa", "بسته";
        card_status_frozen: "Frozen", "Imesimamishwa", "مسدود";
        deposit: "Deposit", "Amana", "واریز";
        deposit_unassigned: "Deposit · unassigned", "Amana · haijapewa mwanachama", "واریز · تخصیص‌نیافته";
        deposit_from: "Deposit · {name}", "Amana · {name}", "واریز · {name}";
        card_payment: "Card payment", "Malipo ya kadi", "پرداخت کارتی";
        refund: "Refund", "Marejesho", "بازگشت وجه";
        payout: "Payout", "Malipo kwa mwanachama", "پرداخت به عضو";
        plan_fee: "Plan fee", "Ada ya mpango", "هزینهٔ طرح";
    }
}

impl KittyText {
    pub fn kitty_status(&self, s: KittyStatus) -> &'static str {
        match s {
            KittyStatus::Active => self.status_active,
            KittyStatus::Closing => self.status_closing,
            KittyStatus::Closed => self.status_closed,
        }
    }

    pub fn card_status(&self, s: CardStatus) -> &'static str {
        match s {
            CardStatus::Active => self.status_active,
            CardStatus::Frozen => self.card_status_frozen,
            CardStatus::Closed => self.status_closed,
        }
    }

    /// What a movement of money is, as `TxKind::label` says it in English.
    pub fn tx_kind(&self, k: TxKind) -> &'static str {
        match k {
            TxKind::Deposit => self.deposit,
            TxKind::Expense => self.card_payment,
            TxKind::Refund => self.refund,
            TxKind::Payout => self.payout,
            TxKind::Fee => self.plan_fee,
        }
    }
}

crate::catalogue! {
    /// The Kitties page: the list, its filters and the new kitty form.
    pub struct ListText {
        all_transactions: "All transactions", "Miamala yote", "همهٔ تراکنش‌ها";
        filter: "Filter kitties", "Chuja kitty", "فیلتر کیتی‌ها";
        search_by_name: "Search by name", "Tafuta kwa jina", "جستجو بر اساس نام";
        status: "Status", "Hali", "وضعیت";
        any: "Any", "Yoyote", "همه";
        none_match: "No kitties match", "Hakuna kitty inayolingana", "کیتی‌ای پیدا نشد";
        none_match_body: "Change the filters, or create a kitty.", "Badilisha vichujio, au unda kitty.", "فیلترها را تغییر دهید یا یک کیتی بسازید.";
        goal_of: "{have} of {want}", "{have} kati ya {want}", "{have} از {want}";
        new_kitty: "New kitty", "Kitty mpya", "کیتی تازه";
        kitty_name: "Kitty name", "Jina la kitty", "نام کیتی";
        name_hint: "For example: Weekend in Kish", "Kwa mfano: Wikendi Mombasa", "مثلاً: آخر هفته در کیش";
        currency: "Currency", "Sarafu", "ارز";
        goal_optional: "Goal (optional)", "Lengo (si lazima)", "هدف (اختیاری)";
        description_optional: "Description (optional)", "Maelezo (si lazima)", "توضیحات (اختیاری)";
        creating: "Creating…", "Inaunda…", "در حال ساختن…";
        create: "Create kitty", "Unda kitty", "ساختن کیتی";
    }
}

crate::catalogue! {
    /// Kitty invitations waiting for an answer (the Kitties page and Home).
    pub struct InvitationsText {
        joined: "You joined the kitty.", "Umejiunga na kitty.", "به کیتی پیوستید.";
        declined: "Invitation declined.", "Mwaliko umekataliwa.", "دعوت رد شد.";
        heading: "Invitations", "Mialiko", "دعوت‌ها";
        from: "From {name}", "Kutoka kwa {name}", "از طرف {name}";
        accept: "Accept", "Kubali", "پذیرفتن";
        decline: "Decline", "Kataa", "رد کردن";
    }
}

crate::catalogue! {
    /// The Activity tab, all transactions, and a transaction's page.
    pub struct ActivityText {
        no_activity: "No activity yet", "Bado hakuna shughuli", "هنوز فعالیتی نیست";
        no_activity_body: "Deposits to the account and payments with the card show up here.",
            "Amana kwenye akaunti na malipo kwa kadi huonekana hapa.",
            "واریزها به حساب و پرداخت‌ها با کارت اینجا نمایش داده می‌شوند.";
        show_more: "Show more", "Onyesha zaidi", "نمایش بیشتر";
        assigned: "Deposit assigned to {name}.", "Amana imekabidhiwa kwa {name}.", "واریز به {name} تخصیص داده شد.";
        unassigned: "Unassigned deposits", "Amana zisizo na mwenyewe", "واریزهای تخصیص‌نیافته";
        unassigned_body: "The sender's name matched no member. Say whose money it is.",
            "Jina la mtumaji halikulingana na mwanachama yeyote. Sema pesa hizi ni za nani.",
            "نام فرستنده با هیچ عضوی جور نشد. بگویید این پول مال کیست.";
        from: "From {sender} · {time}", "Kutoka kwa {sender} · {time}", "از {sender} · {time}";
        member_for: "Member for the deposit from {sender}", "Mwanachama wa amana kutoka kwa {sender}", "عضو مربوط به واریز از {sender}";
        choose_member: "Choose member", "Chagua mwanachama", "انتخاب عضو";
        assign: "Assign", "Kabidhi", "تخصیص";
        refund_mirrors: "This refund mirrors the split of {link}. To change it, change that payment's split.",
            "Marejesho haya yanafuata mgawanyo wa {link}. Ili kuubadilisha, badilisha mgawanyo wa malipo hayo.",
            "این بازگشت وجه از تقسیمِ {link} پیروی می‌کند. برای تغییر آن، تقسیم همان پرداخت را تغییر دهید.";
        the_payment: "the card payment it undoes", "malipo ya kadi yanayorejeshwa", "پرداخت کارتی‌ای که برمی‌گرداند";
        refund_default: "This refund names no card payment, so it was split by the kitty's default rule on {time}.",
            "Marejesho haya hayataji malipo yoyote ya kadi, kwa hiyo yaligawanywa kwa kanuni ya kawaida ya kitty tarehe {time}.",
            "این بازگشت وجه به هیچ پرداخت کارتی اشاره نمی‌کند، پس در {time} با قاعدهٔ پیش‌فرض کیتی تقسیم شد.";
        frozen: "Closure has started, so the splits are frozen.",
            "Ufungaji umeanza, kwa hiyo migawanyo imesimamishwa.",
            "بستن آغاز شده است، پس تقسیم‌ها قفل شده‌اند.";
        split_saved: "Split saved.", "Mgawanyo umehifadhiwa.", "تقسیم ذخیره شد.";
        info_saved: "Note and category saved.", "Dokezo na kundi vimehifadhiwa.", "یادداشت و دسته ذخیره شد.";
        custom_split: " · custom split", " · mgawanyo maalum", " · تقسیم سفارشی";
        belongs_to: "Belongs to {name}.", "Ni ya {name}.", "متعلق به {name}.";
        not_assigned: "Not assigned to a member yet.", "Bado haijakabidhiwa kwa mwanachama.", "هنوز به عضوی تخصیص داده نشده است.";
        note_and_category: "Note and category", "Dokezo na kundi", "یادداشت و دسته";
        note: "Note", "Dokezo", "یادداشت";
        category: "Category", "Kundi", "دسته";
        category_hint: "For example: Food, Transport", "Kwa mfano: Chakula, Usafiri", "مثلاً: غذا، حمل‌ونقل";
        save: "Save", "Hifadhi", "ذخیره";
        no_note: "No note.", "Hakuna dokezo.", "یادداشتی نیست.";
    }
}

crate::catalogue! {
    /// The Members tab: the members' totals, leaving, and inviting.
    pub struct MembersText {
        role_updated: "Role updated.", "Jukumu limesasishwa.", "نقش به‌روز شد.";
        removed: "Member removed.", "Mwanachama ameondolewa.", "عضو حذف شد.";
        paid_out_toast: "Paid out. They can leave now, settled.",
            "Amelipwa. Sasa anaweza kuondoka, hesabu zake zimekamilika.",
            "پرداخت شد. اکنون حسابش تسویه است و می‌تواند خارج شود.";
        left_kitty: "You left the kitty.", "Umeondoka kwenye kitty.", "از کیتی خارج شدید.";
        asked: "Admins were asked to make you an admin.", "Wasimamizi wameombwa wakufanye msimamizi.", "از مدیران خواسته شد شما را مدیر کنند.";
        admin_requests: "Admin requests", "Maombi ya usimamizi", "درخواست‌های مدیریت";
        make_admin: "Make admin", "Fanya msimamizi", "مدیر کردن";
        make_member: "Make member", "Fanya mwanachama", "عضو عادی کردن";
        member: "Member", "Mwanachama", "عضو";
        deposited: "Deposited", "Kilichowekwa", "واریزشده";
        spent: "Spent", "Kilichotumika", "خرج‌شده";
        paid_out: "Paid out", "Kilicholipwa", "پرداخت‌شده";
        balance: "Balance", "Salio", "مانده";
        actions: "Actions", "Vitendo", "اقدامات";
        you: " (you)", " (wewe)", " (شما)";
        role_left: "left", "ameondoka", "خارج‌شده";
        role_admin: "admin", "msimamizi", "مدیر";
        pay_out: "Pay out", "Lipa", "پرداخت";
        remove_confirm: "Remove this member from the kitty?", "Ungependa kumwondoa mwanachama huyu kwenye kitty?", "این عضو از کیتی حذف شود؟";
        remove: "Remove", "Ondoa", "حذف";
        unassigned: "Unassigned deposits: {amount}", "Amana zisizo na mwenyewe: {amount}", "واریزهای تخصیص‌نیافته: {amount}";
        available: "Available: {amount}", "Inapatikana: {amount}", "موجود: {amount}";
        balances: "Balances", "Salio", "مانده‌ها";
        balances_chart: "Each member's balance", "Salio la kila mwanachama", "ماندهٔ هر عضو";
        ask_admin: "Ask to be admin", "Omba kuwa msimamizi", "درخواست مدیر شدن";
        leave_confirm: "Leave this kitty?", "Ungependa kuondoka kwenye kitty hii?", "از این کیتی خارج می‌شوید؟";
        leave: "Leave kitty", "Ondoka kwenye kitty", "خروج از کیتی";
        only_member: "You are the only member, so there is no one to hand the kitty to. To end it, close it from the Settings tab.",
            "Wewe ndiye mwanachama pekee, kwa hiyo hakuna wa kumkabidhi kitty. Ili kuimaliza, ifunge kutoka kichupo cha Mipangilio.",
            "شما تنها عضو هستید، پس کسی نیست که کیتی را به او بسپارید. برای پایان دادن به آن، از زبانهٔ تنظیمات آن را ببندید.";
        only_admin: "You are the only admin, so you cannot leave yet. Make another member an admin first (Make admin, next to their name); then you can leave.",
            "Wewe ndiye msimamizi pekee, kwa hiyo huwezi kuondoka bado. Kwanza mfanye mwanachama mwingine msimamizi (Fanya msimamizi, kando ya jina lake); kisha unaweza kuondoka.",
            "شما تنها مدیر هستید، پس هنوز نمی‌توانید خارج شوید. اول عضو دیگری را مدیر کنید («مدیر کردن»، کنار نامش)؛ سپس می‌توانید خارج شوید.";
        owed_own: "You still have {amount} in this kitty. An admin pays it out from the Members tab (or it is paid out at closure); then you can leave.",
            "Bado una {amount} kwenye kitty hii. Msimamizi atakulipa kutoka kichupo cha Wanachama (au utalipwa wakati wa kufunga); kisha unaweza kuondoka.",
            "هنوز {amount} در این کیتی دارید. مدیر آن را از زبانهٔ اعضا پرداخت می‌کند (یا هنگام بستن پرداخت می‌شود)؛ سپس می‌توانید خارج شوید.";
        owed_other: "{name} still has {amount} in this kitty. An admin pays it out from the Members tab (or it is paid out at closure); then they can leave.",
            "{name} bado ana {amount} kwenye kitty hii. Msimamizi atamlipa kutoka kichupo cha Wanachama (au atalipwa wakati wa kufunga); kisha anaweza kuondoka.",
            "{name} هنوز {amount} در این کیتی دارد. مدیر آن را از زبانهٔ اعضا پرداخت می‌کند (یا هنگام بستن پرداخت می‌شود)؛ سپس می‌تواند خارج شود.";
        owes_own: "You owe the kitty {amount}. Deposit it to the kitty's account with your name as the sender; then you can leave.",
            "Unadaiwa {amount} na kitty. Weka kiasi hicho kwenye akaunti ya kitty ukitumia jina lako kama mtumaji; kisha unaweza kuondoka.",
            "{amount} به کیتی بدهکارید. آن را با نام خودتان به‌عنوان فرستنده به حساب کیتی واریز کنید؛ سپس می‌توانید خارج شوید.";
        owes_other: "{name} owes the kitty {amount}. Deposit it to the kitty's account with their name as the sender; then they can leave.",
            "{name} anadaiwa {amount} na kitty. Kiasi hicho kiwekwe kwenye akaunti ya kitty kwa jina lake kama mtumaji; kisha anaweza kuondoka.",
            "{name} مبلغ {amount} به کیتی بدهکار است. آن را با نام او به‌عنوان فرستنده به حساب کیتی واریز کنید؛ سپس می‌تواند خارج شود.";
        invitation_sent: "Invitation sent to {contact}.", "Mwaliko umetumwa kwa {contact}.", "دعوت برای {contact} فرستاده شد.";
        invite_people: "Invite people", "Alika watu", "دعوت از دیگران";
        anyone: "Anyone with this link can join.", "Yeyote mwenye kiungo hiki anaweza kujiunga.", "هر کس این پیوند را داشته باشد می‌تواند بپیوندد.";
        join_link: "join link", "kiungo cha kujiunga", "پیوند پیوستن";
        qr_alt: "QR code of the join link", "Msimbo wa QR wa kiungo cha kujiunga", "کد QR پیوند پیوستن";
        invite_by: "Invite by mobile or email", "Alika kwa simu au barua pepe", "دعوت با موبایل یا ایمیل";
        send_invitation: "Send invitation", "Tuma mwaliko", "ارسال دعوت";
        waiting: "Waiting for an answer", "Inasubiri jibu", "در انتظار پاسخ";
    }
}

crate::catalogue! {
    /// The Split tab and the Settings tab (details and the closure).
    pub struct SettingsText {
        default_saved: "Default split saved. New card payments follow it.",
            "Mgawanyo wa kawaida umehifadhiwa. Malipo mapya ya kadi yataufuata.",
            "تقسیم پیش‌فرض ذخیره شد. پرداخت‌های کارتی تازه از آن پیروی می‌کنند.";
        default_split: "Default split", "Mgawanyo wa kawaida", "تقسیم پیش‌فرض";
        default_body: "Every card payment and refund is shared this way. An admin can change any single one on its page.",
            "Kila malipo ya kadi na marejesho hugawanywa hivi. Msimamizi anaweza kubadilisha lolote kati yake kwenye ukurasa wake.",
            "هر پرداخت کارتی و بازگشت وجه این‌گونه تقسیم می‌شود. مدیر می‌تواند هر کدام را جداگانه در صفحهٔ خودش تغییر دهد.";
        only_admins: "Only admins can change the kitty or close it.", "Wasimamizi pekee wanaweza kubadilisha kitty au kuifunga.", "فقط مدیران می‌توانند کیتی را تغییر دهند یا ببندند.";
        saved: "Saved.", "Imehifadhiwa.", "ذخیره شد.";
        details: "Details", "Maelezo", "جزئیات";
        name: "Name", "Jina", "نام";
        description: "Description", "Maelezo", "توضیحات";
        goal: "Goal (empty for none)", "Lengo (acha wazi kama hakuna)", "هدف (برای نداشتن هدف خالی بگذارید)";
        save_details: "Save details", "Hifadhi maelezo", "ذخیرهٔ جزئیات";
        paid_out_to: "Paid out to {members}.", "Imelipwa kwa {members}.", "به {members} پرداخت شد.";
        closure_started: "Closure started: the card is frozen.", "Ufungaji umeanza: kadi imesimamishwa.", "بستن آغاز شد: کارت مسدود شد.";
        kitty_closed: "The kitty is closed.", "Kitty imefungwa.", "کیتی بسته شد.";
        closure_cancelled: "Closure cancelled: the kitty is active again.", "Ufungaji umeghairiwa: kitty iko hai tena.", "بستن لغو شد: کیتی دوباره فعال است.";
        close_heading: "Close the kitty", "Funga kitty", "بستن کیتی";
        close_intro: "Closing freezes the card, pays each member what they have left, and then closes the kitty for good. You can cancel until the last step.",
            "Kufunga kunasimamisha kadi, kunamlipa kila mwanachama kilichobaki chake, kisha kunafunga kitty kabisa. Unaweza kughairi hadi hatua ya mwisho.",
            "بستن، کارت را مسدود می‌کند، باقی‌ماندهٔ هر عضو را به او می‌پردازد و سپس کیتی را برای همیشه می‌بندد. تا پیش از آخرین مرحله می‌توانید لغو کنید.";
        start_confirm: "Start closing? The card stops working at once.", "Uanze kufunga? Kadi itaacha kufanya kazi mara moja.", "بستن آغاز شود؟ کارت بی‌درنگ از کار می‌افتد.";
        start: "Start closing", "Anza kufunga", "آغاز بستن";
        step_started: "Closure started; the card is frozen.", "Ufungaji umeanza; kadi imesimamishwa.", "بستن آغاز شده است؛ کارت مسدود است.";
        step_pay: "Pay out what each member has left:", "Mlipe kila mwanachama kilichobaki chake:", "باقی‌ماندهٔ هر عضو را بپردازید:";
        receives: "receives {amount}", "anapokea {amount}", "{amount} دریافت می‌کند";
        owes: "owes {amount}", "anadaiwa {amount}", "{amount} بدهکار است";
        unassigned: "{amount} in deposits is unassigned. Assign it on the Activity tab first.",
            "{amount} za amana hazijakabidhiwa kwa mtu. Zikabidhi kwanza kwenye kichupo cha Shughuli.",
            "{amount} از واریزها تخصیص نیافته است. اول در زبانهٔ فعالیت آن را تخصیص دهید.";
        owes_hint: "Whoever owes deposits that amount to the kitty's account with their name as the sender; then everyone else can be paid out.",
            "Anayedaiwa aweke kiasi hicho kwenye akaunti ya kitty kwa jina lake kama mtumaji; kisha wengine wote wanaweza kulipwa.",
            "هر کس بدهکار است همان مبلغ را با نام خودش به‌عنوان فرستنده به حساب کیتی واریز کند؛ سپس به بقیه پرداخت می‌شود.";
        nothing_left: "Nothing left to pay out.", "Hakuna kilichobaki cha kulipa.", "چیزی برای پرداخت باقی نمانده است.";
        pay_out: "Pay out balances", "Lipa salio", "پرداخت مانده‌ها";
        step_close: "Close for good (only when nothing is left).", "Funga kabisa (pale tu ambapo hakuna kilichobaki).", "بستن برای همیشه (فقط وقتی چیزی باقی نمانده باشد).";
        close_confirm: "Close the kitty permanently?", "Ufunge kitty kabisa?", "کیتی برای همیشه بسته شود؟";
        close: "Close kitty", "Funga kitty", "بستن کیتی";
        cancel: "Cancel closing", "Ghairi kufunga", "لغو بستن";
    }
}

crate::catalogue! {
    /// The split editor (a kitty's default split and a transaction's).
    pub struct SplitText {
        evenly: "Evenly", "Sawasawa", "مساوی";
        by_shares: "By shares", "Kwa hisa", "بر اساس سهم";
        by_percent: "By percent", "Kwa asilimia", "بر اساس درصد";
        by_amount: "By amount", "Kwa kiasi", "بر اساس مبلغ";
        whole_number: "{name}: enter a whole number.", "{name}: weka namba kamili.", "{name}: یک عدد صحیح وارد کنید.";
        shares_unit: "shares", "hisa", "سهم";
        value_for: "{unit} for {name}", "{unit} kwa {name}", "{unit} برای {name}";
        share_by: "Share by", "Gawanya kwa", "تقسیم بر اساس";
        shares: "Shares", "Migao", "سهم‌ها";
        example: "Example: {amount}", "Mfano: {amount}", "نمونه: {amount}";
        total: "Total ", "Jumla ", "جمع ";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        save: "Save split", "Hifadhi mgawanyo", "ذخیرهٔ تقسیم";
    }
}

crate::catalogue! {
    /// The Card tab: the card, the physical card's order, the account to deposit to.
    pub struct CardText {
        physical: "Physical card", "Kadi halisi", "کارت فیزیکی";
        deposit_account: "Deposit account", "Akaunti ya kuweka pesa", "حساب واریز";
        frozen_note: "Frozen while the kitty closes: the card can't be used.",
            "Imesimamishwa wakati kitty inafungwa: kadi haiwezi kutumika.",
            "تا بسته شدن کیتی مسدود است: از کارت نمی‌توان استفاده کرد.";
        closed_note: "Closed with the kitty.", "Imefungwa pamoja na kitty.", "همراه کیتی بسته شد.";
        number: "Number", "Namba", "شماره";
        expires: "Expires", "Mwisho wa matumizi", "انقضا";
        name_on_card: "Name on card", "Jina kwenye kadi", "نام روی کارت";
        status: "Status", "Hali", "وضعیت";
        admin_can_order: " An admin can order one.", " Msimamizi anaweza kuagiza moja.", " مدیر می‌تواند یکی سفارش دهد.";
        none_ordered: "No physical card has been ordered yet.", "Bado hakuna kadi halisi iliyoagizwa.", "هنوز کارت فیزیکی سفارش داده نشده است.";
        ordered_on: "Ordered", "Iliagizwa", "تاریخ سفارش";
        delivery_to: "Delivery to", "Itafikishwa", "تحویل به";
        order_ordered: "Ordered", "Imeagizwa", "سفارش داده شد";
        order_shipped: "Shipped", "Imetumwa", "ارسال شد";
        order_delivered: "Delivered", "Imefikishwa", "تحویل شد";
        address_changed: "Delivery address changed.", "Anwani ya kufikisha imebadilishwa.", "نشانی تحویل تغییر کرد.";
        card_ordered: "Physical card ordered.", "Kadi halisi imeagizwa.", "کارت فیزیکی سفارش داده شد.";
        check_fields: "Check the highlighted fields.", "Angalia sehemu zilizoangaziwa.", "فیلدهای مشخص‌شده را بررسی کنید.";
        change_address: "Change the delivery address", "Badilisha anwani ya kufikisha", "تغییر نشانی تحویل";
        order: "Order a physical card", "Agiza kadi halisi", "سفارش کارت فیزیکی";
        active_only: "A physical card can be ordered only while the kitty is active.",
            "Kadi halisi inaweza kuagizwa tu wakati kitty iko hai.",
            "کارت فیزیکی فقط تا وقتی کیتی فعال است سفارش داده می‌شود.";
        australia: "Cards are posted within Australia.", "Kadi hutumwa kwa posta ndani ya Australia.", "کارت‌ها داخل استرالیا پست می‌شوند.";
        line1: "Address line 1", "Anwani, mstari wa 1", "نشانی، خط 1";
        line2: "Address line 2 (optional)", "Anwani, mstari wa 2 (si lazima)", "نشانی، خط 2 (اختیاری)";
        suburb: "Suburb", "Mtaa", "محله";
        state: "State or territory", "Jimbo au eneo", "ایالت یا قلمرو";
        choose: "Choose…", "Chagua…", "انتخاب کنید…";
        postcode: "Postcode", "Msimbo wa posta", "کد پستی";
        save_address: "Save the address", "Hifadhi anwani", "ذخیرهٔ نشانی";
        order_card: "Order the card", "Agiza kadi", "سفارش کارت";
        transfer: "Transfer to this account to add money to the kitty.",
            "Hamisha pesa kwenda akaunti hii ili kuongeza pesa kwenye kitty.",
            "برای افزودن پول به کیتی، به این حساب انتقال دهید.";
        account_name: "Account name", "Jina la akaunti", "نام حساب";
        account_name_what: "account name", "jina la akaunti", "نام حساب";
        account_number: "Account number", "Namba ya akaunti", "شمارهٔ حساب";
    }
}

impl CardText {
    pub fn order_status(&self, s: CardOrderStatus) -> &'static str {
        match s {
            CardOrderStatus::Ordered => self.order_ordered,
            CardOrderStatus::Shipped => self.order_shipped,
            CardOrderStatus::Delivered => self.order_delivered,
        }
    }
}

crate::catalogue! {
    /// The Chat tab.
    pub struct ChatText {
        new_one: "1 new message", "Ujumbe 1 mpya", "1 پیام تازه";
        new_other: "{n} new messages", "Jumbe {n} mpya", "{n} پیام تازه";
        messages: "Messages", "Jumbe", "پیام‌ها";
        load_older: "Load older", "Pakia za zamani", "بارگذاری قدیمی‌ترها";
        empty: "No messages yet — say hello", "Bado hakuna jumbe — sema habari", "هنوز پیامی نیست — سلام کنید";
        empty_body: "Every member of the kitty sees what is written here.",
            "Kila mwanachama wa kitty huona kinachoandikwa hapa.",
            "همهٔ اعضای کیتی آنچه را اینجا نوشته می‌شود می‌بینند.";
        new_messages: "New messages ↓", "Jumbe mpya ↓", "پیام‌های تازه ↓";
        read_only: "This kitty is closed; its chat is read-only.", "Kitty hii imefungwa; gumzo lake ni la kusoma tu.", "این کیتی بسته شده است؛ گفتگوی آن فقط‌خواندنی است.";
        you: "You", "Wewe", "شما";
        write_first: "Write a message first.", "Andika ujumbe kwanza.", "اول پیامی بنویسید.";
        message: "Message", "Ujumbe", "پیام";
        keys: " · Enter sends, Shift+Enter adds a line", " · Enter inatuma, Shift+Enter inaongeza mstari", " · Enter می‌فرستد، Shift+Enter خط تازه می‌افزاید";
        send: "Send", "Tuma", "ارسال";
    }
}

crate::catalogue! {
    /// Billing, in the Settings tab.
    pub struct BillingText {
        no_fee: "No fee", "Hakuna ada", "بدون هزینه";
        every: "{amount} every {days} days", "{amount} kila siku {days}", "{amount} هر {days} روز";
        plus_takes: "Plus takes {amount} from the kitty now and every {days} days, shared by the kitty's split like a card payment.",
            "Plus inachukua {amount} kutoka kwenye kitty sasa na kila siku {days}, ikigawanywa kwa mgawanyo wa kitty kama malipo ya kadi.",
            "Plus همین حالا و هر {days} روز {amount} از کیتی برمی‌دارد که مانند یک پرداخت کارتی با تقسیم کیتی سرشکن می‌شود.";
        plus_ends: "Plus ends now; the rest of this period is not refunded.",
            "Plus inaisha sasa; sehemu iliyobaki ya kipindi hiki hairejeshwi.",
            "Plus همین حالا پایان می‌یابد؛ هزینهٔ باقی‌ماندهٔ این دوره بازگردانده نمی‌شود.";
        only_admins: "Only admins can change the plan.", "Wasimamizi pekee wanaweza kubadilisha mpango.", "فقط مدیران می‌توانند طرح را تغییر دهند.";
        cannot_change: "The plan cannot change while the kitty closes or after it closed.",
            "Mpango hauwezi kubadilika wakati kitty inafungwa au baada ya kufungwa.",
            "وقتی کیتی در حال بسته شدن است یا بسته شده، طرح تغییر نمی‌کند.";
        on_plan_fee: "The kitty is on {plan} now. {amount} was taken for the first {days} days.",
            "Kitty sasa iko kwenye {plan}. {amount} imechukuliwa kwa siku {days} za kwanza.",
            "کیتی اکنون روی طرح {plan} است. {amount} برای {days} روز نخست برداشته شد.";
        on_plan: "The kitty is on {plan} now.", "Kitty sasa iko kwenye {plan}.", "کیتی اکنون روی طرح {plan} است.";
        billing: "Billing", "Bili", "صورت‌حساب";
        history: "Billing history", "Historia ya bili", "سابقهٔ صورت‌حساب";
        next_fee_on: "{amount} on {date}", "{amount} tarehe {date}", "{amount} در {date}";
        too_many: "{plan} takes up to {members}; this kitty has {n}.", "{plan} inachukua hadi {members}; kitty hii ina {n}.", "{plan} حداکثر {members} می‌پذیرد؛ این کیتی {n} عضو دارد.";
        move_to: "Move to {plan}", "Hamia {plan}", "انتقال به {plan}";
        current: "Current plan", "Mpango wa sasa", "طرح فعلی";
        up_to: "Up to {members}", "Hadi {members}", "حداکثر {members}";
        holds: "The kitty holds {amount} now, less than the fee: deposit first.",
            "Kitty ina {amount} sasa, chini ya ada: weka pesa kwanza.",
            "کیتی اکنون {amount} دارد که از هزینه کمتر است: اول واریز کنید.";
        move_to_q: "Move to {plan}?", "Uhamie {plan}?", "انتقال به {plan}؟";
        confirm: "Confirm", "Thibitisha", "تأیید";
        plan: "Plan", "Mpango", "طرح";
        of_members: "{n} of {members}", "{n} kati ya {members}", "{n} از {members}";
        next_fee: "Next fee", "Ada inayofuata", "هزینهٔ بعدی";
        plans: "Plans", "Mipango", "طرح‌ها";
        none: "No plan changes or fees yet.", "Bado hakuna mabadiliko ya mpango wala ada.", "هنوز تغییر طرح یا هزینه‌ای نیست.";
        none_body: "Moving to Plus, back to Free, and every fee Plus takes show here.",
            "Kuhamia Plus, kurudi kwenye Bure, na kila ada inayochukuliwa na Plus huonekana hapa.",
            "انتقال به Plus، بازگشت به رایگان و هر هزینه‌ای که Plus برمی‌دارد اینجا نمایش داده می‌شود.";
        changed_to: "Plan changed to {plan}", "Mpango umebadilishwa kuwa {plan}", "طرح به {plan} تغییر کرد";
        kind_plan: "{kind} · {plan} plan", "{kind} · mpango wa {plan}", "{kind} · طرح {plan}";
        by: "by {name} · {time}", "na {name} · {time}", "توسط {name} · {time}";
        free: "Free", "Bure", "رایگان";
        plan_changed: "Plan changed", "Mpango umebadilishwa", "طرح تغییر کرد";
        fee_charged: "Fee charged", "Ada imetozwa", "هزینه برداشته شد";
        fee_unpaid: "Fee not paid", "Ada haikulipwa", "هزینه پرداخت نشد";
    }
}

impl BillingText {
    /// A plan's name: "Plus" is a name in every language.
    pub fn plan_name(&self, p: Plan) -> &'static str {
        match p {
            Plan::Free => self.free,
            Plan::Plus => "Plus",
        }
    }

    pub fn event_kind(&self, k: BillingEventKind) -> &'static str {
        match k {
            BillingEventKind::PlanChanged => self.plan_changed,
            BillingEventKind::FeeCharged => self.fee_charged,
            BillingEventKind::FeeUnpaid => self.fee_unpaid,
        }
    }
}

crate::catalogue! {
    /// What the shared checks (`kitty_api`) say about a kitty's form, a card's address, an amount
    /// or a split, in English; [`ProblemText::say`] finds them here.
    pub struct ProblemText {
        enter_name: "Enter the kitty's name.", "Weka jina la kitty.", "نام کیتی را وارد کنید.";
        goal_negative: "A goal cannot be negative.", "Lengo haliwezi kuwa hasi.", "هدف نمی‌تواند منفی باشد.";
        goal_max: "Set a goal of at most {amount}.", "Weka lengo lisilozidi {amount}.", "هدفی حداکثر {amount} تعیین کنید.";
        chars_between: "Use {min} to {max} characters.", "Tumia herufi {min} hadi {max}.", "بین {min} تا {max} نویسه به کار ببرید.";
        choose_state: "Choose a state or territory.", "Chagua jimbo au eneo.", "یک ایالت یا قلمرو انتخاب کنید.";
        postcode: "A postcode has four digits.", "Msimbo wa posta una tarakimu nne.", "کد پستی چهار رقم دارد.";
        split_nobody: "Choose at least one member to split with.", "Chagua angalau mwanachama mmoja wa kugawana naye.", "دست‌کم یک عضو را برای تقسیم انتخاب کنید.";
        split_twice: "Each member can appear only once.", "Kila mwanachama anaweza kuonekana mara moja tu.", "هر عضو فقط یک بار می‌تواند بیاید.";
        split_negative: "Values cannot be negative.", "Thamani haziwezi kuwa hasi.", "مقدارها نمی‌توانند منفی باشند.";
        percent_max: "A percentage is at most 100.", "Asilimia haiwezi kuzidi 100.", "درصد حداکثر 100 است.";
        shares_max: "Use at most {max} shares per member.", "Tumia hisa zisizozidi {max} kwa kila mwanachama.", "برای هر عضو حداکثر {max} سهم به کار ببرید.";
        amount_max: "One of these amounts is larger than any transaction can be.",
            "Mojawapo ya kiasi hivi ni kikubwa kuliko muamala wowote unavyoweza kuwa.",
            "یکی از این مبلغ‌ها از هر تراکنش ممکنی بزرگ‌تر است.";
        no_share: "Give at least one member a share.", "Mpe angalau mwanachama mmoja hisa.", "دست‌کم به یک عضو سهمی بدهید.";
        percent_sum: "Percentages must add up to 100; these add up to {sum}.",
            "Asilimia lazima zijumlishe 100; hizi zinajumlisha {sum}.",
            "جمع درصدها باید 100 باشد؛ جمع این‌ها {sum} است.";
        amount_sum: "Amounts must add up to the transaction's {total}; these add up to {sum}.",
            "Kiasi lazima kijumlishe {total} ya muamala; hivi vinajumlisha {sum}.",
            "جمع مبلغ‌ها باید برابر {total} تراکنش باشد؛ جمع این‌ها {sum} است.";
        no_amount: "Give at least one member an amount.", "Mpe angalau mwanachama mmoja kiasi.", "دست‌کم به یک عضو مبلغی بدهید.";
        no_part: "Give at least one member a part.", "Mpe angalau mwanachama mmoja sehemu.", "دست‌کم به یک عضو بخشی بدهید.";
    }
}

impl ProblemText {
    /// Its phrases, and the label's messages (their `{n}` read like the other slots), in `lang`.
    fn all(lang: Lang) -> [&'static str; 19] {
        let (p, label) = (Self::of(lang), LabelText::of(lang));
        [
            label.too_long,
            label.control,
            p.enter_name,
            p.goal_negative,
            p.goal_max,
            p.chars_between,
            p.choose_state,
            p.postcode,
            p.split_nobody,
            p.split_twice,
            p.split_negative,
            p.percent_max,
            p.shares_max,
            p.amount_max,
            p.no_share,
            p.percent_sum,
            p.amount_sum,
            p.no_amount,
            p.no_part,
        ]
    }

    /// A message of the shared checks in this page's language (their values kept); a message
    /// this version does not know, as it is.
    pub fn say(english: &str) -> String {
        if lang() == Lang::En {
            return english.to_string();
        }
        for (en, there) in Self::all(Lang::En).into_iter().zip(Self::all(lang())) {
            if let Some(values) = unfill(en, english) {
                return digits(&fill(there, &values));
            }
        }
        english.to_string()
    }

    /// Each message of `errors` in this page's language.
    pub fn say_all(errors: &mut kitty_api::FieldErrors) {
        for m in errors.values_mut() {
            *m = Self::say(m);
        }
    }
}

/// The values of `text` read against `template`, whose `{slots}` stand for any text; `None`
/// when `text` is not that phrase.
fn unfill<'a>(template: &'a str, text: &'a str) -> Option<Vec<(&'a str, &'a str)>> {
    let parts = pieces(template);
    let mut values = Vec::new();
    let mut rest = text;
    let mut i = 0;
    while i < parts.len() {
        match parts[i] {
            Piece::Text(t) => rest = rest.strip_prefix(t)?,
            Piece::Slot(name) => {
                let value = match parts.get(i + 1) {
                    // The last words: the value is all before them.
                    Some(Piece::Text(next)) if i + 2 == parts.len() => {
                        i += 1;
                        let v = rest.strip_suffix(next)?;
                        rest = "";
                        v
                    }
                    Some(Piece::Text(next)) => {
                        let at = rest.find(next)?;
                        let v = &rest[..at];
                        rest = &rest[at..];
                        v
                    }
                    _ => std::mem::take(&mut rest),
                };
                if value.is_empty() {
                    return None;
                }
                values.push((name, value));
            }
        }
        i += 1;
    }
    rest.is_empty().then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_shared_checks_messages_are_read_back() {
        assert_eq!(
            unfill(ProblemText::EN.chars_between, "Use 3 to 80 characters."),
            Some(vec![("min", "3"), ("max", "80")])
        );
        assert_eq!(
            unfill(
                ProblemText::EN.goal_max,
                "Set a goal of at most A$1,000.00."
            ),
            Some(vec![("amount", "A$1,000.00")])
        );
        assert_eq!(
            unfill(ProblemText::EN.shares_max, "Use 3 to 80 characters."),
            None
        );
        assert_eq!(
            unfill(ProblemText::EN.postcode, "A postcode has four digits."),
            Some(vec![])
        );
        // The tests run in English: the message as it is.
        assert_eq!(
            ProblemText::say("Choose a state or territory."),
            "Choose a state or territory."
        );
    }
}
