//! Model-based test of the kitty ledger: random sequences of operations run against the real
//! server (its router, in process, over a real database) and, step for step, against the
//! reference model in `kitty_api::ledger::model`. After every step both must agree on whether it
//! was allowed (the HTTP status), on every member's balance, the unassigned deposits, the
//! available balance and the default rule; and the server's books must balance.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use kitty_api::auth::RegisterRequest;
use kitty_api::kitty::{SplitMode, TxKind};
use kitty_api::ledger::model::{name, strategy, Model, Op};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};
use tower::ServiceExt;

/// Sequences per run (`KITTY_MODEL_SEQUENCES` overrides). Each step is a few requests, so the
/// default stays under ten seconds; the 10,000-sequence run is the model's own, in `kitty-api`.
const SEQUENCES: u32 = 250;
const PEOPLE: usize = 5;

struct World {
    app: Router,
    /// Bearer token and user id of person n.
    people: Vec<(String, String)>,
}

impl World {
    async fn new(dir: &std::path::Path) -> World {
        let url = common::database_url(dir).await;
        let settings = kitty_server::settings::Settings::for_test(url.clone(), dir.join("dist"));
        let app = kitty_server::build(settings).await.expect("server builds");
        let db = kitty_server::db::connect(&url).await.unwrap();
        let mut people = Vec::new();
        for n in 0..PEOPLE {
            let user = kitty_server::accounts::create(
                &db,
                &RegisterRequest {
                    name: name(n),
                    mobile: format!("0912000{n:04}"),
                    email: None,
                    password: "secret1".into(),
                },
            )
            .await
            .unwrap();
            let tokens = kitty_server::session::create(&db, &user.id).await.unwrap();
            people.push((tokens.access, user.id));
        }
        World { app, people }
    }

