//! The kitty's group chat: the newest messages at the bottom, older ones on request, new ones as
//! the kitty's event stream announces them ([`KittyCtx::watch`]), and a composer.

use super::kitty::{use_kitty, KittyCtx};
use crate::api::{self, ApiError};
use crate::components::feedback::{EmptyState, ErrorPanel, Skeleton};
use crate::components::toast::{use_toasts, Toasts};
use crate::i18n::kitties::{ChatText, KittyText};
use crate::i18n::shell::{CommonText, ShellText};
use kitty_api::kitty::KittyStatus;
use kitty_api::life::{ChatMessage, ChatPage, MAX_CHAT};
use leptos::prelude::*;
use leptos::task::spawn_local;

const PAGE: u8 = 50;
/// Within this many pixels of the end of the list counts as reading the newest message.
const NEAR_END: i32 = 48;

/// The chat's state, shared by the list and the composer.
#[derive(Clone, Copy)]
struct Chat {
    ctx: KittyCtx,
    /// Oldest first, each `seq` once.
    messages: RwSignal<Vec<ChatMessage>>,
    /// Older messages exist before the first one here.
    more: RwSignal<bool>,
    /// The first page has arrived.
    loaded: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    older_pending: RwSignal<bool>,
    /// New messages arrived while the person was reading further up.
    fresh: RwSignal<bool>,
    /// For screen readers: "2 new messages".
    notice: RwSignal<String>,
    /// The newest `seq` already marked read.
    marked: StoredValue<i64>,
    me: StoredValue<String>,
    log: NodeRef<leptos::html::Div>,
    toasts: Toasts,
}

impl Chat {
    fn last_seq(&self) -> Option<i64> {
        self.messages.with_untracked(|l| l.last().map(|m| m.seq))
    }

    fn at_end(&self) -> bool {
        self.log
            .get_untracked()
            .is_none_or(|el| el.scroll_height() - el.scroll_top() - el.client_height() < NEAR_END)
    }

    /// After the list has rendered: to its end, and everything read.
    fn to_end(self) {
        request_animation_frame(move || {
            if let Some(el) = self.log.try_get_untracked().flatten() {
                el.set_scroll_top(el.scroll_height());
                self.fresh.set(false);
                self.read();
            }
        });
    }

    /// Marks the newest message read, when there is something unread and the page is seen.
    fn read(self) {
        let Some(seq) = self.last_seq() else { return };
        if self.ctx.unread.get_untracked() == 0
            || self.marked.get_value() >= seq
            || document().hidden()
        {
            return;
        }
        self.marked.set_value(seq);
        self.ctx.unread.set(0);
        let id = self.ctx.id.get_untracked();
        spawn_local(async move {
            if api::ktti::chat_read(&id, seq).await.is_err() {
                // Tried again with the next message or the next change.
                self.marked.try_set_value(0);
            }
        });
    }

    fn reset(&self) {
        self.messages.set(Vec::new());
        self.loaded.set(false);
        self.more.set(false);
        self.fresh.set(false);
        self.marked.set_value(0);
    }

    /// Loads the newest page (first, and after every change to the kitty).
    fn newest(self) {
        let id = self.ctx.id.get_untracked();
        spawn_local(async move {
            let page = api::ktti::chat(&id, None, PAGE).await;
            // The page (or the kitty shown) may have changed meanwhile.
            if self.messages.is_disposed() || self.ctx.id.get_untracked() != id {
                return;
            }
            match page {
                Ok(p) => self.take_newest(p),
                Err(e) => self.error.set(Some(e)),
            }
        });
    }

    fn take_newest(self, p: ChatPage) {
        let first_load = !self.loaded.get_untracked();
        let stay_at_end = first_load || self.at_end();
        let last = self.last_seq();
        let me = self.me.get_value();
        let from_others = p
            .messages
            .iter()
            .filter(|m| last.is_some_and(|l| m.seq > l) && m.author_id != me)
            .count();
        // Seqs grow by one per message: a page that starts after a gap replaces the list.
        let gap = match (last, p.messages.first()) {
            (Some(l), Some(f)) => p.more && f.seq > l + 1,
            _ => true,
        };
        if let Some(first) = p.messages.first().map(|m| m.seq) {
            self.messages.update(|l| {
                if gap {
                    l.clear();
                }
                l.retain(|m| m.seq < first);
                l.extend(p.messages);
            });
        }
        if gap {
            self.more.set(p.more);
        }
        self.error.set(None);
        self.loaded.set(true);
        // An answer computed before this page's own "read" landed still counts those messages.
        let read_all = self
            .last_seq()
            .is_some_and(|l| self.marked.get_value() >= l);
        self.ctx.unread.set(if read_all { 0 } else { p.unread });
        if from_others > 0 {
            let t = ChatText::get();
            self.notice
                .set(ShellText::count(from_others as i64, t.new_one, t.new_other));
        }
        if stay_at_end {
            self.to_end();
        } else if from_others > 0 {
            self.fresh.set(true);
        }
    }

