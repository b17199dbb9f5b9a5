//! The licence of the open data, always stated: `[data_license]` of
//! `config.toml` when the site names one, else a default statement for the
//! compilation (Creative Commons Attribution 4.0, attributing the site),
//! which says that the underlying figures belong to the official sources
//! cited with each table. The data page, every JSON download and
//! `datapackage.json` state the same licence, made here once.

use serde::Serialize;

use crate::config::Config;

/// The identifier of the default licence (SPDX, Open Definition).
pub const DEFAULT_NAME: &str = "CC-BY-4.0";
/// How pages name the default licence.
pub const DEFAULT_TITLE: &str = "Creative Commons Ghi công 4.0 Quốc tế";
/// Where the default licence's text is, in Vietnamese.
pub const DEFAULT_URL: &str = "https://creativecommons.org/licenses/by/4.0/deed.vi";

/// The licence the open data is published under, as every output states it.
#[derive(Debug, Clone, Serialize)]
pub struct License {
    /// The identifier (`CC-BY-4.0`).
    pub name: String,
    /// How the page names it.
    pub title: String,
    /// Where its text is.
    pub path: Option<String>,
    /// What the licence covers and how to credit the data, in Vietnamese.
    pub statement: String,
    /// Whether this is chiso's default (no `[data_license]` in `config.toml`).
    #[serde(skip)]
    pub default: bool,
}

impl License {
    /// The site's licence: `[data_license]`, or the default statement.
    pub fn of(config: &Config) -> License {
        let credit = credit(config);
        let sources =
            "Các số liệu gốc là của các cơ quan đã công bố chúng, theo nguồn ghi ở từng bảng.";
        match &config.data_license {
            Some(license) => License {
                name: license.name.clone(),
                title: license.shown_title().to_owned(),
                path: license.url.clone(),
                statement: format!(
                    "Tập hợp dữ liệu này được cấp phép theo {}; khi dùng lại, ghi nguồn: {credit}. {sources}",
                    license.shown_title()
                ),
                default: false,
            },
            None => License {
                name: DEFAULT_NAME.to_owned(),
                title: DEFAULT_TITLE.to_owned(),
                path: Some(DEFAULT_URL.to_owned()),
                statement: format!(
                    "Tập hợp dữ liệu này (cách chọn, sắp xếp và tính toán các bảng) được cấp phép theo {DEFAULT_TITLE} (CC BY 4.0): \
                     được sao chép, chỉnh sửa và dùng lại, kể cả cho mục đích thương mại, miễn là ghi nguồn: {credit}. {sources}"
                ),
                default: true,
            },
        }
    }
}

/// Who to credit: the site's title, its province, and where the data is.
fn credit(config: &Config) -> String {
    let title = config.title.trim();
    let province = config.province.trim();
    let mut out = format!("“{title}”");
    if !province.is_empty() && !title.contains(province) {
        out.push_str(&format!(", tỉnh {province}"));
    }
    let data = super::super::feeds::absolute(config, super::super::pages::DATA_PATH);
    if data.starts_with("http://") || data.starts_with("https://") {
        out.push_str(&format!(" ({data})"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> Config {
        toml::from_str(&format!(
            "title = \"Chỉ số CCHC Hà Tĩnh\"\nprovince = \"Hà Tĩnh\"\nbase_url = \"https://cchc.example.vn/\"\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn without_a_licence_the_compilation_is_cc_by_crediting_the_site() {
        let license = License::of(&config(""));
        assert!(license.default);
        assert_eq!(license.name, "CC-BY-4.0");
        assert_eq!(license.path.as_deref(), Some(DEFAULT_URL));
        assert!(
            license
                .statement
                .contains("ghi nguồn: “Chỉ số CCHC Hà Tĩnh” (https://cchc.example.vn/du-lieu/)"),
            "{}",
            license.statement
        );
        assert!(license.statement.contains("nguồn ghi ở từng bảng"));
    }

    #[test]
    fn the_configured_licence_overrides_the_default() {
        let license = License::of(&config(
            "[data_license]\nname = \"ODC-By-1.0\"\ntitle = \"Open Data Commons Attribution\"",
        ));
        assert!(!license.default);
        assert_eq!(license.name, "ODC-By-1.0");
        assert_eq!(license.path, None);
        assert!(license.statement.contains("Open Data Commons Attribution"));
    }
}
