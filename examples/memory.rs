//! Where a build's memory goes: builds a site (into a new folder) with an
//! allocator that counts the bytes live, and prints, for each stage of the
//! build, the heap live when it started and the most live during it. The
//! heap only: the peak resident memory GNU time reports is higher (the
//! allocator's free pages, the program, the stacks).
//!
//! `cargo run --release --example memory -- SITE [OUTPUT]`
//! (OUTPUT, default a new folder beside SITE, is left for a look.)

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::time::Duration;

/// The allocator of the `chiso` binary, counting.
struct Counting(mimalloc::MiMalloc);

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is passed to mimalloc as it is.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { self.0.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        if size >= layout.size() {
            grew(size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - size, Relaxed);
        }
        unsafe { self.0.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting(mimalloc::MiMalloc);

fn mb(bytes: usize) -> String {
    format!("{:>7.1}", bytes as f64 / 1e6)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: memory SITE [OUTPUT]");
        std::process::exit(2);
    };
    let output = args
        .next()
        .unwrap_or_else(|| format!("{root}-memory-{}", std::process::id()));
    let mut options = chiso::BuildOptions::new(std::path::Path::new(&root));
    options.output = Some(output.clone().into());
    options.progress = chiso::Progress::recorded();

    // Watches the stage the build is in; each change closes a row.
    let progress = options.progress.clone();
    let done = Arc::new(AtomicBool::new(false));
    let watching = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut rows = Vec::new();
            let mut stage = "";
            let mut at_start = LIVE.load(Relaxed);
            loop {
                let finished = done.load(Relaxed);
                let now = progress.current();
                if now != stage || finished {
                    let peak = PEAK.swap(LIVE.load(Relaxed), Relaxed);
                    if !stage.is_empty() {
                        rows.push((stage, at_start, peak));
                    }
                    stage = now;
                    at_start = LIVE.load(Relaxed);
                }
                if finished {
                    return rows;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
        })
    };
    let built = chiso::build(&options);
    done.store(true, Relaxed);
    let rows = watching.join().unwrap_or_default();
    match built {
        Ok(report) => println!("{} pages into {output}", report.pages),
        Err(d) => {
            eprintln!("{d}");
            std::process::exit(1);
        }
    }
    println!("stage                 live at start (MB)   most live (MB)");
    let mut most = 0;
    for (stage, at_start, peak) in rows {
        println!("{stage:<22}{}          {}", mb(at_start), mb(peak));
        most = most.max(peak);
    }
    println!("heap at its most: {} MB", mb(most).trim());
}
