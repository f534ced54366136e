//! Kotani Pay's Binance orders (`002_…`, "Binance": Create, Close and Query Order): an order for
//! an amount in BUSD or USDT, paid through a checkout link or QR code, closed by the merchant
//! while unpaid or by itself after an hour.

use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// The smallest and largest order, in whole units of the currency.
pub const MIN_AMOUNT: i64 = 1;
pub const MAX_AMOUNT: i64 = 100_000;
/// An unpaid order closes by itself after this long, as the document says.
pub const ORDER_LIFETIME_SECS: i64 = 3600;

/// The currencies the document accepts.
pub const CURRENCIES: [&str; 2] = ["BUSD", "USDT"];

/// An order's state, in Binance Pay's upper-case words. Written by hand rather than with
/// `vocabulary!`, whose wire words are snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[allow(clippy::upper_case_acronyms)]
pub enum OrderStatus {
    /// Open: waiting for the buyer.
    INITIAL,
    PAID,
    /// Closed by the merchant before it was paid.
    CLOSED,
    /// Closed by itself after an hour unpaid.
    EXPIRED,
}

impl OrderStatus {
    pub const ALL: &'static [OrderStatus] = &[
        OrderStatus::INITIAL,
        OrderStatus::PAID,
        OrderStatus::CLOSED,
        OrderStatus::EXPIRED,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::INITIAL => "INITIAL",
            OrderStatus::PAID => "PAID",
            OrderStatus::CLOSED => "CLOSED",
            OrderStatus::EXPIRED => "EXPIRED",
        }
    }

    pub fn parse(word: &str) -> Option<OrderStatus> {
        OrderStatus::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == word)
    }

    pub fn label(self) -> &'static str {
        match self {
            OrderStatus::INITIAL => "Waiting for payment",
            OrderStatus::PAID => "Paid",
            OrderStatus::CLOSED => "Closed",
            OrderStatus::EXPIRED => "Closed after an hour unpaid",
        }
    }
}

macro_rules! wire {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
            #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
            #[serde(rename_all = "camelCase")]
            $item
        )*
    };
}

wire! {
    /// Create Order.
    pub struct CreateOrderRequest {
        /// Whole units of `currency`, 1 to 100,000.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
        pub amount: i64,
        #[cfg_attr(feature = "openapi", schema(max_length = 100, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"))]
        pub goods_name: String,
        #[cfg_attr(feature = "openapi", schema(max_length = 256, pattern = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"))]
        pub goods_detail: String,
        /// BUSD or USDT.
        #[cfg_attr(feature = "openapi", schema(pattern = r"^(BUSD|USDT)$"))]
        pub currency: String,
        /// Where the buyer goes when the payment succeeds.
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub return_url: String,
        /// Where the buyer goes when it fails (closed or expired).
        #[cfg_attr(feature = "openapi", schema(max_length = 2048, pattern = r"^https?://[^\s/?#\[\]]+([/?#]\S*)?$"))]
        pub cancel_url: String,
    }

    /// Close Order and Query Order both name the order by its `prepayId`.
    pub struct PrepayIdRequest {
        pub prepay_id: String,
    }

    /// An order, as every operation returns it inside `result`.
    pub struct Order {
        pub prepay_id: String,
        pub status: OrderStatus,
        pub currency: String,
        /// The amount, in whole units (the document's `amount`).
        pub total_fee: i64,
        /// What has arrived so far (a decimal string).
        pub paid_amount: String,
        pub goods_name: String,
        pub goods_detail: String,
        /// The public page where the buyer pays.
        pub checkout_url: String,
        /// An SVG of the QR code of `qrContent`.
        pub qrcode_link: String,
        /// What the QR code holds: the checkout link.
        pub qr_content: String,
        pub return_url: String,
        pub cancel_url: String,
        /// When the order closes by itself, in milliseconds since the epoch (as Binance Pay).
        pub expire_time: i64,
        pub create_time: i64,
        /// When it was paid or closed.
        pub transact_time: Option<i64>,
        pub remaining_seconds: i64,
        pub sandbox: bool,
    }

    /// `{ "result": … }`, as the document answers.
    pub struct OrderResult {
        pub result: Order,
    }

    pub struct OrderList {
        pub orders: Vec<Order>,
    }

    /// Sandbox: the buyer's transfer to an order, the whole amount or part of it.
    pub struct PayOrderRequest {
        /// A decimal string, above zero, at most 2 decimals.
        pub amount: String,
    }
}

impl CreateOrderRequest {
    pub fn validate(&self) -> Result<CreateOrderRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        if !(MIN_AMOUNT..=MAX_AMOUNT).contains(&self.amount) {
            errors.insert(
                "amount".into(),
                "Enter a whole amount from 1 to 100,000.".into(),
            );
        }
        let goods_name = crate::validate::label(&self.goods_name, 100)
            .map_err(|e| errors.insert("goodsName".into(), e.message("what is sold", 100)))
            .unwrap_or_default();
        let goods_detail = crate::validate::label(&self.goods_detail, 256)
            .map_err(|e| errors.insert("goodsDetail".into(), e.message("the details", 256)))
            .unwrap_or_default();
        if !CURRENCIES.contains(&self.currency.as_str()) {
            errors.insert(
                "currency".into(),
                "Choose BUSD or USDT: the currencies orders accept.".into(),
            );
        }
        for (field, url) in [
            ("returnUrl", &self.return_url),
            ("cancelUrl", &self.cancel_url),
        ] {
            if let Err(m) = crate::validate::http_url(url) {
                errors.insert(field.into(), m.into());
            }
        }
        if errors.is_empty() {
            Ok(CreateOrderRequest {
                goods_name,
                goods_detail,
                ..self.clone()
            })
        } else {
            Err(errors)
        }
    }
}
