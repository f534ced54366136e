//! The moments and receipt pages in headless Chromium, against a server stubbed in the page
//! (`fetch` and `XMLHttpRequest` replaced): uploads with progress, Cancel and the checks made
//! before sending; a receipt's items, the live itemised preview and the split; a moment added
//! and edited.

use super::kitty::KittyCtx;
use super::moments::MomentsTab;
use super::receipt::{Person, ReceiptSection};
use crate::api::ApiError;
use crate::components::toast::ToastHost;
use crate::components::upload::{PhotoPicker, UploadStatus, Uploads};
use kitty_api::kitty::Kitty;
use kitty_api::media::ImageType;
use kitty_api::Currency;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The stubbed server: `__log` records each request; uploads report progress in four steps
/// (every 3 s for a file named `slow…`).
const STUBS: &str = r#"
window.__log = [];
window.__state = { receipt: null, moments: [], n: 0 };
window.confirm = () => true;
const image = (id, type) => ({id, image_type: type, content_type: 'image/jpeg', bytes: 100, width: 800, height: 600, url: '/img/'+id, thumbnail_url: '/img/'+id+'/t'});
function receiptOut() { const r = __state.receipt; const items_total = r.line_items.reduce((a,i)=>a+i.total,0); return {...r, items_total, transaction_amount: 7720, difference: 7720 - items_total - r.tax - r.tip, itemised: null, itemised_problem: 'x', uploaded_by: 'u0', created_at: '2026-11-26T10:00:00Z'}; }
window.fetch = async (req) => {
  const url = new URL(req.url); const path = url.pathname; const m = req.method;
  const body = (m==='GET'||m==='DELETE') ? null : await req.text();
  __log.push(m+' '+path+' '+(body||''));
  const json = (status, b) => new Response(b===undefined?null:JSON.stringify(b), {status, headers:{'content-type':'application/json'}});
  if (path.endsWith('/pre-signed-url-for-upload')) return json(201, {presigned_url: location.origin + '/upload/' + (++__state.n)});
  if (path.endsWith('/receipt') && m==='GET') return __state.receipt ? json(200, receiptOut()) : json(404, {error:'not_found', message:'No receipt.', fields:{}});
  if (path.endsWith('/receipt') && m==='POST') { const b = JSON.parse(body); __state.receipt = {transaction_id:'t1', ktti_id:'k1', image: image(b.image_id,'receipt'), line_items: [], tax: 0, tip: 0}; return json(201, receiptOut()); }
  if (path.endsWith('/receipt') && m==='PATCH') { const b = JSON.parse(body); if (b.tax!==undefined) __state.receipt.tax=b.tax; if (b.tip!==undefined) __state.receipt.tip=b.tip; return json(200, receiptOut()); }
  if (path.endsWith('/receipt') && m==='DELETE') { __state.receipt=null; return new Response(null,{status:204}); }
  if (path.endsWith('/receipt/line-items') && m==='POST') { const b = JSON.parse(body); __state.receipt.line_items.push({id:'i'+(++__state.n), description:b.description, quantity:b.quantity, unit_price:b.unit_price, total:b.quantity*b.unit_price, assignees:b.assignees}); return json(201, receiptOut()); }
  let mm = path.match(/line-items\/([^/]+)$/);
  if (mm && m==='PATCH') { const b = JSON.parse(body); const it = __state.receipt.line_items.find(i=>i.id===mm[1]); for (const k of ['description','quantity','unit_price','assignees']) if (b[k]!==null && b[k]!==undefined) it[k]=b[k]; it.total = it.quantity*it.unit_price; return json(200, receiptOut()); }
  if (mm && m==='DELETE') { __state.receipt.line_items = __state.receipt.line_items.filter(i=>i.id!==mm[1]); return json(200, receiptOut()); }
  if (path.endsWith('/receipt/split')) return json(200, {transaction: {id:'t1', ktti_id:'k1', ktti_name:'K', kind:'expense', amount:7720, currency:'AUD', description:'Grill', assignee_id:null, assignee_name:null, note:null, category:null, custom_split:true, created_at:'2026-11-26T10:00:00Z'}, rule: null, shares: []});
  if (path.endsWith('/moments') && m==='GET') return json(200, {moments: __state.moments});
  if (path.endsWith('/moments') && m==='POST') { const b = JSON.parse(body); const mo = {id:'m'+(++__state.n), ktti_id:'k1', author_id:'u0', author_name:'Ava Admin', title:b.title, note:b.note, date:b.date, photos: b.image_ids.map(i=>image(i,'moment')), can_edit:true, created_at:'2026-11-26T10:00:00Z', updated_at:'2026-11-26T10:00:00Z'}; __state.moments.unshift(mo); return json(201, mo); }
  mm = path.match(/moments\/([^/]+)$/);
  if (mm && m==='PATCH') { const b = JSON.parse(body); const mo = __state.moments.find(x=>x.id===mm[1]); if (b.title) mo.title=b.title; if (b.note!==null) mo.note=b.note||null; if (b.image_ids) mo.photos=b.image_ids.map(i=>image(i,'moment')); return json(200, mo); }
  return json(404, {error:'x', message:'stub: '+m+' '+path, fields:{}});
};
class FakeXHR {
  constructor(){ this.upload = {onprogress:null}; this.status=0; this.responseText=''; this.onloadend=null; this.headers={}; }
  open(m,u){ this.method=m; this.url=u; }
  setRequestHeader(k,v){ this.headers[k]=v; }
  send(body){ __log.push('XHR '+this.method+' '+this.url+' '+this.headers['content-type']+' '+body.size);
    const id = 'img'+this.url.split('/').pop(); let step=0; const slow = body.name && body.name.startsWith('slow');
    const tick = () => { if (this.aborted) return; step++; if (this.upload.onprogress) this.upload.onprogress({lengthComputable:true, loaded: body.size*step/4, total: body.size});
      if (step<4) this.t=setTimeout(tick, slow?3000:10); else { this.status=201; this.responseText=JSON.stringify(image(id, 'moment')); if (this.onloadend) this.onloadend({}); } };
    this.t = setTimeout(tick, 10); }
  abort(){ this.aborted=true; clearTimeout(this.t); this.status=0; __log.push('XHR abort'); if (this.onloadend) this.onloadend({}); }
}
window.XMLHttpRequest = FakeXHR;
"#;

fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).unwrap()
}

/// The requests made, as JSON.
fn log() -> String {
    js("JSON.stringify(__log)").as_string().unwrap()
}

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Waits up to 3 s for `ready`.
async fn wait(ready: impl Fn() -> bool) -> bool {
    for _ in 0..150 {
        if ready() {
            return true;
        }
        sleep(20).await;
    }
    false
}

/// Waits up to 3 s for the page to show `text`.
async fn until(root: &web_sys::HtmlElement, text: &str) {
    if !wait(|| root.inner_html().contains(text)).await {
        panic!("no {text:?} in {}", root.inner_html());
    }
}

/// Waits up to 3 s for something to match `selector`.
async fn find(root: &web_sys::HtmlElement, selector: &str) {
    if !wait(|| root.query_selector(selector).unwrap().is_some()).await {
        panic!("nothing matches {selector} in {}", root.inner_html());
    }
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn el<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = el(root, selector);
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    el::<web_sys::HtmlElement>(root, selector).click();
}

/// Chooses files in the input `id`: `files` is a JS array of [name, type, size].
fn choose(id: &str, files: &str) {
    js(&format!(
        "(() => {{ const i=document.getElementById('{id}'); const dt=new DataTransfer(); for (const [n,t,s] of {files}) dt.items.add(new File([new Uint8Array(s)], n, {{type:t}})); i.files=dt.files; i.dispatchEvent(new Event('change',{{bubbles:true}})); }})()"
    ));
}

