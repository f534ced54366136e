//! What each error code of the server means, for a person: the server's `error` field
//! (`kitty_api::error::code`) is translated here, and the app's own failures (no connection,
//! cancelled, an answer it cannot read) have phrases of their own.

crate::catalogue! {
    pub struct Errors {
        bad_request: "The request could not be read. Reload the page and try again.",
            "Ombi halikueleweka. Pakia upya ukurasa kisha ujaribu tena.",
            "درخواست خوانده نشد. صفحه را دوباره بارگذاری کنید و دوباره امتحان کنید.";
        unauthorized: "Sign in to continue.",
            "Ingia ili kuendelea.",
            "برای ادامه وارد شوید.";
        forbidden: "You are not allowed to do this.",
            "Huruhusiwi kufanya hivi.",
            "شما اجازهٔ این کار را ندارید.";
        csrf_failed: "This page is out of date. Reload it and try again.",
            "Ukurasa huu umepitwa na wakati. Upakie upya kisha ujaribu tena.",
            "این صفحه قدیمی شده است. آن را دوباره بارگذاری کنید و دوباره امتحان کنید.";
        not_found: "It is not there any more, or it never was.",
            "Haipo tena, au haikuwepo kamwe.",
            "دیگر وجود ندارد، یا هرگز وجود نداشته است.";
        conflict: "That cannot be done now: something changed it first.",
            "Hilo haliwezekani sasa: kuna kilichobadilika kwanza.",
            "این کار اکنون ممکن نیست: چیزی پیش از آن تغییر کرده است.";
        validation_failed: "Some fields need fixing.",
            "Baadhi ya sehemu zinahitaji kurekebishwa.",
            "برخی از فیلدها باید اصلاح شوند.";
        rate_limited: "Too many tries. Wait a little, then try again.",
            "Majaribio mengi mno. Subiri kidogo, kisha ujaribu tena.",
            "تلاش‌ها بیش از حد است. کمی صبر کنید و دوباره امتحان کنید.";
        payload_too_large: "That is too large to send.",
            "Hicho ni kikubwa mno kutuma.",
            "این برای ارسال بیش از حد بزرگ است.";
        unsupported_media_type: "That kind of file cannot be used here.",
            "Aina hiyo ya faili haiwezi kutumika hapa.",
            "این نوع فایل اینجا قابل استفاده نیست.";
        busy: "The server is busy. Try again in a moment.",
            "Seva ina shughuli nyingi. Jaribu tena baada ya muda mfupi.",
            "سرور مشغول است. کمی بعد دوباره امتحان کنید.";
        internal: "Something went wrong on our side. Try again; if it keeps happening, tell us.",
            "Kuna hitilafu upande wetu. Jaribu tena; ikiendelea, tujulishe.",
            "مشکلی در سمت ما پیش آمد. دوباره امتحان کنید؛ اگر ادامه داشت، به ما خبر دهید.";
        network: "Can't reach Kitty. Check your connection and try again.",
            "Imeshindwa kufikia Kitty. Angalia muunganisho wako kisha ujaribu tena.",
            "دسترسی به Kitty ممکن نیست. اتصال خود را بررسی کنید و دوباره امتحان کنید.";
        unreadable: "The server's answer could not be read. Reload the page.",
            "Jibu la seva halikusomeka. Pakia upya ukurasa.",
            "پاسخ سرور خوانده نشد. صفحه را دوباره بارگذاری کنید.";
        offline: "You're offline. This needs a connection — what you typed is kept.",
            "Huna mtandao. Hili linahitaji muunganisho — ulichoandika kimehifadhiwa.",
            "آفلاین هستید. این کار به اتصال نیاز دارد — آنچه نوشتید نگه داشته شده است.";
        cancelled: "You stopped waiting for this. Try again when you are ready.",
            "Uliacha kusubiri hili. Jaribu tena ukiwa tayari.",
            "انتظار برای این را متوقف کردید. هر وقت آماده بودید دوباره امتحان کنید.";
        /// Before the server's own words, when they are not in the person's language.
        server_said: "The server said:",
            "Seva ilisema:",
            "پیام سرور:";
    }
}

impl Errors {
    /// The phrase for an HTTP status the server sent without a body the app could read.
    pub fn for_status(&self, status: u16) -> &'static str {
        match status {
            400 => self.bad_request,
            401 => self.unauthorized,
            403 => self.forbidden,
            404 => self.not_found,
            409 => self.conflict,
            413 => self.payload_too_large,
            415 => self.unsupported_media_type,
            422 => self.validation_failed,
            429 => self.rate_limited,
            503 => self.busy,
            _ => self.internal,
        }
    }

    /// A failure as a person reads it in this language: the phrase for the server's code, then,
    /// when the person does not read English, the server's own (English) words after it, since
    /// they name the detail (which field, which limit). In English the server's words alone.
    pub fn say(
        &self,
        lang: crate::i18n::Lang,
        code: Option<&str>,
        status: u16,
        server: &str,
    ) -> String {
        if lang == crate::i18n::Lang::En && !server.is_empty() {
            return server.to_string();
        }
        let phrase = code
            .and_then(|c| self.for_code(c))
            .unwrap_or_else(|| self.for_status(status));
        if server.is_empty() || lang == crate::i18n::Lang::En {
            phrase.to_string()
        } else {
            format!("{phrase} {} {server}", self.server_said)
        }
    }

    /// The phrase for one of the server's error codes; `None` for a code this version does not
    /// know.
    pub fn for_code(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "bad_request" => self.bad_request,
            "unauthorized" => self.unauthorized,
            "forbidden" => self.forbidden,
            "csrf_failed" => self.csrf_failed,
            "not_found" => self.not_found,
            "conflict" => self.conflict,
            "validation_failed" => self.validation_failed,
            "rate_limited" => self.rate_limited,
            "payload_too_large" => self.payload_too_large,
            "unsupported_media_type" => self.unsupported_media_type,
            "busy" => self.busy,
            "internal" => self.internal,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_server_code_has_a_phrase_in_every_language() {
        use kitty_api::error::code;
        for lang in crate::i18n::Lang::ALL {
            for c in [
                code::BAD_REQUEST,
                code::UNAUTHORIZED,
                code::FORBIDDEN,
                code::CSRF,
                code::NOT_FOUND,
                code::CONFLICT,
                code::VALIDATION,
                code::RATE_LIMITED,
                code::TOO_LARGE,
                code::UNSUPPORTED_MEDIA,
                code::BUSY,
                code::INTERNAL,
            ] {
                assert!(Errors::of(lang).for_code(c).is_some(), "{c} in {lang:?}");
            }
        }
    }

    #[wasm_bindgen_test]
    fn a_failure_reads_in_the_persons_language_with_the_servers_detail() {
        use crate::i18n::Lang;
        let detail = "This invoice number is already used in this shop.";
        assert_eq!(
            Errors::EN.say(Lang::En, Some("conflict"), 409, detail),
            detail
        );
        assert_eq!(
            Errors::SW.say(Lang::Sw, Some("conflict"), 409, detail),
            format!(
                "{} {} {detail}",
                Errors::SW.conflict,
                Errors::SW.server_said
            )
        );
        // No body: the phrase for the status.
        assert_eq!(
            Errors::FA.say(Lang::Fa, None, 429, ""),
            Errors::FA.rate_limited
        );
        assert_eq!(Errors::EN.say(Lang::En, None, 503, ""), Errors::EN.busy);
    }
}
