//! Phrases of the rampchain pages (see `crate::i18n`).

crate::catalogue! {
    /// What the custodial pages (wallets, verification, UBI) share: the user picker, the names of
    /// addresses, and words every form there uses.
    pub struct ChainText {
        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
        phone_number: "Phone number", "Namba ya simu", "شمارهٔ تلفن";
        verified: "Verified", "Amethibitishwa", "تأییدشده";
        not_verified: "Not verified", "Hajathibitishwa", "تأییدنشده";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        no_users_yet: "You have no users yet. {link} with their phone number.",
            "Bado huna watumiaji. {link} kwa namba yake ya simu.",
            "هنوز کاربری ندارید. با شمارهٔ تلفن کاربر، {link}.";
        create_one: "Create one on Wallets", "Unda mmoja kwenye Pochi", "یکی در صفحهٔ کیف پول‌ها بسازید";
        or_choose: "Or choose one of your users", "Au chagua mmoja wa watumiaji wako", "یا یکی از کاربرانتان را انتخاب کنید";
        verified_sr: " (verified)", " (amethibitishwa)", " (تأییدشده)";
        and_more: "And {n} more: type their number.", "Na wengine {n}: andika namba yao.", "و {n} کاربر دیگر: شماره‌شان را تایپ کنید.";
        tron_address: "TRON address", "anwani ya TRON", "آدرس TRON";
        arbitrum_address: "Arbitrum address", "anwani ya Arbitrum", "آدرس Arbitrum";
        celo_address: "Celo address", "anwani ya Celo", "آدرس Celo";
        avalanche_address: "Avalanche address", "anwani ya Avalanche", "آدرس Avalanche";
        stellar_address: "Stellar address", "anwani ya Stellar", "آدرس Stellar";
        address: "address", "anwani", "آدرس";
    }
}

crate::catalogue! {
    /// Wallets: the partner's users and each one's wallet.
    pub struct WalletText {
        title: "Wallets", "Pochi", "کیف پول‌ها";
        lede: "Each user you create gets a wallet with an address on TRON, Arbitrum, Celo, Avalanche and Stellar. Choose a user to see their balances, cash their coins out to M-Pesa or buy them cUSD.",
            "Kila mtumiaji unayemuunda anapata pochi yenye anwani kwenye TRON, Arbitrum, Celo, Avalanche na Stellar. Chagua mtumiaji ili kuona salio lake, kutoa sarafu zake kwenda M-Pesa au kumnunulia cUSD.",
            "هر کاربری که می‌سازید یک کیف پول با یک آدرس روی TRON، Arbitrum، Celo، Avalanche و Stellar می‌گیرد. یک کاربر را انتخاب کنید تا موجودی‌هایش را ببینید، کوین‌هایش را به M-Pesa نقد کنید یا برایش cUSD بخرید.";
        not_yours: "That user is not one of yours. Choose one from the list.",
            "Mtumiaji huyo si mmoja wa watumiaji wako. Chagua mmoja kutoka kwenye orodha.",
            "این کاربر از کاربران شما نیست. یکی را از فهرست انتخاب کنید.";
        your_users: "Your users", "Watumiaji wako", "کاربران شما";
        no_users: "No users yet", "Bado hakuna watumiaji", "هنوز کاربری نیست";
        no_users_body: "Create a user with their phone number. Their wallet is ready at once.",
            "Unda mtumiaji kwa namba yake ya simu. Pochi yake iko tayari mara moja.",
            "کاربر را با شمارهٔ تلفنش بسازید. کیف پولش بی‌درنگ آماده است.";
        row_meta: "{name} · created {date}", "{name} · aliundwa {date}", "{name} · ساخته‌شده در {date}";
        no_name: "No name yet", "Bado hana jina", "هنوز بی‌نام";
        created: "User created, with an address on {n} chains. Their wallet is open below.",
            "Mtumiaji ameundwa, akiwa na anwani kwenye mitandao {n}. Pochi yake iko wazi hapa chini.",
            "کاربر ساخته شد، با یک آدرس روی {n} شبکه. کیف پولش پایین باز است.";
        create_user: "Create a user", "Unda mtumiaji", "ساختن کاربر";
        create_note: "Enter the person's phone number. One number has one user.",
            "Weka namba ya simu ya mtu huyo. Namba moja ina mtumiaji mmoja.",
            "شمارهٔ تلفن فرد را وارد کنید. هر شماره یک کاربر دارد.";
        creating: "Creating…", "Inaunda…", "در حال ساختن…";
        create_the_user: "Create the user", "Unda mtumiaji huyu", "ساختن این کاربر";
        wallet_of: "Wallet of {phone}", "Pochi ya {phone}", "کیف پول {phone}";
        add_details: "Not verified yet: add their details", "Bado hajathibitishwa: ongeza taarifa zake", "هنوز تأیید نشده: مشخصاتش را اضافه کنید";
        sandbox: "Sandbox: no real coins move. Each chain's \"Receive 10 test …\" button sends test coins to its address; they show as arriving until the next block, a few seconds later.",
            "Sandbox: hakuna sarafu halisi zinazohamishwa. Kitufe cha \"Pokea … 10 za majaribio\" cha kila mtandao hutuma sarafu za majaribio kwenye anwani yake; zinaonekana kama zinawasili hadi bloku inayofuata, sekunde chache baadaye.",
            "محیط آزمایشی: هیچ کوین واقعی جابه‌جا نمی‌شود. دکمهٔ «دریافت 10 … آزمایشی» هر شبکه کوین آزمایشی به آدرس آن می‌فرستد؛ این کوین‌ها تا بلاک بعدی، چند ثانیه بعد، «در راه» نمایش داده می‌شوند.";
        arriving: "Arriving: {amount}", "Zinawasili: {amount}", "در راه: {amount}";
        balance: "Balance", "Salio", "موجودی";
        address: "Address", "Anwani", "آدرس";
        show_qr: "Show the QR code", "Onyesha msimbo wa QR", "نمایش کد QR";
        qr_alt: "QR code of the {chain} address {address}", "Msimbo wa QR wa anwani ya {chain} {address}", "کد QR آدرس {chain} {address}";
        test_sent: "{n} test {symbol} are on their way on {chain}. They show as arriving until the next block.",
            "{symbol} {n} za majaribio ziko njiani kwenye {chain}. Zinaonekana kama zinawasili hadi bloku inayofuata.",
            "{n} {symbol} آزمایشی روی {chain} در راه است. تا بلاک بعدی «در راه» نمایش داده می‌شود.";
        sending: "Sending…", "Inatuma…", "در حال ارسال…";
        receive_test: "Receive {n} test {symbol}", "Pokea {symbol} {n} za majaribio", "دریافت {n} {symbol} آزمایشی";
    }
}

