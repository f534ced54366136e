//! Short messages that appear at the edge of the screen and leave by themselves.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
    Info,
}

impl ToastKind {
    fn as_str(self) -> &'static str {
        match self {
            ToastKind::Success => "success",
            ToastKind::Error => "error",
            ToastKind::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub message: String,
}

/// Toasts on screen at once: a new one dismisses the oldest, so the stack stays small above the
/// phone's bottom nav.
pub const MAX_VISIBLE: usize = 2;

/// The toast queue, provided by [`ToastHost`].
#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
    lifetime: StoredValue<Duration>,
}

impl Toasts {
    pub fn show(&self, kind: ToastKind, message: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.list.update(|l| {
            l.push(Toast {
                id,
                kind,
                message: message.into(),
            });
            // Keep the stack short on small screens: the newest ones.
            let over = l.len().saturating_sub(MAX_VISIBLE);
            l.drain(..over);
        });
        let this = *self;
        set_timeout(move || this.dismiss(id), self.lifetime.get_value());
    }

    pub fn success(&self, message: impl Into<String>) {
        self.show(ToastKind::Success, message)
    }

    pub fn error(&self, message: impl Into<String>) {
        self.show(ToastKind::Error, message)
    }

    pub fn dismiss(&self, id: u64) {
        // The host may be gone (page unloaded) by the time a timer fires.
        self.list.try_update(|l| l.retain(|t| t.id != id));
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Provides [`Toasts`] to `children` and shows them. `lifetime` defaults to 5 seconds.
///
/// Each toast is a live region (`role="status"`, or `role="alert"` for an error) whose text
/// arrives a frame after the region itself: screen readers announce a change to a region they
/// already know, but not always one inserted with its text.
#[component]
pub fn ToastHost(
    #[prop(optional)] lifetime: Option<Duration>,
    children: Children,
) -> impl IntoView {
    let toasts = Toasts {
        list: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
        lifetime: StoredValue::new(lifetime.unwrap_or(Duration::from_secs(5))),
    };
    provide_context(toasts);
    let t = crate::i18n::media::FrameText::get();
    view! {
        {children()}
        <div class="toasts" role="region" aria-label=t.notifications>
            <crate::pwa::UpdatePrompt />
            <For each=move || toasts.list.get() key=|t| t.id let:toast>
                <div
                    class=format!("toast toast--{}", toast.kind.as_str())
                    role=if toast.kind == ToastKind::Error { "alert" } else { "status" }
                >
                    <ToastText message=toast.message.clone() />
                    <button
                        type="button"
                        class="toast__close"
                        aria-label=t.dismiss
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}

/// A toast's message, put into its live region a frame after the region.
#[component]
fn ToastText(message: String) -> impl IntoView {
    let shown = RwSignal::new(false);
    request_animation_frame(move || {
        shown.try_set(true);
    });
    view! { <span class="toast__text">{move || shown.get().then(|| message.clone())}</span> }
}
