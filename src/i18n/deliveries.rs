//! The list of webhook (and callback) deliveries, shared by the merchant's crypto gateway and the
//! Ramp's developer pages (see `crate::i18n`).

crate::catalogue! {
    /// A list of deliveries: its heading, each delivery's outcome and attempts, its payload and
    /// sending it again.
    pub struct DeliveryText {
        webhook_deliveries: "Webhook deliveries", "Uwasilishaji wa webhook", "تحویل‌های وب‌هوک";
        refresh: "Refresh", "Onyesha upya", "تازه‌سازی";
        no_webhooks: "No webhooks yet", "Bado hakuna webhook", "هنوز وب‌هوکی نیست";
        answered_http: "the address answered HTTP {status}", "anwani ilijibu HTTP {status}", "نشانی با HTTP {status} پاسخ داد";
        not_tried: "not tried yet", "bado haijajaribiwa", "هنوز امتحان نشده";
        delivered_http: "Delivered (HTTP {status})", "Imewasilishwa (HTTP {status})", "تحویل شد (HTTP {status})";
        delivered: "Delivered", "Imewasilishwa", "تحویل شد";
        not_delivered_why: "Not delivered: {why}", "Haijawasilishwa: {why}", "تحویل نشد: {why}";
        not_delivered: "Not delivered", "Haijawasilishwa", "تحویل نشد";
        attempts_one: "1 attempt", "jaribio 1", "1 تلاش";
        attempts_other: "{n} attempts", "majaribio {n}", "{n} تلاش";
        payload: "Payload", "Maudhui", "محتوا";
        resend: "Resend", "Tuma tena", "ارسال دوباره";
    }
}
