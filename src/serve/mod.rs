//! `chiso serve`: a preview server for editors. It builds the site into
//! memory, serves the last good build over HTTP (on 127.0.0.1 unless told
//! otherwise), watches the sources, rebuilds after every change and tells
//! open pages to reload over Server-Sent Events. A failed rebuild is shown
//! in the terminal and as an overlay in the browser, over the last good
//! site. Nothing is written to disk.

pub mod events;
pub mod respond;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::thread;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::session::Session;
use crate::BuildOptions;
use events::Listeners;
use respond::{Reply, Snapshot};
use watch::{Wait, Watcher};

/// Threads answering requests; an open event stream does not hold one.
const WORKERS: usize = 4;
/// How often idle event streams are pinged, to drop closed ones.
const PING_EVERY: Duration = Duration::from_secs(15);

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on; 127.0.0.1 unless `--bind` says otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Include articles marked `draft = true`.
    pub drafts: bool,
}

/// State shared between the rebuild loop and the request threads.
struct Shared {
    snapshot: RwLock<Snapshot>,
    listeners: Listeners,
}

impl Shared {
    fn snapshot(&self) -> Snapshot {
        self.snapshot
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        let mut guard = self
            .snapshot
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        change(&mut guard);
    }
}

/// Serves the site until the process is stopped; returns only when the
/// server cannot start.
pub fn serve(options: &ServeOptions) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(&options.root)
        .map_err(|e| Diagnostic::error(msg::cannot_open_site(options.root.display(), e)))?;
    let server = Server::http(SocketAddr::new(options.bind, options.port)).map_err(|e| {
        let address = SocketAddr::new(options.bind, options.port);
        Diagnostic::error(msg::cannot_listen(address, e)).with_hint(msg::hint_other_port())
    })?;
    let address = server
        .server_addr()
        .to_ip()
        .unwrap_or_else(|| SocketAddr::new(options.bind, options.port));
    let build_options = BuildOptions {
        base_url: Some(format!("http://{address}/")),
        drafts: options.drafts,
        ..BuildOptions::new(&root)
    };
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot::default()),
        listeners: Listeners::default(),
    });
    // Watch before the first build, so an edit saved while it runs is seen.
    let mut watcher = Watcher::start(&root)?;
    let mut session = Session::new(build_options);
    rebuild(&mut session, &shared, &[]);
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, shared) = (server.clone(), shared.clone());
        thread::spawn(move || {
            while let Ok(request) = server.recv() {
                answer(request, &shared);
            }
        });
    }
    println!("Serving the site at http://{address}/ (Ctrl+C to stop)");
    if !address.ip().is_loopback() {
        println!(
            "warning: listening on {}, so other computers can see the preview",
            address.ip()
        );
    }

    loop {
        match watcher.wait(PING_EVERY) {
            Wait::Changed(changed) => {
                let changed: Vec<PathBuf> = changed.into_iter().collect();
                rebuild(&mut session, &shared, &changed);
            }
            Wait::Idle => shared.listeners.ping(),
            Wait::Stopped => return Err(Diagnostic::error(msg::watching_stopped())),
        }
    }
}

/// Builds the site into memory; on success it becomes the served site, on
/// failure the last good one stays and the diagnostics are shown. Open pages
/// are told to reload either way.
fn rebuild(session: &mut Session, shared: &Shared, changed_paths: &[PathBuf]) {
    let changed = changed_paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let what = if changed.is_empty() {
        "Built".to_owned()
    } else {
        format!("Rebuilt after changes in {changed}:")
    };
    match session.rebuild(changed_paths) {
        Ok(site) => {
            eprint!("{}", site.warnings);
            let only = if site.partial {
                " (only what the edit touched)"
            } else {
                ""
            };
            println!(
                "{what} {} pages{only} in {} ms",
                site.pages,
                site.elapsed.as_millis()
            );
            shared.update(|s| {
                s.site = Some(Arc::new(site.files));
                s.error = None;
            });
        }
        Err(diagnostics) => {
            let text = diagnostics.to_string();
            eprint!("{text}");
            let errors = diagnostics.error_count();
            let what = if changed.is_empty() {
                "The build".to_owned()
            } else {
                format!("The rebuild after changes in {changed}")
            };
            let serving = if shared.snapshot().site.is_some() {
                "still serving the last good site"
            } else {
                "nothing to serve until the errors are fixed"
            };
            println!(
                "{what} failed with {errors} error{}; {serving}",
                if errors == 1 { "" } else { "s" }
            );
            shared.update(|s| s.error = Some(text));
        }
    }
    shared.listeners.send("reload", "");
}

/// Answers one request from the current snapshot.
fn answer(request: Request, shared: &Shared) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::empty(405));
        return;
    }
    let reply = respond::reply(request.url(), &shared.snapshot());
    let result = match reply {
        Reply::Events => {
            shared.listeners.add(request.into_writer());
            Ok(())
        }
        Reply::Redirect(location) => {
            let mut response = Response::empty(301);
            if let Some(h) = header("Location", &location) {
                response.add_header(h);
            }
            request.respond(response)
        }
        Reply::Body {
            status,
            content_type,
            body,
        } => {
            let mut response = Response::from_data(body).with_status_code(status);
            for h in [
                header("Content-Type", content_type),
                header("Cache-Control", "no-store"),
            ]
            .into_iter()
            .flatten()
            {
                response.add_header(h);
            }
            request.respond(response)
        }
    };
    // A browser that closed the connection early is not an error worth showing.
    let _ = result;
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}
