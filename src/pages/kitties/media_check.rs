//! TEMPORARY: the moments and receipt pages in headless Chromium against a stubbed server.

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

fn choose(id: &str, files: &str) {
    js(&format!(
        "(() => {{ const i=document.getElementById('{id}'); const dt=new DataTransfer(); for (const [n,t,s] of {files}) dt.items.add(new File([new Uint8Array(s)], n, {{type:t}})); i.files=dt.files; i.dispatchEvent(new Event('change',{{bubbles:true}})); }})()"
    ));
}

fn html(root: &web_sys::HtmlElement) -> String {
    root.inner_html()
}

#[wasm_bindgen_test]
async fn receipt_flow() {
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
    let _m = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ToastHost>
                <ReceiptSection kitty="k1".to_string() tx="t1".to_string() amount=7720 currency=Currency::AUD
                    people=Signal::stored(people.clone()) can_split=Signal::stored(true)
                    on_split=Callback::new(move |_| splits.update(|n| *n += 1)) />
            </ToastHost>
        }
    });
    sleep(50).await;
    assert!(
        html(&root).contains("Add a receipt photo"),
        "{}",
        html(&root)
    );
    choose("receipt-photo", "[['r.jpg','image/jpeg',1000]]");
    sleep(15).await;
    assert!(
        root.query_selector("progress").unwrap().is_some(),
        "{}",
        html(&root)
    );
    web_sys::console::log_1(&format!("DURING UPLOAD: {}", html(&root)).into());
    for _ in 0..60 {
        if html(&root).contains("No items yet") {
            break;
        }
        sleep(50).await;
    }
    web_sys::console::log_1(&format!("AFTER WAIT: {}", log()).into());
    assert!(html(&root).contains("No items yet"), "{}", html(&root));
    web_sys::console::log_1(&format!("LOG1: {}", log()).into());

    let add = |d: &str, price: &str, who: &[usize]| {
        type_into(&root, "#field-description", d);
        type_into(&root, "#field-quantity", "1");
        type_into(&root, "#field-unit_price", price);
        let boxes = root
            .query_selector_all(".receipt-add input[type=checkbox]")
            .unwrap();
        for &w in who {
            boxes
                .item(w as u32)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
                .click();
        }
        click(&root, ".receipt-add button[type=submit]");
    };
    add("Salad", "12.00", &[0]);
    sleep(50).await;
    add("Steak", "30", &[1]);
    sleep(50).await;
    add("Pizza", "20", &[0, 1]);
    sleep(50).await;
    assert_eq!(
        texts(&root, ".receipt-item__desc"),
        vec!["Salad", "Steak", "Pizza"]
    );
    assert_eq!(
        texts(&root, ".receipt-split__preview li .money"),
        vec!["A$27.39", "A$49.81"]
    );
    web_sys::console::log_1(
        &format!("SENTENCE: {:?}", texts(&root, ".receipt__difference")).into(),
    );
    type_into(&root, "#field-tax", "6.20");
    type_into(&root, "#field-tip", "9");
    sleep(10).await;
    let sentence = texts(&root, ".receipt__difference");
    assert_eq!(
        sentence,
        vec!["The items, tax and tip come to A$77.20: exactly the payment."]
    );
    let split: web_sys::HtmlButtonElement = el(&root, ".receipt-split__apply button");
    assert!(split.disabled());
    web_sys::console::log_1(&format!("WHY: {:?}", texts(&root, "#receipt-split-why")).into());
    click(&root, ".receipt-extras__save");
    sleep(50).await;
    assert!(
        !split.disabled(),
        "{:?}",
        texts(&root, "#receipt-split-why")
    );
    split.click();
    sleep(50).await;
    assert_eq!(splits.get_untracked(), 1);

    // Inline edit: the preview follows what is typed, before saving.
    click(&root, ".receipt-item button[id$='-edit']");
    sleep(20).await;
    let price_id =
        el::<web_sys::Element>(&root, ".receipt-item__edit input[id$='-unit_price']").id();
    type_into(&root, &format!("#{price_id}"), "14");
    sleep(10).await;
    web_sys::console::log_1(&format!("EDITING: {:?}", texts(&root, ".receipt__difference")).into());
    web_sys::console::log_1(&format!("EDITROW: {}", html(&root)).into());
    assert!(split.disabled());
    click(&root, ".receipt-item__edit button[type=submit]");
    sleep(50).await;
    assert_eq!(texts(&root, ".receipt-item__qty")[0], "1 × A$14.00");
    // A chip saves at once.
    let ben_salad: web_sys::HtmlInputElement =
        el(&root, ".receipt-item input[type=checkbox]:not(:checked)");
    ben_salad.click();
    sleep(50).await;
    assert!(
        log().contains(r#"\"assignees\":[\"u0\",\"u1\"]"#),
        "{}",
        log()
    );
    web_sys::console::log_1(&format!("LOG2: {}", log()).into());
    web_sys::console::log_1(&format!("FINAL: {}", html(&root)).into());
    // Remove an item, then the receipt.
    click(&root, ".receipt-item .actions button:nth-child(2)");
    sleep(50).await;
    assert_eq!(texts(&root, ".receipt-item__desc"), vec!["Steak", "Pizza"]);
    click(&root, ".receipt__delete button");
    sleep(50).await;
    assert!(
        html(&root).contains("Add a receipt photo"),
        "{}",
        html(&root)
    );
}

