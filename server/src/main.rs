//! `granary-server`: reads the flags, starts the HTTP server, prints the
//! ready line and stops gracefully on SIGTERM or Ctrl-C.

use granary_server::config::{parse_args, Command, USAGE};

fn main() {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(c)) => c,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return;
        }
        Ok(Command::Version) => {
            println!("{}", granary_server::display_name());
            return;
        }
        Err(e) => {
            eprintln!("granary-server: {e}");
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("granary-server: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async move {
        let (addr, handle) = match granary_server::serve(&config).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("granary-server: {e}");
                std::process::exit(1);
            }
        };
        let host = if addr.is_ipv6() { format!("[{}]", addr.ip()) } else { addr.ip().to_string() };
        println!("Granary {} ready on http://{host}:{}", granary_server::GRANARY_VERSION, addr.port());
        shutdown_signal().await;
        handle.shutdown().await;
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
