//! Creating files for editors: `chiso new article` (an article with its
//! front matter filled in) and `chiso init` (a new province site that builds
//! at once). Also today's date, the one place chiso reads the clock.
//!
//! `init` does not copy the built-in templates into the new site: like Zola
//! and Hugo themes, they stay in the binary so that a site gets fixes to them
//! with each chiso release, and an editor copies only the template they want
//! to change (same name under `templates/`).

mod publishing;
pub mod templates;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::content::{ARTICLES_DIR, CONTENT_DIR};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::problem::Problem;
use crate::vi;

/// Vietnam's offset from UTC (no daylight saving): the sites report on
/// Vietnamese provinces, so "today" is today in Vietnam.
const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

/// Today's date in Vietnam, from the system clock.
pub fn today() -> Date {
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => since.as_secs() as i64,
        Err(before) => -(before.duration().as_secs() as i64),
    };
    date_from_days((seconds + VIETNAM_OFFSET_SECONDS).div_euclid(86_400))
}

/// The date a build gives its pages: the day of `SOURCE_DATE_EPOCH`
/// (seconds since 1970, the reproducible-builds convention) in Vietnam
/// when it is set to a whole number, else [`today`].
pub fn build_date() -> Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| date_from_epoch(&s))
        .unwrap_or_else(today)
}

/// The day in Vietnam at `seconds` since 1970 written as a whole number.
fn date_from_epoch(seconds: &str) -> Option<Date> {
    let seconds: i64 = seconds.trim().parse().ok()?;
    Some(date_from_days(
        seconds
            .checked_add(VIETNAM_OFFSET_SECONDS)?
            .div_euclid(86_400),
    ))
}

/// The civil date `days` days after 1970-01-01 (H. Hinnant's algorithm).
pub fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

/// A TOML basic string for `text`: quoted, with quotes, backslashes and
/// every control character escaped, so it is always one line. (The `toml`
/// crate writes a string holding a newline as a multi-line string, whose
/// lines could close a front matter or leave a comment.)
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name as one line: runs of whitespace (newlines, tabs) become one space
/// and other control characters are dropped, so that a name pasted with a
/// line break still makes a title.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as literal Markdown text: the characters that would start a link,
/// emphasis, code, raw HTML or an entity are escaped with a backslash.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '&' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes `content/tin-tuc/<slug>.md` for a new draft article titled
/// `title`, dated `date`; returns the path written. Never overwrites.
pub fn new_article(root: &Path, title: &str, date: Date) -> Result<PathBuf, Problem> {
    let title = one_line(title);
    let title = title.as_str();
    // A long title makes a long address: cut at a word, as the build
    // refuses a slug longer than a file name may be.
    let slug = vi::shortened_slug(&vi::slugify(title)).to_owned();
    if slug.is_empty() {
        return Err(Problem::Usage(
            Diagnostic::error(msg::title_without_slug()).with_hint(msg::hint_article_title()),
        ));
    }
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        return Err(Problem::Usage(
            Diagnostic::error(msg::no_config(root.display())).with_hint(msg::hint_run_in_site()),
        ));
    }
    let folder = root.join(CONTENT_DIR).join(ARTICLES_DIR);
    let path = folder.join(format!("{slug}.md"));
    // Another article may have this address by its `slug` key: the draft
    // would be refused as soon as `serve` (which shows drafts) builds it.
    if !path.exists() {
        if let Some(taken) = article_at(root, &slug) {
            return Err(Problem::site(
                Diagnostic::error(msg::address_taken(&slug, taken.display()))
                    .with_hint(msg::hint_other_title()),
            ));
        }
    }
    let text = format!(
        "+++\ntitle = {}\ndate = {date}\nsummary = \"\"\ntags = []\ndraft = true\n+++\n\n\
         Viết nội dung bài ở đây, theo cú pháp Markdown. Khi bài đã sẵn sàng, đổi `draft = true`\n\
         thành `draft = false` để bài được đăng.\n",
        toml_string(title)
    );
    create_new(&folder, &path, &text)?;
    Ok(path)
}

/// The file of the article (drafts included) whose address is
/// `/tin-tuc/<slug>/`, if one has it.
fn article_at(root: &Path, slug: &str) -> Option<PathBuf> {
    let mut ignored = crate::diagnostic::Diagnostics::default();
    let markdown = crate::content::Markdown::new("/");
    let content = crate::content::load(root, true, &markdown, &mut ignored);
    content
        .articles
        .into_iter()
        .find(|article| article.slug == slug)
        .map(|article| article.file)
}