#[component]
fn Picker() -> impl IntoView {
    let uploads = Uploads::new(ImageType::Moment);
    let remove = Callback::new(move |k| uploads.remove(k));
    view! {
        <ul>
            <For each=move || uploads.list.get() key=|u| u.key let:upload>
                <UploadStatus upload on_remove=remove />
            </For>
        </ul>
        <PhotoPicker uploads id="pick" label="Add photos" room=Signal::stored(3usize) />
        <p id="busy">{move || uploads.busy().to_string()}</p>
    }
}

#[wasm_bindgen_test]
async fn uploads_are_checked_and_cancelled() {
    js(STUBS);
    let root = container();
    let _m = leptos::mount::mount_to(root.clone(), || view! { <ToastHost><Picker /></ToastHost> });
    sleep(10).await;
    choose(
        "pick",
        "[['big.jpg','image/jpeg',5*1024*1024+1],['doc.gif','image/gif',10],['slow.jpg','image/jpeg',100],['extra.jpg','image/jpeg',100]]",
    );
    sleep(100).await;
    let h = html(&root);
    web_sys::console::log_1(&format!("PICKED: {h}").into());
    assert!(h.contains("This photo is larger than 5 MB"), "{h}");
    assert!(h.contains("Only JPEG, PNG or WebP"), "{h}");
    assert!(!h.contains("left out"), "{h}");
    assert!(h.contains("extra.jpg"), "{h}");
    assert_eq!(texts(&root, "#busy"), vec!["true"]);
    click(&root, "button[aria-label='Cancel uploading slow.jpg']");
    sleep(20).await;
    let h = html(&root);
    assert!(h.contains("Upload cancelled."), "{h}");
    assert!(log().contains("XHR abort"), "{}", log());
    assert_eq!(texts(&root, "#busy"), vec!["false"]);
}

#[wasm_bindgen_test]
async fn moments_are_added_and_edited() {
    js(STUBS);
    let root = container();
    let _m = leptos::mount::mount_to(root.clone(), || {
        let ctx = KittyCtx {
            id: Memo::new(|_| "k1".to_string()),
            kitty: LocalResource::new(|| async { Err::<Kitty, _>(ApiError::Network) }),
            version: RwSignal::new(0),
            unread: RwSignal::new(0),
        };
        provide_context(ctx);
        view! { <ToastHost><MomentsTab /></ToastHost> }
    });
    sleep(50).await;
    assert!(html(&root).contains("No moments yet"), "{}", html(&root));
    click(&root, "#moments-add");
    sleep(10).await;
    type_into(&root, "#field-title", "Beach day");
    choose(
        "field-image_ids",
        "[['a.jpg','image/jpeg',100],['b.png','image/png',200]]",
    );
    sleep(5).await;
    let save: web_sys::HtmlButtonElement = el(&root, ".moment-form button[type=submit]");
    assert!(save.disabled(), "saving waits for the uploads");
    sleep(200).await;
    assert!(!save.disabled());
    web_sys::console::log_1(&format!("FORM: {}", html(&root)).into());
    save.click();
    sleep(100).await;
    let h = html(&root);
    web_sys::console::log_1(&format!("GRID: {h}").into());
    assert!(
        h.contains("Beach day") && h.contains("Added by Ava Admin"),
        "{h}"
    );
    assert_eq!(
        root.query_selector_all(".moment__photos img")
            .unwrap()
            .length(),
        2
    );
    click(&root, ".moment__edit");
    sleep(20).await;
    let title: web_sys::HtmlInputElement = el(&root, "#field-title");
    assert_eq!(title.value(), "Beach day");
    click(&root, "button[aria-label='Remove photo 1']");
    sleep(10).await;
    type_into(&root, "#field-note", "Sunny");
    click(&root, ".moment-form button[type=submit]");
    sleep(100).await;
    web_sys::console::log_1(&format!("LOG: {}", log()).into());
    let h = html(&root);
    assert!(h.contains("Sunny"), "{h}");
    assert_eq!(
        root.query_selector_all(".moment__photos img")
            .unwrap()
            .length(),
        1
    );
}
