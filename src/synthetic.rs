//! Synthetic sites for benchmarks: [`write_site`] writes a real site folder
//! (config, data files in the documented format, Markdown articles) of a size
//! given by a [`Spec`], which `chiso build` accepts without a problem.
//!
//! The output depends on the spec alone: a small xorshift generator with a
//! fixed seed picks every score, name and word, so the same spec writes the
//! same bytes on every machine and benchmark runs compare like with like.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use crate::vi::slugify;

/// The size of a synthetic site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Assessment years, ending with `last_year`.
    pub years: u32,
    /// The last assessment year.
    pub last_year: i32,
    /// Groups (khối) per province.
    pub groups: usize,
    /// Units in each group.
    pub units_per_group: usize,
    /// Provinces; with more than one, group and unit ids start with the
    /// province's slug, and each province has its own groups.
    pub provinces: usize,
    /// Articles in `content/tin-tuc/`.
    pub articles: usize,
    /// Approximate words in each article's body.
    pub words_per_article: usize,
    /// Whether articles link to ranking pages (needs data, at least one year).
    pub link_to_data: bool,
}

impl Spec {
    /// One province's report: 10 years, 248 units in 4 groups, 300 articles.
    pub fn province() -> Spec {
        Spec {
            years: 10,
            last_year: 2024,
            groups: 4,
            units_per_group: 62,
            provinces: 1,
            articles: 300,
            words_per_article: 600,
            link_to_data: true,
        }
    }

    /// A national site: 63 provinces, each with 4 groups of 62 units, over
    /// 10 years (156,240 results in 2,520 complete tables), and 10,000
    /// articles.
    pub fn national() -> Spec {
        Spec {
            provinces: PROVINCES.len(),
            articles: 10_000,
            ..Spec::province()
        }
    }

    /// Only articles (10,000 of them) and empty data files: the site the
    /// comparison with other generators builds.
    pub fn articles_only() -> Spec {
        Spec {
            years: 0,
            groups: 0,
            units_per_group: 0,
            provinces: 1,
            link_to_data: false,
            ..Spec::national()
        }
    }

    /// A small site for tests: 2 provinces × 2 groups × 4 units, 3 years, 12
    /// articles.
    pub fn tiny() -> Spec {
        Spec {
            years: 3,
            last_year: 2024,
            groups: 2,
            units_per_group: 4,
            provinces: 2,
            articles: 12,
            words_per_article: 80,
            link_to_data: true,
        }
    }

    /// A spec by name: `tiny`, `province`, `national` or `articles`.
    pub fn by_name(name: &str) -> Option<Spec> {
        match name {
            "tiny" => Some(Spec::tiny()),
            "province" => Some(Spec::province()),
            "national" => Some(Spec::national()),
            "articles" => Some(Spec::articles_only()),
            _ => None,
        }
    }

    /// Units on the site.
    pub fn units(&self) -> usize {
        self.provinces * self.groups * self.units_per_group
    }

    /// Results tables (files under `data/results/`).
    pub fn tables(&self) -> usize {
        self.provinces * self.groups * self.years as usize
    }

    /// Results (one per unit and year).
    pub fn results(&self) -> usize {
        self.units() * self.years as usize
    }

    fn first_year(&self) -> i32 {
        self.last_year + 1 - self.years as i32
    }
}

/// The id of the single synthetic index.
pub const INDEX_ID: &str = "chi-so-cchc";

/// Writes the site described by `spec` into `dir` (created if missing; files
/// already there with the same names are overwritten).
pub fn write_site(dir: &Path, spec: &Spec) -> io::Result<()> {
    let site = Layout::new(spec);
    put(dir, "config.toml", &site.config())?;
    put(dir, "data/indices.toml", &site.indices())?;
    put(dir, "data/units.toml", &site.units())?;
    for year in spec.first_year()..=spec.last_year {
        for group in &site.groups {
            let path = format!("data/results/{year}/{}.toml", group.id);
            put(dir, &path, &site.results(year, group))?;
        }
    }
    put(dir, "content/_index.md", &site.home())?;
    for n in 0..spec.articles {
        let path = format!("content/tin-tuc/{}.md", article_slug(n));
        put(dir, &path, &site.article(n))?;
    }
    Ok(())
}

