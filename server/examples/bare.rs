//! The yardstick for `scripts/bench`: a bare axum handler with no middleware, no database and no
//! state, on the same runtime settings as the server. The bench reports the server's endpoints
//! as a ratio to this one, measured in the same run on the same machine.

use axum::routing::get;

#[tokio::main]
async fn main() {
    let app = axum::Router::new().route("/", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    println!(
        "Bare handler is running at http://{}",
        listener.local_addr().expect("bound")
    );
    axum::serve(listener, app).await.expect("serves");
}
