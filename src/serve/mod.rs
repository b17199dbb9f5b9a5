//! `chiso serve`: a preview server for editors. It builds the site into
//! memory, serves the last good build over HTTP (on 127.0.0.1 unless told
//! otherwise), watches the sources, rebuilds after every change and tells
//! open pages to reload over Server-Sent Events. A failed rebuild is shown
//! in the terminal and as an overlay in the browser, over the last good
//! site. Nothing is written to disk.

pub mod connections;
pub mod events;
pub mod host;
pub mod http;
pub mod respond;
pub mod watch;

use std::io::Read;
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, RwLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::session::{Early, EarlySite, Session};
use crate::BuildOptions;
use connections::Timed;
use events::Listeners;
use host::Hosts;
use http::HeadError;
use respond::{Finished, Reply, Settling, Snapshot};
use watch::{Wait, Watcher};

/// How often idle event streams are pinged, to drop closed ones.
const PING_EVERY: Duration = Duration::from_secs(15);
/// The time a client has to send its request's head, from connecting.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// The time a client has to take a reply, or an event, off the wire.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// The time an event stream has to take an event.
const EVENT_WRITE_TIMEOUT: Duration = Duration::from_secs(1);
/// After refusing a request not read to its end, how long and how much of
/// the rest is read and thrown away, so the client sees the reply rather
/// than a reset connection.
const DRAIN_TIME: Duration = Duration::from_secs(1);
const DRAIN_BYTES: usize = 1 << 20;
/// The longest a request waits for a rebuild under way to end.
const SETTLE_WAIT: Duration = Duration::from_secs(120);

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
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// State shared between the rebuild loop and the request threads.
struct Shared {
    snapshot: RwLock<Snapshot>,
    listeners: Listeners,
    hosts: Hosts,
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

/// `address`, or when it is every address of the machine (`0.0.0.0`,
/// `::`), the one it reaches the network from (the system's choice of a
/// route, no packet sent), else its loopback.
fn reachable(address: SocketAddr) -> SocketAddr {
    use std::net::{Ipv4Addr, Ipv6Addr, UdpSocket};
    if !address.ip().is_unspecified() {
        return address;
    }
    let (any, far, loopback): (IpAddr, IpAddr, IpAddr) = match address {
        SocketAddr::V4(_) => (
            Ipv4Addr::UNSPECIFIED.into(),
            Ipv4Addr::new(192, 0, 2, 1).into(),
            Ipv4Addr::LOCALHOST.into(),
        ),
        SocketAddr::V6(_) => (
            Ipv6Addr::UNSPECIFIED.into(),
            Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1).into(),
            Ipv6Addr::LOCALHOST.into(),
        ),
    };
    let outward = UdpSocket::bind((any, 0))
        .and_then(|socket| {
            socket.connect((far, 9))?;
            socket.local_addr()
        })
        .map(|local| local.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified());
    SocketAddr::new(outward.unwrap_or(loopback), address.port())
}

/// Serves the site until the process is stopped; returns only when the
/// server cannot start.
pub fn serve(options: &ServeOptions) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(&options.root)
        .map_err(|e| Diagnostic::error(msg::cannot_open_site(options.root.display(), &e)))?;
    let wanted = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(wanted).map_err(|e| {
        // An address the machine does not have is not helped by a port.
        let hint = match e.kind() {
            std::io::ErrorKind::AddrNotAvailable => msg::hint_other_address(),
            _ => msg::hint_other_port(),
        };
        Diagnostic::error(msg::cannot_listen(wanted, &e)).with_hint(hint)
    })?;
    // Listening on every address (0.0.0.0), the pages' links and the
    // address printed name one a colleague's browser can open.
    let bound = listener.local_addr().unwrap_or(wanted);
    let address = reachable(bound);
    let build_options = BuildOptions {
        base_url: Some(format!("http://{address}/")),
        drafts: options.drafts,
        ..BuildOptions::new(&root)
    };
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot::default()),
        listeners: Listeners::default(),
        hosts: Hosts::new(bound.ip()),
    });
    // Watch before the first build, so an edit saved while it runs is seen.
    let mut watcher = Watcher::start(&root)?;
    let mut session = Session::new(build_options);
    let mut shown_warnings = String::new();
    rebuild(&mut session, &shared, &[], &mut shown_warnings);
    {
        let shared = shared.clone();
        thread::spawn(move || {
            connections::accept_forever(listener, move |stream| answer(stream, &shared))
        });
    }
    println!("{}", msg::serving(address));
    if !bound.ip().is_loopback() {
        println!("{}", msg::serving_to_network(bound.ip()));
    }
    if options.open {
        open_browser(&format!("http://{address}/"));
    }

    loop {
        match watcher.wait(PING_EVERY) {
            Wait::Changed(changed) => {
                let changed: Vec<PathBuf> = changed.into_iter().collect();
                rebuild(&mut session, &shared, &changed, &mut shown_warnings);
            }
            Wait::Idle => shared.listeners.ping(),
            Wait::Stopped => return Err(Diagnostic::error(msg::watching_stopped())),
        }
    }
}

