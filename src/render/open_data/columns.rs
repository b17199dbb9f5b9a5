//! The columns of the open data, declared once. Each [`Column`] says its
//! CSV header and JSON key, its type, its Vietnamese title, what it means
//! (in Vietnamese and English), its unit and precision, and how its cell is
//! read from the model. That one list drives the CSV header and cells, the
//! JSON fields, the codebook on `/du-lieu/` and `datapackage.json`: a
//! column added here appears in all four.
//!
//! A column reads one of these ([`Get`]): the table (repeated on
//! every CSV line, once at the top of the JSON), the result line, or one
//! item of a list the line holds: its regional ranks (in CSV one column per
//! region scheme the table has, `hang_vung_<scheme>`; in JSON the list
//! `regional`), its components (one CSV column per component of the index,
//! `linh_vuc_<id>`; the JSON list `components`) or the other values
//! published for it (JSON `alternatives`; in CSV the one text column
//! `gia_tri_khac`); or, for JSON only, one region's part of a complete table
//! (`regions`: how many units ranked, their average). A JSON key with dots (`change.rank_delta`) is a field of
//! a nested object, which is `null` when all its fields are.
//!
//! This module only reads the model and formats nothing itself: figures
//! become text in `csv.rs` and JSON numbers in `json.rs`, both through
//! `render::figure`.

use std::borrow::Cow;

use crate::model::{
    Alternative, Group, Index, RegionSummary, RegionalRank, Row, Site, Table, Unit,
};

/// What one cell holds, before it is written as CSV text or a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// No figure: an empty CSV cell, JSON `null`.
    Empty,
    Int(i64),
    /// A figure at the precision the page prints it with (decimals).
    Fixed(f64, u32),
    /// A figure as its source wrote it (points, maxima, components).
    Written(f64),
    /// An identifier (a slug).
    Id(&'a str),
    Text(Cow<'a, str>),
    Bool(bool),
    /// Other figures published for a result, each with its source: text
    /// whose numbers are written in the file's decimal separator
    /// ([`super::csv::alternatives_text`]).
    Alternatives(&'a [Alternative]),
}

impl<'a> Cell<'a> {
    fn int(v: Option<impl Into<i64>>) -> Self {
        v.map_or(Cell::Empty, |v| Cell::Int(v.into()))
    }

    fn written(v: Option<f64>) -> Self {
        v.map_or(Cell::Empty, Cell::Written)
    }

    fn fixed(v: Option<f64>, decimals: u32) -> Self {
        v.map_or(Cell::Empty, |v| Cell::Fixed(v, decimals))
    }

    fn id(v: Option<&'a str>) -> Self {
        v.map_or(Cell::Empty, Cell::Id)
    }

    /// Text; an empty text is no text.
    fn text(v: Option<&'a str>) -> Self {
        match v {
            Some(t) if !t.is_empty() => Cell::Text(Cow::Borrowed(t)),
            _ => Cell::Empty,
        }
    }

    fn date(v: Option<crate::date::Date>) -> Self {
        v.map_or(Cell::Empty, |d| Cell::Text(Cow::Owned(d.to_string())))
    }
}

/// A column's type, as Frictionless Table Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Integer,
    Number,
    Text,
    /// `1` or `0` in CSV, `true` or `false` in JSON.
    Boolean,
    /// `2024-05-07`.
    Date,
}

impl Kind {
    /// The Table Schema type.
    pub fn schema_type(self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::Text => "string",
            Kind::Boolean => "boolean",
            Kind::Date => "date",
        }
    }

    /// What the codebook calls it.
    pub fn vietnamese(self) -> &'static str {
        match self {
            Kind::Integer => "số nguyên",
            Kind::Number => "số",
            Kind::Text => "văn bản",
            Kind::Boolean => "có/không (1/0)",
            Kind::Date => "ngày (năm-tháng-ngày)",
        }
    }
}

/// How many decimals a figure carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Not a measured figure.
    None,
    /// Rounded as the page rounds it: the decimals the index (or the
    /// result) was published with.
    Published,
    /// As the source wrote it.
    AsWritten,
    /// A difference of two results: at the fewer decimals of the two
    /// (45,42 against 44,3138 is known to the hundredth).
    Coarser,
}

impl Precision {
    pub fn vietnamese(self) -> &'static str {
        match self {
            Precision::None => "",
            Precision::Published => {
                "làm tròn như trên trang: số chữ số thập phân đã công bố (cột so_chu_so_thap_phan)"
            }
            Precision::AsWritten => "như nguồn công bố",
            Precision::Coarser => {
                "làm tròn như trên trang: số chữ số thập phân ít hơn của hai kết quả được so sánh"
            }
        }
    }
}

/// What a figure is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    None,
    /// The index's own unit label (`%`, `điểm`).
    Index,
    /// A fixed unit (`bậc`, `điểm`).
    Fixed(&'static str),
}

impl Measure {
    /// The unit, in words; `index` gives the index's label when known.
    pub fn vietnamese(self, index: Option<&Index>) -> Cow<'static, str> {
        match (self, index) {
            (Measure::None, _) => Cow::Borrowed(""),
            (Measure::Index, Some(def)) if !def.unit_label.is_empty() => {
                Cow::Owned(def.unit_label.clone())
            }
            (Measure::Index, Some(_)) => Cow::Borrowed(""),
            (Measure::Index, None) => Cow::Borrowed("đơn vị của chỉ số (%, điểm)"),
            (Measure::Fixed(unit), _) => Cow::Borrowed(unit),
        }
    }
}

/// A table, for the columns that read it.
#[derive(Clone, Copy)]
pub struct TableAt<'a> {
    pub site: &'a Site,
    pub table: &'a Table,
    pub index: &'a Index,
    pub group: &'a Group,
}

impl<'a> TableAt<'a> {
    pub fn new(site: &'a Site, table: &'a Table) -> Self {
        TableAt {
            site,
            table,
            index: &site.indices[table.index],
            group: &site.groups[table.group],
        }
    }

    pub fn row(self, row: &'a Row) -> RowAt<'a> {
        RowAt {
            at: self,
            row,
            unit: &self.site.units[row.unit],
        }
    }
}

/// A result line in its table, for the columns that read it.
#[derive(Clone, Copy)]
pub struct RowAt<'a> {
    pub at: TableAt<'a>,
    pub row: &'a Row,
    pub unit: &'a Unit,
}

/// Where a column's cells come from.
pub enum Get {
    /// The table: one value for every line.
    Table(for<'a> fn(TableAt<'a>) -> Cell<'a>),
    /// The result line.
    Row(for<'a> fn(RowAt<'a>) -> Cell<'a>),
    /// One of the line's regional ranks.
    Regional(for<'a> fn(RowAt<'a>, &'a RegionalRank) -> Cell<'a>),
    /// One of the line's component scores: the component's position in the
    /// index, and the score.
    Component(for<'a> fn(RowAt<'a>, usize, f64) -> Cell<'a>),
    /// One of the other values published for the line.
    Alternative(for<'a> fn(&'a Alternative) -> Cell<'a>),
    /// One region's part of a complete table (its units ranked, their
    /// average).
    Region(for<'a> fn(TableAt<'a>, &'a RegionSummary) -> Cell<'a>),
}