    /// "Load older": the page before the first message, keeping the person's place.
    fn older(self) {
        let Some(first) = self.messages.with_untracked(|l| l.first().map(|m| m.seq)) else {
            return;
        };
        let id = self.ctx.id.get_untracked();
        self.older_pending.set(true);
        spawn_local(async move {
            let page = api::ktti::chat(&id, Some(first), PAGE).await;
            if self.messages.is_disposed() || self.ctx.id.get_untracked() != id {
                return;
            }
            self.older_pending.set(false);
            match page {
                Ok(p) => {
                    let log = self.log.get_untracked();
                    let from_end = log.as_ref().map(|el| el.scroll_height() - el.scroll_top());
                    self.messages.update(|l| {
                        let mut all: Vec<ChatMessage> =
                            p.messages.into_iter().filter(|m| m.seq < first).collect();
                        all.append(l);
                        *l = all;
                    });
                    self.more.set(p.more);
                    request_animation_frame(move || {
                        if let (Some(el), Some(d)) = (log, from_end) {
                            el.set_scroll_top(el.scroll_height() - d);
                            // The button is gone at the start of the chat: keep focus in the list.
                            if !p.more {
                                let _ = el.focus();
                            }
                        }
                    });
                }
                Err(e) => self.toasts.error(e.message()),
            }
        });
    }
}

#[component]
pub fn ChatTab() -> impl IntoView {
    let ctx = use_kitty();
    let me = crate::session::use_session()
        .user()
        .map(|u| u.id)
        .unwrap_or_default();
    let chat = Chat {
        ctx,
        messages: RwSignal::new(Vec::new()),
        more: RwSignal::new(false),
        loaded: RwSignal::new(false),
        error: RwSignal::new(None),
        older_pending: RwSignal::new(false),
        fresh: RwSignal::new(false),
        notice: RwSignal::new(String::new()),
        marked: StoredValue::new(0),
        me: StoredValue::new(me),
        log: NodeRef::new(),
        toasts: use_toasts(),
    };
    // The newest page now and after every change to the kitty (a message is one).
    Effect::new(move |seen: Option<String>| {
        let id = ctx.watch();
        if seen.is_some_and(|s| s != id) {
            chat.reset();
        }
        chat.newest();
        id
    });
    let retry = Callback::new(move |_| {
        chat.error.set(None);
        chat.newest();
    });
    let closed = Memo::new(move |_| ctx.get().is_some_and(|k| k.status == KittyStatus::Closed));
    let t = ChatText::get();
    view! {
        <section class="card chat" aria-labelledby="chat-heading">
            <h2 id="chat-heading" class="visually-hidden">{KittyText::get().tab_chat}</h2>
            <Show when=move || chat.loaded.get() fallback=move || match chat.error.get() {
                Some(e) => view! { <ErrorPanel error=e retry /> }.into_any(),
                None => view! { <Skeleton lines=4 /> }.into_any(),
            }>
                <div class="chat__frame">
                    <div class="chat__log" node_ref=chat.log tabindex="0" role="region" aria-label=t.messages
                        on:scroll=move |_| {
                            if chat.at_end() {
                                if chat.fresh.get_untracked() { chat.fresh.set(false); }
                                chat.read();
                            }
                        }>
                        <Show when=move || chat.more.get()>
                            <button type="button" class="btn btn--secondary btn--small chat__older"
                                disabled=move || chat.older_pending.get() on:click=move |_| chat.older()>
                                {move || if chat.older_pending.get() { CommonText::get().loading } else { t.load_older }}
                            </button>
                        </Show>
                        <Show when=move || chat.messages.with(Vec::is_empty)>
                            <EmptyState title=t.empty><p>{t.empty_body}</p></EmptyState>
                        </Show>
                        <ol class="chat__list">
                            <For each=move || chat.messages.get() key=|m| m.seq let:m>
                                <Message m me=chat.me />
                            </For>
                        </ol>
                    </div>
                    <Show when=move || chat.fresh.get()>
                        <button type="button" class="btn btn--primary btn--small chat__fresh" on:click=move |_| {
                            chat.to_end();
                            if let Some(el) = chat.log.get_untracked() { let _ = el.focus(); }
                        }>{t.new_messages}</button>
                    </Show>
                </div>
                <p class="visually-hidden" role="status">{move || chat.notice.get()}</p>
                {move || chat.error.get().map(|e| view! {
                    <p class="form-alert chat__error" role="alert">{e.message()}" "
                        <button type="button" class="btn btn--secondary btn--small" on:click=move |_| retry.run(())>{CommonText::get().try_again}</button></p>
                })}
            </Show>
            <Show when=move || !closed.get() fallback=move || view! { <p class="muted chat__closed">{t.read_only}</p> }>
                <Composer chat />
            </Show>
        </section>
    }
}

