//! The `chiso` command line: parses arguments, runs a stage of the library
//! and turns its outcome into output and an exit code (0 success, 1 problems
//! in the site, 2 wrong usage).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use chiso::message_format::{self, MessageFormat};
use chiso::messages::{self as msg, Language};
use chiso::{BuildOptions, Diagnostics};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use progress_line::ProgressLine;

mod help_vi;
mod progress_line;

/// A build allocates and frees millions of small values (template contexts
/// are trees of `serde_json::Value`): mimalloc does that in about half the
/// instructions of the system allocator, and keeps per-thread heaps for the
/// rendering threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Asks Linux not to back this process's memory with transparent huge
/// pages. mimalloc asks for them (`madvise`) where the system leaves it to
/// programs: a build's heap is many short-lived small values, and 2 MB
/// pages only partly used raised the national site's peak memory (415-444
/// MB with this call against 431-475 MB without, in 5 alternating pairs,
/// the same time). Nothing else changes; where the call fails, nothing
/// changes.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes four integer arguments
    // and touches no memory of the process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc's `purge_delay` option (its place in mimalloc 3's `mi_option_e`;
/// the Rust bindings do not name it): how many milliseconds memory no
/// thread uses is kept before it goes back to the system.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives memory no thread uses back to the system after a quarter of a
/// second rather than mimalloc's second: a national build holds 28-38 MB
/// less at its peak (388.6 -> 351.3 MB, median of 9 alternating pairs),
/// for ×1.009-1.025 its time; a province's or 10,000 articles' build, over
/// in well under a second, is unchanged (×0.996, ×1.008). Set before any
/// other thread runs; mimalloc reads its options on first use. A delay
/// set in the environment (`MIMALLOC_PURGE_DELAY`) is left as it is.
fn purge_sooner() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: `mi_option_set` is not thread-safe; main calls this first,
    // while no other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 250) }
}

/// Ends a finished build at once, its output flushed, without the clean-up
/// of process exit, where mimalloc gives all the memory it holds back to
/// the system a range at a time (`madvise`, each stopping the other core
/// to flush its address cache): 15 ms of the 0.5 s a build of 10,000
/// articles takes, on one core after the work is done, for memory the
/// system takes back whole when the process ends. Elsewhere than Unix, or
/// where flushing fails, the process ends as usual; so it does while a
/// profile for profile-guided optimisation is collected (`LLVM_PROFILE_FILE`
/// set, as `scripts/pgo-build.sh` does), whose runtime writes the profile at
/// exit.
fn exit_without_clean_up() {
    use std::io::Write;
    if std::env::var_os("LLVM_PROFILE_FILE").is_some() {
        return;
    }
    let flushed = std::io::stdout().flush().is_ok() && std::io::stderr().flush().is_ok();
    #[cfg(unix)]
    if flushed {
        // SAFETY: _exit ends the process; no Rust code runs after it, and
        // nothing this process wrote is left in a buffer of its own (both
        // standard streams were just flushed; output files are closed).
        unsafe { libc::_exit(0) }
    }
    let _ = flushed;
}

/// A static site generator for Vietnamese PAR index reports.
#[derive(Debug, Parser)]
#[command(name = "chiso", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: `vi` (the default) or `en`; without it, an
    /// English locale (LC_ALL, LC_MESSAGES, LANG) chooses English.
    #[arg(long, value_name = "LANG", value_enum, global = true)]
    lang: Option<Lang>,
    /// Print only errors: no warnings, and no closing line when all is well.
    #[arg(long, short, global = true)]
    quiet: bool,
}

/// How reports are printed, decided once at start-up.
#[derive(Debug, Clone, Copy, Default)]
struct Printing {
    /// ANSI colours on standard error (a terminal, no `NO_COLOR`, not CI).
    colour: bool,
    /// `--quiet`.
    quiet: bool,
}

static PRINTING: std::sync::OnceLock<Printing> = std::sync::OnceLock::new();