fn put(dir: &Path, relative: &str, text: &str) -> io::Result<()> {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Never zero: xorshift would stay at zero forever.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Group {
    id: String,
    name: String,
    /// Unit ids and names, in order.
    units: Vec<(String, String)>,
    /// Seed for this group's scores, so each table is independent of the
    /// others and of the order they are written in.
    seed: u64,
}

/// The ids and names of everything on the site, derived from the spec.
struct Layout<'a> {
    spec: &'a Spec,
    /// Province names, one per province.
    provinces: Vec<&'static str>,
    groups: Vec<Group>,
}

impl<'a> Layout<'a> {
    fn new(spec: &'a Spec) -> Layout<'a> {
        let provinces: Vec<&str> = (0..spec.provinces)
            .map(|p| PROVINCES[p % PROVINCES.len()])
            .collect();
        let mut groups = Vec::new();
        for (p, province) in provinces.iter().enumerate() {
            // Past the 63 real provinces, a number keeps ids unique.
            let prefix = match (spec.provinces, p / PROVINCES.len()) {
                (1, _) => String::new(),
                (_, 0) => format!("{}-", slugify(province)),
                (_, k) => format!("{}-{k}-", slugify(province)),
            };
            for g in 0..spec.groups {
                let (kind, name) = GROUP_KINDS[g % GROUP_KINDS.len()];
                let suffix = match g / GROUP_KINDS.len() {
                    0 => String::new(),
                    k => format!("-{k}"),
                };
                let id = format!("{prefix}{}{suffix}", slugify(kind));
                let name = if spec.provinces == 1 {
                    format!("{name}{suffix}")
                } else {
                    format!("{name}{suffix} ({province})")
                };
                let units = (0..spec.units_per_group)
                    .map(|u| {
                        let place = UNIT_NAMES[u % UNIT_NAMES.len()];
                        let n = u / UNIT_NAMES.len() + 1;
                        let unit_name = format!("{kind} {place} {n}");
                        (slugify(&format!("{id} {place} {n}")), unit_name)
                    })
                    .collect();
                groups.push(Group {
                    id,
                    name,
                    units,
                    seed: (p * 1000 + g) as u64 + 1,
                });
            }
        }
        Layout {
            spec,
            provinces,
            groups,
        }
    }

    fn config(&self) -> String {
        let province = self.provinces.first().copied().unwrap_or("Hà Tĩnh");
        let mut s = String::new();
        let _ = writeln!(
            s,
            "title = \"Chỉ số cải cách hành chính (số liệu tổng hợp)\""
        );
        let _ = writeln!(
            s,
            "description = \"Một trang tổng hợp để đo tốc độ dựng trang của chiso.\""
        );
        let _ = writeln!(s, "base_url = \"https://chiso.example/\"");
        let _ = writeln!(s, "province = \"{province}\"");
        if let Some((unit, _)) = self.groups.first().and_then(|g| g.units.first()) {
            let _ = writeln!(s, "home_unit = \"{unit}\"");
        }
        let _ = writeln!(s, "articles_per_page = 10");
        let _ = writeln!(s, "footer = \"Số liệu tổng hợp, không có thật.\"");
        if self.spec.years > 0 {
            let _ = writeln!(
                s,
                "\n[[menu]]\nname = \"Chỉ số CCHC\"\nurl = \"/chi-so/{INDEX_ID}/\""
            );
        }
        let _ = writeln!(s, "\n[[menu]]\nname = \"Tin tức\"\nurl = \"/tin-tuc/\"");
        s
    }

    fn indices(&self) -> String {
        if self.spec.years == 0 {
            return "# No indices: this site has articles only.\n".to_owned();
        }
        let mut s = String::new();
        let _ = writeln!(s, "[[index]]");
        let _ = writeln!(s, "id = \"{INDEX_ID}\"");
        let _ = writeln!(s, "name = \"Chỉ số cải cách hành chính\"");
        let _ = writeln!(s, "short_name = \"Chỉ số CCHC\"");
        let _ = writeln!(s, "publisher = \"UBND tỉnh\"");
        let _ = writeln!(s, "scale = {{ min = 0, max = 100 }}");
        let _ = writeln!(s, "unit_label = \"%\"");
        let _ = writeln!(s, "decimals = 2");
        for (id, name, max) in COMPONENTS {
            let _ = writeln!(
                s,
                "\n[[index.component]]\nid = \"{id}\"\nname = \"{name}\"\nmax = {max}"
            );
        }
        for (id, name, min) in BANDS {
            let _ = writeln!(
                s,
                "\n[[index.band]]\nid = \"{id}\"\nname = \"{name}\"\nmin = {min}"
            );
        }
        s
    }

    fn units(&self) -> String {
        let mut s = String::new();
        if self.groups.is_empty() {
            s.push_str("# No units: this site has articles only.\n");
        }
        for group in &self.groups {
            let _ = writeln!(
                s,
                "[[group]]\nid = \"{}\"\nname = \"{}\"\n",
                group.id, group.name
            );
        }
        for group in &self.groups {
            for (id, name) in &group.units {
                let _ = writeln!(
                    s,
                    "[[unit]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"{}\"\ngroup = \"{}\"\n",
                    group.name, group.id
                );
            }
        }
        s
    }

    /// One complete table: every unit of the group, some scored in points
    /// out of their own maximum, some with components.
    fn results(&self, year: i32, group: &Group) -> String {
        let mut rng = Rng::new(group.seed * 10_000 + year as u64);
        let mut s = String::new();
        let _ = writeln!(s, "index = \"{INDEX_ID}\"");
        let _ = writeln!(s, "year = {year}");
        let _ = writeln!(s, "group = \"{}\"", group.id);
        let _ = writeln!(s, "complete = true");
        let _ = writeln!(s, "illustrative = true");
        let _ = writeln!(s, "announced = {}-03-{:02}", year + 1, 1 + rng.below(28));
        let _ = writeln!(
            s,
            "\n[source]\ntitle = \"Quyết định số {}/QĐ-UBND\"\nissuer = \"UBND tỉnh\"",
            100 + rng.below(900)
        );
        for (id, _) in &group.units {
            // Hundredths in 60.00..=99.99.
            let hundredths = 6000 + rng.below(4000);
            let _ = writeln!(s, "\n[[result]]\nunit = \"{id}\"");
            if rng.below(4) == 0 {
                let max = [90u32, 95, 98, 100][rng.below(4)];
                let points = hundredths as f64 / 100.0 * max as f64 / 100.0;
                let _ = writeln!(s, "points = {points:.3}\nmax_points = {max}");
            } else {
                let _ = writeln!(s, "score = {}.{:02}", hundredths / 100, hundredths % 100);
            }
            if rng.below(3) == 0 {
                let parts: Vec<String> = COMPONENTS
                    .iter()
                    .map(|(id, _, max)| {
                        let tenths = rng.below(*max as usize * 10 + 1);
                        format!("{id} = {}.{}", tenths / 10, tenths % 10)
                    })
                    .collect();
                let _ = writeln!(s, "components = {{ {} }}", parts.join(", "));
            }
        }
        s
    }

    fn home(&self) -> String {
        let mut s = String::from("+++\ntitle = \"Trang chủ\"\n+++\n");
        let _ = writeln!(
            s,
            "Trang tổng hợp: {} đơn vị, {} năm, {} bài viết.",
            self.spec.units(),
            self.spec.years,
            self.spec.articles
        );
        s
    }

    fn article(&self, n: usize) -> String {
        let mut rng = Rng::new(0xA57 + n as u64);
        let mut tags: Vec<&str> = (0..1 + rng.below(3)).map(|_| rng.pick(TAGS)).collect();
        tags.sort_unstable();
        tags.dedup();
        let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
        let mut s = String::new();
        let _ = writeln!(s, "+++");
        let _ = writeln!(
            s,
            "title = \"{}\"",
            sentence(&mut rng).trim_end_matches('.')
        );
        let _ = writeln!(s, "date = {}", article_date(n));
        let _ = writeln!(s, "summary = \"{}\"", sentence(&mut rng));
        let _ = writeln!(s, "tags = [{}]", tags.join(", "));
        let _ = writeln!(s, "+++");
        // The body: sections of paragraphs, a table, lists and links, until
        // about `words_per_article` words are written.
        let target = self.spec.words_per_article;
        let mut written = 0;
        let mut section = 0;
        while written < target {
            section += 1;
            let _ = writeln!(s, "## {}\n", sentence(&mut rng).trim_end_matches('.'));
            for _ in 0..2 {
                let mut paragraph = Vec::new();
                for _ in 0..4 {
                    let sentence = sentence(&mut rng);
                    written += sentence.split(' ').count();
                    paragraph.push(sentence);
                }
                let _ = writeln!(s, "{}\n", paragraph.join(" "));
            }
            match section % 3 {
                1 => {
                    let _ = writeln!(s, "| Đơn vị | Điểm | Xếp loại |\n|---|---:|---|");
                    for _ in 0..4 {
                        let _ = writeln!(
                            s,
                            "| {} | {},{:02} | {} |",
                            rng.pick(UNIT_NAMES),
                            60 + rng.below(40),
                            rng.below(100),
                            BANDS[rng.below(BANDS.len())].1
                        );
                    }
                    s.push('\n');
                    written += 16;
                }
                2 => {
                    for _ in 0..3 {
                        let _ = writeln!(s, "- {}", sentence(&mut rng));
                    }
                    s.push('\n');
                    for i in 1..=3 {
                        let _ = writeln!(s, "{i}. {}", words(&mut rng, 6));
                    }
                    s.push('\n');
                    written += 50;
                }
                _ => {
                    let mut links = Vec::new();
                    if n > 0 {
                        let other = article_slug(rng.below(n));
                        links.push(format!("[bài trước](/tin-tuc/{other}/)"));
                    }
                    if self.spec.link_to_data && !self.groups.is_empty() && self.spec.years > 0 {
                        let year =
                            self.spec.first_year() + rng.below(self.spec.years as usize) as i32;
                        let group = &self.groups[rng.below(self.groups.len())];
                        links.push(format!("[bảng xếp hạng](/xep-hang/{year}/{}/)", group.id));
                    }
                    if !links.is_empty() {
                        let _ = writeln!(s, "Xem thêm: {}.\n", links.join(", "));
                        written += 4;
                    }
                }
            }
        }
        s
    }
}

/// `count` words of text.
fn words(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence of 8 to 17 words, capitalised, with a full stop.
fn sentence(rng: &mut Rng) -> String {
    let count = 8 + rng.below(10);
    let text = words(rng, count);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// The file name (without `.md`) and slug of article `n`.
pub fn article_slug(n: usize) -> String {
    format!("bai-{n:05}")
}

/// Article `n`'s date: one every 9 hours on average, counted back from
/// 2025-12-31 (three a day, so 10,000 articles span about nine years).
fn article_date(n: usize) -> String {
    // Days since 1970-01-01 of 2025-12-31.
    let last = 20_453i64;
    civil(last - (n / 3) as i64)
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
fn civil(days: i64) -> String {
    crate::scaffold::date_from_days(days).to_string()
}

/// Kinds of groups: (unit kind, group name).
const GROUP_KINDS: &[(&str, &str)] = &[
    ("Sở", "Sở, ban, ngành"),
    ("UBND huyện", "UBND cấp huyện"),
    ("UBND xã", "UBND cấp xã"),
    ("Cơ quan", "Cơ quan ngành dọc"),
];

const COMPONENTS: &[(&str, &str, u32)] = &[
    ("cai-cach-tthc", "Cải cách thủ tục hành chính", 30),
    ("to-chuc-bo-may", "Cải cách tổ chức bộ máy", 30),
    ("chinh-quyen-so", "Xây dựng chính quyền số", 40),
];

const BANDS: &[(&str, &str, u32)] = &[
    ("xuat-sac", "Xuất sắc", 90),
    ("tot", "Tốt", 80),
    ("kha", "Khá", 70),
];

const TAGS: &[&str] = &[
    "PAR Index",
    "SIPAS",
    "PAPI",
    "Chuyển đổi số",
    "Thủ tục hành chính",
    "Một cửa",
    "Dịch vụ công",
    "Cán bộ",
    "Kỷ cương",
    "Sáp nhập",
    "Xếp hạng",
    "Khảo sát",
];

/// Place-like words for unit names.
const UNIT_NAMES: &[&str] = &[
    "Bình An",
    "Phú Lộc",
    "Hòa Thuận",
    "Tân Phong",
    "Đông Hà",
    "Xuân Lâm",
    "Kỳ Sơn",
    "Cẩm Xuyên",
    "Thạch Hà",
    "Hương Khê",
    "Đức Thọ",
    "Nghi Xuân",
    "Can Lộc",
    "Lộc Hà",
    "Vũ Quang",
    "Hồng Lĩnh",
];

/// Syllables that read as Vietnamese text.
const WORDS: &[&str] = &[
    "cải", "cách", "hành", "chính", "chỉ", "số", "năm", "tỉnh", "đơn", "vị", "kết", "quả", "đánh",
    "giá", "người", "dân", "hài", "lòng", "dịch", "vụ", "công", "trực", "tuyến", "thủ", "tục",
    "giải", "quyết", "hồ", "sơ", "đúng", "hạn", "tăng", "giảm", "bậc", "điểm", "xếp", "hạng",
    "khối", "sở", "ngành", "huyện", "xã", "chuyển", "đổi", "tổ", "chức", "bộ", "máy", "cán",
    "viên", "chức", "kỷ", "cương", "minh", "bạch", "trách", "nhiệm", "nâng", "cao", "hiệu", "lực",
    "thực", "hiện", "nhiệm", "vụ", "trong", "của", "và", "với", "các", "những", "được", "đã", "sẽ",
    "đạt", "mức", "tốt", "khá", "xuất", "sắc",
];

/// The 63 provinces and cities before the 2025 reorganisation.
const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(civil(0), "1970-01-01");
        assert_eq!(civil(20_453), "2025-12-31");
        assert_eq!(article_date(0), "2025-12-31");
        assert_eq!(article_date(3), "2025-12-30");
    }

    #[test]
    fn national_has_the_advertised_size() {
        let spec = Spec::national();
        assert_eq!(PROVINCES.len(), 63);
        assert_eq!(spec.units(), 15_624);
        assert_eq!(spec.results(), 156_240);
        assert_eq!(spec.tables(), 2_520);
    }

    #[test]
    fn ids_are_unique_slugs() {
        let spec = Spec::national();
        let layout = Layout::new(&spec);
        let mut ids = std::collections::BTreeSet::new();
        for group in &layout.groups {
            assert_eq!(slugify(&group.id), group.id);
            assert!(ids.insert(group.id.clone()), "{}", group.id);
            for (unit, _) in &group.units {
                assert_eq!(&slugify(unit), unit);
                assert!(ids.insert(unit.clone()), "{unit}");
            }
        }
    }

    #[test]
    fn same_spec_same_text() {
        let spec = Spec::tiny();
        let (a, b) = (Layout::new(&spec), Layout::new(&spec));
        assert_eq!(a.article(5), b.article(5));
        assert_eq!(a.results(2023, &a.groups[1]), b.results(2023, &b.groups[1]));
    }
}