crate::catalogue! {
    /// A user's coins moving: cash-out to M-Pesa, cUSD bought, USDT bought by M-Pesa.
    pub struct CashoutText {
        loading_rate: "Loading today's rate…", "Inapakia kiwango cha leo…", "در حال بارگذاری نرخ امروز…";
        rate_failed: "Could not load today's rate: {error}", "Imeshindwa kupakia kiwango cha leo: {error}", "نرخ امروز بارگذاری نشد: {error}";
        no_rate: "There is no rate for {symbol} in {currency} today.", "Hakuna kiwango cha {symbol} kwa {currency} leo.", "امروز نرخی برای {symbol} به {currency} وجود ندارد.";
        rate_today_so: "{rate} today, so {figure}.", "{rate} leo, kwa hiyo {figure}.", "امروز {rate}، پس {figure}.";
        rate_today: "{rate} today.", "{rate} leo.", "امروز {rate}.";
        load_again: "Load the rate again", "Pakia kiwango tena", "بارگذاری دوبارهٔ نرخ";
        holds: "This wallet holds {amount}.", "Pochi hii ina {amount}.", "این کیف پول {amount} دارد.";
        pays_figure: "{coins} pays {money}", "{coins} zinalipa {money}", "با {coins}، {money} پرداخت می‌شود";
        holds_at_most: "This wallet holds {amount}. Cash out at most that.",
            "Pochi hii ina {amount}. Usitoe zaidi ya hicho.",
            "این کیف پول {amount} دارد. حداکثر همین مقدار را نقد کنید.";
        rate_not_loaded: "Today's rate for {symbol} has not loaded, so the payout cannot be worked out yet. Try again in a moment.",
            "Kiwango cha leo cha {symbol} hakijapakiwa, kwa hiyo malipo hayawezi kukokotolewa bado. Jaribu tena baada ya muda mfupi.",
            "نرخ امروز {symbol} هنوز بارگذاری نشده است، پس مبلغ پرداخت هنوز محاسبه نمی‌شود. کمی بعد دوباره امتحان کنید.";
        smaller: "Use a smaller amount.", "Tumia kiasi kidogo zaidi.", "مقدار کمتری وارد کنید.";
        pays_less: "This pays less than {min}. Cash out more.", "Hii inalipa chini ya {min}. Toa zaidi.", "این کمتر از {min} پرداخت می‌کند. مقدار بیشتری نقد کنید.";
        pays_more: "This pays more than {max}, the most one M-Pesa payout can be. Cash out less.",
            "Hii inalipa zaidi ya {max}, kiwango cha juu cha malipo moja ya M-Pesa. Toa kidogo.",
            "این بیش از {max} پرداخت می‌کند، که سقف یک پرداخت M-Pesa است. مقدار کمتری نقد کنید.";
        stayed: "{coins} stayed in the escrow and nothing was paid out. Keep the escrow transaction {tx} to ask Kotani Pay about them.",
            "{coins} zilibaki kwenye escrow na hakuna kilicholipwa. Hifadhi muamala wa escrow {tx} ili kuuliza Kotani Pay kuhusu sarafu hizo.",
            "{coins} در حساب امانی ماند و چیزی پرداخت نشد. تراکنش حساب امانی {tx} را نگه دارید تا دربارهٔ آن از Kotani Pay بپرسید.";
        heading: "Cash out to M-Pesa", "Toa kwenda M-Pesa", "نقد کردن به M-Pesa";
        intro: "Turn the user's stablecoins into money on an M-Pesa phone. The coins go to Kotani Pay's escrow, then M-Pesa pays the phone. Only coins that have arrived (not those still arriving) can be cashed out.",
            "Badilisha stablecoin za mtumiaji kuwa pesa kwenye simu ya M-Pesa. Sarafu huenda kwenye escrow ya Kotani Pay, kisha M-Pesa hulipa simu. Sarafu zilizokwisha kuwasili pekee (si zile ambazo bado zinawasili) ndizo zinazoweza kutolewa.",
            "استیبل‌کوین‌های کاربر را به پول در یک تلفن M-Pesa تبدیل کنید. کوین‌ها به حساب امانی Kotani Pay می‌روند، سپس M-Pesa به آن تلفن پرداخت می‌کند. فقط کوین‌هایی که رسیده‌اند (نه آن‌هایی که هنوز در راه‌اند) نقد می‌شوند.";
        sandbox: "Sandbox: payouts settle by themselves about 2 seconds after they are made. A payout to a phone number ending in 0000 fails.",
            "Sandbox: malipo hukamilika yenyewe takriban sekunde 2 baada ya kufanywa. Malipo kwa namba ya simu inayoishia na 0000 hushindwa.",
            "محیط آزمایشی: پرداخت‌ها حدود 2 ثانیه پس از انجام، خودبه‌خود تسویه می‌شوند. پرداخت به شماره‌ای که به 0000 ختم شود ناموفق است.";
        coins_to_cash_out: "Coins to cash out", "Sarafu za kutoa", "کوین برای نقد کردن";
        on_chain: "{symbol} on {chain}", "{symbol} kwenye {chain}", "{symbol} روی {chain}";
        amount_of_coins: "Amount of coins", "Kiasi cha sarafu", "مقدار کوین";
        like_amount: "Like 10 or 12.5", "Kwa mfano 10 au 12.5", "مانند 10 یا 12.5";
        mpesa_number: "M-Pesa number to pay", "Namba ya M-Pesa ya kulipwa", "شمارهٔ M-Pesa دریافت‌کننده";
        review: "Review the cash-out", "Kagua utoaji", "بازبینی نقد کردن";
        sending_escrow: "Sending the coins to the escrow…", "Inatuma sarafu kwenye escrow…", "در حال ارسال کوین‌ها به حساب امانی…";
        asking_mpesa: "Asking M-Pesa to pay…", "Inaomba M-Pesa ilipe…", "در حال درخواست پرداخت از M-Pesa…";
        ask_again: "Ask again for the payout of {amount}", "Omba tena malipo ya {amount}", "درخواست دوبارهٔ پرداخت {amount}";
        cash_out: "Cash out {amount}", "Toa {amount}", "نقد کردن {amount}";
        did_not_start: "The payout did not start", "Malipo hayakuanza", "پرداخت آغاز نشد";
        confirm: "Confirm the cash-out", "Thibitisha utoaji", "تأیید نقد کردن";
        from: "From", "Kutoka", "از";
        wallet_of_chain: "The {chain} wallet of {phone}", "Pochi ya {chain} ya {phone}", "کیف پول {chain} متعلق به {phone}";
        coins: "Coins", "Sarafu", "کوین‌ها";
        todays_rate: "Today's rate", "Kiwango cha leo", "نرخ امروز";
        mpesa_pays: "M-Pesa pays", "M-Pesa inalipa", "پرداخت M-Pesa";
        to: "To", "Kwa", "به";
        escrow_tx: "Escrow transaction", "Muamala wa escrow", "تراکنش حساب امانی";
        escrow_hash: "escrow transaction hash", "hashi ya muamala wa escrow", "هش تراکنش حساب امانی";
        retry_note: "The coins are in the escrow already. Ask for the payout again: they are not sent twice.",
            "Sarafu tayari ziko kwenye escrow. Omba malipo tena: hazitatumwa mara mbili.",
            "کوین‌ها از قبل در حساب امانی‌اند. دوباره درخواست پرداخت کنید: دو بار فرستاده نمی‌شوند.";
        confirm_note: "The coins leave the wallet for the escrow, then M-Pesa pays the phone. A cash-out cannot be undone.",
            "Sarafu zinatoka kwenye pochi kwenda escrow, kisha M-Pesa inalipa simu. Utoaji hauwezi kutenguliwa.",
            "کوین‌ها از کیف پول به حساب امانی می‌روند، سپس M-Pesa به تلفن پرداخت می‌کند. نقد کردن برگشت‌پذیر نیست.";
        give_up: "Give up", "Acha", "منصرف شدن";
        change: "Change", "Badilisha", "تغییر";
        the_coins: "The coins", "Sarafu", "کوین‌ها";
        sent_to_escrow: "Sent to the escrow", "Zilizotumwa kwenye escrow", "ارسال‌شده به حساب امانی";
        rate: "Rate", "Kiwango", "نرخ";
        payout: "Payout", "Malipo", "پرداخت";
        costs_from_wallet: "this costs {money} from your wallet", "hii inagharimu {money} kutoka kwenye pochi yako", "این {money} از کیف پول شما هزینه دارد";
        wallet_has: "Your wallet has {money} available.", "Pochi yako ina {money} zinazopatikana.", "کیف پول شما {money} موجودی قابل‌استفاده دارد.";
        costs_more: "This costs {cost}, more than the {available} your wallet has available.",
            "Hii inagharimu {cost}, zaidi ya {available} zinazopatikana kwenye pochi yako.",
            "این {cost} هزینه دارد، بیش از {available} که در کیف پول شما موجود است.";
        buying: "Buying…", "Inanunua…", "در حال خرید…";
        buy_for: "Buy for {money}", "Nunua kwa {money}", "خرید با {money}";
        buy_cusd: "Buy cUSD", "Nunua cUSD", "خرید cUSD";
        buy_intro: "Buy Celo dollars for the user with the money in your wallet. They arrive at the user's Celo address.",
            "Mnunulie mtumiaji dola za Celo kwa pesa zilizo kwenye pochi yako. Zinafika kwenye anwani ya Celo ya mtumiaji.",
            "با پول کیف پولتان برای کاربر دلار Celo بخرید. به آدرس Celo کاربر می‌رسد.";
        users_phone: "The user's phone number", "Namba ya simu ya mtumiaji", "شمارهٔ تلفن کاربر";
        cusd_to_buy: "cUSD to buy", "cUSD za kununua", "مقدار cUSD برای خرید";
        bought: "Bought {coins}", "Umenunua {coins}", "{coins} خریداری شد";
        cost: "Cost", "Gharama", "هزینه";
        sent_to: "Sent to", "Imetumwa kwa", "ارسال به";
        transaction: "Transaction", "Muamala", "تراکنش";
        tx_hash: "transaction hash", "hashi ya muamala", "هش تراکنش";
        buy_more: "Buy more", "Nunua zaidi", "خرید بیشتر";
        once_approves: "Once the phone approves, about {amount} goes to the TRON address {address}.",
            "Simu ikiidhinisha, takriban {amount} zitaenda kwenye anwani ya TRON {address}.",
            "پس از تأیید در تلفن، حدود {amount} به آدرس TRON {address} می‌رود.";
        buy_usdt: "Buy USDT by M-Pesa", "Nunua USDT kwa M-Pesa", "خرید USDT با M-Pesa";
        buy_usdt_intro: "The phone gets an M-Pesa prompt. Once its owner approves with their PIN, USDT on TRON goes to the user's TRON address at today's rate.",
            "Simu inapokea ombi la M-Pesa. Mmiliki wake akiidhinisha kwa PIN yake, USDT kwenye TRON zinaenda kwenye anwani ya TRON ya mtumiaji kwa kiwango cha leo.",
            "تلفن یک درخواست M-Pesa دریافت می‌کند. وقتی صاحبش با PIN خود تأیید کند، USDT روی TRON با نرخ امروز به آدرس TRON کاربر می‌رود.";
        usdt_sandbox: "Sandbox: approve the prompt on the simulated phone with PIN 1234.",
            "Sandbox: idhinisha ombi kwenye simu ya kuigiza kwa PIN 1234.",
            "محیط آزمایشی: درخواست را روی تلفن شبیه‌سازی‌شده با PIN 1234 تأیید کنید.";
        amount_kes: "Amount (KES)", "Kiasi (KES)", "مبلغ (KES)";
        whole_shillings: "Whole shillings, 1 to 250,000", "Shilingi kamili, 1 hadi 250,000", "شیلینگ کامل، از 1 تا 250,000";
        sending_prompt: "Sending the prompt…", "Inatuma ombi…", "در حال ارسال درخواست…";
        send_prompt: "Send the M-Pesa prompt", "Tuma ombi la M-Pesa", "ارسال درخواست M-Pesa";
    }
}