#[component]
fn Message(m: ChatMessage, me: StoredValue<String>) -> impl IntoView {
    let mine = me.with_value(|me| *me == m.author_id);
    let exact = crate::fmt::datetime(&m.created_at);
    view! {
        <li class=if mine { "chat__msg chat__msg--mine" } else { "chat__msg" }>
            <p class="chat__meta">
                <span class="chat__author">{if mine { ChatText::get().you.to_string() } else { m.author_name }}</span>" · "
                <time datetime=m.created_at.clone() title=exact>{crate::fmt::relative(&m.created_at)}</time>
            </p>
            // Text, never markup.
            <p class="chat__text">{m.text}</p>
        </li>
    }
}

/// The message box: Enter sends, Shift+Enter starts a new line; a failed send keeps the text.
#[component]
fn Composer(chat: Chat) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let send = Action::new_local(move |t: &String| {
        let (t, id) = (t.clone(), chat.ctx.id.get_untracked());
        async move {
            let sent = api::ktti::send_chat(&id, &t).await;
            (t, sent)
        }
    });
    Effect::new(move || match send.value().get() {
        Some((t, Ok(m))) => {
            // What was typed while it was sending stays.
            if text.get_untracked() == t {
                text.set(String::new());
            }
            error.set(None);
            // Sending marks everything before it read.
            chat.marked.set_value(m.seq);
            chat.ctx.unread.set(0);
            chat.messages.update(|l| {
                if !l.iter().any(|x| x.seq == m.seq) {
                    l.push(m);
                    l.sort_by_key(|x| x.seq);
                }
            });
            chat.loaded.set(true);
            chat.to_end();
        }
        Some((_, Err(e))) => error.set(Some(
            e.fields().remove("text").unwrap_or_else(|| e.message()),
        )),
        None => {}
    });
    let submit = move || {
        let t = text.get_untracked();
        if send.pending().get_untracked() {
            return;
        }
        if t.trim().is_empty() {
            error.set(Some(ChatText::get().write_first.into()));
            return;
        }
        send.dispatch(t);
    };
    let count = move || text.with(|t| t.encode_utf16().count());
    let t = ChatText::get();
    view! {
        <form class="chat__composer" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); submit(); }>
            <label class="field__label" for="chat-text">{t.message}</label>
            <textarea class="field__input chat__input" id="chat-text" name="text" rows="2" maxlength=MAX_CHAT.to_string() enterkeyhint="send"
                aria-describedby=move || if error.with(Option::is_some) { "chat-count chat-error" } else { "chat-count" }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    if error.with_untracked(Option::is_some) { error.set(None); }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
                        ev.prevent_default();
                        submit();
                    }
                }></textarea>
            {move || error.get().map(|m| view! { <p class="field__error" id="chat-error" role="alert">{m}</p> })}
            <div class="chat__bar">
                <span class="field__hint" id="chat-count">{move || crate::i18n::digits(&format!("{} / {MAX_CHAT}", count()))}{t.keys}</span>
                <button class="btn btn--primary" type="submit" disabled=move || send.pending().get()>{t.send}</button>
            </div>
        </form>
    }
}