/// Which part of the data a column belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Table,
    Row,
    /// JSON `rows[].regional[]`; CSV one column per region scheme.
    Regional,
    /// JSON `rows[].components[]`; CSV one column per component.
    Component,
    /// JSON `rows[].alternatives[]`; not in CSV.
    Alternative,
    /// JSON `regions[]`, a table's regions; not in CSV.
    Region,
}

impl Scope {
    /// The JSON list the items are in, for the scopes that are lists.
    pub fn json_list(self) -> Option<&'static str> {
        match self {
            Scope::Regional => Some("regional"),
            Scope::Component => Some("components"),
            Scope::Alternative => Some("alternatives"),
            Scope::Region => Some("regions"),
            Scope::Table | Scope::Row => None,
        }
    }

    /// What one CSV column of the scope stands for, in the codebook's
    /// header patterns (`hang_vung_<vùng>`).
    pub fn member_placeholder(self) -> &'static str {
        match self {
            Scope::Regional => "<cách chia vùng>",
            Scope::Component => "<mã lĩnh vực>",
            _ => "",
        }
    }
}

/// One column of the open data.
pub struct Column {
    /// The CSV header (for regional and component columns, the start of it,
    /// followed by the scheme's slug or the component's id); `None`: only
    /// in JSON.
    pub csv: Option<&'static str>,
    /// The JSON key (dots for nested objects); `None`: only in CSV.
    pub json: Option<&'static str>,
    pub kind: Kind,
    /// A short Vietnamese title.
    pub title: &'static str,
    /// What it means, in Vietnamese.
    pub vi: &'static str,
    /// What it means, in English.
    pub en: &'static str,
    pub measure: Measure,
    pub precision: Precision,
    pub get: Get,
}

impl Column {
    const fn new(
        csv: Option<&'static str>,
        json: Option<&'static str>,
        kind: Kind,
        text: [&'static str; 3],
        get: Get,
    ) -> Self {
        Column {
            csv,
            json,
            kind,
            title: text[0],
            vi: text[1],
            en: text[2],
            measure: Measure::None,
            precision: Precision::None,
            get,
        }
    }

    const fn measured(mut self, measure: Measure, precision: Precision) -> Self {
        self.measure = measure;
        self.precision = precision;
        self
    }

    pub fn scope(&self) -> Scope {
        match self.get {
            Get::Table(_) => Scope::Table,
            Get::Row(_) => Scope::Row,
            Get::Regional(_) => Scope::Regional,
            Get::Component(_) => Scope::Component,
            Get::Alternative(_) => Scope::Alternative,
            Get::Region(_) => Scope::Region,
        }
    }

    /// The JSON path of the field in a table's file (`rows[].rank`).
    pub fn json_path(&self) -> Option<String> {
        let key = self.json?;
        Some(match self.scope() {
            Scope::Table => key.to_owned(),
            Scope::Row => format!("rows[].{key}"),
            Scope::Region => format!("regions[].{key}"),
            list => format!("rows[].{}[].{key}", list.json_list().unwrap_or_default()),
        })
    }

    /// The CSV header, or its pattern for a column per scheme or component.
    pub fn csv_pattern(&self) -> Option<String> {
        let csv = self.csv?;
        Some(format!("{csv}{}", self.scope().member_placeholder()))
    }
}

use Kind::*;

const PUBLISHED: Precision = Precision::Published;
const AS_WRITTEN: Precision = Precision::AsWritten;

/// A line's change against the year before, when there is one.
fn change<'a>(r: RowAt<'a>) -> Option<&'a crate::model::Change> {
    r.row.comparison.change()
}