crate::catalogue! {
    /// Verification: where a user stands, and their details.
    pub struct VerifyText {
        title: "Verification", "Uthibitishaji", "احراز هویت";
        lede: "A user is verified once their first name, last name and email are on file. Type or choose their phone number to see where they stand, then fill in their details.",
            "Mtumiaji huthibitishwa pindi jina lake la kwanza, jina la mwisho na barua pepe vinapohifadhiwa. Andika au chagua namba yake ya simu ili kuona hali yake, kisha ujaze taarifa zake.",
            "کاربر وقتی تأیید می‌شود که نام، نام خانوادگی و ایمیلش ثبت شده باشد. شمارهٔ تلفنش را بنویسید یا انتخاب کنید تا وضعیتش را ببینید، سپس مشخصاتش را پر کنید.";
        find_user: "Find a user", "Tafuta mtumiaji", "یافتن کاربر";
        check_status: "Check their status", "Angalia hali yake", "بررسی وضعیت";
        status: "Status", "Hali", "وضعیت";
        status_empty: "Check a user's phone number to see whether they are verified, and to fill in their details.",
            "Angalia namba ya simu ya mtumiaji ili kuona kama amethibitishwa, na kujaza taarifa zake.",
            "شمارهٔ تلفن یک کاربر را بررسی کنید تا ببینید تأیید شده است یا نه، و مشخصاتش را پر کنید.";
        saved_verified: "Details saved: {phone} is verified.", "Taarifa zimehifadhiwa: {phone} amethibitishwa.", "مشخصات ذخیره شد: {phone} تأیید شد.";
        saved_for: "Details saved for {phone}.", "Taarifa za {phone} zimehifadhiwa.", "مشخصات {phone} ذخیره شد.";
        enter_first: "Enter the first name.", "Weka jina la kwanza.", "نام را وارد کنید.";
        enter_last: "Enter the last name.", "Weka jina la mwisho.", "نام خانوادگی را وارد کنید.";
        email_bad: "Enter an email address like name@example.com.",
            "Weka anwani ya barua pepe kama name@example.com.",
            "یک نشانی ایمیل مانند name@example.com وارد کنید.";
        verified_line: "Verified: their name and email are on file.",
            "Amethibitishwa: jina lake na barua pepe vimehifadhiwa.",
            "تأییدشده: نام و ایمیلش ثبت شده است.";
        not_verified_line: "Not verified yet. Fill in their details below; this status is checked again every {n} seconds.",
            "Bado hajathibitishwa. Jaza taarifa zake hapa chini; hali hii hukaguliwa tena kila sekunde {n}.",
            "هنوز تأیید نشده. مشخصاتش را در پایین پر کنید؛ این وضعیت هر {n} ثانیه دوباره بررسی می‌شود.";
        their_details: "Their details", "Taarifa zake", "مشخصات کاربر";
        details_note: "As on their ID document. Saving them verifies the user.",
            "Kama zilivyo kwenye kitambulisho chake. Kuzihifadhi kunamthibitisha mtumiaji.",
            "مطابق مدرک شناسایی‌اش. با ذخیرهٔ آن‌ها کاربر تأیید می‌شود.";
        first_name: "First name", "Jina la kwanza", "نام";
        last_name: "Last name", "Jina la mwisho", "نام خانوادگی";
        email: "Email", "Barua pepe", "ایمیل";
        save_details: "Save their details", "Hifadhi taarifa zake", "ذخیرهٔ مشخصات";
    }
}

