//! The messages of `kitty_api::validate`'s checks that several areas run (see `crate::i18n`):
//! kept in small catalogues of their own, so a bundle carries only the checks its forms run.

use super::{digits, fill, translate};
use kitty_api::validate::LabelError;

crate::catalogue! {
    /// The messages of `kitty_api::validate::label` (a name, a shop's name, a programme id) that
    /// do not name the field: a kitty's and the merchant's forms, the Ramp's on-chain pages.
    pub struct LabelText {
        too_long: "Use at most {n} characters.", "Tumia herufi zisizozidi {n}.", "حداکثر {n} نویسه به کار ببرید.";
        control: "Use letters, digits and punctuation only.",
            "Tumia herufi, tarakimu na alama za uakifishaji pekee.",
            "فقط از حروف، رقم‌ها و نشانه‌های نگارشی استفاده کنید.";
    }
}

impl LabelText {
    /// One of these messages in English (as the shared checks report them) in this page's
    /// language; `None` for another message.
    pub fn say(english: &str) -> Option<String> {
        translate(&Self::EN.messages(), &Self::get().messages(), english)
    }

    fn messages(&self) -> [&'static str; 2] {
        [self.too_long, self.control]
    }

    /// Why a label was refused, in this language; `blank` asks for the value.
    pub fn problem(&self, e: LabelError, blank: &str, max: usize) -> String {
        match e {
            LabelError::Blank => blank.to_string(),
            LabelError::TooLong => digits(&fill(self.too_long, &[("n", &max.to_string())])),
            LabelError::Control => self.control.to_string(),
        }
    }
}

crate::catalogue! {
    /// The messages of `kitty_api::validate::http_url` (a return or webhook address): the
    /// merchant's forms and Fiat Connect's webhook.
    pub struct UrlText {
        form: "Enter an address that starts with https:// or http://, like https://shop.example/paid.",
            "Weka anwani inayoanza na https:// au http://, kwa mfano https://shop.example/paid.",
            "نشانی‌ای وارد کنید که با https:// یا http:// شروع شود، مانند https://shop.example/paid.";
        long: "Use an address of at most 2,048 characters.",
            "Tumia anwani yenye herufi zisizozidi 2,048.",
            "نشانی‌ای با حداکثر 2,048 نویسه به کار ببرید.";
    }
}

impl UrlText {
    /// A message of `kitty_api::validate::http_url` in this page's language; `None` for another
    /// message.
    pub fn say(english: &str) -> Option<&'static str> {
        let (en, here) = (&Self::EN, Self::get());
        [(en.form, here.form), (en.long, here.long)]
            .into_iter()
            .find_map(|(en, here)| (en == english).then_some(here))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_english_phrases_are_the_checks_messages() {
        // The tests run in English: each message is found, and is the same.
        let en = LabelText::of(Lang::En);
        for e in [LabelError::TooLong, LabelError::Control] {
            let english = e.message("the name", 80);
            assert_eq!(en.problem(e, "", 80), english);
            assert_eq!(
                translate(
                    &LabelText::EN.messages(),
                    &LabelText::FA.messages(),
                    &english
                ),
                Some(LabelText::FA.problem(e, "", 80))
            );
            assert_eq!(LabelText::say(&english), Some(english));
        }
        assert_eq!(LabelText::say("Use 3 to 80 characters."), None);
        let too_long = "x".repeat(2049);
        for input in ["ftp://shop.example", too_long.as_str()] {
            let english = kitty_api::validate::http_url(input).unwrap_err();
            assert_eq!(UrlText::say(english), Some(english));
        }
    }
}