fn printing() -> Printing {
    PRINTING.get().copied().unwrap_or_default()
}

/// Whether standard error shows colours: a terminal, and neither
/// `NO_COLOR` (no-color.org) nor `CI` set, nor `TERM=dumb`.
fn colour_wanted() -> bool {
    use std::io::IsTerminal;
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    std::io::stderr().is_terminal()
        && !set("NO_COLOR")
        && !set("CI")
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// A report for standard error, in colour when [`Printing::colour`].
fn shown(report: &impl std::fmt::Display) -> String {
    if printing().colour {
        format!("{report:#}")
    } else {
        format!("{report}")
    }
}

/// The values of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    Vi,
    En,
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
    /// Create something new in the site, e.g. `chiso new article "Tiêu đề"`.
    #[command(subcommand)]
    New(NewCommand),
    /// Create a new province site in DIR (which must not exist or be empty).
    Init(InitArgs),
    /// Turn a spreadsheet (Excel, LibreOffice or CSV) into a results table under data/results/.
    Import(ImportArgs),
    /// List the built-in templates, or copy some into templates/ to change
    /// them: `chiso templates copy ranking.html`.
    Templates(TemplatesArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or
    /// PowerShell, e.g. `chiso completions bash > /etc/bash_completion.d/chiso`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
struct TemplatesArgs {
    #[command(subcommand)]
    action: Option<TemplatesAction>,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(Debug, Subcommand)]
enum TemplatesAction {
    /// List the built-in templates and which ones the site has changed (the default).
    List,
    /// Copy built-in templates into templates/, where the site's copy
    /// replaces the built-in one.
    Copy {
        /// Template names as `chiso templates` lists them, e.g. `ranking.html`.
        #[arg(required = true)]
        names: Vec<String>,
        /// Replace the site's own copy with the built-in template.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum NewCommand {
    /// Write content/tin-tuc/<slug>.md with its front matter filled in, as a draft.
    Article {
        /// The article's title; the file name is made from it.
        title: String,
        /// The site folder.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The folder to create the site in.
    dir: PathBuf,
    /// The province's name, e.g. "Quảng Bình".
    #[arg(long)]
    province: String,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The spreadsheet: .xlsx, .xls or .ods, or a CSV or tab-separated text
    /// file (UTF-8, UTF-16, Windows-1258 or Windows-1252), with a header row
    /// naming the unit column ("Đơn vị") and the score column ("Điểm").
    file: PathBuf,
    /// The sheet of a workbook to read; the first by default.
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Write a partial table (each result with its rank and the number
    /// ranked), as for the province's line in a national ranking.
    #[arg(long)]
    partial: bool,
    /// The index id, as in data/indices.toml.
    #[arg(long, value_name = "ID")]
    index: String,
    /// The assessment year.
    #[arg(long, value_name = "YYYY")]
    year: i32,
    /// The group id, as in data/units.toml.
    #[arg(long, value_name = "ID")]
    group: String,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Where to write the table; data/results/<year>/<group>.toml by default.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the results file if it exists.
    #[arg(long)]
    force: bool,
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
    /// Leave out articles marked `draft = true`; the preview shows them by
    /// default, marked "Bản nháp".
    #[arg(long)]
    no_drafts: bool,
    /// Open the site in the default browser once it is served.
    #[arg(long)]
    open: bool,
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
    /// Also print every problem for a CI service: `github` (annotations on
    /// the pull request) or `gitlab` (a Code Quality report, JSON), on
    /// standard output.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = Format::Human)]
    message_format: Format,
}

/// The values of `--message-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Github,
    Gitlab,
}

impl From<Format> for MessageFormat {
    fn from(format: Format) -> MessageFormat {
        match format {
            Format::Human => MessageFormat::Human,
            Format::Github => MessageFormat::Github,
            Format::Gitlab => MessageFormat::Gitlab,
        }
    }
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site; replaced as a whole, and only when the build
    /// succeeds. Defaults to public/ inside the site folder. Must be missing,
    /// empty, or made by an earlier build.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Build into an output folder that chiso did not make, replacing
    /// everything in it (never the site itself, its sources or your home).
    #[arg(long)]
    force: bool,
    /// Print how long each stage of the build took.
    #[arg(long)]
    timings: bool,
}

impl SiteArgs {
    /// Prints problems: the human report on standard error, and in a
    /// machine format on standard output when one was asked for. The
    /// GitLab report is printed even when empty, as GitLab expects a file.
    fn report(&self, diagnostics: &Diagnostics) {
        if printing().quiet {
            eprint!("{}", shown(&diagnostics.errors()));
        } else {
            eprint!("{}", shown(diagnostics));
        }
        match MessageFormat::from(self.message_format) {
            MessageFormat::Human => {}
            MessageFormat::Github => print!("{}", message_format::github(diagnostics, &self.root)),
            MessageFormat::Gitlab => print!("{}", message_format::gitlab(diagnostics, &self.root)),
        }
    }

    /// Whether standard output carries a machine format, so the closing
    /// line goes to standard error instead.
    fn machine_output(&self) -> bool {
        self.message_format != Format::Human
    }

    fn options(&self) -> BuildOptions {
        BuildOptions {
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            progress: chiso::Progress::recorded(),
            ..BuildOptions::new(&self.root)
        }
    }
}

/// `chiso check`, with the progress line of a long check.
fn checked(options: &BuildOptions) -> Result<Diagnostics, Diagnostics> {
    let _line = ProgressLine::start(&options.progress, printing().quiet);
    chiso::check(options)
}

fn main() -> ExitCode {
    no_huge_pages();
    purge_sooner();
    let language = language_asked(std::env::args_os().skip(1));
    msg::set_language(language);
    let mut command = Cli::command();
    if language == Language::Vietnamese {
        command = help_vi::translate(command);
    }
    let matches = match command.try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return usage_failed(&error, language),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return usage_failed(&error, language),
    };
    if !matches!(cli.command, Command::Serve(_)) {
        stop_quietly_on_closed_output();
    }
    let _ = PRINTING.set(Printing {
        colour: colour_wanted(),
        quiet: cli.quiet,
    });
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                output: args.output,
                force: args.force,
                ..args.site.options()
            };
            let line = ProgressLine::start(&options.progress, printing().quiet);
            let built = chiso::build(&options);
            drop(line);
            match built {
                Ok(report) => {
                    args.site.report(&report.warnings);
                    let summary = msg::built(
                        report.pages,
                        report.files,
                        report.changed,
                        &seconds(report.elapsed.as_secs_f64()),
                        report.output.display(),
                    );
                    say(&args.site, &summary);
                    if args.timings {
                        say(&args.site, report.timings.to_string().trim_end());
                    }
                    exit_without_clean_up();
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => failed(
                    &args.site,
                    &diagnostics,
                    &msg::build_failed(diagnostics.error_count()),
                ),
            }
        }
        Command::Check(args) => match checked(&args.options()) {
            Ok(warnings) => {
                args.report(&warnings);
                // "No errors" alone, after warnings, reads as all clear.
                let shown = if printing().quiet {
                    0
                } else {
                    warnings.warning_count()
                };
                if shown == 0 {
                    say(&args, &msg::check_ok());
                } else {
                    say(&args, &msg::check_ok_with_warnings(shown));
                }
                ExitCode::SUCCESS
            }
            // `check` writes nothing whatever happens: its own closing line.
            Err(diagnostics) => failed(
                &args,
                &diagnostics,
                &msg::check_failed(diagnostics.error_count()),
            ),
        },
        Command::Serve(args) => {
            let options = chiso::serve::ServeOptions {
                root: args.root,
                bind: args.bind,
                port: args.port,
                drafts: !args.no_drafts,
                open: args.open,
            };
            match chiso::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(problem) => {
                    eprint!("{problem}");
                    ExitCode::from(1)
                }
            }
        }
        Command::New(NewCommand::Article { title, root }) => {
            match chiso::scaffold::new_article(&root, &title, chiso::scaffold::today()) {
                Ok(path) => {
                    println!("{}", msg::created_draft(path.display()));
                    ExitCode::SUCCESS
                }
                Err(problem) => refused(&problem),
            }
        }
        Command::Init(args) => {
            match chiso::scaffold::init(&args.dir, &args.province, chiso::scaffold::today()) {
                Ok(files) => {
                    for file in &files {
                        println!("{}", msg::created(args.dir.join(file).display()));
                    }
                    let dir = args.dir.display().to_string();
                    println!("{}", msg::site_ready(shell_word(&dir)));
                    println!("{}", msg::init_base_url_note());
                    ExitCode::SUCCESS
                }
                Err(problem) => refused(&problem),
            }
        }
        Command::Templates(args) => match args.action.unwrap_or(TemplatesAction::List) {
            TemplatesAction::List => {
                for template in chiso::scaffold::templates::list(&args.root) {
                    if template.overridden {
                        println!("{}", msg::template_overridden(template.name));
                    } else {
                        println!("{}", template.name);
                    }
                }
                ExitCode::SUCCESS
            }
            TemplatesAction::Copy { names, force } => {
                match chiso::scaffold::templates::copy(&args.root, &names, force) {
                    Ok(files) => {
                        for file in files {
                            println!("{}", msg::created(args.root.join(file).display()));
                        }
                        ExitCode::SUCCESS
                    }
                    Err(problem) => refused(&problem),
                }
            }
        },
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "chiso", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Import(args) => {
            let request = chiso::import::Request {
                csv: args.file,
                sheet: args.sheet,
                partial: args.partial,
                index: args.index,
                year: args.year,
                group: args.group,
                root: args.root,
                output: args.output,
                force: args.force,
            };
            match chiso::import::import(&request) {
                // `--quiet`: errors only, and nothing on success.
                Ok(_) if printing().quiet => ExitCode::SUCCESS,
                Ok(done) => {
                    if let Some(encoding) = done.encoding {
                        println!("{}", msg::import_read_as(encoding));
                    }
                    // A sheet of one section: nothing was skipped to say.
                    let sections = done.sections.as_ref().filter(|(_, o)| !o.is_empty());
                    if let Some((chosen, others)) = sections {
                        println!("{}", msg::import_section(chosen, &others.join("; ")));
                    }
                    if !done.ignored.is_empty() {
                        println!("{}", msg::ignored_columns(&done.ignored.join(", ")));
                    }
                    eprint!("{}", done.warnings);
                    match &done.changes {
                        Some(changes) if changes.is_empty() => {
                            println!("{}", msg::import_no_changes());
                        }
                        Some(changes) => {
                            println!("{}", msg::import_changes_header(changes.len()));
                            for change in changes {
                                println!("  {change}");
                            }
                        }
                        None => {}
                    }
                    let shown = done.path.strip_prefix(".").unwrap_or(&done.path).display();
                    if done.complete {
                        println!("{}", msg::imported(done.rows, shown));
                    } else {
                        println!("{}", msg::imported_partial(done.rows, shown));
                    }
                    ExitCode::SUCCESS
                }
                Err(problem) => refused(&problem),
            }
        }
    }
}

