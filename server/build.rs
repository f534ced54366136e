// The migrations are embedded by `sqlx::migrate!`; a new file in their folders must rebuild the
// server (sqlx's documented recipe).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
