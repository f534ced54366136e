//! Phrases of the media pages (see `crate::i18n`).

crate::catalogue! {
    /// What every page's frame shares: the toasts and showing a password (kept small: every
    /// bundle carries it).
    pub struct FrameText {
        /// The toasts' region: not "Notifications" (an Account section) nor "Messages" (the chat),
        /// as two landmarks may not share a name.
        notifications: "Alerts", "Tahadhari", "هشدارها";
        dismiss: "Dismiss", "Funga", "بستن";
        /// After "Show" / "Hide", for screen readers.
        password_suffix: " password", " nenosiri", " گذرواژه";
    }
}

crate::catalogue! {
    /// Photo uploads: the picker, each photo's progress, and why one failed.
    pub struct UploadText {
        too_big: "This photo is larger than 5 MB. Choose a smaller photo, or shrink this one and add it again.",
            "Picha hii ni kubwa kuliko MB 5. Chagua picha ndogo zaidi, au ipunguze ukubwa kisha uiongeze tena.",
            "این عکس بزرگ‌تر از 5 مگابایت است. عکس کوچک‌تری انتخاب کنید، یا حجم همین عکس را کم کنید و دوباره آن را اضافه کنید.";
        not_a_photo: "Only JPEG, PNG or WebP photos can be added. Save the photo in one of those formats and add it again.",
            "Picha za JPEG, PNG au WebP pekee ndizo zinaweza kuongezwa. Hifadhi picha katika mojawapo ya miundo hiyo kisha uiongeze tena.",
            "فقط عکس‌های JPEG، PNG یا WebP را می‌توان اضافه کرد. عکس را در یکی از این قالب‌ها ذخیره کنید و دوباره آن را اضافه کنید.";
        empty_file: "This file is empty. Choose another photo.",
            "Faili hili ni tupu. Chagua picha nyingine.",
            "این فایل خالی است. عکس دیگری انتخاب کنید.";
        unreadable: "The photo was sent, but the answer could not be read. Press Try again.",
            "Picha imetumwa, lakini jibu halikusomeka. Bonyeza Jaribu tena.",
            "عکس فرستاده شد، اما پاسخ خوانده نشد. «دوباره امتحان کنید» را بزنید.";
        unreachable: "The upload stopped because Kitty could not be reached. Check your connection, then press Try again.",
            "Upakiaji ulisimama kwa sababu Kitty haikufikiwa. Angalia muunganisho wako, kisha bonyeza Jaribu tena.",
            "بارگذاری متوقف شد، چون دسترسی به Kitty ممکن نبود. اتصال خود را بررسی کنید، سپس «دوباره امتحان کنید» را بزنید.";
        session_ended: "Your session has ended. Sign in again, then add the photo.",
            "Kikao chako kimeisha. Ingia tena, kisha uongeze picha.",
            "نشست شما به پایان رسیده است. دوباره وارد شوید، سپس عکس را اضافه کنید.";
        link_refused: "The upload link has expired or was refused. Press Try again to get a new one.",
            "Kiungo cha kupakia kimeisha muda wake au kimekataliwa. Bonyeza Jaribu tena upate kipya.",
            "پیوند بارگذاری منقضی شده یا پذیرفته نشد. برای گرفتن پیوند تازه «دوباره امتحان کنید» را بزنید.";
        link_used: "This upload link was already used. Press Try again to upload the photo once more.",
            "Kiungo hiki cha kupakia kimeshatumika. Bonyeza Jaribu tena upakie picha mara nyingine.",
            "این پیوند بارگذاری قبلاً استفاده شده است. برای بارگذاری دوبارهٔ عکس «دوباره امتحان کنید» را بزنید.";
        too_many: "Too many uploads at once. Wait a moment, then press Try again.",
            "Upakiaji mwingi mno kwa wakati mmoja. Subiri kidogo, kisha bonyeza Jaribu tena.",
            "بارگذاری‌های هم‌زمان بیش از حد است. کمی صبر کنید، سپس «دوباره امتحان کنید» را بزنید.";
        server_failed: "The server could not store the photo. Press Try again in a moment.",
            "Seva haikuweza kuhifadhi picha. Bonyeza Jaribu tena baada ya muda mfupi.",
            "سرور نتوانست عکس را ذخیره کند. کمی بعد «دوباره امتحان کنید» را بزنید.";
        failed_status: "The photo could not be uploaded (error {status}). Press Try again.",
            "Picha haikuweza kupakiwa (hitilafu {status}). Bonyeza Jaribu tena.",
            "عکس بارگذاری نشد (خطای {status}). «دوباره امتحان کنید» را بزنید.";
        open_full: "Open the full-size photo", "Fungua picha kwa ukubwa kamili", "باز کردن عکس در اندازهٔ کامل";
        no_room: "There is no room for more photos: remove one first.",
            "Hakuna nafasi ya picha zaidi: ondoa moja kwanza.",
            "جایی برای عکس بیشتر نیست: اول یکی را حذف کنید.";
        left_out_one: "There was room for {r} more, so {n} was left out.",
            "Kulikuwa na nafasi ya {r} zaidi tu, kwa hiyo {n} imeachwa.",
            "فقط جای {r} عکس دیگر بود، پس {n} عکس کنار گذاشته شد.";
        left_out_other: "There was room for {r} more, so {n} were left out.",
            "Kulikuwa na nafasi ya {r} zaidi tu, kwa hiyo {n} zimeachwa.",
            "فقط جای {r} عکس دیگر بود، پس {n} عکس کنار گذاشته شد.";
        drop_many: "or drop photos here. ", "au dondosha picha hapa. ", "یا عکس‌ها را اینجا رها کنید. ";
        drop_one: "or drop it here. ", "au idondoshe hapa. ", "یا آن را اینجا رها کنید. ";
        formats_many: "JPEG, PNG or WebP, up to 5 MB each.", "JPEG, PNG au WebP, hadi MB 5 kila moja.", "JPEG، PNG یا WebP، هر کدام حداکثر 5 مگابایت.";
        formats_one: "JPEG, PNG or WebP, up to 5 MB.", "JPEG, PNG au WebP, hadi MB 5.", "JPEG، PNG یا WebP، حداکثر 5 مگابایت.";
        said_uploading: "Uploading {name}.", "Inapakia {name}.", "در حال بارگذاری {name}.";
        said_percent: "Uploading {name}: {pct}%.", "Inapakia {name}: {pct}%.", "در حال بارگذاری {name}: {pct}٪.";
        said_uploaded: "{name} uploaded.", "{name} imepakiwa.", "{name} بارگذاری شد.";
        said_cancelled: "Upload of {name} cancelled.", "Upakiaji wa {name} umeghairiwa.", "بارگذاری {name} لغو شد.";
        remove: "Remove", "Ondoa", "حذف";
        remove_named: "Remove {name}", "Ondoa {name}", "حذف {name}";
        uploading_named: "Uploading {name}", "Inapakia {name}", "در حال بارگذاری {name}";
        starting: "Starting…", "Inaanza…", "در حال شروع…";
        percent: "{n}%", "{n}%", "{n}٪";
        cancel_named: "Cancel uploading {name}", "Ghairi kupakia {name}", "لغو بارگذاری {name}";
        uploaded_alt: "{name} (uploaded)", "{name} (imepakiwa)", "{name} (بارگذاری‌شده)";
        cancelled: "Upload cancelled.", "Upakiaji umeghairiwa.", "بارگذاری لغو شد.";
    }
}