/// Lets the system end the process quietly when standard output is closed
/// early (`chiso templates | head`), as other command-line tools do, instead
/// of a panic from `println!`. Rust ignores SIGPIPE by default; the server
/// keeps that, so a browser closing a connection can never stop it.
fn stop_quietly_on_closed_output() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread is spawned;
    // restores the default action of a signal, which has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Prints a usage error (in Vietnamese when it can) and exits with 2, or
/// prints the help or version clap was asked for.
fn usage_failed(error: &clap::Error, language: Language) -> ExitCode {
    match help_vi::usage_error(error).filter(|_| language == Language::Vietnamese) {
        Some(text) => {
            eprint!("{text}");
            ExitCode::from(2)
        }
        None => error.exit(),
    }
}

/// Prints why a command other than a build did nothing.
fn refused(problem: &chiso::problem::Problem) -> ExitCode {
    eprint!("{}", shown(problem));
    ExitCode::from(problem.exit_code())
}

/// Prints a closing line: on standard output, unless that carries a machine
/// format.
fn say(args: &SiteArgs, line: &str) {
    if printing().quiet {
        return;
    }
    if args.machine_output() {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
}

/// Reports the problems of a failed build or check, then `closing`.
fn failed(args: &SiteArgs, diagnostics: &Diagnostics, closing: &str) -> ExitCode {
    args.report(diagnostics);
    eprintln!("{closing}");
    ExitCode::from(1)
}

/// Seconds with two decimals, with the decimal comma in Vietnamese.
fn seconds(seconds: f64) -> String {
    let text = format!("{seconds:.2}");
    match msg::language() {
        Language::Vietnamese => text.replace('.', ","),
        Language::English => text,
    }
}

/// The language the command line or the environment asks for: the last
/// `--lang` (read before clap, so that `--help` is already translated),
/// else the locale.
fn language_asked(args: impl Iterator<Item = std::ffi::OsString>) -> Language {
    let mut asked = None;
    let mut args = args.map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        match value.as_deref() {
            Some("en") => asked = Some(Language::English),
            Some("vi") => asked = Some(Language::Vietnamese),
            _ => {}
        }
    }
    asked.unwrap_or_else(Language::from_environment)
}

