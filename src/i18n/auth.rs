//! The signed-out pages: sign in, register, password reset, the sandbox outbox, and the words
//! every page's frame shares (the language picker, the sandbox badge, showing a password).

crate::catalogue! {
    pub struct AuthText {
        sign_in: "Sign in", "Ingia", "ورود";
        signing_in: "Signing in…", "Inaingia…", "در حال ورود…";
        session_ended: "Your session ended, so you were signed out. Sign in again to go back to where you were, with what you had typed.",
            "Muda wa kikao chako uliisha, kwa hiyo umetolewa. Ingia tena urudi ulipokuwa, pamoja na ulichokuwa umeandika.",
            "نشست شما به پایان رسید و از حساب خارج شدید. دوباره وارد شوید تا با همان چیزهایی که نوشته بودید به جای قبلی برگردید.";
        username_label: "Mobile number or email", "Namba ya simu au barua pepe", "شمارهٔ موبایل یا ایمیل";
        username_hint: "For example 09121234567 or name@example.com",
            "Kwa mfano 09121234567 au jina@example.com",
            "برای نمونه 09121234567 یا name@example.com";
        username_missing: "Enter your mobile number or email.",
            "Weka namba yako ya simu au barua pepe.",
            "شمارهٔ موبایل یا ایمیل خود را وارد کنید.";
        password_label: "Password", "Nenosiri", "گذرواژه";
        password_missing: "Enter your password.", "Weka nenosiri lako.", "گذرواژهٔ خود را وارد کنید.";
        password_hint: "At least 6 characters", "Angalau herufi 6", "دست‌کم 6 نویسه";
        password_short: "Use at least 6 characters.", "Tumia angalau herufi 6.", "دست‌کم 6 نویسه به کار ببرید.";
        password_long: "Use at most 128 characters.", "Tumia herufi zisizozidi 128.", "حداکثر 128 نویسه به کار ببرید.";
        forgot: "Forgot your password?", "Umesahau nenosiri lako?", "گذرواژه را فراموش کرده‌اید؟";
        new_to_kitty: "New to Kitty?", "Mgeni kwenye Kitty?", "تازه به Kitty آمده‌اید؟";
        create_an_account: "Create an account", "Fungua akaunti", "ساختن حساب";
        or: "or", "au", "یا";
        continue_plain: "Continue", "Endelea", "ادامه";
        continue_with: "Continue with {name}", "Endelea na {name}", "ادامه با {name}";
        opening: "Opening {name}…", "Inafungua {name}…", "در حال باز کردن {name}…";
        browser_did_not_open: "The browser did not open the sign-in page. Try again.",
            "Kivinjari hakikufungua ukurasa wa kuingia. Jaribu tena.",
            "مرورگر صفحهٔ ورود را باز نکرد. دوباره امتحان کنید.";
        demo_account: "Demo account", "Akaunti ya majaribio", "حساب نمایشی";
        demo_try: "Try the demo: mobile {mobile}, password {password}.",
            "Jaribu akaunti ya majaribio: simu {mobile}, nenosiri {password}.",
            "نسخهٔ نمایشی را امتحان کنید: موبایل {mobile}، گذرواژه {password}.";
        demo_fill: "Fill in the demo account", "Jaza akaunti ya majaribio", "پر کردن حساب نمایشی";

        reset_title: "Reset your password", "Weka upya nenosiri lako", "بازنشانی گذرواژه";
        reset_hint: "The one you sign in with", "Ile unayoingia nayo", "همانی که با آن وارد می‌شوید";
        reset_sent: "If an account has {to}, we sent it a link to choose a new password. It works once, for 30 minutes.",
            "Ikiwa kuna akaunti yenye {to}, tumeitumia kiungo cha kuchagua nenosiri jipya. Kinafanya kazi mara moja, kwa dakika 30.",
            "اگر حسابی با {to} وجود داشته باشد، پیوندی برای انتخاب گذرواژهٔ تازه به آن فرستادیم. این پیوند یک بار و تا 30 دقیقه کار می‌کند.";
        sandbox_nothing_leaves: "This is the sandbox, so nothing really leaves the server:",
            "Hii ni sandbox, kwa hiyo hakuna kinachotoka kwenye seva kweli:",
            "این محیط آزمایشی است، پس در واقع چیزی از سرور بیرون نمی‌رود:";
        open_outbox: "open the sandbox outbox", "fungua sanduku la barua zilizotumwa la sandbox", "صندوق خروجی محیط آزمایشی را باز کنید";
        to_read_message: "to read the message.", "kusoma ujumbe.", "تا پیام را بخوانید.";
        sending: "Sending…", "Inatuma…", "در حال ارسال…";
        send_link: "Send me a link", "Nitumie kiungo", "پیوند را برایم بفرست";
        back_to_sign_in: "Back to sign in", "Rudi kwenye kuingia", "بازگشت به ورود";

        new_password_title: "Choose a new password", "Chagua nenosiri jipya", "گذرواژهٔ تازه‌ای انتخاب کنید";
        password_changed: "Your password is changed, and every device that was signed in has been signed out.",
            "Nenosiri lako limebadilishwa, na kila kifaa kilichokuwa kimeingia kimetolewa.",
            "گذرواژهٔ شما تغییر کرد و همهٔ دستگاه‌هایی که وارد شده بودند خارج شدند.";
        new_password_label: "New password", "Nenosiri jipya", "گذرواژهٔ تازه";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        save_new_password: "Save the new password", "Hifadhi nenosiri jipya", "ذخیرهٔ گذرواژهٔ تازه";
        link_not_working: "Link not working?", "Kiungo hakifanyi kazi?", "پیوند کار نمی‌کند؟";
        ask_new_one: "Ask for a new one", "Omba kipya", "پیوند تازه بخواهید";

        outbox_title: "Sandbox outbox", "Barua zilizotumwa za sandbox", "صندوق خروجی محیط آزمایشی";
        outbox_intro: "Messages sent to {to}, newest first. In the sandbox nothing leaves the server; this is where it lands.",
            "Jumbe zilizotumwa kwa {to}, za karibuni kwanza. Kwenye sandbox hakuna kinachotoka kwenye seva; huishia hapa.",
            "پیام‌های فرستاده‌شده به {to}، تازه‌ترین در بالا. در محیط آزمایشی چیزی از سرور بیرون نمی‌رود؛ همه اینجا می‌آیند.";
        outbox_empty: "Nothing was sent here yet.", "Hakuna kilichotumwa hapa bado.", "هنوز چیزی به اینجا فرستاده نشده است.";
        outbox_pick: "Whose messages? Enter the email address or mobile number they were sent to.",
            "Jumbe za nani? Weka barua pepe au namba ya simu zilipotumwa.",
            "پیام‌های چه کسی؟ نشانی ایمیل یا شمارهٔ موبایلی را که پیام‌ها به آن فرستاده شده وارد کنید.";
        outbox_to: "Email or mobile number", "Barua pepe au namba ya simu", "ایمیل یا شمارهٔ موبایل";
        outbox_show: "Show messages", "Onyesha jumbe", "نمایش پیام‌ها";
        this_link: "this link", "kiungo hiki", "این پیوند";

        register_title: "Create your account", "Fungua akaunti yako", "حساب خود را بسازید";
        create_account: "Create account", "Fungua akaunti", "ساختن حساب";
        full_name: "Full name", "Jina kamili", "نام کامل";
        where_code: "Where should we send your code?", "Tukutumie msimbo wako wapi?", "کد را کجا بفرستیم؟";
        email: "Email", "Barua pepe", "ایمیل";
        mobile: "Mobile number", "Namba ya simu", "شمارهٔ موبایل";
        your_email: "Your email address", "Anwani yako ya barua pepe", "نشانی ایمیل شما";
        your_email_hint: "We email you a 6-digit code. You sign in with this address.",
            "Tutakutumia msimbo wa tarakimu 6 kwa barua pepe. Utaingia kwa anwani hii.",
            "یک کد 6 رقمی به ایمیل شما می‌فرستیم. با همین نشانی وارد می‌شوید.";
        your_mobile: "Your mobile number", "Namba yako ya simu", "شمارهٔ موبایل شما";
        your_mobile_hint: "We text you a 6-digit code. You sign in with it. Format: 09121234567",
            "Tutakutumia msimbo wa tarakimu 6 kwa SMS. Utaingia kwa namba hii. Muundo: 09121234567",
            "یک کد 6 رقمی پیامک می‌کنیم. با همین شماره وارد می‌شوید. قالب: 09121234567";
        email_missing: "Enter your email address: the code goes there.",
            "Weka anwani yako ya barua pepe: msimbo utatumwa huko.",
            "نشانی ایمیل خود را وارد کنید: کد به آنجا فرستاده می‌شود.";
        mobile_missing: "Enter your mobile number: the code goes there.",
            "Weka namba yako ya simu: msimbo utatumwa huko.",
            "شمارهٔ موبایل خود را وارد کنید: کد به آنجا فرستاده می‌شود.";
        sending_code: "Sending the code…", "Inatuma msimbo…", "در حال ارسال کد…";
        send_code: "Send me a code", "Nitumie msimbo", "کد را برایم بفرست";
        enter_code: "Enter your code", "Weka msimbo wako", "کد خود را وارد کنید";
        code_sent: "We sent a 6-digit code to {to}. It works until {time}.",
            "Tumetuma msimbo wa tarakimu 6 kwa {to}. Unafanya kazi hadi {time}.",
            "یک کد 6 رقمی به {to} فرستادیم. تا ساعت {time} کار می‌کند.";
        open_outbox_tab: "Open the sandbox outbox", "Fungua barua zilizotumwa za sandbox", "صندوق خروجی محیط آزمایشی را باز کنید";
        new_tab: " (opens in a new tab)", " (inafunguka kwenye kichupo kipya)", " (در زبانهٔ تازه باز می‌شود)";
        to_read_code: "to read the code.", "kusoma msimbo.", "تا کد را بخوانید.";
        code_label: "6-digit code", "Msimbo wa tarakimu 6", "کد 6 رقمی";
        code_invalid: "Enter the 6-digit code from the message.",
            "Weka msimbo wa tarakimu 6 ulio kwenye ujumbe.",
            "کد 6 رقمی پیام را وارد کنید.";
        creating: "Creating your account…", "Inafungua akaunti yako…", "در حال ساختن حساب شما…";
        different_contact: "Use a different email or number", "Tumia barua pepe au namba nyingine", "از ایمیل یا شمارهٔ دیگری استفاده کنید";
        have_account: "Already have an account?", "Tayari una akaunti?", "حساب دارید؟";

        social_title_working: "Signing you in", "Tunakuingiza", "در حال ورود شما";
        social_title_failed: "Sign-in did not finish", "Kuingia hakukukamilika", "ورود کامل نشد";
        social_working: "Signing you in…", "Tunakuingiza…", "در حال ورود شما…";

        language: "Language", "Lugha", "زبان";
        digits: "Persian digits", "Tarakimu za Kiajemi", "رقم‌های فارسی";
        sandbox: "Sandbox", "Sandbox", "محیط آزمایشی";
        sandbox_title: "Payments here are simulated; no real money moves.",
            "Malipo hapa ni ya kuigiza; hakuna pesa halisi inayohamishwa.",
            "پرداخت‌ها در اینجا شبیه‌سازی شده‌اند؛ هیچ پول واقعی جابه‌جا نمی‌شود.";
        show: "Show", "Onyesha", "نمایش";
        hide: "Hide", "Ficha", "پنهان";
        check_fields: "Check the highlighted fields.", "Angalia sehemu zilizowekwa alama.", "فیلدهای مشخص‌شده را بررسی کنید.";
    }
}

impl AuthText {
    /// A message of `kitty_api::validate::password` in this language.
    pub fn password_problem(&self, english: &str) -> String {
        match english {
            "Use at least 6 characters." => self.password_short.into(),
            "Use at most 128 characters." => self.password_long.into(),
            other => other.into(),
        }
    }
}
