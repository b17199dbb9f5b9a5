//! Where a build's time goes, and what a rebuild after one change costs:
//! `cargo run --release --example rebuild -- <SITE_DIR>`.
//!
//! First runs each stage of the pipeline once, timed on its own (the same
//! calls `chiso::build` makes), and sums the rendered bytes by kind of page.
//! Then calls `chiso::render_site` once to warm up, appends a line to one
//! article and times a second `render_site`, then adds a note to one results
//! file and times a third. A full in-memory re-render is what `chiso serve`
//! does on any change except an edit to the body of existing articles (its
//! `Session` has a quicker path for those: the same article change is timed
//! through a `Session` too). The changed files are restored afterwards.
//!
//! Prints `key=value` lines (times in milliseconds) that `scripts/bench.sh`
//! reads, after a readable table.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chiso::{content, data, input, links, model, render, write, BuildOptions, Config, Diagnostics};

/// The allocator of the `chiso` binary, so the figures are those of `chiso
/// serve`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(root) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: rebuild <SITE_DIR>");
        std::process::exit(2);
    };
    stages(&root)?;
    rebuilds(&root)?;
    Ok(())
}

/// Milliseconds since `start`.
fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Runs the pipeline stage by stage, printing each stage's time.
fn stages(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut d = Diagnostics::default();
    let mut times: Vec<(&str, f64)> = Vec::new();
    let t = Instant::now();
    let config = Config::load(root).map_err(|e| format!("{e:?}"))?;
    times.push(("config", ms(t)));
    let t = Instant::now();
    let raw = data::load(root, &mut d);
    times.push(("data_load", ms(t)));
    let t = Instant::now();
    let mut site = model::assemble(raw, &mut d);
    model::home_unit(root, &config, &mut site, &mut d);
    times.push(("model_assemble", ms(t)));
    let t = Instant::now();
    let content = content::load(root, false, &content::Markdown::for_site(&config), &mut d);
    times.push(("content_load", ms(t)));
    let assets = input::site_files(root, write::STATIC_DIR, &mut d);
    let t = Instant::now();
    let files = render::render(root, &config, &site, &content, &mut d);
    times.push(("render", ms(t)));
    let t = Instant::now();
    links::check(&config, &content, &files, &assets, &mut d);
    times.push(("links_check", ms(t)));
    if d.has_errors() {
        return Err(format!("the site has errors:\n{d}").into());
    }
    let out = std::env::temp_dir().join(format!("chiso-rebuild-{}", std::process::id()));
    let t = Instant::now();
    write::write(root, &out, &files, &assets).map_err(|e| e.to_string())?;
    times.push(("write", ms(t)));
    fs::remove_dir_all(&out)?;

    let total: f64 = times.iter().map(|(_, t)| t).sum();
    println!("| stage | ms | share |\n|---|---:|---:|");
    for (stage, t) in &times {
        println!("| {stage} | {t:.0} | {:.0} % |", t / total * 100.0);
    }
    println!("| total | {total:.0} | |\n");

    // Pages and bytes by kind: the first segment of the path.
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let kind = match f.path.split_once('/') {
            Some((first, _)) => first,
            None => "(root)",
        };
        let e = kinds.entry(kind).or_default();
        e.0 += 1;
        e.1 += f.bytes.len();
    }
    println!("| pages under | pages | MB | largest page KB |\n|---|---:|---:|---:|");
    for (kind, (n, bytes)) in &kinds {
        let largest = files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .filter(|f| f.path.split_once('/').map_or("(root)", |(k, _)| k) == *kind)
            .map(|f| f.bytes.len())
            .max()
            .unwrap_or(0);
        println!(
            "| {kind} | {n} | {:.1} | {:.0} |",
            *bytes as f64 / 1e6,
            largest as f64 / 1e3
        );
    }
    println!();
    for (stage, t) in &times {
        println!("stage_{stage}_ms={t:.0}");
    }
    Ok(())
}

/// Times `render_site` warm, after an article changes and after a results
/// file changes.
fn rebuilds(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let options = BuildOptions::new(root);
    let render = |what: &str| -> Result<f64, Box<dyn std::error::Error>> {
        let t = Instant::now();
        chiso::render_site(&options).map_err(|d| format!("{what}: the site has errors:\n{d}"))?;
        Ok(ms(t))
    };
    let warm = render("first render")?;
    println!("rebuild_first_ms={warm:.0}");
    if let Some(article) = first_file(&root.join("content/tin-tuc"), "md")? {
        let t = with_appended(&article, "\nMột dòng mới thêm vào bài.\n", || {
            render("after an article changed")
        })?;
        println!("rebuild_article_ms={t:.0}");
    }
    if let Some(article) = first_file(&root.join("content/tin-tuc"), "md")? {
        // What `chiso serve` does: a session kept in memory, told which file changed.
        let mut session = chiso::session::Session::new(BuildOptions::new(root));
        session
            .rebuild(&[])
            .map_err(|d| format!("first session build: the site has errors:\n{d}"))?;
        let (t, partial) = with_appended(&article, "\nMột dòng nữa.\n", || {
            let t = Instant::now();
            let outcome = session
                .rebuild(std::slice::from_ref(&article))
                .map_err(|d| format!("session rebuild: the site has errors:\n{d}"))?;
            Ok((ms(t), outcome.partial))
        })?;
        println!("session_article_ms={t:.0}");
        println!("session_article_partial={partial}");
    }
    if let Some(results) = first_file(&root.join("data/results"), "toml")? {
        // Appended after the last `[[result]]`: a note on that result.
        let t = with_appended(&results, "note = \"Đã sửa.\"\n", || {
            render("after a results file changed")
        })?;
        println!("rebuild_results_ms={t:.0}");
    }
    Ok(())
}

/// The first file with this extension under `dir`, in name order.
fn first_file(dir: &Path, ext: &str) -> io::Result<Option<PathBuf>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let mut stack = vec![dir.to_path_buf()];
    let mut found = Vec::new();
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found.into_iter().next())
}

/// Runs `f` with `text` appended to `file`, then restores the file.
fn with_appended<T>(
    file: &Path,
    text: &str,
    f: impl FnOnce() -> Result<T, Box<dyn std::error::Error>>,
) -> Result<T, Box<dyn std::error::Error>> {
    let original = fs::read(file)?;
    let mut changed = original.clone();
    changed.extend_from_slice(text.as_bytes());
    fs::write(file, &changed)?;
    let result = f();
    fs::write(file, &original)?;
    result
}