/// Every column, in CSV order. JSON objects list their keys in alphabetical
/// order.
pub static COLUMNS: &[Column] = &[
    Column::new(
        Some("nam"),
        Some("year"),
        Integer,
        [
            "Năm",
            "Năm đánh giá (chỉ số năm 2023 công bố năm 2024).",
            "The assessment year (the 2023 index was announced in 2024).",
        ],
        Get::Table(|t| Cell::Int(t.table.year.into())),
    ),
    Column::new(
        Some("chi_so"),
        Some("index.id"),
        Text,
        ["Mã chỉ số", "Mã của chỉ số.", "The index's id."],
        Get::Table(|t| Cell::Id(&t.index.id)),
    ),
    Column::new(
        Some("ten_chi_so"),
        Some("index.name"),
        Text,
        ["Tên chỉ số", "Tên đầy đủ của chỉ số.", "The index's full name."],
        Get::Table(|t| Cell::text(Some(&t.index.name))),
    ),
    Column::new(
        None,
        Some("index.short_name"),
        Text,
        [
            "Tên ngắn của chỉ số",
            "Tên ngắn dùng trong các bảng.",
            "The index's short name.",
        ],
        Get::Table(|t| Cell::text(Some(&t.index.short_name))),
    ),
    Column::new(
        None,
        Some("index.decimals"),
        Integer,
        [
            "Số chữ số thập phân của chỉ số",
            "Số chữ số thập phân chỉ số được công bố.",
            "The decimals the index is published with.",
        ],
        Get::Table(|t| Cell::Int(t.index.decimals.into())),
    ),
    Column::new(
        None,
        Some("decimals"),
        Integer,
        [
            "Số chữ số thập phân của bảng",
            "Số chữ số thập phân bảng được công bố (của riêng bảng, nếu không thì của chỉ số); thứ hạng, đồng hạng và bình quân tính theo số chữ số này.",
            "The decimals the table is published with (its own, else its index's); ranks, ties and the average are computed at it.",
        ],
        Get::Table(|t| Cell::Int(t.table.decimals.into())),
    ),
    Column::new(
        None,
        Some("index.unit_label"),
        Text,
        [
            "Đơn vị đo",
            "Đơn vị của điểm số (%, điểm hoặc để trống).",
            "What scores are measured in (%, điểm, or empty).",
        ],
        Get::Table(|t| Cell::Text(Cow::Borrowed(&t.index.unit_label))),
    ),
    Column::new(
        None,
        Some("index.higher_is_better"),
        Boolean,
        [
            "Điểm cao hơn là tốt hơn",
            "Đúng khi điểm cao hơn là tốt hơn (hạng 1 là điểm cao nhất), sai khi điểm thấp hơn là tốt hơn (hạng 1 là điểm thấp nhất).",
            "True when a higher score is better (rank 1 is the highest score), false when lower is better (rank 1 is the lowest).",
        ],
        Get::Table(|t| Cell::Bool(t.index.higher_is_better)),
    ),
    Column::new(
        None,
        Some("index.scale.min"),
        Number,
        [
            "Điểm thấp nhất của thang",
            "Điểm thấp nhất của thang điểm.",
            "The lowest score of the scale.",
        ],
        Get::Table(|t| Cell::Written(t.index.scale.min)),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        None,
        Some("index.scale.max"),
        Number,
        [
            "Điểm cao nhất của thang",
            "Điểm cao nhất của thang điểm.",
            "The highest score of the scale.",
        ],
        Get::Table(|t| Cell::Written(t.index.scale.max)),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        Some("khoi"),
        Some("group.id"),
        Text,
        [
            "Mã khối",
            "Mã của khối (nhóm đơn vị được xếp hạng cùng nhau).",
            "The group's id (units ranked together).",
        ],
        Get::Table(|t| Cell::Id(&t.group.id)),
    ),
    Column::new(
        Some("ten_khoi"),
        Some("group.name"),
        Text,
        ["Tên khối", "Tên của khối.", "The group's name."],
        Get::Table(|t| Cell::text(Some(&t.group.name))),
    ),
    Column::new(
        None,
        Some("complete"),
        Boolean,
        [
            "Bảng đầy đủ",
            "Bảng liệt kê mọi đơn vị của khối (thứ hạng do chiso tính); nếu không, bảng chỉ trích một số dòng của một bảng công bố ở nơi khác.",
            "The table lists every unit of the group (ranks were computed); otherwise it holds some lines of a table published elsewhere.",
        ],
        Get::Table(|t| Cell::Bool(t.table.complete)),
    ),
    Column::new(
        None,
        Some("illustrative"),
        Boolean,
        [
            "Có số liệu minh họa",
            "Có điểm số trong bảng là số liệu minh họa, không phải số đã công bố.",
            "Some scores in the table are illustrative, not published.",
        ],
        Get::Table(|t| Cell::Bool(t.table.has_illustrative())),
    ),
    Column::new(
        None,
        Some("announced"),
        Date,
        [
            "Ngày công bố",
            "Ngày công bố kết quả.",
            "When the results were announced.",
        ],
        Get::Table(|t| Cell::date(t.table.announced)),
    ),
    Column::new(
        None,
        Some("ranked"),
        Integer,
        [
            "Số đơn vị được xếp hạng",
            "Số đơn vị được xếp hạng trong bảng.",
            "How many units the table ranks.",
        ],
        Get::Table(|t| Cell::int(t.table.ranked)),
    ),
    Column::new(
        None,
        Some("average"),
        Number,
        [
            "Bình quân",
            "Điểm bình quân của khối: tính từ các điểm như đã in (bảng đầy đủ) hoặc như đã công bố (bảng trích).",
            "The group average: of the scores as printed (complete tables) or as published (partial ones).",
        ],
        Get::Table(|t| Cell::fixed(t.table.average, t.table.average_decimals)),
    )
    .measured(Measure::Index, PUBLISHED),
    Column::new(
        None,
        Some("average_published"),
        Boolean,
        [
            "Bình quân đã công bố",
            "Điểm bình quân là số đã công bố (và đã được đối chiếu), không chỉ do chiso tính.",
            "The average was published (and checked), not only computed.",
        ],
        Get::Table(|t| Cell::Bool(t.table.average_published)),
    ),
    Column::new(
        None,
        Some("average_illustrative"),
        Boolean,
        [
            "Bình quân tính từ số liệu minh họa",
            "Đúng khi điểm bình quân do chiso tính từ bảng có điểm minh họa, không phải số đã công bố.",
            "True when the average chiso computed is made from an illustrative score, not published.",
        ],
        Get::Table(|t| Cell::Bool(t.table.average_illustrative())),
    ),
    Column::new(
        None,
        Some("average_derived"),
        Number,
        [
            "Bình quân tính từ bảng",
            "Bình quân của các điểm trong bảng, khi bình quân đã công bố khác số này và được giữ với ghi chú (average_disputed); trống nếu không khác.",
            "The average of the table's scores, when the published average differs from it and is kept with a note (average_disputed); empty otherwise.",
        ],
        Get::Table(|t| Cell::fixed(t.table.average_derived, t.table.decimals)),
    ),
    Column::new(
        None,
        Some("average_disputed"),
        Text,
        [
            "Ghi chú về bình quân đã công bố",
            "Vì sao bình quân đã công bố được giữ dù khác bình quân tính từ bảng, dạng văn bản thuần.",
            "Why the published average is kept though it differs from the table's, as plain text.",
        ],
        Get::Table(|t| {
            t.table
                .average_disputed
                .as_deref()
                .map_or(Cell::Empty, |n| plain(n))
        }),
    ),
    Column::new(
        None,
        Some("top_band.name"),
        Text,
        [
            "Xếp loại cao nhất",
            "Tên của mức xếp loại cao nhất của chỉ số.",
            "The name of the index's highest band.",
        ],
        Get::Table(|t| Cell::text(t.table.top_band.map(|b| t.table.bands[b.band].name.as_str()))),
    ),
    Column::new(
        None,
        Some("top_band.min"),
        Number,
        [
            "Ngưỡng xếp loại cao nhất",
            "Ngưỡng điểm của mức xếp loại cao nhất: đạt từ ngưỡng trở lên, hoặc trên ngưỡng khi `top_band.strict`.",
            "The highest band's score threshold: reached at or above it, or above it when `top_band.strict`.",
        ],
        Get::Table(|t| Cell::written(t.table.top_band.map(|b| b.threshold))),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        None,
        Some("top_band.strict"),
        Boolean,
        [
            "Ngưỡng xếp loại cao nhất là ngưỡng chặt",
            "Đúng khi mức xếp loại cao nhất chỉ tính điểm trên ngưỡng (\"trên 90%\"), sai khi tính từ ngưỡng trở lên (\"từ 90%\").",
            "True when the highest band counts scores above its threshold (\"trên 90%\"), false when at or above it (\"từ 90%\").",
        ],
        Get::Table(|t| match t.table.top_band {
            Some(b) => Cell::Bool(b.strict),
            None => Cell::Empty,
        }),
    ),
    Column::new(
        None,
        Some("top_band.count"),
        Integer,
        [
            "Số đơn vị đạt xếp loại cao nhất",
            "Số đơn vị được xếp hạng đạt mức xếp loại cao nhất.",
            "How many ranked units reach the highest band.",
        ],
        Get::Table(|t| Cell::int(t.table.top_band.map(|b| b.count as i64))),
    ),
    Column::new(
        None,
        Some("id"),
        Text,
        [
            "Mã vùng",
            "Mã của một vùng có đơn vị trong bảng đầy đủ.",
            "The id of a region with units in a complete table.",
        ],
        Get::Region(|t, g| Cell::Id(&t.site.regions[g.region].id)),
    ),
    Column::new(
        None,
        Some("name"),
        Text,
        ["Tên vùng", "Tên vùng.", "The region's name."],
        Get::Region(|t, g| Cell::text(Some(&t.site.regions[g.region].name))),
    ),
    Column::new(
        None,
        Some("scheme"),
        Text,
        [
            "Cách chia vùng",
            "Cách chia vùng mà vùng thuộc về.",
            "The region scheme the region belongs to.",
        ],
        Get::Region(|t, g| Cell::text(Some(&t.site.regions[g.region].scheme))),
    ),
    Column::new(
        None,
        Some("ranked"),
        Integer,
        [
            "Số đơn vị được xếp hạng của vùng",
            "Số đơn vị của vùng được xếp hạng trong bảng.",
            "How many of the region's units the table ranks.",
        ],
        Get::Region(|_, g| Cell::Int(g.ranked.into())),
    ),
    Column::new(
        None,
        Some("average"),
        Number,
        [
            "Bình quân vùng",
            "Điểm bình quân của các đơn vị được xếp hạng trong vùng, tính từ các điểm như đã in.",
            "The average of the region's ranked units, of the scores as printed.",
        ],
        Get::Region(|t, g| Cell::fixed(g.average, t.table.decimals)),
    )
    .measured(Measure::Index, PUBLISHED),
    Column::new(
        None,
        Some("note"),
        Text,
        [
            "Ghi chú của bảng",
            "Ghi chú dưới bảng, dạng văn bản thuần.",
            "The note under the table, as plain text.",
        ],
        Get::Table(|t| plain(&t.table.note)),
    ),
    Column::new(
        None,
        Some("ties_broken"),
        Text,
        [
            "Phân định thứ hạng cùng điểm",
            "Cách cơ quan công bố phân định thứ hạng các đơn vị cùng điểm, khi đã cho họ các hạng khác nhau; trống: các đơn vị cùng điểm cùng hạng.",
            "How the publisher ordered units with equal scores, when it gave them different ranks; empty: equal scores share a rank.",
        ],
        Get::Table(|t| {
            t.table
                .ties_broken
                .as_deref()
                .map_or(Cell::Empty, |w| Cell::Text(w.into()))
        }),
    ),
    Column::new(
        None,
        Some("band_counts"),
        Text,
        [
            "Số đơn vị theo mức (công bố)",
            "Số đơn vị theo mức xếp loại hoặc đạt ngưỡng điểm như văn bản công bố, cách nhau bằng dấu chấm phẩy (\"Tốt: 8/16; từ 90: 3/16\"); khi khác số tính từ bảng và được giữ, có thêm số tính từ bảng.",
            "The counts of units per band or reaching a score as the publication printed them, separated by semicolons (\"Tốt: 8/16; từ 90: 3/16\"); when one differs from the table's and is kept, the table's count follows.",
        ],
        Get::Table(band_counts_text),
    ),
    Column::new(
        None,
        Some("listings"),
        Text,
        [
            "Danh sách công bố",
            "Các danh sách đơn vị đầu hoặc cuối bảng như văn bản công bố (\"5\u{a0}đơn vị dẫn đầu: A, B, …\"), cách nhau bằng dấu chấm phẩy.",
            "The lists of units at the top or bottom as the publication printed them (\"5\u{a0}đơn vị dẫn đầu: A, B, …\"), separated by semicolons.",
        ],
        Get::Table(listings_text),
    ),
    Column::new(
        None,
        Some("rank_style"),
        Text,
        [
            "Cách đánh số thứ hạng",
            "standard: sau các đơn vị đồng hạng là hạng kế theo số đơn vị (1, 1, 3); dense: là số kế tiếp (1, 1, 2), như văn bản công bố.",
            "standard: after a tie the next rank counts the units (1, 1, 3); dense: it is the next number (1, 1, 2), as the publication numbers them.",
        ],
        Get::Table(|t| {
            Cell::Text(match t.table.rank_style {
                crate::data::schema::RankStyle::Standard => "standard".into(),
                crate::data::schema::RankStyle::Dense => "dense".into(),
            })
        }),
    ),
    Column::new(
        Some("hang"),
        Some("rank"),
        Integer,
        [
            "Thứ hạng",
            "Thứ hạng trong khối; các đơn vị bằng điểm cùng hạng (1, 2, 2, 4; hoặc 1, 2, 2, 3 khi cơ quan công bố đánh số như vậy, rank_style = dense), trừ khi cơ quan công bố đã phân định (ties_broken). Trống: không xếp hạng.",
            "The rank in the group; ties share a rank (1, 2, 2, 4; or 1, 2, 2, 3 when the publisher numbers them so, rank_style = dense) unless the publisher ordered them (ties_broken). Empty: not ranked.",
        ],
        Get::Row(|r| Cell::int(r.row.rank)),
    ),
    Column::new(
        Some("so_don_vi"),
        Some("of"),
        Integer,
        [
            "Trên tổng số",
            "Số đơn vị được xếp hạng (hạng 18/63: 63).",
            "How many units were ranked (rank 18 of 63: 63).",
        ],
        // An unranked line is out of nothing.
        Get::Row(|r| Cell::int(r.row.rank.and(r.row.of.or(r.at.table.ranked)))),
    ),
    Column::new(
        Some("hang_cong_bo"),
        Some("rank_published"),
        Integer,
        [
            "Thứ hạng công bố khác thứ hạng tính từ bảng",
            "Khi văn bản công bố ghi cho dòng này một thứ hạng khác thứ hạng tính từ điểm của bảng đầy đủ, và thứ hạng đó được giữ nguyên kèm ghi chú (ghi_chu_khac_biet): thứ hạng đã công bố. Trống: không có khác biệt.",
            "When the publication prints a rank for this line other than the one the complete table's scores give, kept with a note (disputed): the published rank. Empty: no difference.",
        ],
        Get::Row(|r| Cell::int(r.row.rank_disputed.as_ref().map(|d| d.rank))),
    ),
    Column::new(
        Some("ma_don_vi"),
        Some("unit"),
        Text,
        ["Mã đơn vị", "Mã của đơn vị.", "The unit's id."],
        Get::Row(|r| Cell::Id(&r.unit.id)),
    ),
    Column::new(
        Some("don_vi"),
        Some("unit_name"),
        Text,
        [
            "Đơn vị",
            "Tên đơn vị, như năm đó công bố (tên cũ nếu đơn vị đã đổi tên sau năm đó).",
            "The unit's name as that year published it (a former name if it was renamed since).",
        ],
        Get::Row(|r| Cell::text(Some(r.unit.name_in(r.at.table.year)))),
    ),
    Column::new(
        Some("diem"),
        Some("value"),
        Number,
        [
            "Điểm",
            "Giá trị chỉ số: điểm số, hoặc với đơn vị chấm theo điểm đạt, điểm đạt chia điểm tối đa nhân 100.",
            "The index value: the score, or for a unit scored in points, points / max points × 100.",
        ],
        Get::Row(|r| Cell::fixed(r.row.value, r.row.decimals)),
    )
    .measured(Measure::Index, PUBLISHED),
    Column::new(
        Some("diem_tinh_tu_bang"),
        Some("value_derived"),
        Number,
        [
            "Tỷ lệ tính từ bảng khác tỷ lệ công bố",
            "Khi văn bản công bố ghi cho dòng này một tỷ lệ khác điểm đạt / điểm tối đa × 100, và tỷ lệ đó được giữ nguyên kèm ghi chú (ghi_chu_khac_biet): tỷ lệ tính từ điểm, là số dùng để xếp hạng, xếp loại, tính bình quân và mức thay đổi. Trống: không có khác biệt.",
            "When the publication prints a percent for this line other than points / max points × 100, kept with a note (disputed): the percent of the points, which ranks, bands, averages and changes use. Empty: no difference.",
        ],
        Get::Row(|r| {
            let derived = r.row.disputed_value().map(|d| d.derived);
            Cell::fixed(derived, r.row.decimals)
        }),
    )
    .measured(Measure::Index, PUBLISHED),
    Column::new(
        Some("so_chu_so_thap_phan"),
        Some("decimals"),
        Integer,
        [
            "Số chữ số thập phân",
            "Số chữ số thập phân điểm được công bố (và được làm tròn đến).",
            "The decimals the value was published (and is rounded) with.",
        ],
        Get::Row(|r| Cell::Int(r.row.decimals.into())),
    ),
    Column::new(
        Some("diem_dat"),
        Some("points"),
        Number,
        [
            "Điểm đạt",
            "Điểm đạt được, khi đơn vị được chấm trên điểm tối đa của riêng mình.",
            "Points scored, for a unit scored out of its own maximum.",
        ],
        Get::Row(|r| Cell::fixed(r.row.points, r.row.points_decimals)),
    )
    .measured(Measure::Fixed("điểm"), AS_WRITTEN),
    Column::new(
        Some("diem_toi_da"),
        Some("max_points"),
        Number,
        [
            "Điểm tối đa",
            "Điểm tối đa của riêng đơn vị.",
            "The unit's own maximum points.",
        ],
        Get::Row(|r| Cell::fixed(r.row.max_points, r.row.max_points_decimals)),
    )
    .measured(Measure::Fixed("điểm"), AS_WRITTEN),
    Column::new(
        Some("ma_xep_loai"),
        Some("band_id"),
        Text,
        [
            "Mã xếp loại",
            "Mã của mức xếp loại cao nhất mà điểm đạt tới.",
            "The id of the highest band the value reaches.",
        ],
        Get::Row(|r| {
            Cell::id(r.row.band.as_ref().map(|b| r.at.table.bands[b.band].id.as_str()))
        }),
    ),
    Column::new(
        Some("xep_loai"),
        Some("band"),
        Text,
        [
            "Xếp loại",
            "Tên mức xếp loại (nhóm) mà điểm đạt tới.",
            "The name of the band the value reaches.",
        ],
        Get::Row(|r| {
            Cell::text(r.row.band.as_ref().map(|b| r.at.table.bands[b.band].name.as_str()))
        }),
    ),
    Column::new(
        Some("ma_xep_loai_tinh_tu_bang"),
        Some("band_id_derived"),
        Text,
        [
            "Mã xếp loại tính từ bảng khác xếp loại công bố",
            "Khi văn bản công bố xếp dòng này vào một mức khác mức tính từ điểm của bảng (hoặc theo tỷ lệ công bố bị ghi chú khác biệt), và mức công bố được giữ kèm ghi chú: mã mức tính từ bảng. Trống: không có khác biệt, hoặc theo bảng dòng không đạt mức nào.",
            "When the publication rates this line in another band than the table's figures give (or by a disputed published percent), kept with a note: the id of the table's band. Empty: no difference, or by the table the line reaches no band.",
        ],
        Get::Row(|r| {
            let derived = r.row.band.as_ref().and_then(|b| b.disputed.as_ref()?.0);
            Cell::id(derived.map(|d| r.at.table.bands[d].id.as_str()))
        }),
    ),
    Column::new(
        Some("vung_"),
        Some("region"),
        Text,
        [
            "Mã vùng",
            "Mã vùng của đơn vị trong cách chia vùng này.",
            "The unit's region in this scheme.",
        ],
        Get::Regional(|r, g| Cell::Id(&r.at.site.regions[g.region].id)),
    ),
    Column::new(
        None,
        Some("name"),
        Text,
        ["Tên vùng", "Tên vùng.", "The region's name."],
        Get::Regional(|r, g| Cell::text(Some(&r.at.site.regions[g.region].name))),
    ),
    Column::new(
        None,
        Some("scheme"),
        Text,
        [
            "Cách chia vùng",
            "Cách chia vùng mà vùng thuộc về.",
            "The region scheme the region belongs to.",
        ],
        Get::Regional(|r, g| Cell::text(Some(&r.at.site.regions[g.region].scheme))),
    ),
    Column::new(
        Some("hang_vung_"),
        Some("rank"),
        Integer,
        [
            "Thứ hạng trong vùng",
            "Thứ hạng của đơn vị giữa các đơn vị cùng vùng.",
            "The unit's rank among the units of its region.",
        ],
        Get::Regional(|_, g| Cell::Int(g.rank.into())),
    ),
    Column::new(
        Some("so_don_vi_vung_"),
        Some("of"),
        Integer,
        [
            "Số đơn vị của vùng",
            "Số đơn vị được xếp hạng trong vùng.",
            "How many units of the region were ranked.",
        ],
        Get::Regional(|_, g| Cell::int(g.of)),
    ),
    Column::new(
        Some("hang_vung_tinh_tu_bang_"),
        Some("rank_computed"),
        Boolean,
        [
            "Thứ hạng trong vùng tính từ bảng",
            "1: thứ hạng trong vùng do chiso tính từ điểm của bảng đầy đủ; văn bản công bố không ghi thứ hạng trong vùng này cho dòng này.",
            "1: the regional rank chiso computed from the scores of the complete table; the publication gives this line no rank in this region.",
        ],
        Get::Regional(|_, g| Cell::Bool(g.computed())),
    ),
    Column::new(
        Some("nam_truoc"),
        Some("change.previous_year"),
        Integer,
        [
            "Năm so sánh",
            "Năm của kết quả trước mà thay đổi được tính so với.",
            "The year of the earlier result the change is against.",
        ],
        Get::Row(|r| Cell::int(change(r).map(|c| c.previous_year))),
    ),
    Column::new(
        Some("hang_nam_truoc"),
        Some("change.previous_rank"),
        Integer,
        [
            "Thứ hạng năm trước",
            "Thứ hạng của kết quả trước.",
            "The rank of the earlier result.",
        ],
        Get::Row(|r| Cell::int(change(r).and_then(|c| c.previous_rank))),
    ),
    Column::new(
        Some("thay_doi_hang"),
        Some("change.rank_delta"),
        Integer,
        [
            "Thay đổi thứ hạng",
            "Số bậc tăng (dương) hoặc giảm (âm) so với kết quả trước; trống khi số đơn vị xếp hạng hai năm chênh nhau quá một phần mười (63 tỉnh, rồi 34 sau sáp nhập năm 2025).",
            "Places gained (positive) or lost (negative) since the earlier result; empty when the two years ranked numbers of units more than a tenth apart (63 provinces, then 34 after the 2025 merger).",
        ],
        Get::Row(|r| Cell::int(change(r).and_then(|c| c.rank_delta))),
    )
    .measured(Measure::Fixed("bậc"), Precision::None),
    Column::new(
        Some("thay_doi_diem"),
        Some("change.value_delta"),
        Number,
        [
            "Thay đổi điểm",
            "Chênh lệch điểm so với kết quả trước.",
            "The difference in value since the earlier result.",
        ],
        Get::Row(|r| {
            let change = change(r);
            Cell::fixed(change.and_then(|c| c.value_delta), change.map_or(r.row.decimals, |c| c.decimals))
        }),
    )
    .measured(Measure::Index, Precision::Coarser),
    Column::new(
        Some("thay_doi_hang_minh_hoa"),
        Some("change.rank_illustrative"),
        Boolean,
        [
            "Thay đổi thứ hạng tính từ số liệu minh họa",
            "1: thay_doi_hang được tính từ thứ hạng của số liệu minh họa (năm này hoặc năm trước), không phải số đã công bố; trống khi không có thay_doi_hang.",
            "1: rank_delta is made from ranks of illustrative scores (this year's or the earlier one's), not published; empty when there is no rank_delta.",
        ],
        Get::Row(|r| match change(r) {
            Some(c) if c.rank_delta.is_some() => Cell::Bool(c.illustrative),
            _ => Cell::Empty,
        }),
    ),
    Column::new(
        Some("thay_doi_diem_minh_hoa"),
        Some("change.value_illustrative"),
        Boolean,
        [
            "Thay đổi điểm tính từ số liệu minh họa",
            "1: thay_doi_diem được tính từ điểm minh họa (năm này hoặc năm trước), không phải số đã công bố; trống khi không có thay_doi_diem.",
            "1: value_delta is made from an illustrative score (this year's or the earlier one's), not published; empty when there is no value_delta.",
        ],
        Get::Row(|r| match change(r) {
            Some(c) if c.value_delta.is_some() => Cell::Bool(c.points_illustrative),
            _ => Cell::Empty,
        }),
    ),
    Column::new(
        Some("minh_hoa"),
        Some("illustrative"),
        Boolean,
        [
            "Số liệu minh họa",
            "1: điểm này là số liệu minh họa, không phải số đã công bố.",
            "1: the score is illustrative, not published.",
        ],
        Get::Row(|r| Cell::Bool(r.row.illustrative)),
    ),
    Column::new(
        Some("hang_minh_hoa"),
        Some("rank_illustrative"),
        Boolean,
        [
            "Thứ hạng tính từ số liệu minh họa",
            "1: thứ hạng do chiso tính trong một bảng có điểm minh họa (của dòng này hoặc dòng khác), không phải thứ hạng đã công bố.",
            "1: the rank chiso computed in a table with an illustrative score (this line's or another's), not a published rank.",
        ],
        Get::Row(|r| Cell::Bool(r.row.rank_illustrative())),
    ),
    Column::new(
        Some("hang_tinh_tu_bang"),
        Some("rank_computed"),
        Boolean,
        [
            "Thứ hạng tính từ bảng",
            "1: thứ hạng do chiso tính từ điểm của bảng đầy đủ; văn bản công bố không ghi thứ hạng cho dòng này.",
            "1: the rank chiso computed from the scores of the complete table; the publication gives this line no rank.",
        ],
        Get::Row(|r| Cell::Bool(r.row.rank_computed())),
    ),
    Column::new(
        Some("diem_tinh_tu_diem_dat"),
        Some("value_computed"),
        Boolean,
        [
            "Điểm tính từ điểm đạt",
            "1: giá trị chỉ số do chiso tính, điểm đạt chia điểm tối đa nhân 100; văn bản công bố không ghi tỷ lệ cho dòng này.",
            "1: the index value is chiso's arithmetic, points / max points × 100; the publication prints no percent for this line.",
        ],
        Get::Row(|r| Cell::Bool(r.row.value_from_points())),
    ),
    Column::new(
        Some("khong_xep_hang"),
        Some("not_ranked"),
        Text,
        [
            "Lý do không xếp hạng",
            "Vì sao đơn vị có trong bảng nhưng không được xếp hạng.",
            "Why the unit is in the table but was not ranked.",
        ],
        Get::Row(|r| Cell::text(r.row.not_ranked.as_deref())),
    ),
    Column::new(
        Some("ghi_chu"),
        Some("note"),
        Text,
        [
            "Ghi chú",
            "Ghi chú cho kết quả này, dạng văn bản thuần.",
            "The note on this result, as plain text.",
        ],
        Get::Row(|r| plain(&r.row.note)),
    ),
    Column::new(
        Some("dat_tu"),
        Some("at_least"),
        Number,
        [
            "Đạt từ (ngưỡng công bố)",
            "Khi nơi công bố chỉ ghi đơn vị đạt từ một mức trở lên, không ghi điểm: mức đó.",
            "When the publication says only that the unit reached a threshold, not its score: the threshold.",
        ],
        Get::Row(|r| Cell::written(r.row.threshold.filter(|t| !t.strict).map(|t| t.value))),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        Some("dat_tren"),
        Some("above"),
        Number,
        [
            "Đạt trên (ngưỡng công bố)",
            "Khi nơi công bố chỉ ghi đơn vị đạt trên một mức, không ghi điểm: mức đó.",
            "When the publication says only that the unit scored above a threshold: the threshold.",
        ],
        Get::Row(|r| Cell::written(r.row.threshold.filter(|t| t.strict).map(|t| t.value))),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        Some("xep_loai_cong_bo"),
        Some("band_stated"),
        Boolean,
        [
            "Xếp loại theo công bố",
            "1: xếp loại được ghi như nơi công bố ghi trên dòng này (không tính từ điểm).",
            "1: the band is as the publication states it on this line.",
        ],
        Get::Row(|r| Cell::Bool(r.row.band.as_ref().is_some_and(|b| b.stated))),
    ),
    Column::new(
        Some("ghi_chu_so_don_vi"),
        Some("of_note"),
        Text,
        [
            "Ghi chú về số đơn vị xếp hạng",
            "Vì sao dòng này được xếp hạng trên một tổng số khác của bảng.",
            "Why this line is ranked out of another number than the table's.",
        ],
        Get::Row(|r| plain(r.row.of_note.as_deref().unwrap_or_default())),
    ),
    Column::new(
        Some("thay_doi_hang_cong_bo"),
        Some("change.published.places"),
        Integer,
        [
            "Thay đổi thứ hạng (công bố)",
            "Số bậc tăng (dương) hoặc giảm (âm) như nơi công bố ghi; được đối chiếu với thay đổi tính từ bảng khi tính được.",
            "Places gained (positive) or lost as published; checked against the derived change where it can be derived.",
        ],
        Get::Row(|r| Cell::int(r.row.stated_change.as_ref().and_then(|c| c.places))),
    )
    .measured(Measure::Fixed("bậc"), Precision::None),
    Column::new(
        Some("thay_doi_diem_cong_bo"),
        Some("change.published.points"),
        Number,
        [
            "Thay đổi điểm (công bố)",
            "Số điểm tăng hoặc giảm như nơi công bố ghi.",
            "Points gained or lost as published.",
        ],
        Get::Row(|r| {
            let stated = r.row.stated_change.as_ref();
            Cell::fixed(stated.and_then(|c| c.points), stated.map_or(0, |c| c.points_decimals))
        }),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        Some("nam_so_sanh_cong_bo"),
        Some("change.published.since"),
        Integer,
        [
            "Năm so sánh (công bố)",
            "Năm mà nơi công bố so sánh với khi ghi thay đổi. Trống khi văn bản không nêu năm (chiso so sánh với năm liền trước).",
            "The year the publication compared with. Empty when it named none (chiso compares with the year before).",
        ],
        Get::Row(|r| {
            let stated = r.row.stated_change.as_ref().filter(|c| c.since_stated);
            Cell::int(stated.map(|c| c.since))
        }),
    ),
    Column::new(
        Some("ghi_chu_khac_biet"),
        Some("disputed"),
        Text,
        [
            "Ghi chú về số liệu công bố khác số tính được",
            "Khi một con số công bố trên dòng này khác con số tính từ bảng và được giữ nguyên: lý do.",
            "When a figure published on this line differs from the one derived and is kept: why.",
        ],
        Get::Row(|r| {
            let note = r
                .row
                .disputed
                .as_ref()
                .map(|d| d.note.as_str())
                .or_else(|| r.row.rank_disputed.as_ref().map(|d| d.note.as_str()))
                .or_else(|| r.row.stated_change.as_ref().and_then(|c| c.disputed.as_deref()));
            plain(note.unwrap_or_default())
        }),
    ),
    Column::new(
        Some("gia_tri_khac"),
        None,
        Text,
        [
            "Giá trị khác đã công bố",
            "Các giá trị hoặc thứ hạng khác đã được công bố cho kết quả này, mỗi giá trị kèm nguồn trong ngoặc, cách nhau bằng dấu chấm phẩy: 88.3 (Một số báo in 88,3); thứ 62/63 (Báo X).",
            "Other values or ranks published for this result, each with its source in brackets, separated by semicolons.",
        ],
        Get::Row(|r| match r.row.alternatives.as_slice() {
            [] => Cell::Empty,
            alternatives => Cell::Alternatives(alternatives),
        }),
    ),
    Column::new(
        None,
        Some("value"),
        Number,
        [
            "Giá trị khác",
            "Một giá trị khác đã được công bố cho kết quả này.",
            "Another value published for this result.",
        ],
        Get::Alternative(|a| Cell::written(a.value)),
    )
    .measured(Measure::Index, AS_WRITTEN),
    Column::new(
        None,
        Some("rank"),
        Integer,
        [
            "Thứ hạng khác",
            "Một thứ hạng khác đã được công bố cho kết quả này.",
            "Another rank published for this result.",
        ],
        Get::Alternative(|a| Cell::int(a.rank)),
    ),
    Column::new(
        None,
        Some("of"),
        Integer,
        [
            "Trên tổng số (thứ hạng khác)",
            "Số đơn vị được xếp hạng theo nguồn công bố thứ hạng khác.",
            "The number ranked, as the source of the other rank gives it.",
        ],
        Get::Alternative(|a| Cell::int(a.of)),
    ),
    Column::new(
        None,
        Some("source"),
        Text,
        [
            "Nguồn của giá trị khác",
            "Ai đã công bố giá trị đó, ở đâu.",
            "Who published that value, and where.",
        ],
        Get::Alternative(|a| Cell::text(Some(&a.source))),
    ),
    Column::new(
        Some("nguon"),
        Some("source.title"),
        Text,
        [
            "Nguồn",
            "Văn bản hoặc bài báo công bố kết quả.",
            "The document or article the results come from.",
        ],
        Get::Table(|t| Cell::text(t.table.source.as_ref().map(|s| s.title.as_str()))),
    ),
    Column::new(
        Some("so_van_ban"),
        Some("source.number"),
        Text,
        [
            "Số văn bản",
            "Số của văn bản nguồn (519/QĐ-UBND), khi không nằm trong tên nguồn.",
            "The source document's number (519/QĐ-UBND), when its title does not hold it.",
        ],
        Get::Table(|t| Cell::text(t.table.source.as_ref().and_then(|s| s.number.as_deref()))),
    ),
    Column::new(
        Some("co_quan_ban_hanh"),
        Some("source.issuer"),
        Text,
        [
            "Cơ quan ban hành",
            "Cơ quan ban hành nguồn.",
            "Who issued the source.",
        ],
        Get::Table(|t| Cell::text(t.table.source.as_ref().and_then(|s| s.issuer.as_deref()))),
    ),
    Column::new(
        Some("ngay_nguon"),
        Some("source.date"),
        Date,
        ["Ngày của nguồn", "Ngày của nguồn.", "The source's date."],
        Get::Table(|t| Cell::date(t.table.source.as_ref().and_then(|s| s.date))),
    ),
    Column::new(
        Some("url_nguon"),
        Some("source.url"),
        Text,
        [
            "Địa chỉ nguồn",
            "Địa chỉ (URL) của nguồn.",
            "The source's URL.",
        ],
        Get::Table(|t| Cell::text(t.table.source.as_ref().and_then(|s| s.url.as_deref()))),
    ),
    Column::new(
        None,
        Some("id"),
        Text,
        ["Mã lĩnh vực", "Mã của lĩnh vực.", "The component's id."],
        Get::Component(|r, c, _| Cell::Id(&r.at.index.components[c].id)),
    ),
    Column::new(
        None,
        Some("name"),
        Text,
        ["Tên lĩnh vực", "Tên của lĩnh vực.", "The component's name."],
        Get::Component(|r, c, _| Cell::text(Some(&r.at.index.components[c].name))),
    ),
    Column::new(
        None,
        Some("parent"),
        Text,
        [
            "Lĩnh vực cha",
            "Mã của lĩnh vực chứa lĩnh vực này (trụ cột trên lĩnh vực, lĩnh vực trên tiêu chí); trống với lĩnh vực cấp cao nhất.",
            "The id of the component this one is part of; empty at the top level.",
        ],
        Get::Component(|r, c, _| {
            let index = r.at.index;
            Cell::id(index.components[c].parent.map(|p| index.components[p].id.as_str()))
        }),
    ),
    Column::new(
        None,
        Some("depth"),
        Integer,
        [
            "Cấp của lĩnh vực",
            "0 với lĩnh vực cấp cao nhất, 1 với lĩnh vực con của nó, và cứ thế.",
            "0 at the top level, 1 for a component of a top-level one, and so on.",
        ],
        Get::Component(|r, c, _| Cell::int(Some(r.at.index.components[c].depth as i64))),
    ),
    Column::new(
        None,
        Some("max"),
        Number,
        [
            "Điểm tối đa của lĩnh vực",
            "Điểm tối đa của lĩnh vực, khi chỉ số công bố.",
            "The component's maximum, when the index publishes one.",
        ],
        Get::Component(|r, c, _| Cell::written(r.at.index.components[c].max)),
    )
    .measured(Measure::Fixed("điểm"), AS_WRITTEN),
    Column::new(
        Some("linh_vuc_"),
        Some("score"),
        Number,
        [
            "Điểm lĩnh vực",
            "Điểm của đơn vị ở lĩnh vực (chỉ số thành phần) này.",
            "The unit's score on this component.",
        ],
        Get::Component(|r, c, v| Cell::fixed(Some(v), r.row.component_decimals(r.at.index, c))),
    )
    .measured(Measure::Fixed("điểm"), PUBLISHED),
    Column::new(
        None,
        Some("rank"),
        Integer,
        [
            "Thứ hạng ở lĩnh vực",
            "Thứ hạng của đơn vị ở lĩnh vực này: như công bố, hoặc tính từ bảng đầy đủ khi mọi dòng có điểm lĩnh vực.",
            "The unit's rank on this component: as published, or derived from a complete table whose lines all give it.",
        ],
        Get::Component(|r, c, _| Cell::int(component_figures(r, c).and_then(|f| f.rank))),
    ),
    Column::new(
        None,
        Some("of"),
        Integer,
        [
            "Số đơn vị xếp hạng ở lĩnh vực",
            "Số đơn vị được xếp hạng ở lĩnh vực này.",
            "The number of units ranked on this component.",
        ],
        Get::Component(|r, c, _| Cell::int(component_figures(r, c).and_then(|f| f.of))),
    ),
    Column::new(
        None,
        Some("rank_computed"),
        Boolean,
        [
            "Thứ hạng ở lĩnh vực tính từ bảng",
            "Đúng khi thứ hạng ở lĩnh vực này do trang tính từ bảng đầy đủ, văn bản công bố không ghi.",
            "True when the rank on this component is derived from the complete table, the publication stating none.",
        ],
        Get::Component(|r, c, _| {
            Cell::Bool(component_figures(r, c).is_some_and(|f| f.rank_computed && f.rank.is_some()))
        }),
    ),
];

