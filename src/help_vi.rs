//! The Vietnamese `--help` of the `chiso` binary: the English help comes from
//! the doc comments in `main.rs`; [`translate`] replaces each text with the
//! Vietnamese one here, and the headings clap writes with Vietnamese words.
//! [`usage_error`] says the commonest usage errors in Vietnamese. What clap
//! writes itself beyond that (`[OPTIONS]`, the cause of an invalid value)
//! stays in English.

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// What each command does, by its path of subcommand names.
const ABOUT: &[(&str, &str)] = &[
    (
        "chiso",
        "Trình dựng trang tĩnh cho báo cáo chỉ số cải cách hành chính.",
    ),
    (
        "build",
        "Dựng trang vào thư mục xuất bản (mặc định là public/).",
    ),
    (
        "check",
        "Kiểm tra trang (dữ liệu, bài viết, giao diện) mà không ghi gì.",
    ),
    (
        "serve",
        "Xem trước trang: dựng trang trong bộ nhớ, phục vụ tại 127.0.0.1, dựng lại sau mỗi \
         thay đổi và tải lại thẻ trình duyệt đang mở.",
    ),
    (
        "new",
        "Tạo mục mới trong trang, ví dụ `chiso new article \"Tiêu đề\"`.",
    ),
    (
        "new article",
        "Ghi content/tin-tuc/<slug>.md với phần thông tin bài viết đã điền sẵn, ở dạng bản nháp.",
    ),
    (
        "init",
        "Tạo trang cho một tỉnh mới trong thư mục DIR (chưa có hoặc đang trống).",
    ),
    (
        "import",
        "Chuyển bảng tính (Excel, LibreOffice hoặc CSV) thành một bảng kết quả trong data/results/.",
    ),
    (
        "templates",
        "Liệt kê các giao diện dựng sẵn, hoặc chép vào templates/ để sửa: \
         `chiso templates copy ranking.html`.",
    ),
    (
        "templates list",
        "Liệt kê các giao diện dựng sẵn và những giao diện trang đã sửa (mặc định).",
    ),
    (
        "templates copy",
        "Chép giao diện dựng sẵn vào templates/, nơi bản của trang thay cho bản dựng sẵn.",
    ),
    (
        "completions",
        "In đoạn lệnh tự hoàn thành cho bash, zsh, fish, elvish hoặc PowerShell, ví dụ \
         `chiso completions bash > /etc/bash_completion.d/chiso`.",
    ),
];

/// The help of each argument, by command path and argument id; `*` for
/// every command.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "*",
        "quiet",
        "Chỉ in lỗi: không in cảnh báo, không in dòng kết quả khi mọi thứ đều ổn.",
    ),
    (
        "*",
        "lang",
        "Ngôn ngữ của thông báo: `vi` (mặc định) hoặc `en`; nếu không ghi, môi trường \
         tiếng Anh (LC_ALL, LC_MESSAGES, LANG) sẽ chọn tiếng Anh.",
    ),
    (
        "*",
        "root",
        "Thư mục của trang, chứa config.toml, data/, content/, templates/ và static/.",
    ),
    ("*", "drafts", "Gồm cả các bài viết có `draft = true`."),
    (
        "*",
        "base_url",
        "Địa chỉ của trang khi xuất bản, thay cho base_url trong config.toml \
         (ví dụ https://example.gov.vn/cchc/ cho trang nằm trong một thư mục con).",
    ),
    (
        "*",
        "message_format",
        "In thêm mọi lỗi cho dịch vụ CI ra đầu ra chuẩn: `github` (chú thích trên pull \
         request) hoặc `gitlab` (báo cáo Code Quality, JSON).",
    ),
    (
        "build",
        "output",
        "Nơi ghi trang; được thay toàn bộ, và chỉ khi dựng trang thành công. Mặc định là \
         public/ trong thư mục của trang. Thư mục phải chưa có, đang trống, hoặc do lần dựng \
         trước ghi ra.",
    ),
    (
        "build",
        "force",
        "Dựng trang vào một thư mục xuất bản không do chiso tạo, thay mọi thứ trong đó \
         (không bao giờ là chính thư mục trang, các thư mục nguồn hay thư mục cá nhân).",
    ),
    ("build", "timings", "In thời gian của từng bước dựng trang."),
    (
        "serve",
        "port",
        "Cổng để nghe; 0 là chọn một cổng còn trống.",
    ),
    (
        "serve",
        "bind",
        "Địa chỉ để nghe. Mặc định chỉ máy này xem được; ghi 0.0.0.0 để các máy khác trong \
         mạng cũng xem được bản xem trước.",
    ),
    (
        "serve",
        "no_drafts",
        "Không hiện các bài có `draft = true`; mặc định bản xem trước hiện cả bài nháp, \
         có nhãn \"Bản nháp\".",
    ),
    (
        "serve",
        "open",
        "Mở trang trong trình duyệt mặc định khi đã sẵn sàng.",
    ),
    (
        "new article",
        "title",
        "Tiêu đề bài viết; tên tệp được đặt theo tiêu đề.",
    ),
    ("init", "dir", "Thư mục sẽ chứa trang mới."),
    ("init", "province", "Tên tỉnh, ví dụ \"Quảng Bình\"."),
    (
        "import",
        "file",
        "Bảng tính: tệp .xlsx, .xls hoặc .ods, hoặc tệp CSV hay văn bản phân cách bằng Tab \
         (UTF-8, UTF-16, Windows-1258 hoặc Windows-1252), có dòng tiêu đề ghi tên cột đơn vị \
         (\"Đơn vị\") và cột điểm (\"Điểm\").",
    ),
    (
        "import",
        "sheet",
        "Trang tính cần đọc trong tệp Excel hay LibreOffice; mặc định là trang đầu tiên.",
    ),
    (
        "import",
        "partial",
        "Ghi bảng một phần (mỗi kết quả có thứ hạng và số đơn vị được xếp hạng), như dòng \
         của tỉnh trong bảng xếp hạng cả nước.",
    ),
    ("import", "index", "Mã chỉ số, như trong data/indices.toml."),
    ("import", "year", "Năm đánh giá."),
    ("import", "group", "Mã khối, như trong data/units.toml."),
    (
        "import",
        "output",
        "Nơi ghi bảng; mặc định là data/results/<năm>/<khối>.toml.",
    ),
    ("import", "force", "Ghi đè tệp kết quả nếu đã có."),
    (
        "templates copy",
        "names",
        "Tên giao diện như `chiso templates` liệt kê, ví dụ `ranking.html`.",
    ),
    (
        "templates copy",
        "force",
        "Thay bản riêng của trang bằng giao diện dựng sẵn.",
    ),
    ("completions", "shell", "Trình shell."),
];