crate::catalogue! {
    /// A kitty's moments.
    pub struct MomentsText {
        moments: "Moments", "Matukio", "لحظه‌ها";
        add_moment: "Add a moment", "Ongeza tukio", "افزودن لحظه";
        empty_title: "No moments yet", "Bado hakuna matukio", "هنوز لحظه‌ای نیست";
        empty_body: "Add photos from a trip, a dinner or a match, so everyone in the kitty can see them.",
            "Ongeza picha za safari, chakula cha jioni au mechi, ili kila mtu kwenye kitty azione.",
            "عکس‌های یک سفر، یک شام یا یک مسابقه را اضافه کنید تا همهٔ اعضای کیتی آن‌ها را ببینند.";
        photo_of: "Photo {n} of {count}: {title}", "Picha {n} kati ya {count}: {title}", "عکس {n} از {count}: {title}";
        edit: "Edit", "Hariri", "ویرایش";
        added_by: " · Added by {name}", " · Imeongezwa na {name}", " · افزوده‌شده توسط {name}";
        added: "Moment added.", "Tukio limeongezwa.", "لحظه اضافه شد.";
        saved: "Moment saved.", "Tukio limehifadhiwa.", "لحظه ذخیره شد.";
        edit_heading: "Edit “{title}”", "Hariri “{title}”", "ویرایش «{title}»";
        title: "Title", "Kichwa", "عنوان";
        title_hint: "Up to 80 characters, like “Dinner at the beach”.",
            "Hadi herufi 80, kama “Chakula cha jioni ufukweni”.",
            "حداکثر 80 نویسه، مثل «شام کنار دریا».";
        date: "Date", "Tarehe", "تاریخ";
        note: "Note (optional)", "Maelezo (si lazima)", "یادداشت (اختیاری)";
        photos: "Photos", "Picha", "عکس‌ها";
        photos_hint: "Up to {n}. Each one uploads as soon as you choose it.",
            "Hadi {n}. Kila moja hupakiwa mara tu unapoichagua.",
            "حداکثر {n} عکس. هر عکس همین که انتخابش کنید بارگذاری می‌شود.";
        add_photos: "Add photos", "Ongeza picha", "افزودن عکس";
        photo_n: "Photo {n}", "Picha {n}", "عکس {n}";
        remove_photo_n: "Remove photo {n}", "Ondoa picha {n}", "حذف عکس {n}";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        save_moment: "Save moment", "Hifadhi tukio", "ذخیرهٔ لحظه";
        save_changes: "Save changes", "Hifadhi mabadiliko", "ذخیرهٔ تغییرات";
        saving_waits: "Saving waits until the photos have uploaded.",
            "Kuhifadhi kunasubiri hadi picha zimalize kupakiwa.",
            "ذخیره تا پایان بارگذاری عکس‌ها منتظر می‌ماند.";
        // The checks `kitty_api::media::check_moment` makes, in this language.
        bad_title: "Give it a title of 1 to 80 characters.",
            "Lipe kichwa cha herufi 1 hadi 80.",
            "عنوانی بین 1 تا 80 نویسه برایش بنویسید.";
        long_note: "Keep the note to 1,000 characters.",
            "Maelezo yasizidi herufi 1,000.",
            "یادداشت حداکثر 1,000 نویسه باشد.";
        bad_date: "Enter a date as YYYY-MM-DD.",
            "Weka tarehe kwa muundo YYYY-MM-DD.",
            "تاریخ را به شکل YYYY-MM-DD وارد کنید.";
        future_date: "A moment cannot be in the future.",
            "Tukio haliwezi kuwa la siku zijazo.",
            "لحظه نمی‌تواند در آینده باشد.";
        too_many_photos: "At most {n} photos in one moment.",
            "Picha zisizozidi {n} kwa tukio moja.",
            "حداکثر {n} عکس در هر لحظه.";
    }
}

