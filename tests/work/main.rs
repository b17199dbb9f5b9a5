//! A regression check on how much work a build does, so that a change that
//! makes it ten times slower cannot land unnoticed. Time is left to the
//! benchmarks (`scripts/bench.sh`): on a shared machine it varies too much
//! to test. What is counted instead is deterministic enough to bound:
//! the allocations each stage makes (a proxy for the work it does: a view
//! made per page instead of once, or a table walked per line, shows at
//! once), the bytes it allocates, and the pages and bytes the site has.
//!
//! The synthetic `tiny` site is built stage by stage. Each figure must lie
//! within a factor of [`SLACK`] of the one recorded below: above means a
//! regression to find; below means the work fell, and the record should
//! follow it down so the bound stays tight. Print the figures with
//! `CHISO_WORK_PRINT=1 cargo test --test work -- --nocapture`.
//!
//! It is its own test binary because it counts every allocation of the
//! process: another test running beside it would be counted too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use chiso::{content, data, links, model, render, Config, Diagnostics};

struct Counting;

static CALLS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is passed to the system allocator as it is.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size() as u64, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        BYTES.fetch_add(size as u64, Relaxed);
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How far a figure may stray from its record, either way.
const SLACK: f64 = 2.0;

/// The figures recorded for the `tiny` site: (what, allocations, bytes
/// allocated). Recorded 2026-12-03 (debug build; release allocates the same).
const RECORDED: &[(&str, u64, u64)] = &[
    ("load data", 867, 465_781),
    ("check and derive", 773, 99_466),
    ("load content", 587, 536_722),
    ("render", 53_745, 10_283_276),
    ("check links", 26, 8_073),
    ("build with share cards", 220_902, 223_959_617),
];

/// The site's pages and all its bytes, recorded with the figures above.
const RECORDED_PAGES: usize = 63;
const RECORDED_OUTPUT_BYTES: usize = 901_002;

/// The allocations and bytes `stage` makes, and its value.
fn counted<T>(stage: impl FnOnce() -> T) -> (T, u64, u64) {
    let (calls, bytes) = (CALLS.load(Relaxed), BYTES.load(Relaxed));
    let value = stage();
    (
        value,
        CALLS.load(Relaxed) - calls,
        BYTES.load(Relaxed) - bytes,
    )
}

fn within(what: &str, measured: f64, recorded: f64, problems: &mut Vec<String>) {
    let ratio = measured / recorded.max(1.0);
    if ratio > SLACK {
        problems.push(format!(
            "{what}: {measured} is {ratio:.1}× the recorded {recorded}: a regression"
        ));
    } else if ratio < 1.0 / SLACK {
        problems.push(format!(
            "{what}: {measured} is {ratio:.2}× the recorded {recorded}: the work fell, record the new figure"
        ));
    }
}

#[test]
fn building_the_tiny_site_does_the_work_it_did() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    chiso::synthetic::write_site(root, &chiso::synthetic::Spec::tiny()).unwrap();
    // Rayon's threads and the lazily made tables of the first build are
    // not the build's work: a first render makes them.
    chiso::render_site(&chiso::BuildOptions::new(root)).unwrap();

    let mut d = Diagnostics::default();
    let mut figures = Vec::new();
    let config = Config::load(root).unwrap();
    let (raw, calls, bytes) = counted(|| data::load(root, &mut d));
    figures.push(("load data", calls, bytes));
    let (site, calls, bytes) = counted(|| {
        let mut site = model::assemble(raw, &mut d);
        model::home_unit(root, &config, &mut site, &mut d);
        site
    });
    figures.push(("check and derive", calls, bytes));
    let markdown = content::Markdown::for_site(&config);
    let (content, calls, bytes) = counted(|| content::load(root, false, &markdown, &mut d));
    figures.push(("load content", calls, bytes));
    let assets = chiso::input::site_files(root, chiso::write::STATIC_DIR, &mut d);
    let (files, calls, bytes) = counted(|| render::render(root, &config, &site, &content, &mut d));
    figures.push(("render", calls, bytes));
    let ((), calls, bytes) = counted(|| links::check(&config, &content, &files, &assets, &mut d));
    figures.push(("check links", calls, bytes));
    assert!(!d.has_errors(), "{d}");
    // The whole build into a new folder: the same stages, the writer and
    // the share cards (drawn: the cache is removed first).
    let _ = std::fs::remove_dir_all(root.join(".chiso-cache"));
    let mut options = chiso::BuildOptions::new(root);
    options.output = Some(dir.path().join("out"));
    let (report, calls, bytes) = counted(|| chiso::build(&options));
    assert!(report.is_ok());
    figures.push(("build with share cards", calls, bytes));

    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let output_bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    if std::env::var_os("CHISO_WORK_PRINT").is_some() {
        for (what, calls, bytes) in &figures {
            println!("    (\"{what}\", {calls}, {bytes}),");
        }
        println!("const RECORDED_PAGES: usize = {pages};");
        println!("const RECORDED_OUTPUT_BYTES: usize = {output_bytes};");
    }

    let mut problems = Vec::new();
    for ((what, calls, bytes), (recorded_what, recorded_calls, recorded_bytes)) in
        figures.iter().zip(RECORDED)
    {
        assert_eq!(what, recorded_what);
        within(
            &format!("{what}, allocations"),
            *calls as f64,
            *recorded_calls as f64,
            &mut problems,
        );
        within(
            &format!("{what}, bytes allocated"),
            *bytes as f64,
            *recorded_bytes as f64,
            &mut problems,
        );
    }
    within("pages", pages as f64, RECORDED_PAGES as f64, &mut problems);
    within(
        "output bytes",
        output_bytes as f64,
        RECORDED_OUTPUT_BYTES as f64,
        &mut problems,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