crate::catalogue! {
    /// UBI: beneficiaries of a programme, and their claims.
    pub struct UbiText {
        page_title: "UBI", "Kipato cha msingi (UBI)", "درآمد پایه (UBI)";
        enter_programme: "Enter the programme id.", "Weka kitambulisho cha mpango.", "شناسهٔ برنامه را وارد کنید.";
        asking: "Asking…", "Inauliza…", "در حال پرسیدن…";
        answer_here: "The answer shows here: whether the person is a beneficiary, this month's disbursement and whether they have claimed it.",
            "Jibu litaonekana hapa: kama mtu huyo ni mnufaika, mgao wa mwezi huu na kama ameshaudai.",
            "پاسخ اینجا نمایش داده می‌شود: اینکه فرد ذی‌نفع است یا نه، توزیع این ماه و اینکه آن را دریافت کرده است یا نه.";
        lede: "Universal basic income: each disbursement pays every beneficiary of a programme once. Add a person to a programme, check where they stand, and claim their payment.",
            "Mapato ya msingi kwa wote: kila mgao humlipa kila mnufaika wa mpango mara moja. Ongeza mtu kwenye mpango, angalia hali yake, na udai malipo yake.",
            "درآمد پایهٔ همگانی: هر توزیع یک بار به هر ذی‌نفع برنامه پرداخت می‌کند. فردی را به برنامه اضافه کنید، وضعیتش را بررسی کنید و پرداختش را دریافت کنید.";
        person_programme: "Person and programme", "Mtu na mpango", "فرد و برنامه";
        programme_id: "Programme id", "Kitambulisho cha mpango", "شناسهٔ برنامه";
        programme_hint: "The id of the UBI programme, as Kotani Pay gave it to you",
            "Kitambulisho cha mpango wa UBI, kama Kotani Pay walivyokupa",
            "شناسهٔ برنامهٔ UBI، همان‌طور که Kotani Pay به شما داده است";
        am_i: "Am I a beneficiary?", "Je, mimi ni mnufaika?", "آیا ذی‌نفع هستم؟";
        checking: "Checking…", "Inakagua…", "در حال بررسی…";
        add: "Add as beneficiary", "Ongeza kama mnufaika", "افزودن به‌عنوان ذی‌نفع";
        adding: "Adding…", "Inaongeza…", "در حال افزودن…";
        claim: "Claim", "Dai", "دریافت";
        claiming: "Claiming…", "Inadai…", "در حال دریافت…";
        note: "You add beneficiaries as the partner. \"Am I a beneficiary?\" and \"Claim\" act for the person with this number; a claim is paid once per disbursement.",
            "Unaongeza wanufaika kama mshirika. \"Je, mimi ni mnufaika?\" na \"Dai\" hufanya kazi kwa niaba ya mtu mwenye namba hii; dai hulipwa mara moja kwa kila mgao.",
            "شما به‌عنوان شریک، ذی‌نفع اضافه می‌کنید. «آیا ذی‌نفع هستم؟» و «دریافت» از طرف صاحب این شماره عمل می‌کنند؛ هر دریافت در هر توزیع فقط یک بار پرداخت می‌شود.";
        result: "Result", "Matokeo", "نتیجه";
        yes_is: "Yes: {phone} is a beneficiary of programme {program}.",
            "Ndiyo: {phone} ni mnufaika wa mpango {program}.",
            "بله: {phone} ذی‌نفع برنامهٔ {program} است.";
        no_is: "No: {phone} is not a beneficiary of programme {program}.",
            "Hapana: {phone} si mnufaika wa mpango {program}.",
            "خیر: {phone} ذی‌نفع برنامهٔ {program} نیست.";
        transaction_id: "Transaction id", "Kitambulisho cha muamala", "شناسهٔ تراکنش";
        transaction_id_what: "transaction id", "kitambulisho cha muamala", "شناسهٔ تراکنش";
        beneficiary: "Beneficiary", "Mnufaika", "ذی‌نفع";
        yes: "Yes", "Ndiyo", "بله";
        no: "No", "Hapana", "خیر";
        disbursement: "Disbursement", "Mgao", "توزیع";
        claimed: "Claimed", "Imedaiwa", "دریافت‌شده";
        not_yet: "Not yet", "Bado", "هنوز نه";
        amount: "Amount", "Kiasi", "مقدار";
        january: "January", "Januari", "ژانویه";
        february: "February", "Februari", "فوریه";
        march: "March", "Machi", "مارس";
        april: "April", "Aprili", "آوریل";
        may: "May", "Mei", "مه";
        june: "June", "Juni", "ژوئن";
        july: "July", "Julai", "ژوئیه";
        august: "August", "Agosti", "اوت";
        september: "September", "Septemba", "سپتامبر";
        october: "October", "Oktoba", "اکتبر";
        november: "November", "Novemba", "نوامبر";
        december: "December", "Desemba", "دسامبر";
    }
}