/// A line's published (or derived) figures on component `c`, if any.
fn component_figures<'a>(r: RowAt<'a>, c: usize) -> Option<&'a crate::model::ComponentFigures> {
    r.row.component_figures.iter().find(|f| f.component == c)
}

/// Markdown as plain text: the words a reader sees, on one line.
/// A table's published band counts in one text: see the `band_counts`
/// column.
fn band_counts_text<'a>(t: TableAt<'a>) -> Cell<'a> {
    use crate::model::Counted;
    let format = crate::render::figure::Format {
        decimals: t.index.decimals,
        unit_label: &t.index.unit_label,
    };
    let counts: Vec<String> = t
        .table
        .band_counts
        .iter()
        .map(|c| {
            let label = match c.counted {
                Counted::Band(b) => t.table.bands[b].name.clone(),
                Counted::Score(threshold) => {
                    crate::render::views::threshold_text(threshold, format)
                }
            };
            let mut text = match c.of.or(t.table.rated()) {
                Some(of) => format!("{label}: {}/{of}", c.count),
                None => format!("{label}: {}", c.count),
            };
            if let Some(derived) = c.derived {
                text.push_str(&format!(" (tính từ bảng: {derived})"));
            }
            text
        })
        .collect();
    match counts.is_empty() {
        true => Cell::Empty,
        false => Cell::Text(counts.join("; ").into()),
    }
}

