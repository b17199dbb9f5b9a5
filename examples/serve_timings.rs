//! Times `chiso serve`'s rebuild after each kind of single-file edit on a
//! site (the national synthetic site for PERFORMANCE.md): five edits of
//! each kind, the median printed with the pages rendered again. Each
//! rebuild is told that three pages are open in a browser (the home page,
//! a unit's page and the page of what was edited), as `chiso serve` is:
//! "shown" is when those are in the served site, "done" when the rebuild
//! ended.
//!
//! `cargo run --release --example serve_timings -- /tmp/serve-nat [KINDS]`
//! (the site is edited in place; make it with the `synth` example). KINDS,
//! if given, is a comma-separated list of words: only the edits whose name
//! holds one of them are timed (`results,front`).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chiso::session::{Early, EarlySite, Session};
use chiso::BuildOptions;

/// The allocator of the `chiso` binary, so the figures are those of `chiso
/// serve`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn set_first(text: &str, key: &str, value: &str) -> String {
    let at = text
        .find(&format!("\n{key} = "))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no {key}"));
    let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    format!("{}{key} = {value}{}", &text[..at], &text[end..])
}

fn first_file(dir: &Path, ext: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = walkdir_files(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files.remove(0)
}

fn walkdir_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("a site folder"));
    let kinds: Vec<String> = std::env::args()
        .nth(2)
        .map(|k| k.split(',').map(str::to_owned).collect())
        .unwrap_or_default();
    let mut session = Session::new(BuildOptions::new(&root));
    let first = session.rebuild(&[]).expect("the site builds");
    println!(
        "first build: {:.0} ms, {} pages",
        first.elapsed.as_secs_f64() * 1e3,
        first.pages
    );
    let results = first_file(&root.join("data/results"), "toml");
    let article = first_file(&root.join("content/tin-tuc"), "md");
    let unit_template = chiso::render::DEFAULT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == "unit.html")
        .map(|(_, t)| *t)
        .unwrap_or_default();
    type Edit<'a> = (&'a str, Box<dyn Fn(usize) -> PathBuf + 'a>);
    let edits: Vec<Edit> = vec![
        (
            "results file score",
            Box::new(|n| {
                let text = fs::read_to_string(&results).unwrap();
                let key = if text.contains("\nscore = ") {
                    "score"
                } else {
                    "points"
                };
                let value = format!("{}.{}", 60 + n, n);
                fs::write(&results, set_first(&text, key, &value)).unwrap();
                results.clone()
            }),
        ),
        (
            "units.toml name",
            Box::new(|n| {
                let file = root.join("data/units.toml");
                let text = fs::read_to_string(&file).unwrap();
                fs::write(&file, set_first(&text, "name", &format!("\"Đơn vị {n}\""))).unwrap();
                file
            }),
        ),
        (
            "indices.toml name",
            Box::new(|n| {
                let file = root.join("data/indices.toml");
                let text = fs::read_to_string(&file).unwrap();
                fs::write(&file, set_first(&text, "name", &format!("\"Chỉ số {n}\""))).unwrap();
                file
            }),
        ),
        (
            "article front matter",
            Box::new(|n| {
                let text = fs::read_to_string(&article).unwrap();
                fs::write(&article, set_first(&text, "title", &format!("\"Bài {n}\""))).unwrap();
                article.clone()
            }),
        ),
        (
            "article body",
            Box::new(|n| {
                let text = fs::read_to_string(&article).unwrap();
                fs::write(&article, format!("{text}\nThêm {n}.\n")).unwrap();
                article.clone()
            }),
        ),
        (
            "template unit.html",
            Box::new(|n| {
                let file = root.join("templates/unit.html");
                fs::create_dir_all(file.parent().unwrap()).unwrap();
                let marked = unit_template.replacen("</", &format!("<!-- {n} --></"), 1);
                fs::write(&file, marked).unwrap();
                file
            }),
        ),
        (
            "config.toml",
            Box::new(|n| {
                let file = root.join("config.toml");
                let text = format!("\n{}", fs::read_to_string(&file).unwrap());
                let edited = set_first(&text, "title", &format!("\"Trang {n}\""));
                fs::write(&file, &edited[1..]).unwrap();
                file
            }),
        ),
    ];
    let unit_page = first
        .files
        .keys()
        .find(|k| k.starts_with("don-vi/") && k.ends_with("/index.html"))
        .cloned()
        .expect("a unit page");
    println!("| edit | shown: median ms | done: median ms | done: runs (ms) | pages rendered |");
    println!("|---|---:|---:|---|---:|");
    for (name, edit) in &edits {
        if !kinds.is_empty() && !kinds.iter().any(|k| name.contains(k.as_str())) {
            continue;
        }
        let mut times: Vec<Duration> = Vec::new();
        let mut shown_times: Vec<Duration> = Vec::new();
        let mut pages = 0;
        let mut last = String::new();
        for n in 0..5 {
            let file = edit(n);
            let mut wanted: HashSet<String> = ["index.html".to_owned(), unit_page.clone()].into();
            let page = session.page_of_source(&file);
            wanted.extend(page.as_deref().and_then(chiso::serve::respond::output_key));
            let started = Instant::now();
            let shown: Mutex<Option<Duration>> = Mutex::default();
            let publish = |_: EarlySite| *shown.lock().unwrap() = Some(started.elapsed());
            let early = Early {
                pages: wanted,
                edited: Some(&file),
                publish: &publish,
            };
            let outcome = session
                .rebuild_showing(std::slice::from_ref(&file), Some(&early))
                .unwrap_or_else(|d| panic!("{name}: {d}"));
            times.push(outcome.elapsed);
            // Shown when the rebuild ended, if it rendered no page first.
            shown_times.push(shown.into_inner().unwrap().unwrap_or(outcome.elapsed));
            pages = outcome.pages;
            last = outcome.timings.to_string();
        }
        let runs: Vec<String> = times
            .iter()
            .map(|t| format!("{:.0}", t.as_secs_f64() * 1e3))
            .collect();
        let median = |mut times: Vec<Duration>| {
            times.sort();
            times[2].as_secs_f64() * 1e3
        };
        println!(
            "| {name} | {:.0} | {:.0} | {} | {pages} |",
            median(shown_times),
            median(times.clone()),
            runs.join(", ")
        );
        eprintln!("{name}, last run:\n{last}");
    }
    let _ = fs::remove_file(root.join("templates/unit.html"));
}
