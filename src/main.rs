//! The `chiso` command line: parses arguments, runs a stage of the library
//! and turns its outcome into output and an exit code (0 success, 1 problems
//! in the site, 2 wrong usage).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use chiso::{BuildOptions, Diagnostics};
use clap::{Args, Parser, Subcommand};

/// A static site generator for Vietnamese PAR index reports.
#[derive(Debug, Parser)]
#[command(name = "chiso", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Check the site (data, content, templates) without writing anything.
    Check(SiteArgs),
    /// Preview the site: build it in memory, serve it on 127.0.0.1, rebuild
    /// on every change and reload the open browser tab.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The site folder, holding config.toml, data/, content/, templates/ and static/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 1111)]
    port: u16,
    /// The address to listen on. The default is this computer only; give
    /// 0.0.0.0 to let other computers on the network see the preview.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Include articles marked `draft = true`.
    #[arg(long)]
    drafts: bool,
}

#[derive(Debug, Args)]
struct SiteArgs {
    /// The site folder, holding config.toml, data/, content/, templates/ and static/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Publish-time URL of the site, overriding base_url in config.toml
    /// (e.g. https://example.gov.vn/cchc/ for a site under a subpath).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Include articles marked `draft = true`.
    #[arg(long)]
    drafts: bool,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site; replaced as a whole, and only when the build
    /// succeeds. Defaults to public/ inside the site folder.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Print how long each stage of the build took.
    #[arg(long)]
    timings: bool,
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            ..BuildOptions::new(&self.root)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                output: args.output,
                ..args.site.options()
            };
            match chiso::build(&options) {
                Ok(report) => {
                    eprint!("{}", report.warnings);
                    println!(
                        "Built {} pages ({} files) in {:.2} s into {}",
                        report.pages,
                        report.files,
                        report.elapsed.as_secs_f64(),
                        report.output.display()
                    );
                    if args.timings {
                        print!("{}", report.timings);
                    }
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => failed(&diagnostics),
            }
        }
        Command::Check(args) => match chiso::check(&args.options()) {
            Ok(warnings) => {
                eprint!("{warnings}");
                println!("OK: the site has no errors");
                ExitCode::SUCCESS
            }
            Err(diagnostics) => failed(&diagnostics),
        },
        Command::Serve(args) => {
            let options = chiso::serve::ServeOptions {
                root: args.root,
                bind: args.bind,
                port: args.port,
                drafts: args.drafts,
            };
            match chiso::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problem) => {
                    eprintln!("{problem}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn failed(diagnostics: &Diagnostics) -> ExitCode {
    eprint!("{diagnostics}");
    let errors = diagnostics.error_count();
    eprintln!(
        "Build failed: {errors} error{}. Nothing was written.",
        if errors == 1 { "" } else { "s" }
    );
    ExitCode::from(1)
}