impl MomentsText {
    /// A message of `kitty_api::media::check_moment` in this language (others as they are).
    pub fn say(&self, english: &str) -> String {
        let en = &Self::EN;
        let max = kitty_api::media::MAX_MOMENT_PHOTOS.to_string();
        let phrase = if english == en.bad_title {
            self.bad_title
        } else if english == en.long_note {
            self.long_note
        } else if english == en.bad_date {
            self.bad_date
        } else if english == en.future_date {
            self.future_date
        } else if english == super::fill(en.too_many_photos, &[("n", &max)]) {
            return super::digits(&super::fill(self.too_many_photos, &[("n", &max)]));
        } else {
            return english.to_string();
        };
        super::digits(phrase)
    }
}

crate::catalogue! {
    /// A card payment's receipt: its items, who had each, the tax and tip, and the split.
    pub struct ReceiptText {
        receipt: "Receipt", "Risiti", "رسید";
        receipt_added: "Receipt added. Now add its items.",
            "Risiti imeongezwa. Sasa ongeza vitu vyake.",
            "رسید اضافه شد. حالا اقلامش را اضافه کنید.";
        add_intro: "Add a photo of the receipt, then list its items and who had each: the payment can then be split by what each person had.",
            "Ongeza picha ya risiti, kisha orodhesha vitu vyake na nani alichukua kila kimoja: malipo yanaweza kisha kugawanywa kulingana na alichochukua kila mtu.",
            "عکسی از رسید اضافه کنید، سپس اقلام آن و سهم هر کس از هر قلم را بنویسید: آن‌گاه پرداخت را می‌توان بر اساس سهم هر نفر تقسیم کرد.";
        saving_receipt: "Saving the receipt…", "Inahifadhi risiti…", "در حال ذخیرهٔ رسید…";
        add_receipt_photo: "Add a receipt photo", "Ongeza picha ya risiti", "افزودن عکس رسید";
        photo_alt: "Photo of the receipt", "Picha ya risiti", "عکس رسید";
        photo_caption: "Added {at}. Open it for the full size.",
            "Iliongezwa {at}. Ifungue uone ukubwa kamili.",
            "افزوده‌شده در {at}. برای اندازهٔ کامل بازش کنید.";
        no_items: "No items yet. Add each line of the receipt below, with who had it.",
            "Bado hakuna vitu. Ongeza kila mstari wa risiti hapa chini, pamoja na nani alichukua.",
            "هنوز قلمی نیست. هر سطر رسید را پایین اضافه کنید، همراه با این‌که چه کسی سهم داشت.";
        at_most_items: "A receipt holds at most {n} items.",
            "Risiti inaweza kuwa na vitu visivyozidi {n}.",
            "هر رسید حداکثر {n} قلم دارد.";
        confirm_delete: "Delete this receipt and its items? The payment's split stays as it is.",
            "Futa risiti hii na vitu vyake? Mgawanyo wa malipo utabaki kama ulivyo.",
            "این رسید و اقلامش حذف شود؟ تقسیم پرداخت همان‌طور که هست می‌ماند.";
        deleted: "Receipt deleted.", "Risiti imefutwa.", "رسید حذف شد.";
        items: "Items", "Vitu", "اقلام";
        delete_receipt: "Delete receipt", "Futa risiti", "حذف رسید";
        /// After a member's name, for screen readers: "Ava had Pizza".
        had: " had {what}", " alichukua {what}", " از {what} سهم داشت";
        who_had_it: "Who had it", "Nani alichukua", "چه کسی سهم داشت";
        total_prefix: "Total ", "Jumla ", "جمع ";
        edit: "Edit", "Hariri", "ویرایش";
        remove: "Remove", "Ondoa", "حذف";
        item_added: "Item added.", "Kitu kimeongezwa.", "قلم اضافه شد.";
        item_saved: "Item saved.", "Kitu kimehifadhiwa.", "قلم ذخیره شد.";
        item_removed: "Item removed.", "Kitu kimeondolewa.", "قلم حذف شد.";
        edit_the_item: "Edit the item", "Hariri kitu", "ویرایش قلم";
        add_an_item: "Add an item", "Ongeza kitu", "افزودن قلم";
        description: "Description", "Maelezo", "شرح";
        quantity: "Quantity", "Idadi", "تعداد";
        unit_price: "Unit price", "Bei ya kimoja", "قیمت واحد";
        unit_price_hint: "The price of one.", "Bei ya kimoja.", "قیمت یک عدد.";
        the_new_item: "the new item", "kitu kipya", "قلم تازه";
        save_item: "Save item", "Hifadhi kitu", "ذخیرهٔ قلم";
        add_item: "Add item", "Ongeza kitu", "افزودن قلم";
        cancel: "Cancel", "Ghairi", "لغو";
        tax_and_tip: "Tax and tip", "Kodi na bakshishi", "مالیات و انعام";
        tax: "Tax", "Kodi", "مالیات";
        tip: "Tip", "Bakshishi", "انعام";
        tax_hint: "Leave it at 0 when the prices include it.",
            "Iache 0 ikiwa bei zinaijumuisha.",
            "اگر قیمت‌ها شامل آن هستند، آن را 0 بگذارید.";
        save_tax_and_tip: "Save tax and tip", "Hifadhi kodi na bakshishi", "ذخیرهٔ مالیات و انعام";
        tax_and_tip_saved: "Tax and tip saved.", "Kodi na bakshishi zimehifadhiwa.", "مالیات و انعام ذخیره شد.";
        come_to: "The items, tax and tip come to {total}: {comparison}{advice}",
            "Vitu, kodi na bakshishi vinafika {total}: {comparison}{advice}",
            "جمع اقلام، مالیات و انعام {total} می‌شود: {comparison}{advice}";
        exactly: "exactly the payment.", "sawasawa na malipo.", "دقیقاً برابر با پرداخت.";
        less: "{amount} less than the payment.", "{amount} pungufu ya malipo.", "{amount} کمتر از پرداخت.";
        more: "{amount} more than the payment.", "{amount} zaidi ya malipo.", "{amount} بیشتر از پرداخت.";
        within_rounding: " That is within {amount} of cash rounding, so it is shared like the tax and tip.",
            " Hiyo iko ndani ya {amount} za kukadiria pesa taslimu, kwa hiyo inagawanywa kama kodi na bakshishi.",
            " این در محدودهٔ {amount} گرد کردن پول نقد است، پس مثل مالیات و انعام تقسیم می‌شود.";
        add_missing: " Add the missing items, or the tax and tip, to split by the items.",
            " Ongeza vitu vilivyokosekana, au kodi na bakshishi, ili kugawanya kulingana na vitu.",
            " اقلام جاافتاده، یا مالیات و انعام را اضافه کنید تا بر اساس اقلام تقسیم شود.";
        check_prices: " Check the quantities and prices: the receipt comes to more than was paid.",
            " Angalia idadi na bei: risiti inafika zaidi ya kilicholipwa.",
            " تعدادها و قیمت‌ها را بررسی کنید: جمع رسید بیشتر از مبلغ پرداخت‌شده است.";
        save_first: "Save your changes first: the split uses the saved receipt.",
            "Hifadhi mabadiliko yako kwanza: mgawanyo unatumia risiti iliyohifadhiwa.",
            "اول تغییرات خود را ذخیره کنید: تقسیم از رسید ذخیره‌شده استفاده می‌کند.";
        must_match: "The items, tax and tip must come to the payment (to within {amount}) first.",
            "Vitu, kodi na bakshishi lazima vifike kiasi cha malipo (kwa tofauti isiyozidi {amount}) kwanza.",
            "اول باید جمع اقلام، مالیات و انعام با پرداخت برابر شود (با اختلاف حداکثر {amount}).";
        split_done: "The payment is now split by the items.",
            "Malipo sasa yamegawanywa kulingana na vitu.",
            "پرداخت اکنون بر اساس اقلام تقسیم شد.";
        split_by_items: "Split by the items", "Gawanya kulingana na vitu", "تقسیم بر اساس اقلام";
        parts_heading: "Each person's part", "Sehemu ya kila mtu", "سهم هر نفر";
        parts_body: "Each person pays for what they had. The tax, the tip and any rounding are shared the same way, and the parts always add up to the payment.",
            "Kila mtu analipia alichochukua. Kodi, bakshishi na ukadiriaji wowote hugawanywa vivyo hivyo, na sehemu zote hujumlika kuwa kiasi cha malipo kila wakati.",
            "هر کس هزینهٔ سهم خودش را می‌پردازد. مالیات، انعام و هر گرد کردنی به همین شکل تقسیم می‌شود و جمع سهم‌ها همیشه برابر با پرداخت است.";
        item_error: "Item {n}: {why}", "Kitu {n}: {why}", "قلم {n}: {why}";
        tax_error: "Tax: {why}", "Kodi: {why}", "مالیات: {why}";
        tip_error: "Tip: {why}", "Bakshishi: {why}", "انعام: {why}";
        // Field messages made in the app (why an amount cannot be read: `MoneyInputText`).
        whole_quantity: "Enter the quantity as a whole number, like 2.",
            "Weka idadi kama namba kamili, kama 2.",
            "تعداد را به صورت عدد صحیح وارد کنید، مثلاً 2.";
        price_of_one: "Enter the price of one, like 12.50.",
            "Weka bei ya kimoja, kama 12.50.",
            "قیمت یک عدد را وارد کنید، مثلاً 12.50.";
        zero_or_more: "Enter 0 or more.", "Weka 0 au zaidi.", "0 یا بیشتر وارد کنید.";
        // The checks of `kitty_api::media::{check_line, itemised}`, in this language.
        bad_description: "Describe the item in 1 to 80 characters.",
            "Eleza kitu kwa herufi 1 hadi 80.",
            "قلم را در 1 تا 80 نویسه شرح دهید.";
        bad_quantity: "The quantity is 1 to 1,000.", "Idadi ni 1 hadi 1,000.", "تعداد باید بین 1 تا 1,000 باشد.";
        bad_price: "Enter a price from 0 up to the largest amount a kitty takes.",
            "Weka bei kuanzia 0 hadi kiasi kikubwa zaidi ambacho kitty inapokea.",
            "قیمتی از 0 تا بیشترین مبلغی که کیتی می‌پذیرد وارد کنید.";
        line_too_much: "This line comes to more than a kitty can take.",
            "Mstari huu unafika zaidi ya kiasi ambacho kitty inaweza kupokea.",
            "جمع این سطر بیش از مبلغی است که کیتی می‌پذیرد.";
        not_assigned: "Item {n} is not assigned to anyone yet.",
            "Kitu {n} bado hakijapewa mtu yeyote.",
            "قلم {n} هنوز به کسی نسبت داده نشده است.";
        no_one_to_share: "An item has no one to share it.",
            "Kuna kitu kisicho na mtu wa kukigawana.",
            "قلمی هست که کسی در آن سهم ندارد.";
        not_in_kitty: "An item names someone who is not in the kitty.",
            "Kuna kitu kinachomtaja mtu ambaye hayumo kwenye kitty.",
            "قلمی هست که نام کسی را دارد که عضو کیتی نیست.";
        too_much: "These items add up to too much.",
            "Jumla ya vitu hivi ni kubwa mno.",
            "جمع این اقلام بیش از حد است.";
        add_items_first: "Add the items, with a price, before splitting by them.",
            "Ongeza vitu, pamoja na bei, kabla ya kugawanya kulingana navyo.",
            "پیش از تقسیم بر اساس اقلام، آن‌ها را با قیمت اضافه کنید.";
    }
}

impl ReceiptText {
    /// A message of `kitty_api::media::{check_line, itemised}` in this language (others as they
    /// are).
    pub fn say(&self, english: &str) -> String {
        let en = &Self::EN;
        let pairs = [
            (en.bad_description, self.bad_description),
            (en.bad_quantity, self.bad_quantity),
            (en.bad_price, self.bad_price),
            (en.line_too_much, self.line_too_much),
            (en.no_one_to_share, self.no_one_to_share),
            (en.not_in_kitty, self.not_in_kitty),
            (en.too_much, self.too_much),
            (en.add_items_first, self.add_items_first),
        ];
        if let Some((_, phrase)) = pairs.iter().find(|(e, _)| *e == english) {
            return super::digits(phrase);
        }
        // "Item {n} is not assigned to anyone yet."
        let n = en
            .not_assigned
            .split_once("{n}")
            .and_then(|(before, after)| english.strip_prefix(before)?.strip_suffix(after))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match n {
            Some(n) => super::digits(&super::fill(self.not_assigned, &[("n", n)])),
            None => english.to_string(),
        }
    }
}