/// A table's published listings in one text: see the `listings` column.
fn listings_text<'a>(t: TableAt<'a>) -> Cell<'a> {
    let listings: Vec<String> = t
        .table
        .listings
        .iter()
        .map(|l| {
            let names: Vec<&str> = l
                .units
                .iter()
                // As the table's year named them.
                .map(|&u| t.site.units[u].name_in(t.table.year))
                .collect();
            format!("{}: {}", l.label, names.join(", "))
        })
        .collect();
    match listings.is_empty() {
        true => Cell::Empty,
        false => Cell::Text(listings.join("; ").into()),
    }
}

fn plain(markdown: &str) -> Cell<'static> {
    if markdown.trim().is_empty() {
        return Cell::Empty;
    }
    Cell::Text(Cow::Owned(crate::content::markdown_plain_text(markdown)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_name_and_both_descriptions() {
        for c in COLUMNS {
            assert!(c.csv.is_some() || c.json.is_some(), "{}", c.title);
            assert!(!c.title.is_empty() && !c.vi.is_empty() && !c.en.is_empty());
            if matches!(c.scope(), Scope::Regional | Scope::Component) {
                if let Some(csv) = c.csv {
                    assert!(csv.ends_with('_'), "{csv} is a prefix");
                }
            }
            if matches!(c.scope(), Scope::Alternative | Scope::Region) {
                assert!(c.csv.is_none(), "{} is not in CSV", c.title);
            }
        }
    }

    #[test]
    fn csv_headers_and_json_keys_are_unique_within_their_scope() {
        let mut csv = std::collections::BTreeSet::new();
        let mut json = std::collections::BTreeSet::new();
        for c in COLUMNS {
            if let Some(name) = c.csv {
                assert!(csv.insert(name), "CSV {name} twice");
            }
            if let Some(path) = c.json_path() {
                assert!(json.insert(path.clone()), "JSON {path} twice");
            }
        }
    }

    /// README's table of the downloads' columns names every CSV column, and
    /// its open-data section every JSON key (the last part of its path).
    #[test]
    fn readme_names_every_column() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("Columns, in order:")
            .expect("README's column table");
        let section = &readme[start..];
        let end = section.find("\n## ").unwrap_or(section.len());
        let section = &section[..end];
        let mut missing = Vec::new();
        for c in COLUMNS {
            if let Some(csv) = c.csv {
                let csv = csv.trim_end_matches('_');
                if !section.contains(&format!("`{csv}`")) && !section.contains(&format!("`{csv}_<"))
                {
                    missing.push(format!("CSV {csv}"));
                }
            }
            if let Some(key) = c.json {
                let leaf = key.rsplit('.').next().unwrap_or(key);
                if !section.contains(&format!("`{key}`"))
                    && !section.contains(&format!("`{leaf}`"))
                    && !section.contains(&format!(".{leaf}`"))
                    && !section.contains(&format!(",{leaf},"))
                    && !section.contains(&format!(",{leaf}}}"))
                    && !section.contains(&format!("{{{leaf},"))
                {
                    missing.push(format!("JSON {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "README lacks: {missing:?}");
    }

    #[test]
    fn notes_are_plain_text_on_one_line() {
        assert_eq!(
            plain("Thứ **3** Bắc Trung Bộ,\n[sau Nghệ An](https://x) & <b>Huế</b>."),
            Cell::Text(Cow::Owned(
                "Thứ 3 Bắc Trung Bộ, sau Nghệ An & <b>Huế</b>.".to_owned()
            ))
        );
        assert_eq!(plain("  "), Cell::Empty);
    }
}