/// Builds the site into memory; on success it becomes the served site, on
/// failure the last good one stays and the diagnostics are shown. Open pages
/// are told to reload either way. The pages open in a browser (and the page
/// of what was edited) are rendered first and shown at once, as `hugo
/// server`'s fast render does; until the rebuild ends, a request for any
/// other page waits for it, so no page of before the edit is served.
///
/// `shown_warnings` is the warnings the last successful build printed:
/// the same ones are not printed again, only counted.
fn rebuild(
    session: &mut Session,
    shared: &Shared,
    changed_paths: &[PathBuf],
    shown_warnings: &mut String,
) {
    let changed = changed_paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    // Open pages go to the page of what was edited, as `hugo server`
    // does: an article, or a results table's ranking.
    let page_of_edit = |session: &Session| match changed_paths {
        [one] => session.page_of_source(one),
        _ => None,
    };
    let destination = page_of_edit(session);
    let mut wanted = shared.listeners.pages();
    wanted.extend(destination.as_deref().and_then(respond::output_key));
    let before = shared.snapshot().site;
    let finished = Arc::new(Finished::default());
    // Where the early reload sent open pages, once it has.
    let sent: OnceLock<Option<String>> = OnceLock::new();
    let publish = |early: EarlySite| {
        shared.update(|s| {
            s.site = Some(early.base);
            s.error = None;
            s.settling = Some(Settling {
                fresh: early.fresh,
                settled: early.settled,
                finished: Arc::clone(&finished),
            });
        });
        // To where the page of the edit is now: after a new slug the old
        // address is gone, and a deleted article has none (a page not
        // rendered yet is served when the rebuild ends).
        let page = early.page_of_edit;
        shared
            .listeners
            .send("reload", page.as_deref().unwrap_or(""));
        let _ = sent.set(page);
    };
    let early = Early {
        pages: wanted,
        edited: match changed_paths {
            [one] => Some(one.as_path()),
            _ => None,
        },
        publish: &publish,
    };
    let early = (!early.pages.is_empty()).then_some(&early);
    let result = session.rebuild_showing(changed_paths, early);
    let sent = sent.into_inner();
    match result {
        Ok(site) => {
            // The same warnings again would bury the line that matters.
            let warnings = site.warnings.to_string();
            if warnings != *shown_warnings {
                eprint!("{warnings}");
            } else if !warnings.is_empty() {
                eprintln!("{}", msg::warnings_as_before(site.warnings.warning_count()));
            }
            *shown_warnings = warnings;
            let (pages, millis) = (site.pages, site.elapsed.as_millis());
            let line = if changed.is_empty() {
                msg::served_built(pages, millis)
            } else if site.partial {
                msg::served_rebuilt_partly(&changed, pages, millis)
            } else {
                msg::served_rebuilt(&changed, pages, millis)
            };
            println!("{line}");
            shared.update(|s| {
                s.site = Some(site.files);
                s.later = site.later;
                s.error = None;
                s.settling = None;
            });
            finished.set();
            // Shown already, unless the page of the edit moved again.
            let page = page_of_edit(session);
            if sent.as_ref() != Some(&page) {
                shared
                    .listeners
                    .send("reload", page.as_deref().unwrap_or(""));
            }
        }
        Err(diagnostics) => {
            let text = diagnostics.to_string();
            eprint!("{text}");
            shown_warnings.clear();
            let errors = diagnostics.error_count();
            let failed = if changed.is_empty() {
                msg::serve_build_failed(errors)
            } else {
                msg::serve_rebuild_failed(&changed, errors)
            };
            let serving = if before.is_some() {
                msg::still_serving()
            } else {
                msg::nothing_to_serve()
            };
            println!("{failed}; {serving}");
            shared.update(|s| {
                // The pages shown early go back to the last good build.
                s.site = before;
                s.error = Some(text);
                s.settling = None;
            });
            finished.set();
            shared.listeners.send("reload", "");
        }
    }
}