/// `word` as a shell reads it back whole, to print in a command an editor
/// copies: as it is when it holds nothing a shell reads otherwise, else in
/// double quotes (which Windows' shells read too), or in single quotes
/// when it holds what double quotes do not keep (adv22 m9: a folder name
/// with spaces).
fn shell_word(word: &str) -> String {
    let plain =
        |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':' | '+' | ',');
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else if !word.contains(['"', '$', '`', '\\', '!']) {
        format!("\"{word}\"")
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_printed_as_a_shell_reads_it_back() {
        assert_eq!(shell_word("site"), "site");
        assert_eq!(shell_word("thư mục/có-dấu"), "\"thư mục/có-dấu\"");
        assert_eq!(shell_word("a$b c"), "'a$b c'");
        assert_eq!(shell_word("it's $x"), "'it'\\''s $x'");
    }

    fn asked(args: &[&str]) -> Language {
        language_asked(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn lang_flag_wins_over_the_locale() {
        assert_eq!(asked(&["build", "--lang", "en"]), Language::English);
        assert_eq!(asked(&["--lang=en", "check"]), Language::English);
        assert_eq!(asked(&["--lang=en", "--lang", "vi"]), Language::Vietnamese);
        // After `--`, words are values, not options.
        assert_eq!(
            asked(&["--lang", "vi", "--", "--lang", "en"]),
            Language::Vietnamese
        );
    }

    #[test]
    fn the_purge_delay_is_the_option_mimalloc_reads_as_such() {
        // Option 15 is `purge_delay` in mimalloc 3 (a second by default):
        // an update that moved it would make `purge_sooner` set another.
        // SAFETY: reads an option; no other test sets mimalloc's options.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        let from_environment = std::env::var("MIMALLOC_PURGE_DELAY").ok();
        match from_environment.and_then(|v| v.parse::<std::ffi::c_long>().ok()) {
            Some(set) => assert_eq!(delay, set),
            None => assert_eq!(delay, 1000),
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
        help_vi::translate(Cli::command()).debug_assert();
    }

    #[test]
    fn every_command_and_option_has_a_vietnamese_help() {
        help_vi::check_every_text_is_translated(&Cli::command());
        let help = help_vi::translate(Cli::command()).render_help().to_string();
        assert!(help.contains("Cách dùng:"), "{help}");
        assert!(help.contains("Dựng trang vào thư mục xuất bản"), "{help}");
    }
}