impl UbiText {
    /// The months, January first.
    pub fn months(&self) -> [&'static str; 12] {
        [
            self.january,
            self.february,
            self.march,
            self.april,
            self.may,
            self.june,
            self.july,
            self.august,
            self.september,
            self.october,
            self.november,
            self.december,
        ]
    }
}

crate::catalogue! {
    /// The Ramp's developer page: partner credentials, company id, callback deliveries.
    pub struct DevelopersText {
        title: "Ramp developers", "Wasanidi wa Ramp", "توسعه‌دهندگان رمپ";
        company_heading: "KiotaPay company id", "Kitambulisho cha kampuni cha KiotaPay", "شناسهٔ شرکت KiotaPay";
        company_note: "The companyId of KiotaPay's till look-up (GET /kiota/api/sandbox/v1/till/single).",
            "companyId ya utafutaji wa till wa KiotaPay (GET /kiota/api/sandbox/v1/till/single).",
            "companyId برای جست‌وجوی till در KiotaPay (GET /kiota/api/sandbox/v1/till/single).";
        saved: "Partner credentials saved.", "Vitambulisho vya mshirika vimehifadhiwa.", "اطلاعات ورود شریک ذخیره شد.";
        choose_country: "Choose Kenya or Ghana.", "Chagua Kenya au Ghana.", "کنیا یا غنا را انتخاب کنید.";
        password_len: "Use 6 to 128 characters.", "Tumia herufi 6 hadi 128.", "از 6 تا 128 نویسه استفاده کنید.";
        kenya: "Kenya", "Kenya", "کنیا";
        ghana: "Ghana", "Ghana", "غنا";
        partner_heading: "Partner credentials", "Vitambulisho vya mshirika", "اطلاعات ورود شریک";
        phone_number: "Phone number", "Namba ya simu", "شمارهٔ تلفن";
        country: "Country", "Nchi", "کشور";
        currency: "Currency", "Sarafu", "ارز";
        not_set: "Not set yet. Set them to open your wallet.",
            "Bado hazijawekwa. Ziweke ili kufungua pochi yako.",
            "هنوز تعیین نشده‌اند. برای باز شدن کیف پولتان آن‌ها را تعیین کنید.";
        with_these: "With these, {login} returns an accessToken; send it as {header} with every call to the API.",
            "Kwa hivi, {login} hurudisha accessToken; itume kama {header} pamoja na kila ombi kwa API.",
            "با این‌ها، {login} یک accessToken برمی‌گرداند؛ آن را به‌صورت {header} همراه هر فراخوانی API بفرستید.";
        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
        login_example: "login example", "mfano wa kuingia", "نمونهٔ ورود";
        phone_hint: "With the country code, like 254712345678 or 233241234567",
            "Pamoja na msimbo wa nchi, kwa mfano 254712345678 au 233241234567",
            "با کد کشور، مانند 254712345678 یا 233241234567";
        password: "Password", "Nenosiri", "گذرواژه";
        password_hint: "6 to 128 characters. Kitty never shows it again.",
            "Herufi 6 hadi 128. Kitty haitalionyesha tena.",
            "6 تا 128 نویسه. Kitty دیگر آن را نشان نمی‌دهد.";
        saving: "Saving…", "Inahifadhi…", "در حال ذخیره…";
        save_credentials: "Save credentials", "Hifadhi vitambulisho", "ذخیرهٔ اطلاعات ورود";
        company_id_what: "company id", "kitambulisho cha kampuni", "شناسهٔ شرکت";
        callbacks_heading: "Callback deliveries", "Uwasilishaji wa callback", "تحویل‌های callback";
        callbacks_about: "Each deposit or payout with a callback address POSTs its result there; failed deliveries are tried again.",
            "Kila amana au malipo yenye anwani ya callback hutuma (POST) matokeo yake huko; uwasilishaji ulioshindwa hujaribiwa tena.",
            "هر واریز یا پرداختی که نشانی callback دارد، نتیجه‌اش را با POST به آنجا می‌فرستد؛ تحویل‌های ناموفق دوباره امتحان می‌شوند.";
        callbacks_empty: "No callbacks yet", "Bado hakuna callback", "هنوز callback‌ای نیست";
        callbacks_empty_text: "Give a deposit or payout a callback address and its result is POSTed there.",
            "Ipe amana au malipo anwani ya callback na matokeo yake yatatumwa (POST) huko.",
            "به یک واریز یا پرداخت نشانی callback بدهید تا نتیجه‌اش با POST به آنجا فرستاده شود.";
        webhooks_about: "Each Fiat Connect transfer's statuses are POSTed to your webhook, signed with the webhook secret (Standard Webhooks); failed deliveries are tried again.",
            "Hali za kila uhamisho wa Fiat Connect hutumwa (POST) kwa webhook yako, zikiwa zimesainiwa kwa siri ya webhook (Standard Webhooks); uwasilishaji ulioshindwa hujaribiwa tena.",
            "وضعیت‌های هر انتقال Fiat Connect با POST به وب‌هوک شما فرستاده و با رمز وب‌هوک امضا می‌شوند (Standard Webhooks)؛ تحویل‌های ناموفق دوباره امتحان می‌شوند.";
        webhooks_empty_text: "When a wallet makes a transfer through Fiat Connect, each of its statuses is sent to your webhook.",
            "Pochi inapofanya uhamisho kupitia Fiat Connect, kila hali yake hutumwa kwa webhook yako.",
            "وقتی یک کیف پول از طریق Fiat Connect انتقالی انجام دهد، هر وضعیت آن به وب‌هوک شما فرستاده می‌شود.";
        delivered_to: "Delivered to {url}.", "Imewasilishwa kwa {url}.", "به {url} تحویل شد.";
        still_not: "Still not delivered to {url}: {why}", "Bado haijawasilishwa kwa {url}: {why}", "هنوز به {url} تحویل نشده: {why}";
        next_try: "Next try {time}", "Jaribio lijalo {time}", "تلاش بعدی {time}";
        resend_what: " the {event} delivery to {url}", " uwasilishaji wa {event} kwa {url}", " تحویل {event} به {url}";
    }
}