/// Opens `url` in the editor's default browser (`--open`); a failure is
/// only reported, the server goes on.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    let spawned = command
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        eprintln!("{}", msg::cannot_open_browser(e));
    }
}

/// Reads one request from a connection and answers it from the current
/// snapshot; the connection is closed after the reply, or kept as an event
/// stream.
fn answer(mut stream: TcpStream, shared: &Shared) {
    // A client that stops reading must not hold its thread for ever.
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let head = http::read_head(&mut Timed {
        stream: &stream,
        deadline: Instant::now() + HEAD_TIMEOUT,
    });
    let request = match head {
        Ok(request) => request,
        Err(error) => return refuse(stream, &error),
    };
    let head_only = request.method == "HEAD";
    let (status, headers, body) = if !shared.hosts.allows(request.host.as_deref()) {
        let page = respond::refused_host_page(&shared.hosts.described());
        (
            403,
            vec![("Content-Type", "text/html; charset=utf-8")],
            page,
        )
    } else if request.method != "GET" && !head_only {
        (405, vec![("Allow", "GET, HEAD")], Vec::new())
    } else {
        let mut snapshot = shared.snapshot();
        if let Some(settling) = snapshot.settling.clone() {
            if respond::must_wait(&request.target, &snapshot) {
                settling.finished.wait(SETTLE_WAIT);
                snapshot = shared.snapshot();
            }
        }
        match respond::reply(&request.target, &snapshot) {
            Reply::Events if !head_only => {
                // Events are sent from the rebuild loop: a stalled tab may
                // only hold it up briefly before it is dropped.
                let _ = stream.set_write_timeout(Some(EVENT_WRITE_TIMEOUT));
                let page = respond::event_page(&request.target);
                shared.listeners.add(Box::new(stream), page);
                return;
            }
            Reply::Events => (200, vec![("Content-Type", "text/event-stream")], Vec::new()),
            Reply::Redirect(location) => {
                let _ = http::write_reply(&mut stream, 301, &[("Location", &location)], &[], false);
                return close(stream);
            }
            Reply::Body {
                status,
                content_type,
                body,
            } => (
                status,
                vec![
                    ("Content-Type", content_type),
                    ("Cache-Control", "no-store"),
                ],
                body,
            ),
        }
    };
    // A browser that closed the connection early is not an error worth showing.
    let _ = http::write_reply(&mut stream, status, &headers, &body, head_only);
    close(stream);
}

/// Answers a request that could not be read, if anyone is still there.
fn refuse(mut stream: TcpStream, error: &HeadError) {
    let Some(status) = error.status() else {
        return;
    };
    let body = http::reason(status).as_bytes();
    let headers = [("Content-Type", "text/plain; charset=utf-8")];
    if http::write_reply(&mut stream, status, &headers, body, false).is_err() {
        return;
    }
    // The rest of the request was never read: closing now would reset the
    // connection, and the client might lose the reply. Read a bounded amount
    // more, into a small buffer, then close whatever is left.
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + DRAIN_TIME;
    let mut timed = Timed {
        stream: &stream,
        deadline,
    };
    let mut buffer = [0u8; 8192];
    let mut drained = 0;
    while drained < DRAIN_BYTES {
        match timed.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Closes a connection once the reply is written.
fn close(stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_is_told_as_one_a_browser_can_open() {
        let every: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        let told = reachable(every);
        assert!(!told.ip().is_unspecified(), "{told}");
        assert_eq!(told.port(), 1111);
        let one: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        assert_eq!(reachable(one), one);
    }
}
