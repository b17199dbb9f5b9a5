//! Writes a synthetic site for benchmarks:
//! `cargo run --release --example synth -- <tiny|province|national|articles> <DIR>`.
//!
//! The site is deterministic (same spec, same bytes); see `chiso::synthetic`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chiso::synthetic::{write_site, Spec};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(dir), None) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: synth <tiny|province|national|articles> <DIR>");
        return ExitCode::from(2);
    };
    let Some(spec) = Spec::by_name(name) else {
        eprintln!("unknown spec `{name}`: expected tiny, province, national or articles");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let started = Instant::now();
    if let Err(e) = write_site(&dir, &spec) {
        eprintln!("cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!(
        "Wrote the {name} site ({} units, {} tables, {} results, {} articles) in {:.2} s into {}",
        spec.units(),
        spec.tables(),
        spec.results(),
        spec.articles,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    ExitCode::SUCCESS
}