const USAGE: &str = "Cách dùng:";
const COMMANDS: &str = "Lệnh";
const OPTIONS: &str = "Tùy chọn";
const ARGUMENTS: &str = "Tham số";
const HELP: &str = "In trợ giúp";
const VERSION: &str = "In số phiên bản";
const HELP_SUBCOMMAND: &str = "In trợ giúp này, hoặc trợ giúp của lệnh được ghi sau";
const HELP_SUBCOMMAND_ARG: &str = "Lệnh cần xem trợ giúp";

/// The command line with its help in Vietnamese.
pub fn translate(command: Command) -> Command {
    let command = command.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(VERSION)
            .help_heading(OPTIONS),
    );
    let mut command = translate_at(command, "");
    // clap adds its `help` subcommands when it builds the command: build it
    // now, then translate them too.
    command.build();
    translate_help_subcommands(command)
}

fn translate_help_subcommands(mut command: Command) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| {
            if sub.get_name() == "help" {
                let sub = sub.about(HELP_SUBCOMMAND);
                let has_argument = sub.get_arguments().any(|a| a.get_id() == "subcommand");
                if has_argument {
                    sub.mut_arg("subcommand", |a| a.help(HELP_SUBCOMMAND_ARG))
                } else {
                    sub
                }
            } else {
                translate_help_subcommands(sub)
            }
        });
    }
    command
}

fn translate_at(mut command: Command, parent: &str) -> Command {
    let path = match parent {
        "" if command.get_name() == "chiso" => "chiso".to_owned(),
        "" | "chiso" => command.get_name().to_owned(),
        parent => format!("{parent} {}", command.get_name()),
    };
    if let Some((_, about)) = ABOUT.iter().find(|(p, _)| *p == path) {
        command = command.about(*about).long_about(None);
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = ARGS
            .iter()
            .find(|(p, i, _)| (*p == path || *p == "*") && *i == id)
            .map(|(_, _, help)| *help);
        let heading = if positional { ARGUMENTS } else { OPTIONS };
        command = command.mut_arg(id, |arg| {
            let arg = arg.help_heading(heading);
            match help {
                Some(help) if arg.get_action().takes_values() => {
                    let help = format!("{help}{}", values_said(&arg));
                    arg.help(help)
                        .long_help(None)
                        .hide_default_value(true)
                        .hide_possible_values(true)
                }
                Some(help) => arg.help(help).long_help(None),
                None => arg,
            }
        });
    }
    command = command
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(HELP)
                .help_heading(OPTIONS),
        )
        .subcommand_help_heading(COMMANDS)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{USAGE} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| translate_at(sub, &path));
    }
    command
}

