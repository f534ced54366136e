//! Why a typed amount could not be read, shared by the areas that take amounts (see
//! `crate::i18n`): kept in small catalogues of their own, so a bundle carries only the checks
//! its forms run.

use super::translate;
use kitty_api::money::ParseMoneyError;

crate::catalogue! {
    /// Why a typed amount of money could not be read (`kitty_api::money::ParseMoneyError`): a
    /// kitty's goal and split, a receipt's prices, a payment link's amount.
    pub struct MoneyInputText {
        empty: "Enter an amount.", "Weka kiasi.", "مبلغی وارد کنید.";
        invalid: "Enter a number, like 1250 or 12.50.", "Weka namba, kama 1250 au 12.50.", "یک عدد وارد کنید، مانند 1250 یا 12.50.";
        decimals: "Too many decimal places for this currency.",
            "Desimali ni nyingi mno kwa sarafu hii.",
            "تعداد رقم‌های اعشار برای این ارز بیش از حد است.";
        too_large: "That amount is too large.", "Kiasi hicho ni kikubwa mno.", "این مبلغ بیش از حد بزرگ است.";
    }
}

impl MoneyInputText {
    /// Why a typed amount could not be read, in this language (its example keeps the digits that
    /// can be typed).
    pub fn error(&self, e: ParseMoneyError) -> &'static str {
        match e {
            ParseMoneyError::Empty => self.empty,
            ParseMoneyError::Invalid => self.invalid,
            ParseMoneyError::TooManyDecimals => self.decimals,
            ParseMoneyError::TooLarge => self.too_large,
        }
    }
}

crate::catalogue! {
    /// The messages of `kitty_api::crypto::amount` for "the amount" (a coin amount as typed): the
    /// merchant's crypto payments and withdrawals, the Ramp's cash-outs (see
    /// [`CoinAmountText::say`]).
    pub struct CoinAmountText {
        number: "Enter the amount as a number, like 12.5.", "Weka kiasi kama namba, kwa mfano 12.5.", "مبلغ را به صورت عدد وارد کنید، مانند 12.5.";
        whole: "Enter the amount in whole units.", "Weka kiasi kwa vipimo kamili.", "مبلغ را به واحدهای کامل وارد کنید.";
        decimals: "Use at most {n} decimals for the amount.", "Tumia desimali zisizozidi {n} kwa kiasi.", "برای مبلغ حداکثر {n} رقم اعشار به کار ببرید.";
        digits: "Use a smaller amount for the amount: at most 12 digits before the point.",
            "Tumia kiasi kidogo zaidi: tarakimu zisizozidi 12 kabla ya nukta.",
            "مبلغ کوچک‌تری به کار ببرید: حداکثر 12 رقم پیش از ممیز.";
        zero: "Enter the amount above zero.", "Weka kiasi kikubwa kuliko sifuri.", "مبلغ را بیشتر از صفر وارد کنید.";
    }
}

impl CoinAmountText {
    /// A message of `kitty_api::crypto::amount` (for "the amount") in this page's language, the
    /// number of decimals in the digits chosen; `None` for another message.
    pub fn say(english: &str) -> Option<String> {
        translate(&Self::EN.messages(), &Self::get().messages(), english)
    }

    fn messages(&self) -> [&'static str; 5] {
        [
            self.number,
            self.whole,
            self.decimals,
            self.digits,
            self.zero,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_english_phrases_are_the_checks_messages() {
        let t = MoneyInputText::of(crate::i18n::Lang::En);
        for e in [
            ParseMoneyError::Empty,
            ParseMoneyError::Invalid,
            ParseMoneyError::TooManyDecimals,
            ParseMoneyError::TooLarge,
        ] {
            assert_eq!(t.error(e), e.to_string());
        }
        // The tests run in English: each message is found, and is the same.
        for (input, decimals) in [
            ("x", 6),
            ("1.5", 0),
            ("1.1234567", 6),
            ("1234567890123", 6),
            ("0", 6),
        ] {
            let english = kitty_api::crypto::amount(input, decimals, "the amount").unwrap_err();
            assert_eq!(CoinAmountText::say(&english), Some(english));
        }
        assert_eq!(
            CoinAmountText::say("Use at most 2 decimals for the amount in USD."),
            None
        );
        assert_eq!(
            crate::i18n::translate(
                &CoinAmountText::EN.messages(),
                &CoinAmountText::SW.messages(),
                "Use at most 6 decimals for the amount."
            ),
            Some("Tumia desimali zisizozidi 6 kwa kiasi.".into())
        );
    }
}
