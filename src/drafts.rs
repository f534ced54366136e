//! What a person had typed when their session ended. The page's form fields are kept in
//! `sessionStorage` (this tab only, never passwords), and put back once they have signed in
//! again and are on the same page.

use wasm_bindgen::JsCast;

const KEY: &str = "kitty-draft";
/// Forms can appear only after their data loads: look for them a few times.
const RESTORE_TRIES: [i32; 6] = [0, 150, 400, 900, 1800, 3500];

#[derive(serde::Serialize, serde::Deserialize)]
struct Draft {
    path: String,
    fields: Vec<(String, String)>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn fields() -> Vec<web_sys::Element> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(list) = doc.query_selector_all(
        "main input[name]:not([type=password]):not([type=hidden]):not([type=checkbox]):not([type=radio]), main textarea[name], main select[name]",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn value_of(el: &web_sys::Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(i.value())
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(t.value())
    } else {
        el.dyn_ref::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
    }
}

fn set_value(el: &web_sys::Element, value: &str) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    }
    // The app's fields listen for these, so their signals take the value too.
    for kind in ["input", "change"] {
        if let Ok(e) = web_sys::Event::new_with_event_init_dict(kind, &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = el.dispatch_event(&e);
        }
    }
}

/// Keeps the non-empty fields of the page at `path`.
pub fn save(path: &str) {
    let fields: Vec<(String, String)> = fields()
        .iter()
        .filter_map(|el| {
            let name = el.get_attribute("name")?;
            let value = value_of(el)?;
            (!value.is_empty()).then_some((name, value))
        })
        .collect();
    let Some(store) = storage() else { return };
    if fields.is_empty() {
        let _ = store.remove_item(KEY);
        return;
    }
    if let Ok(json) = serde_json::to_string(&Draft {
        path: path.to_string(),
        fields,
    }) {
        let _ = store.set_item(KEY, &json);
    }
}

/// Puts back what was kept for `path`, as its fields appear; forgets it after the last try.
pub fn restore(path: &str) {
    let Some(store) = storage() else { return };
    let Some(draft) = store
        .get_item(KEY)
        .ok()
        .flatten()
        .and_then(|j| serde_json::from_str::<Draft>(&j).ok())
    else {
        return;
    };
    if draft.path != path {
        return;
    }
    let draft = std::rc::Rc::new(std::cell::RefCell::new(draft.fields));
    for (n, delay) in RESTORE_TRIES.iter().enumerate() {
        let draft = draft.clone();
        let last = n + 1 == RESTORE_TRIES.len();
        let step = wasm_bindgen::closure::Closure::once_into_js(move || {
            let found = fields();
            draft.borrow_mut().retain(|(name, value)| {
                match found
                    .iter()
                    .find(|el| el.get_attribute("name").as_deref() == Some(name.as_str()))
                {
                    Some(el) => {
                        set_value(el, value);
                        false
                    }
                    None => true,
                }
            });
            if last || draft.borrow().is_empty() {
                if let Some(store) = storage() {
                    let _ = store.remove_item(KEY);
                }
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                step.unchecked_ref(),
                *delay,
            );
        }
    }
}
