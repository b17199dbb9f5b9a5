//! `chiso serve` as editors use it: the real binary on a free port, spoken
//! to over plain TCP. Every wait is bounded, and the server is killed when
//! a test ends, passed or not.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use common::*;

/// The longest any step may take, even on a slow, busy CI machine.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `chiso serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    lines: Receiver<String>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start chiso serve");
        let stdout = child.stdout.take().expect("no stdout");
        let (sender, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            port: 0,
            lines,
        };
        let line = server.wait_for_line("Serving the site at http://127.0.0.1:");
        let port = line
            .rsplit(':')
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        server.port = port;
        server
    }

    /// Waits for a line of output containing `text`.
    fn wait_for_line(&mut self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("chiso serve never printed {text:?}");
    }

    fn get(&self, path: &str) -> Reply {
        get(self.port, path)
    }

    /// Requests `path` until `done` holds for the reply.
    fn poll(&self, path: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reply = self.get(path);
            if done(&reply) {
                return reply;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// A raw HTTP/1.0 GET: the request target is sent exactly as given.
fn get(port: u16, path: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("cannot connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("no reply");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Reply {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

#[test]
fn serves_the_site_with_content_types_404s_and_nothing_outside_it() {
    let site = fixture("minimal");
    put(
        site.path(),
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    put(site.path(), "static/so-lieu/bang.csv", "Đơn vị;Điểm\n");
    let server = Server::start(site.path());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Khối thử nghiệm"), "{}", home.body);
    assert!(
        home.body.contains("/__chiso/events"),
        "no live-reload script"
    );
    // The links point at the server, not at the published base URL.
    assert!(!home.body.contains("https://example.gov.vn/"));

    for (path, content_type) in [
        ("/chiso.css", "text/css; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/so-lieu/bang.csv", "text/csv; charset=utf-8"),
        ("/xep-hang/2023/khoi/", "text/html; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{path}");
    }
    let css = server.get("/chiso.css");
    assert!(
        !css.body.contains("EventSource"),
        "script injected into CSS"
    );

    let folder = server.get("/xep-hang/2023/khoi");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/xep-hang/2023/khoi/"));

    assert_eq!(server.get("/khong-co-trang-nay/").status, 404);

    let secret = std::fs::read_to_string(site.path().join("config.toml")).unwrap();
    for path in [
        "/config.toml",
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/%2E%2E/%2e%2e/Cargo.toml",
        "/chi-so/../../config.toml",
        "/..%2fconfig.toml",
        "/..%5cconfig.toml",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(
            !reply.body.contains(&secret),
            "{path} served the site's config"
        );
    }
}

#[test]
fn a_sites_404_page_is_served_with_status_404() {
    let site = fixture("minimal");
    put(
        site.path(),
        "templates/404.html",
        "<html><body><h1>Không tìm thấy</h1></body></html>",
    );
    let server = Server::start(site.path());
    let missing = server.get("/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("<h1>Không tìm thấy</h1>"));
}

#[test]
fn rebuilds_on_change_reloads_the_page_and_keeps_the_last_good_site() {
    let site = fixture("minimal");
    let mut server = Server::start(site.path());

    // A browser tab listening for reloads.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        events,
        "GET /__chiso/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut seen = String::new();
    let read_until = |events: &mut TcpStream, seen: &mut String, text: &str| {
        let mut buf = [0u8; 1024];
        while !seen.contains(text) {
            let n = events
                .read(&mut buf)
                .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
            assert!(n > 0, "the event stream closed before {text:?}");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    };
    read_until(&mut events, &mut seen, "retry:");
    assert!(seen.contains("Content-Type: text/event-stream"), "{seen}");

    let home = site.path().join("content/_index.md");
    let text = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, format!("{text}\nĐoạn văn mới viết thêm.\n")).unwrap();
    server.poll("/", "the new text", |r| {
        r.body.contains("Đoạn văn mới viết thêm.")
    });
    read_until(&mut events, &mut seen, "event: reload");
    let rebuilt = server.wait_for_line("Rebuilt after changes in content/_index.md");
    assert!(rebuilt.ends_with(" ms"), "no rebuild time in {rebuilt:?}");

    // A broken edit: the last good site stays, with the problem over it.
    let config = site.path().join("config.toml");
    let good_config = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{good_config}\ntitle_typo = \n")).unwrap();
    let broken = server.poll("/", "the error overlay", |r| {
        r.body.contains("chiso-overlay")
    });
    assert_eq!(broken.status, 200);
    assert!(
        broken.body.contains("Đoạn văn mới viết thêm."),
        "the last good site is gone"
    );
    assert!(
        broken.body.contains("config.toml"),
        "the overlay does not name the file"
    );
    server.wait_for_line("failed with 1 error; still serving the last good site");

    // Fixed again: the overlay goes.
    std::fs::write(&config, good_config).unwrap();
    server.poll("/", "the overlay to go", |r| {
        !r.body.contains("chiso-overlay")
    });
}

#[test]
fn a_site_broken_from_the_start_shows_its_errors_until_fixed() {
    let site = fixture("minimal");
    let units = site.path().join("data/units.toml");
    let good = std::fs::read_to_string(&units).unwrap();
    std::fs::write(&units, "[[unit]]\nid = 1\n").unwrap();
    let mut server = Server::start(site.path());
    let broken = server.get("/");
    assert_eq!(broken.status, 503);
    assert!(broken.body.contains("chiso-overlay"), "{}", broken.body);
    assert!(
        broken.body.contains("data/units.toml:2:6"),
        "{}",
        broken.body
    );

    std::fs::write(&units, good).unwrap();
    server.wait_for_line("Rebuilt after changes in data/units.toml");
    let fixed = server.poll("/", "the site", |r| r.status == 200);
    assert!(fixed.body.contains("Khối thử nghiệm"));
    assert!(!fixed.body.contains("chiso-overlay"));
}

#[test]
fn the_reload_script_is_never_in_built_files_and_serve_explains_its_flags() {
    let site = fixture("minimal");
    let built = build_ok(site.path());
    for entry in walkdir::WalkDir::new(&built.out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("__chiso") && !text.contains("EventSource"),
                "{} has the live-reload script",
                entry.path().display()
            );
        }
    }
    let help = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--root", "--port", "--bind", "--drafts", "127.0.0.1"] {
        assert!(help.contains(flag), "serve --help does not explain {flag}");
    }
    let usage = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["serve", "--bind", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
}
