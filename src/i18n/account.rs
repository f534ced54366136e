//! The Account page.

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
        password_hint: "At least 6 characters", "Angalau herufi 6", "دست‌کم ۶ نویسه";
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
    }
}
