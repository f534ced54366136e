//! Server-sent events from the server's live-update streams, kept for as long as the component
//! that opened them: the browser reconnects by itself after a dropped connection.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// An open stream; closing it (or dropping it) stops listening.
pub struct Stream {
    source: web_sys::EventSource,
    _listener: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Stream {
    /// Listens to `event` events at `url`, calling `on_data` with each one's data.
    pub fn open(url: &str, event: &str, on_data: impl Fn(String) + 'static) -> Option<Stream> {
        let source = web_sys::EventSource::new(url).ok()?;
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                on_data(e.data().as_string().unwrap_or_default())
            });
        source
            .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
            .ok()?;
        Some(Stream {
            source,
            _listener: listener,
        })
    }

    /// Whether the connection is up now.
    pub fn is_open(&self) -> bool {
        self.source.ready_state() == web_sys::EventSource::OPEN
    }

    /// Whether the browser gave up on it (it does after an answer other than 200, such as a 401
    /// once the session's access token expired); it retries by itself after network errors.
    pub fn gave_up(&self) -> bool {
        self.source.ready_state() == web_sys::EventSource::CLOSED
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.source.close();
    }
}
