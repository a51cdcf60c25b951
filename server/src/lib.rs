//! Granary's ClickHouse-compatible HTTP server (spec/http.md). [`serve`]
//! opens the database, binds the listener and runs the endpoints of
//! [`http`] until the returned [`ShutdownHandle`] fires; `main.rs` only
//! reads the flags ([`config`]) and waits for SIGTERM / Ctrl-C.

pub mod config;
pub mod errors;
pub mod http;
pub mod sessions;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use granary_engine::Database;
use tokio::sync::oneshot;

pub use config::Config;

/// Granary's own version.
pub const GRANARY_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version shown in error bodies: the ClickHouse release Granary follows, then Granary's.
pub fn version_string() -> String {
    format!("{} (Granary {GRANARY_VERSION})", granary_engine::functions::misc::VERSION)
}

/// `X-ClickHouse-Server-Display-Name`.
pub fn display_name() -> String {
    format!("Granary {GRANARY_VERSION}")
}

/// Stops a running server: it stops accepting, finishes the requests in
/// flight, and [`ShutdownHandle::shutdown`] returns when it is done.
pub struct ShutdownHandle {
    tx: Option<oneshot::Sender<()>>,
    done: tokio::task::JoinHandle<()>,
}

impl ShutdownHandle {
    /// Asks the server to stop and waits until it has.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.done).await;
    }

    /// Waits until the server stops on its own (it does not, unless it fails).
    pub async fn wait(self) {
        let _ = self.done.await;
    }
}

/// Opens the database in `config.data_dir` and starts serving on
/// `listen_host:http_port` (port 0 picks a free port). Returns the bound
/// address and the handle that stops the server. Must run inside a tokio runtime.
pub async fn serve(config: &Config) -> Result<(SocketAddr, ShutdownHandle), String> {
    let db = Database::open(&config.data_dir).map_err(|e| e.to_string())?;
    let app = Arc::new(http::App { db, sessions: sessions::Sessions::default() });
    let host = config.listen_host.trim_start_matches('[').trim_end_matches(']');
    let listener = tokio::net::TcpListener::bind((host, config.http_port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.listen_host, config.http_port))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let router = Router::new().fallback(http::handle).with_state(app.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let sweeper_app = app.clone();
    let sweeper = tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            sweeper_app.sessions.sweep();
        }
    });
    let done = tokio::spawn(async move {
        let server = axum::serve(listener, router).with_graceful_shutdown(async move {
            let _ = rx.await;
        });
        if let Err(e) = server.await {
            eprintln!("granary-server: {e}");
        }
        sweeper.abort();
    });
    Ok((addr, ShutdownHandle { tx: Some(tx), done }))
}