#[wasm_bindgen_test]
async fn a_receipt_splits_the_payment_by_its_items() {
    js(STUBS);
    let root = container();
    let splits = RwSignal::new(0);
    let people = vec![
        Person {
            id: "u0".into(),
            name: "Ava Admin".into(),
            active: true,
        },
        Person {
            id: "u1".into(),
            name: "Ben Member".into(),
            active: true,
        },
    ];
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ToastHost>
                <ReceiptSection kitty="k1".to_string() tx="t1".to_string() amount=7720 currency=Currency::AUD
                    people=Signal::stored(people.clone()) can_split=Signal::stored(true)
                    on_split=Callback::new(move |_| splits.update(|n| *n += 1)) />
            </ToastHost>
        }
    });
    until(&root, "Add a receipt photo").await;
    choose("receipt-photo", "[['r.jpg','image/jpeg',1000]]");
    find(&root, "progress[aria-label='Uploading r.jpg']").await;
    // Uploaded, then the receipt is made with it at once.
    until(&root, "No items yet").await;
    assert!(
        log().contains(
            r#"POST /ktti/api/v3/ktties/k1/transactions/t1/receipt {\"image_id\":\"img1\""#
        ),
        "{}",
        log()
    );

    let add = |d: &str, price: &str, who: &[u32]| {
        type_into(&root, "#field-description", d);
        type_into(&root, "#field-unit_price", price);
        let boxes = root
            .query_selector_all(".receipt-add input[type=checkbox]")
            .unwrap();
        for &w in who {
            boxes
                .item(w)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
                .click();
        }
        click(&root, ".receipt-add button[type=submit]");
    };
    add("Salad", "12.00", &[0]);
    until(&root, ">Salad<").await;
    add("Steak", "30", &[1]);
    until(&root, ">Steak<").await;
    add("Pizza", "20", &[0, 1]);
    until(&root, ">Pizza<").await;
    until(&root, "The items, tax and tip come to A$62.00: A$15.20 less than the payment. Add the missing items, or the tax and tip, to split by the items.").await;
    assert_eq!(
        texts(&root, ".receipt-split__preview li .money"),
        ["A$27.39", "A$49.81"]
    );
    // Typed, not yet saved: the sums follow, and the split waits for the save.
    type_into(&root, "#field-tax", "6.20");
    type_into(&root, "#field-tip", "9");
    until(
        &root,
        "The items, tax and tip come to A$77.20: exactly the payment.",
    )
    .await;
    let split: web_sys::HtmlButtonElement = el(&root, ".receipt-split__apply button");
    assert!(split.disabled());
    assert_eq!(
        texts(&root, "#receipt-split-why"),
        ["Save your changes first: the split uses the saved receipt."]
    );
    click(&root, ".receipt-extras__save");
    until(&root, "Tax and tip saved.").await;
    assert!(
        wait(|| !split.disabled()).await,
        "{:?}",
        texts(&root, "#receipt-split-why")
    );
    split.click();
    until(&root, "The payment is now split by the items.").await;
    assert_eq!(splits.get_untracked(), 1);

    // Edited in place: the preview follows what is typed before it is saved.
    click(&root, ".receipt-item button[id$='-edit']");
    find(&root, ".receipt-item__edit #field-unit_price").await;
    type_into(&root, ".receipt-item__edit #field-unit_price", "14");
    until(&root, "The items, tax and tip come to A$79.20: A$2.00 more than the payment. Check the quantities and prices: the receipt comes to more than was paid.").await;
    assert!(split.disabled());
    click(&root, ".receipt-item__edit button[type=submit]");
    until(&root, "1 × A$14.00").await;
    // A chip saves at once.
    let ben_salad: web_sys::HtmlInputElement =
        el(&root, ".receipt-item input[type=checkbox]:not(:checked)");
    ben_salad.click();
    let patched = r#"{\"description\":null,\"quantity\":null,\"unit_price\":null,\"assignees\":[\"u0\",\"u1\"]}"#;
    assert!(wait(|| log().contains(patched)).await, "{}", log());
    // Removing an item, then the receipt (the confirm is answered yes by the stub).
    click(&root, ".receipt-item .actions button:nth-child(2)");
    until(&root, "Item removed.").await;
    assert_eq!(texts(&root, ".receipt-item__desc"), ["Steak", "Pizza"]);
    click(&root, ".receipt__delete button");
    until(&root, "Receipt deleted.").await;
    until(&root, "Add a receipt photo").await;
}