    async fn call(
        &self,
        as_person: Option<usize>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(p) = as_person {
            req = req.header("authorization", format!("Bearer {}", self.people[p].0));
        }
        let req = match body {
            Some(b) => req
                .header("content-type", "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, value)
    }

    fn person_of(&self, user_id: &str) -> usize {
        self.people
            .iter()
            .position(|p| p.1 == user_id)
            .expect("known person")
    }
}

/// One kitty under test: its ids, and the server id of each model entry.
struct Kitty {
    id: String,
    account: String,
    card: String,
    code: String,
    entries: Vec<String>,
}

fn rule_json(world: &World, mode: SplitMode, people: &[(usize, i64)]) -> Value {
    json!({
        "mode": mode.as_str(),
        "proportions": people.iter().map(|(p, v)| json!({"user_id": world.people[*p].1, "value": v})).collect::<Vec<_>>(),
    })
}

async fn run(world: &World, ops: &[Op]) -> Result<(), TestCaseError> {
    let (s, k) = world
        .call(
            Some(0),
            Method::POST,
            "/ktti/api/v3/ktties",
            Some(json!({"name": "Model"})),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{k}");
    let mut kitty = Kitty {
        id: k["id"].as_str().unwrap().into(),
        account: k["account"]["account_number"].as_str().unwrap().into(),
        card: k["card"]["id"].as_str().unwrap().into(),
        code: k["referral_code"].as_str().unwrap().into(),
        entries: vec![],
    };
    let base = format!("/ktti/api/v3/ktties/{}", kitty.id);
    let mut model = Model::new();
    for (step, op) in ops.iter().enumerate() {
        // Both sides get the same concrete values.
        let op = &model.fit(op);
        let entry_of = |kinds: &[TxKind], nth: usize, model: &Model, kitty: &Kitty| {
            model.pick(kinds, nth).map(|i| kitty.entries[i].clone())
        };
        let (status, body) = match op {
            Op::Deposit { sender, amount } => {
                let sender = sender.map_or("Someone Else".to_string(), name);
                world.call(None, Method::POST, "/sandbox/kitty-deposits",
                    Some(json!({"account_number": kitty.account, "amount": amount, "sender_name": sender}))).await
            }
            Op::Assign { nth, person } => {
                match entry_of(&[TxKind::Deposit], *nth, &model, &kitty) {
                    Some(tx) => {
                        world
                            .call(
                                Some(0),
                                Method::PUT,
                                &format!("{base}/transactions/{tx}/assignee"),
                                Some(json!({"user_id": world.people[*person].1})),
                            )
                            .await
                    }
                    None => (StatusCode::NOT_FOUND, Value::Null),
                }
            }
            Op::Spend { amount } => world
                .call(
                    None,
                    Method::POST,
                    "/sandbox/card-spends",
                    Some(json!({"card_id": kitty.card, "merchant_name": "Shop", "amount": amount})),
                )
                .await,
            Op::Refund { amount, of } => {
                let of = of.and_then(|n| entry_of(&[TxKind::Expense], n, &model, &kitty));
                world.call(None, Method::POST, "/sandbox/card-spends",
                    Some(json!({"card_id": kitty.card, "merchant_name": "Shop", "amount": amount, "refund": true, "refund_of": of}))).await
            }
            Op::EditSplit {
                nth, mode, people, ..
            } => match entry_of(&[TxKind::Expense, TxKind::Refund], *nth, &model, &kitty) {
                Some(tx) => {
                    world
                        .call(
                            Some(0),
                            Method::PUT,
                            &format!("{base}/transactions/{tx}/split"),
                            Some(rule_json(world, *mode, people)),
                        )
                        .await
                }
                None => (StatusCode::NOT_FOUND, Value::Null),
            },
            Op::SetDefault { mode, people, .. } => {
                world
                    .call(
                        Some(0),
                        Method::PUT,
                        &format!("{base}/split"),
                        Some(rule_json(world, *mode, people)),
                    )
                    .await
            }
            Op::Join { person } => {
                world
                    .call(
                        Some(*person),
                        Method::POST,
                        "/ktti/api/v3/ktties/join",
                        Some(json!({"referral_code": kitty.code})),
                    )
                    .await
            }
            Op::Leave { person } => {
                world
                    .call(Some(*person), Method::POST, &format!("{base}/leave"), None)
                    .await
            }
            Op::Remove { person } => {
                world
                    .call(
                        Some(0),
                        Method::DELETE,
                        &format!("{base}/members/{}", world.people[*person].1),
                        None,
                    )
                    .await
            }
            Op::PayOut { person } => {
                world
                    .call(
                        Some(0),
                        Method::POST,
                        &format!("{base}/members/{}/payout", world.people[*person].1),
                        None,
                    )
                    .await
            }
            Op::Initiate => {
                world
                    .call(
                        Some(0),
                        Method::POST,
                        &format!("{base}/closure/initiate"),
                        None,
                    )
                    .await
            }
            Op::Disburse => {
                world
                    .call(
                        Some(0),
                        Method::POST,
                        &format!("{base}/closure/disburse"),
                        None,
                    )
                    .await
            }
            Op::Close => {
                world
                    .call(
                        Some(0),
                        Method::POST,
                        &format!("{base}/closure/close"),
                        None,
                    )
                    .await
            }
            Op::Cancel => {
                world
                    .call(
                        Some(0),
                        Method::POST,
                        &format!("{base}/closure/cancel"),
                        None,
                    )
                    .await
            }
            Op::Plus | Op::Free => {
                let plan = if matches!(op, Op::Plus) {
                    "plus"
                } else {
                    "free"
                };
                world
                    .call(
                        Some(0),
                        Method::PUT,
                        &format!("{base}/billing/plan"),
                        Some(json!({ "plan": plan })),
                    )
                    .await
            }
        };
        let before = model.entries.len();
        let expected = model.apply(op);
        let context =
            || format!("step {step}: {op:?}\nserver: {status} {body}\nmodel: {expected:?}");
        match &expected {
            Ok(()) => proptest::prop_assert!(status.is_success(), "{}", context()),
            Err(refusal) => {
                proptest::prop_assert_eq!(status.as_u16(), refusal.status(), "{}", context())
            }
        }
        // Keep the server id of every entry the model added.
        match op {
            Op::Deposit { .. } | Op::Spend { .. } | Op::Refund { .. } if status.is_success() => {
                kitty.entries.push(body["id"].as_str().unwrap().into())
            }
            _ => kitty.entries.extend(std::iter::repeat_n(
                String::new(),
                model.entries.len() - before,
            )),
        }
        // The books, as the server sums them, against the model's.
        let (s, totals) = world
            .call(Some(0), Method::GET, &format!("{base}/member-totals"), None)
            .await;
        proptest::prop_assert_eq!(s, StatusCode::OK);
        let want = model.totals();
        proptest::prop_assert_eq!(
            totals["available_balance"].as_i64(),
            Some(want.available_balance),
            "{}",
            context()
        );
        proptest::prop_assert_eq!(
            totals["unassigned"].as_i64(),
            Some(want.unassigned),
            "{}",
            context()
        );
        let mut got: Vec<(usize, i64, bool)> = totals["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    world.person_of(m["user_id"].as_str().unwrap()),
                    m["balance"].as_i64().unwrap(),
                    m["active"].as_bool().unwrap(),
                )
            })
            .collect();
        got.sort();
        let mut expect: Vec<(usize, i64, bool)> = want
            .members
            .iter()
            .map(|m| (m.user_id[1..].parse().unwrap(), m.balance, m.active))
            .collect();
        expect.sort();
        proptest::prop_assert_eq!(&got, &expect, "{}", context());
        let sum: i64 = got.iter().map(|g| g.1).sum::<i64>() + want.unassigned;
        proptest::prop_assert_eq!(sum, want.available_balance, "{}", context());
        // The default rule, member for member.
        let (_, rule) = world
            .call(Some(0), Method::GET, &format!("{base}/split"), None)
            .await;
        let want_rule = model.default_rule();
        proptest::prop_assert_eq!(
            rule["mode"].as_str(),
            Some(want_rule.mode.as_str()),
            "{}",
            context()
        );
        let got_rule: Vec<(usize, i64)> = rule["proportions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    world.person_of(p["user_id"].as_str().unwrap()),
                    p["value"].as_i64().unwrap(),
                )
            })
            .collect();
        let want_values: Vec<(usize, i64)> = want_rule
            .proportions
            .iter()
            .map(|p| (p.user_id[1..].parse().unwrap(), p.value))
            .collect();
        proptest::prop_assert_eq!(got_rule, want_values, "{}", context());
    }
    Ok(())
}

#[test]
fn the_server_keeps_the_books_the_model_keeps() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let world = rt.block_on(Box::pin(World::new(dir.path())));
    let mut runner = TestRunner::new(Config {
        cases: std::env::var("KITTY_MODEL_SEQUENCES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(SEQUENCES),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy::ops(30), |ops| {
        rt.block_on(Box::pin(run(&world, &ops)))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