/// The default and the possible values of an option that takes a value,
/// as clap shows them after its help, in Vietnamese.
fn values_said(arg: &Arg) -> String {
    let mut said = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        said.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !possible.is_empty() {
        said.push_str(&format!(" [các giá trị: {}]", possible.join(", ")));
    }
    said
}

/// A usage error in Vietnamese, laid out as clap lays it out; `None` for
/// what is not an error (help, version) or an error without one.
pub fn usage_error(error: &clap::Error) -> Option<String> {
    let get = |kind| error.get(kind).map(ToString::to_string);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => {
            format!("không có tùy chọn '{}'", get(ContextKind::InvalidArg)?)
        }
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh '{}'", get(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue)?;
            let option = get(ContextKind::InvalidArg)?;
            if value.is_empty() {
                // `--output` last on the line, or `--output ""`.
                format!("'{option}' cần một giá trị nhưng không có giá trị nào")
            } else {
                let cause = std::error::Error::source(error)
                    .map(|cause| format!(" ({cause})"))
                    .unwrap_or_default();
                format!("giá trị '{value}' không dùng được cho '{option}'{cause}")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = error.get(ContextKind::InvalidArg)?.to_string();
            format!("còn thiếu: {missing}")
        }
        ErrorKind::ArgumentConflict => format!(
            "không dùng được '{}' cùng '{}'",
            get(ContextKind::InvalidArg)?,
            get(ContextKind::PriorArg)?
        ),
        _ => return None,
    };
    let mut text = format!("lỗi: {message}\n");
    if let Some(valid) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        text.push_str(&format!("  [các giá trị dùng được: {valid}]\n"));
    }
    let suggested = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue));
    if let Some(near) = suggested {
        text.push_str(&format!("\n  gợi ý: có phải ý bạn là '{near}'?\n"));
    }
    if let Some(usage) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        text.push_str(&format!("\n{USAGE} {usage}\n"));
    }
    text.push_str("\nĐể biết thêm, chạy lệnh với '--help'.\n");
    Some(text)
}

/// Every command and every argument with a help text, by path, as
/// [`translate_at`] names them.
#[cfg(test)]
fn paths(command: &Command, parent: &str, found: &mut Vec<(String, Option<String>)>) {
    let path = match parent {
        "" => "chiso".to_owned(),
        "chiso" => command.get_name().to_owned(),
        parent => format!("{parent} {}", command.get_name()),
    };
    found.push((path.clone(), None));
    for arg in command.get_arguments() {
        if arg.get_help().is_some() {
            found.push((path.clone(), Some(arg.get_id().to_string())));
        }
    }
    for sub in command.get_subcommands() {
        paths(sub, &path, found);
    }
}

/// A new command or option without a Vietnamese help fails here.
#[cfg(test)]
pub fn check_every_text_is_translated(command: &Command) {
    let mut found = Vec::new();
    paths(command, "", &mut found);
    let missing: Vec<String> = found
        .into_iter()
        .filter(|(path, arg)| match arg {
            None => !ABOUT.iter().any(|(p, _)| p == path),
            Some(id) => !ARGS
                .iter()
                .any(|(p, i, _)| (p == path || *p == "*") && i == id),
        })
        .map(|(path, arg)| format!("{path} {}", arg.unwrap_or_default()))
        .collect();
    assert!(missing.is_empty(), "no Vietnamese help for: {missing:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> String {
        let command = translate(
            Command::new("chiso").version("1").subcommand(
                Command::new("build").arg(
                    Arg::new("root")
                        .long("root")
                        .value_name("DIR")
                        .value_parser(clap::value_parser!(std::path::PathBuf)),
                ),
            ),
        );
        let error = command.try_get_matches_from(args).unwrap_err();
        usage_error(&error).unwrap_or_default()
    }

    #[test]
    fn usage_errors_are_said_in_vietnamese() {
        let text = error_of(&["chiso", "build", "--rot", "x"]);
        assert!(
            text.starts_with("lỗi: không có tùy chọn '--rot'\n"),
            "{text}"
        );
        assert!(text.contains("gợi ý: có phải ý bạn là '--root'?"), "{text}");
        assert!(text.contains("Cách dùng: chiso build"), "{text}");
        let text = error_of(&["chiso", "buidl"]);
        assert!(text.starts_with("lỗi: không có lệnh 'buidl'\n"), "{text}");
        assert!(text.contains("'build'"), "{text}");
    }

    #[test]
    fn an_option_without_its_value_says_so() {
        for args in [
            &["chiso", "build", "--root"][..],
            &["chiso", "build", "--root", ""],
        ] {
            let text = error_of(args);
            assert!(
                text.starts_with(
                    "lỗi: '--root <DIR>' cần một giá trị nhưng không có giá trị nào\n"
                ),
                "{text}"
            );
            assert!(!text.contains("các giá trị dùng được"), "{text}");
        }
    }
}