impl DevelopersText {
    /// A country's name in this language.
    pub fn country_name(&self, country: kitty_api::ramp::Country) -> &'static str {
        match country {
            kitty_api::ramp::Country::KEN => self.kenya,
            kitty_api::ramp::Country::GH => self.ghana,
        }
    }
}

crate::catalogue! {
    /// Fiat Connect: its credentials, and the Sign-In with Ethereum demo.
    pub struct FiatConnectText {
        credentials_heading: "Fiat Connect credentials", "Vitambulisho vya Fiat Connect", "اطلاعات ورود Fiat Connect";
        reach: "Wallets reach Fiat Connect at {url}. They send the API key as {header} on transfers, and each transfer's statuses are POSTed to your webhook.",
            "Pochi hufikia Fiat Connect kupitia {url}. Hutuma ufunguo wa API kama {header} kwenye uhamisho, na hali za kila uhamisho hutumwa (POST) kwa webhook yako.",
            "کیف پول‌ها از طریق {url} به Fiat Connect دسترسی دارند. کلید API را در انتقال‌ها به‌صورت {header} می‌فرستند و وضعیت‌های هر انتقال با POST به وب‌هوک شما فرستاده می‌شود.";
        webhook_address: "Webhook address", "Anwani ya webhook", "نشانی وب‌هوک";
        webhook_hint: "Where transfer statuses are POSTed, like https://wallet.example/fiatconnect.",
            "Mahali hali za uhamisho hutumwa (POST), kwa mfano https://wallet.example/fiatconnect.",
            "جایی که وضعیت‌های انتقال با POST فرستاده می‌شوند، مانند https://wallet.example/fiatconnect.";
        creating: "Creating…", "Inaunda…", "در حال ساختن…";
        create: "Create credentials", "Unda vitambulisho", "ساختن اطلاعات ورود";
        replaces: "Creating them again replaces the API key and the webhook secret at once.",
            "Kuviunda tena kunabadilisha ufunguo wa API na siri ya webhook papo hapo.",
            "ساختن دوبارهٔ آن‌ها کلید API و رمز وب‌هوک را بی‌درنگ جایگزین می‌کند.";
        copy_now: "Copy these now.", "Nakili hivi sasa.", "همین حالا این‌ها را کپی کنید.";
        shown_once: " They are shown once: Kitty keeps only a fingerprint of the API key.",
            " Vinaonyeshwa mara moja tu: Kitty huhifadhi alama ya utambulisho (fingerprint) ya ufunguo wa API pekee.",
            " فقط یک بار نمایش داده می‌شوند: Kitty فقط اثرانگشتی از کلید API نگه می‌دارد.";
        copy: "Copy", "Nakili", "کپی";
        copied: "Copied", "Imenakiliwa", "کپی شد";
        api_key: "API key", "Ufunguo wa API", "کلید API";
        api_key_what: "Fiat Connect API key", "ufunguo wa API wa Fiat Connect", "کلید API برای Fiat Connect";
        webhook_secret: "Webhook secret", "Siri ya webhook", "رمز وب‌هوک";
        webhook_secret_what: "webhook secret", "siri ya webhook", "رمز وب‌هوک";
        webhooks_note: "Webhooks to {url} carry webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks), which any Standard Webhooks library checks with this secret.",
            "Webhook kwenda {url} hubeba vichwa vya webhook-id, webhook-timestamp na webhook-signature (Standard Webhooks), ambavyo maktaba yoyote ya Standard Webhooks hukagua kwa siri hii.",
            "وب‌هوک‌های ارسالی به {url} سرآیندهای webhook-id، webhook-timestamp و webhook-signature (Standard Webhooks) دارند که هر کتابخانهٔ Standard Webhooks با این رمز بررسی‌شان می‌کند.";
        clock_bad: "The server's clock said {time}, which is not a time.",
            "Saa ya seva ilionyesha {time}, ambayo si wakati halali.",
            "ساعت سرور {time} را نشان داد که زمان معتبری نیست.";
        alfajores: "Alfajores, Celo's test network (44787)", "Alfajores, mtandao wa majaribio wa Celo (44787)", "Alfajores، شبکهٔ آزمایشی Celo (44787)";
        siwe_heading: "Sign-in with Ethereum, in this browser", "Kuingia kwa Ethereum, katika kivinjari hiki", "ورود با Ethereum، در همین مرورگر";
        siwe_explain: "A wallet signs in to Fiat Connect with an EIP-4361 message signed by its key (EIP-191). This makes a throw-away sandbox key in this page, signs such a message with it, and signs in with {login}. The key never leaves the page.",
            "Pochi huingia kwenye Fiat Connect kwa ujumbe wa EIP-4361 uliosainiwa kwa ufunguo wake (EIP-191). Hiki huunda ufunguo wa sandbox wa kutumika mara moja ndani ya ukurasa huu, husaini ujumbe kama huo kwa ufunguo huo, na huingia kwa {login}. Ufunguo hauondoki kwenye ukurasa.",
            "کیف پول با پیامی از نوع EIP-4361 که با کلیدش امضا شده (EIP-191) وارد Fiat Connect می‌شود. این بخش در همین صفحه یک کلید آزمایشی یک‌بارمصرف می‌سازد، چنین پیامی را با آن امضا می‌کند و با {login} وارد می‌شود. کلید هرگز از صفحه خارج نمی‌شود.";
        make_another: "Make another key", "Unda ufunguo mwingine", "ساختن کلیدی دیگر";
        make_key: "Make a sandbox key", "Unda ufunguo wa sandbox", "ساختن کلید آزمایشی";
        its_address: "Its address", "Anwani yake", "آدرس آن";
        address_what: "address", "anwani", "آدرس";
        chain: "Chain", "Mtandao", "شبکه";
        signing_in: "Signing in…", "Inaingia…", "در حال ورود…";
        sign_and_sign_in: "Sign a message and sign in", "Saini ujumbe kisha uingie", "امضای پیام و ورود";
        message_sig: "The message and its signature", "Ujumbe na sahihi yake", "پیام و امضای آن";
        send_again: "Send the same message again", "Tuma ujumbe ule ule tena", "ارسال دوبارهٔ همان پیام";
        accounts_none: "With the session cookie, GET /kotani/fiatconnect/accounts answers: this wallet has no fiat accounts yet.",
            "Kwa kidakuzi cha kikao, GET /kotani/fiatconnect/accounts inajibu: pochi hii bado haina akaunti za fiat.",
            "با کوکی نشست، GET /kotani/fiatconnect/accounts پاسخ می‌دهد: این کیف پول هنوز حساب فیات ندارد.";
        accounts_one: "With the session cookie, GET /kotani/fiatconnect/accounts answers: this wallet has 1 fiat account.",
            "Kwa kidakuzi cha kikao, GET /kotani/fiatconnect/accounts inajibu: pochi hii ina akaunti 1 ya fiat.",
            "با کوکی نشست، GET /kotani/fiatconnect/accounts پاسخ می‌دهد: این کیف پول 1 حساب فیات دارد.";
        accounts_other: "With the session cookie, GET /kotani/fiatconnect/accounts answers: this wallet has {n} fiat accounts.",
            "Kwa kidakuzi cha kikao, GET /kotani/fiatconnect/accounts inajibu: pochi hii ina akaunti {n} za fiat.",
            "با کوکی نشست، GET /kotani/fiatconnect/accounts پاسخ می‌دهد: این کیف پول {n} حساب فیات دارد.";
        accounts_failed: "Signed in, but the accounts did not load: {error}", "Umeingia, lakini akaunti hazikupakia: {error}", "وارد شدید، اما حساب‌ها بارگذاری نشدند: {error}";
        signed_in: "Signed in", "Umeingia", "وارد شد";
        as_until: "As {address} until {time}.", "Kama {address} hadi {time}.", "به‌عنوان {address} تا {time}.";
        not_signed_in: "Not signed in", "Hujaingia", "وارد نشد";
    }
}

impl VerifyText {
    /// A message of `kitty_api::validate::email` in this language.
    pub fn email_problem(&self, english: &str) -> String {
        if english == "Enter an email address like name@example.com." {
            self.email_bad.into()
        } else {
            english.into()
        }
    }
}