/// Creates `path` (and `folder`), refusing to replace an existing file.
fn create_new(folder: &Path, path: &Path, text: &str) -> Result<(), Problem> {
    let cannot_create = |p: &Path, e: std::io::Error| {
        Problem::site(Diagnostic::error(msg::cannot_create(p.display(), &e)))
    };
    fs::create_dir_all(folder).map_err(|e| cannot_create(folder, e))?;
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Problem::site(
                Diagnostic::error(msg::already_exists(path.display()))
                    .with_hint(msg::hint_other_title()),
            ))
        }
        Err(e) => return Err(cannot_create(path, e)),
    };
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| Problem::site(Diagnostic::error(msg::cannot_write(path.display(), &e))))
}

/// Creates a new site for `province` in `dir`, which must not exist or be
/// empty; returns the files written, relative to `dir`.
pub fn init(dir: &Path, province: &str, today: Date) -> Result<Vec<PathBuf>, Problem> {
    let province = one_line(province);
    let province = province.as_str();
    let id = vi::slugify(province);
    if id.is_empty() {
        return Err(Problem::Usage(
            Diagnostic::error(msg::province_without_letters()).with_hint(msg::hint_init()),
        ));
    }
    if let Ok(mut entries) = fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(Problem::Usage(
                Diagnostic::error(msg::folder_not_empty(dir.display()))
                    .with_hint(msg::hint_new_folder()),
            ));
        }
    } else if dir.exists() {
        return Err(Problem::Usage(Diagnostic::error(msg::not_a_folder(
            dir.display(),
        ))));
    }
    let mut files = site_files(province, &id, today);
    files.extend(publishing::files());
    let mut written = Vec::new();
    for (relative, text) in &files {
        let path = dir.join(relative);
        let folder = path.parent().unwrap_or(dir);
        create_new(folder, &path, text)?;
        written.push(PathBuf::from(relative));
    }
    Ok(written)
}

/// The cities run by the centre (thành phố trực thuộc Trung ương), folded:
/// the five before the 2025 reorganisation and Huế, one since 2025.
const CENTRAL_CITIES: [&str; 6] = [
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// Whether `province` names a city run by the centre ("Thành phố Hà Nội",
/// "TP. Hồ Chí Minh", "TP Cần Thơ", or the bare name "Đà Nẵng") rather than
/// a province.
fn is_city(province: &str) -> bool {
    let folded = vi::fold(province.trim());
    ["thanh pho ", "tp.", "tp "]
        .iter()
        .any(|prefix| folded.starts_with(prefix))
        || CENTRAL_CITIES.contains(&folded.as_str())
}

/// "tỉnh" or "thành phố": what the province is, in running text ("các
/// đơn vị trong tỉnh").
fn level_word(province: &str) -> &'static str {
    if is_city(province) {
        "thành phố"
    } else {
        "tỉnh"
    }
}

/// "tỉnh Quảng Bình" for "Quảng Bình", "thành phố Đà Nẵng" for "Đà Nẵng";
/// a name that already says what it is ("Thành phố Hà Nội", "TP. Hồ Chí
/// Minh", "Tỉnh Quảng Trị") is kept as written.
fn province_phrase(province: &str) -> String {
    let folded = vi::fold(province.trim());
    if CENTRAL_CITIES.contains(&folded.as_str()) {
        format!("thành phố {province}")
    } else if folded.starts_with("tinh ") || is_city(province) {
        province.to_owned()
    } else {
        format!("tỉnh {province}")
    }
}