#[component]
fn Picker() -> impl IntoView {
    let uploads = Uploads::new(ImageType::Moment);
    let remove = Callback::new(move |k| uploads.remove(k));
    view! {
        <ul>
            {move || uploads.list.get().into_iter().map(|upload| view! { <UploadStatus upload on_remove=remove /> }).collect_view()}
        </ul>
        <PhotoPicker uploads id="pick" label="Add photos" room=Signal::stored(3usize) />
        <p id="busy">{move || uploads.busy().to_string()}</p>
    }
}

#[wasm_bindgen_test]
async fn photos_are_checked_before_sending_and_cancel_aborts() {
    js(STUBS);
    let root = container();
    let _mounted =
        leptos::mount::mount_to(root.clone(), || view! { <ToastHost><Picker /></ToastHost> });
    find(&root, "#pick").await;
    choose(
        "pick",
        "[['big.jpg','image/jpeg',5*1024*1024+1],['doc.gif','image/gif',10],['slow.jpg','image/jpeg',100],['extra.jpg','image/jpeg',100],['more.jpg','image/jpeg',100],['last.jpg','image/jpeg',100]]",
    );
    // The bar shows the first progress event.
    find(
        &root,
        "progress[aria-label='Uploading slow.jpg'][value='25']",
    )
    .await;
    let h = root.inner_html();
    // Refused without a request; the three that fit upload, the fourth is left out.
    assert!(h.contains("This photo is larger than 5 MB"), "{h}");
    assert!(h.contains("Only JPEG, PNG or WebP"), "{h}");
    assert!(
        h.contains("There was room for 3 more, so 1 was left out."),
        "{h}"
    );
    assert!(!log().contains("big.jpg") && !h.contains("last.jpg"), "{h}");
    assert_eq!(texts(&root, "#busy"), ["true"]);
    click(&root, "button[aria-label='Cancel uploading slow.jpg']");
    until(&root, "Upload cancelled.").await;
    assert!(log().contains("XHR abort"), "{}", log());
    // The other two finish; nothing is uploading any more.
    assert!(wait(|| texts(&root, "#busy") == ["false"]).await);
}

#[wasm_bindgen_test]
async fn a_moment_is_added_with_photos_and_edited() {
    js(STUBS);
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        provide_context(KittyCtx {
            id: Memo::new(|_| "k1".to_string()),
            kitty: LocalResource::new(|| async { Err::<Kitty, _>(ApiError::Network) }),
            version: RwSignal::new(0),
            unread: RwSignal::new(0),
        });
        view! { <ToastHost><MomentsTab /></ToastHost> }
    });
    until(&root, "No moments yet").await;
    click(&root, "#moments-add");
    find(&root, "#field-title").await;
    type_into(&root, "#field-title", "Beach day");
    choose(
        "field-image_ids",
        "[['a.jpg','image/jpeg',100],['b.png','image/png',200]]",
    );
    let save: web_sys::HtmlButtonElement = el(&root, ".moment-form button[type=submit]");
    assert!(
        wait(|| save.disabled()).await,
        "saving waits for the uploads"
    );
    until(&root, "b.png uploaded.").await;
    assert!(wait(|| !save.disabled()).await);
    save.click();
    until(&root, "Added by Ava Admin").await;
    assert!(
        log().contains(r#"\"image_ids\":[\"img1\",\"img2\"]"#),
        "{}",
        log()
    );
    assert_eq!(
        root.query_selector_all(".moment__photos img")
            .unwrap()
            .length(),
        2
    );
    click(&root, ".moment__edit");
    find(&root, "button[aria-label='Remove photo 1']").await;
    assert_eq!(
        el::<web_sys::HtmlInputElement>(&root, "#field-title").value(),
        "Beach day"
    );
    click(&root, "button[aria-label='Remove photo 1']");
    find(&root, ".moment-form .upload:only-child").await;
    type_into(&root, "#field-note", "Sunny");
    click(&root, ".moment-form button[type=submit]");
    until(&root, "Sunny").await;
    assert!(log().contains(r#"\"note\":\"Sunny\""#), "{}", log());
    assert_eq!(
        root.query_selector_all(".moment__photos img")
            .unwrap()
            .length(),
        1
    );
}