/// The files of a new site, by path relative to the site folder.
fn site_files(province: &str, id: &str, today: Date) -> Vec<(String, String)> {
    // The latest assessment year that can have been announced: PAR Index
    // 2024 was announced in 2025.
    let year = today.year - 1;
    let place = province_phrase(province);
    let q = |s: &str| toml_string(s);
    let config = format!(
        r#"# Các thiết lập của trang. Mỗi khóa được giải thích trong hướng dẫn của chiso (docs/huong-dan.md).
title = {title}
description = {description}
# Địa chỉ trang được xuất bản, ví dụ "https://cchc.{id}.gov.vn/" hoặc một thư mục con
# như "https://example.gov.vn/cchc/". Quy trình xuất bản (CI) tự ghi đè bằng --base-url.
# Để "/" khi chưa biết địa chỉ: trang vẫn dựng được, nhưng chưa có ảnh chia sẻ.
base_url = "/"
language = "vi"
province = {province}
home_unit = "{id}"
articles_per_page = 10
footer = "Số liệu tổng hợp từ các quyết định và thông cáo chính thức; nguồn ghi dưới mỗi bảng."

[[menu]]
name = "Trang chủ"
url = "/"

[[menu]]
name = "PAR Index"
url = "/chi-so/par-index/"

[[menu]]
name = "SIPAS"
url = "/chi-so/sipas/"

[[menu]]
name = "Chỉ số CCHC tỉnh"
url = "/chi-so/cchc-tinh/"

[[menu]]
name = "Tin tức"
url = "/tin-tuc/"
"#,
        title = q(&format!("Chỉ số cải cách hành chính {province}")),
        description = q(&format!(
            "Kết quả PAR Index, SIPAS của {place} và Chỉ số cải cách hành chính của các cơ quan, đơn vị trên địa bàn."
        )),
        province = q(province),
    );
    let indices = format!(
        r#"# Các chỉ số trang này đăng. Thứ hạng và đồng hạng tính theo số chữ số thập phân
# của số liệu công bố (`decimals`); các mức xếp loại là các ngưỡng điểm.

[[index]]
id = "par-index"
name = "Chỉ số Cải cách hành chính cấp tỉnh"
short_name = "PAR Index"
publisher = "Bộ Nội vụ"
scale = {{ min = 0, max = 100 }}
unit_label = "%"
decimals = 2

[[index]]
id = "sipas"
name = "Chỉ số hài lòng về sự phục vụ hành chính"
short_name = "SIPAS"
publisher = "Bộ Nội vụ"
scale = {{ min = 0, max = 100 }}
unit_label = "%"
decimals = 2

[[index]]
id = "cchc-tinh"
name = {own_name}
short_name = "Chỉ số CCHC tỉnh"
publisher = {publisher}
scale = {{ min = 0, max = 100 }}
unit_label = "%"
decimals = 2

# Đối chiếu các ngưỡng này với quyết định của tỉnh: `min = 90` là "từ 90%"
# (từ 90 trở lên), `above = 90` là "trên 90%" (lớn hơn 90).
[[index.band]]
id = "xuat-sac"
name = "Hoàn thành xuất sắc nhiệm vụ"
min = 90

[[index.band]]
id = "tot"
name = "Hoàn thành tốt nhiệm vụ"
min = 80
"#,
        own_name = q(&format!(
            "Chỉ số cải cách hành chính của các cơ quan, đơn vị {place}"
        )),
        publisher = q(&format!("UBND {place}")),
    );
    let units = format!(
        r#"# Các khối (nhóm đơn vị được xếp hạng cùng nhau) và mọi đơn vị có kết quả trên trang.
# Mã đơn vị (id) viết từ tên, không dấu, nối các từ bằng '-', và không bao giờ đổi:
# đơn vị đổi tên vẫn giữ mã cũ và ghi các tên trước đây trong former_names.

[[group]]
id = "tinh-thanh"
name = "Tỉnh, thành phố trực thuộc Trung ương"
average_label = "Bình quân cả nước"   # tên gọi điểm bình quân của khối trên các trang

[[group]]
id = "so-ban-nganh"
name = "Sở, ban, ngành"
description = {group_description}

[[unit]]
id = "{id}"
name = {province}
kind = {kind}
group = "tinh-thanh"

# Thêm một [[unit]] cho mỗi sở, ban, ngành, ví dụ:
#
# [[unit]]
# id = "so-noi-vu"
# name = "Sở Nội vụ"
# kind = "Sở, ban, ngành"
# group = "so-ban-nganh"
"#,
        group_description = q(&format!(
            "Các cơ quan chuyên môn thuộc UBND {}.",
            markdown_text(&place)
        )),
        province = q(province),
        kind = q(if is_city(province) {
            "Thành phố trực thuộc Trung ương"
        } else {
            "Tỉnh"
        }),
    );
    let results = format!(
        r#"# Chỉ số CCHC của tỉnh cho các sở, ban, ngành năm {year}: mỗi đơn vị một [[result]].
# Nhập tay, hoặc nhập từ bảng tính (Excel, CSV) thay cho tệp này:
#
#   chiso import ket-qua.csv --index cchc-tinh --year {year} --group so-ban-nganh --force
#
# Bảng đầy đủ (complete = true) liệt kê mọi đơn vị của khối; chiso tính thứ hạng,
# điểm bình quân và thay đổi so với năm trước. Mọi khóa: xem docs/huong-dan.md.
index = "cchc-tinh"
year = {year}
group = "so-ban-nganh"
complete = true

# [source]
# title = "Quyết định số .../QĐ-UBND"
# issuer = {publisher}
# date = {year_after}-02-01
#
# [[result]]
# unit = "so-noi-vu"
# score = 90.53
"#,
        publisher = q(&format!("UBND {place}")),
        year_after = year + 1,
    );
    // The province in Markdown text reads as written, whatever it holds.
    let place_md = markdown_text(&place);
    let home = format!(
        "+++\ntitle = {}\n+++\nTrang này tổng hợp kết quả các chỉ số cải cách hành chính của {place_md}: \
         PAR Index, SIPAS và chỉ số cải cách hành chính của các cơ quan, đơn vị trong {level}.\n",
        // The home page's heading: what the site is, as the example's.
        q(&format!("Chỉ số cải cách hành chính {province}")),
        level = level_word(province),
    );
    let article = format!(
        "+++\ntitle = {title}\ndate = {today}\nsummary = {summary}\ntags = []\ndraft = false\n+++\n\
         Trang tổng hợp kết quả các chỉ số cải cách hành chính của {place_md} bắt đầu hoạt động.\n\n\
         Số liệu lấy từ các quyết định và thông cáo chính thức; nguồn được ghi dưới mỗi bảng.\n",
        title = q(&format!("Ra mắt trang chỉ số cải cách hành chính {province}")),
        summary = q(&format!(
            "Giới thiệu trang tổng hợp kết quả cải cách hành chính của {}.",
            level_word(province)
        )),
    );
    vec![
        ("config.toml".into(), config),
        ("data/indices.toml".into(), indices),
        ("data/units.toml".into(), units),
        (format!("data/results/{year}/so-ban-nganh.toml"), results),
        ("content/_index.md".into(), home),
        ("content/tin-tuc/ra-mat.md".into(), article),
        (
            ".gitignore".into(),
            "/public/\n/.*.chiso-*\n/.chiso-cache/\n".into(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn source_date_epoch_is_a_day_in_vietnam() {
        // 2024-02-29 17:00 UTC is already 1 March in Vietnam.
        assert_eq!(date_from_epoch("1709226000"), Some(date(2024, 3, 1)));
        assert_eq!(date_from_epoch(" 0 "), Some(date(1970, 1, 1)));
        assert_eq!(date_from_epoch("yesterday"), None);
        assert_eq!(date_from_epoch(""), None);
        assert_eq!(date_from_epoch(&i64::MAX.to_string()), None);
    }

    #[test]
    fn days_become_civil_dates() {
        assert_eq!(date_from_days(0), date(1970, 1, 1));
        assert_eq!(date_from_days(-1), date(1969, 12, 31));
        assert_eq!(date_from_days(11_016), date(2000, 2, 29));
        assert_eq!(date_from_days(19_782), date(2024, 2, 29));
        assert_eq!(date_from_days(20_453), date(2025, 12, 31));
        assert_eq!(date_from_days(20_454), date(2026, 1, 1));
    }

    /// Editors read these files: every comment in the data and settings
    /// a new site gets is Vietnamese (or a line of TOML or a command).
    #[test]
    fn the_comments_of_a_new_site_s_files_are_vietnamese() {
        let files = site_files("Quảng Trị", "quang-tri", date(2026, 3, 1));
        let vietnamese = |c: char| {
            "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                .contains(c.to_lowercase().next().unwrap_or(c))
        };
        let mut comments = 0;
        for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".toml")) {
            for line in text.lines() {
                let Some(comment) = line.split_once('#').map(|(_, c)| c.trim()) else {
                    continue;
                };
                comments += 1;
                // A commented-out line of TOML, or a command, is code.
                let code = comment.is_empty()
                    || comment.starts_with('[')
                    || comment.contains(" = ")
                    || comment.starts_with("chiso ");
                assert!(code || comment.chars().any(vietnamese), "{path}: {line}");
            }
        }
        assert!(comments > 10);
    }

    #[test]
    fn a_new_article_is_a_draft_named_after_its_title() {
        let site = tempfile::tempdir().unwrap();
        fs::write(site.path().join("config.toml"), "title = \"t\"\n").unwrap();
        let path = new_article(site.path(), "Tiêu đề \"bài\" viết", date(2024, 5, 7)).unwrap();
        assert_eq!(
            path,
            site.path().join("content/tin-tuc/tieu-de-bai-viet.md")
        );
        let text = fs::read_to_string(&path).unwrap();
        let article = crate::content::parse_article(&text, "/").unwrap();
        assert_eq!(article.front.title, "Tiêu đề \"bài\" viết");
        assert_eq!(article.front.date, Some(date(2024, 5, 7)));
        assert!(article.front.draft);
        assert!(
            text.contains("\nsummary = \"\"\ntags = []\ndraft = true\n+++\n"),
            "{text}"
        );
        let again = new_article(site.path(), "Tiêu đề bài viết", date(2024, 5, 8));
        assert!(matches!(again, Err(Problem::Site(_))));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        assert!(matches!(
            new_article(site.path(), " ?! ", date(2024, 5, 8)),
            Err(Problem::Usage(_))
        ));
        // An article whose `slug` key takes the address the title gives.
        fs::write(
            site.path().join("content/tin-tuc/bai-dau.md"),
            "+++\ntitle = \"Bài đầu\"\ndate = 2024-01-01\nslug = \"ket-qua-2025\"\n+++\nx\n",
        )
        .unwrap();
        let Err(Problem::Site(taken)) = new_article(site.path(), "Kết quả 2025", date(2024, 5, 8))
        else {
            panic!("the address is taken");
        };
        let taken = taken.to_string();
        assert!(taken.contains("bai-dau.md"), "{taken}");
        assert!(!site.path().join("content/tin-tuc/ket-qua-2025.md").exists());
        // A long title: a shorter address, the whole title kept; it builds.
        let title = "Kết quả chỉ số cải cách hành chính của tỉnh ".repeat(8);
        let long = new_article(site.path(), &title, date(2024, 5, 9)).unwrap();
        let name = long.file_stem().unwrap().to_str().unwrap();
        assert!(name.len() <= crate::vi::MAX_NAME_BYTES, "{name}");
        assert!(name.starts_with("ket-qua-chi-so-cai-cach-hanh-chinh-cua-tinh-ket-qua"));
        let text = fs::read_to_string(&long).unwrap();
        let article = crate::content::parse_article(&text, "/").unwrap();
        assert_eq!(article.front.title, title.trim());
    }

    #[test]
    fn strings_are_written_on_one_line_and_read_back_as_given() {
        for text in [
            "",
            "a\nb",
            "\"\"\"",
            "'''",
            "\\\"",
            "\t\r\u{7}\u{7f}",
            "+++\n+++",
        ] {
            let written = toml_string(text);
            assert!(!written.contains('\n'), "{written}");
            let read: toml::Table = toml::from_str(&format!("k = {written}")).unwrap();
            assert_eq!(read["k"].as_str(), Some(text));
        }
        assert_eq!(one_line(" a\n\t b\u{7}c "), "a bc");
        assert_eq!(markdown_text("[a](b) <i>"), "\\[a\\](b) \\<i\\>");
    }

    #[test]
    fn a_city_is_not_called_a_province() {
        assert_eq!(province_phrase("Quảng Bình"), "tỉnh Quảng Bình");
        assert_eq!(province_phrase("Thành phố Hà Nội"), "Thành phố Hà Nội");
        // A city named bare, as most editors write it.
        assert_eq!(province_phrase("Đà Nẵng"), "thành phố Đà Nẵng");
        assert_eq!(province_phrase("Huế"), "thành phố Huế");
        assert_eq!(province_phrase("Thừa Thiên Huế"), "tỉnh Thừa Thiên Huế");
        let all: String = site_files("Hà Nội", "ha-noi", date(2026, 1, 1))
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        assert!(all.contains("UBND thành phố Hà Nội"), "{all}");
        assert!(!all.contains("tỉnh Hà Nội"), "{all}");
        let files = site_files("Thành phố Hà Nội", "thanh-pho-ha-noi", date(2026, 1, 1));
        let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
        assert!(!all.contains("tỉnh Thành phố"), "{all}");
        assert!(all.contains("UBND Thành phố Hà Nội"));
        assert!(all.contains("trong thành phố") && !all.contains("trong tỉnh"));
        for city in ["TP. Hồ Chí Minh", "TP Cần Thơ", "tp. Hải Phòng"] {
            assert_eq!(province_phrase(city), city);
            let all: String = site_files(city, &vi::slugify(city), date(2026, 1, 1))
                .into_iter()
                .map(|(_, text)| text)
                .collect();
            assert!(
                !all.contains("tỉnh TP") && !all.contains("tỉnh tp"),
                "{all}"
            );
            assert!(all.contains("Thành phố trực thuộc Trung ương"), "{all}");
        }
    }

    #[test]
    fn init_refuses_a_folder_that_is_not_empty() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("ghi-chu.txt"), "x").unwrap();
        assert!(matches!(
            init(dir.path(), "Quảng Bình", date(2026, 1, 1)),
            Err(Problem::Usage(_))
        ));
        assert!(!dir.path().join("config.toml").exists());
    }
}
