//! Messages about published figures that chiso holds as stated and checks
//! where it can derive them: published changes, regional figures, and
//! alternative values and ranks.

use super::{language, Language};

/// "tăng 9 bậc" / "up 9 places", in the language messages are said in.
fn moved(places: i64) -> String {
    match language() {
        Language::Vietnamese => crate::vi::rank_change_phrase(places),
        Language::English => match places {
            p if p > 0 => format!("up {p} places"),
            p if p < 0 => format!("down {} places", p.unsigned_abs()),
            _ => "the same place".to_owned(),
        },
    }
}

/// "giảm 2,13 điểm" / "down 2.13 points".
fn points_moved(points: f64, decimals: u32) -> String {
    let shown = super::figure_at(points.abs(), decimals);
    let sign = crate::vi::scaled(points, decimals).signum();
    match (language(), sign) {
        (Language::Vietnamese, 1) => format!("tăng {shown} điểm"),
        (Language::Vietnamese, -1) => format!("giảm {shown} điểm"),
        (Language::Vietnamese, _) => "giữ nguyên điểm".to_owned(),
        (Language::English, 1) => format!("up {shown} points"),
        (Language::English, -1) => format!("down {shown} points"),
        (Language::English, _) => "the same score".to_owned(),
    }
}

messages! {
    alternative_without_figure(unit: &str) {
        vi: "một giá trị khác (`alternatives`) của `{unit}` không ghi `value` cũng không ghi `rank`",
        en: "an alternative (`alternatives`) of `{unit}` gives neither `value` nor `rank`",
    }
    hint_alternative_figure() {
        vi: "ghi con số nguồn kia công bố: `value = 88.3`, hoặc thứ hạng `rank = 62` (kèm `of = 63`), hoặc cả hai",
        en: "write what the other source published: `value = 88.3`, or `rank = 62` (with `of = 63`), or both",
    }
    alternative_of_without_rank(unit: &str) {
        vi: "một giá trị khác (`alternatives`) của `{unit}` ghi `of` mà không ghi `rank`",
        en: "an alternative (`alternatives`) of `{unit}` gives `of` without `rank`",
    }
    hint_alternative_of() {
        vi: "`of` là số đơn vị được xếp hạng đi kèm thứ hạng `rank` của nguồn kia: ghi thêm `rank`, hoặc bỏ `of`",
        en: "`of` is the number ranked that goes with the other source's `rank`: add `rank`, or remove `of`",
    }
    stated_change_without_figure(unit: &str) {
        vi: "thay đổi đã công bố (`change`) của `{unit}` không ghi `places` cũng không ghi `points`",
        en: "the published change (`change`) of `{unit}` gives neither `places` nor `points`",
    }
    hint_stated_change_figure() {
        vi: "ghi số bậc tăng (dương) hoặc giảm (âm): `change = {{ places = 10 }}`, và/hoặc số điểm: `points = -2.13`",
        en: "write the places gained (positive) or lost (negative): `change = {{ places = 10 }}`, and/or the points: `points = -2.13`",
    }
    stated_change_since_not_before(unit: &str, since: i32, year: i32) {
        vi: "thay đổi đã công bố của `{unit}` so với năm {since}, không phải một năm trước năm {year} của bảng",
        en: "the published change of `{unit}` is against {since}, which is not a year before the table's {year}",
    }
    hint_stated_change_since() {
        vi: "`since` là năm được so sánh (trước năm của bảng); bỏ `since` khi so với kết quả liền trước",
        en: "`since` is the year compared with (before the table's year); leave it out for the previous result",
    }
    stated_places_differ(unit: &str, stated: i64, derived: i64, since: i32, before: u32, now: u32) {
        let stated = moved(stated);
        let derived = moved(derived);
        vi: "`{unit}` được ghi {stated} so với năm {since}, nhưng tính từ bảng thì {derived} (thứ {before} năm {since}, thứ {now} năm nay)",
        en: "`{unit}` is stated as {stated} since {since}, but the tables give {derived} (rank {before} in {since}, {now} now)",
    }
    stated_places_impossible(unit: &str, stated: i64, since: i32, now: u32, then: &str) {
        let stated = moved(stated);
        vi: "`{unit}` được ghi {stated} so với năm {since}, nhưng điều đó không thể có: đang thứ {now} thì năm {since} phải đứng thứ {then}",
        en: "`{unit}` is stated as {stated} since {since}, which cannot be: ranked {now} now, it would have ranked {then} in {since}",
    }
    stated_places_beyond(unit: &str, stated: i64, since: i32, now: u32, most: u32) {
        let stated = moved(stated);
        vi: "`{unit}` được ghi {stated} so với năm {since}, nhưng điều đó không thể có: đang thứ {now}, mà bảng năm {since} của khối chỉ xếp hạng {most} đơn vị",
        en: "`{unit}` is stated as {stated} since {since}, which cannot be: ranked {now} now, and the group's table of {since} ranked only {most} units",
    }
    hint_stated_places_sign() {
        vi: "tăng bậc ghi số dương (`places = 3`), giảm bậc ghi số âm (`places = -3`): đối chiếu dấu và con số với văn bản công bố",
        en: "a rise is written positive (`places = 3`), a fall negative (`places = -3`): check the sign and the figure against the publication",
    }
    stated_points_differ(unit: &str, stated: (f64, u32), derived: (f64, u32), since: i32) {
        let stated = points_moved(stated.0, stated.1);
        let derived = points_moved(derived.0, derived.1);
        vi: "`{unit}` được ghi {stated} so với năm {since}, nhưng tính từ bảng thì {derived}",
        en: "`{unit}` is stated as {stated} since {since}, but the tables give {derived}",
    }
    hint_stated_change_differs() {
        vi: "kiểm tra điểm, thứ hạng của hai năm và con số đã công bố; nếu nguồn công bố sai, giữ con số và thêm `disputed = \"lý do\"` vào `change`",
        en: "check both years' scores and ranks and the published figure; if the source is wrong, keep it and add `disputed = \"why\"` to `change`",
    }
    disputed_but_agrees() {
        vi: "ghi chú `disputed` nói con số đã công bố sai, nhưng con số này khớp với số liệu tính từ bảng",
        en: "the `disputed` note says the published figure is wrong, but it agrees with the figure derived from the tables",
    }
    region_figure_twice(region: &str) {
        vi: "số liệu của vùng `{region}` được ghi hai lần trong bảng này",
        en: "the figures of region `{region}` are given twice in this table",
    }
    hint_one_figure_per_region() {
        vi: "mỗi vùng (hoặc nhóm) chỉ ghi một mục `[[region]]` trong mỗi bảng",
        en: "give one `[[region]]` entry per region (or category) in a table",
    }
    region_not_in_table(region: &str) {
        vi: "bảng đầy đủ này không có đơn vị nào được xếp hạng thuộc vùng `{region}`, nên không có số liệu vùng để đối chiếu",
        en: "no unit ranked in this complete table belongs to region `{region}`, so there is no regional figure to check",
    }
    hint_region_members() {
        vi: "kiểm tra mã vùng, và `regions` của các đơn vị trong `data/units.toml`",
        en: "check the region id, and the units' `regions` in `data/units.toml`",
    }
    region_average_differs(region: &str, published: &str, derived: &str) {
        vi: "bình quân đã công bố của vùng `{region}` là {published}, nhưng bình quân điểm các đơn vị của vùng trong bảng là {derived}",
        en: "the published average of region `{region}` is {published}, but its units in this table average {derived}",
    }
    region_rank_differs(region: &str, stated: u32, derived: u32, of: u32) {
        vi: "vùng `{region}` được ghi xếp thứ {stated}, nhưng theo bình quân thì xếp thứ {derived} trên {of} vùng cùng cách phân vùng",
        en: "region `{region}` is stated as rank {stated}, but its average ranks {derived} of the {of} regions of its scheme",
    }
    region_of_differs(region: &str, stated: u32, derived: u32) {
        vi: "vùng `{region}` được ghi xếp hạng trên {stated} vùng, nhưng bảng có {derived} vùng cùng cách phân vùng có đơn vị được xếp hạng",
        en: "region `{region}` is stated as ranked among {stated} regions, but {derived} regions of its scheme have units ranked in this table",
    }
    hint_region_figure_differs() {
        vi: "kiểm tra điểm các đơn vị và con số đã công bố; nếu nguồn công bố sai, giữ con số và thêm `disputed = \"lý do\"` vào mục `[[region]]`",
        en: "check the units' scores and the published figure; if the source is wrong, keep it and add `disputed = \"why\"` to the `[[region]]` entry",
    }
    region_figure_empty(region: &str) {
        vi: "mục `[[region]]` của vùng `{region}` không ghi `average` cũng không ghi `rank`",
        en: "the `[[region]]` entry of region `{region}` gives neither `average` nor `rank`",
    }
    hint_region_figure() {
        vi: "ghi bình quân đã công bố (`average = 85.31`), thứ hạng (`rank = 2`, `of = 6`), hoặc cả hai",
        en: "write the published average (`average = 85.31`), the rank (`rank = 2`, `of = 6`), or both",
    }
    region_ranks_out_of_order(region: &str, rank: u32, other: &str, other_rank: u32) {
        vi: "vùng `{region}` được ghi xếp thứ {rank} còn `{other}` xếp thứ {other_rank}, trái với bình quân đã ghi của hai vùng",
        en: "region `{region}` is stated as rank {rank} and `{other}` as {other_rank}, against the averages given for the two",
    }
    regional_ranks_out_of_order(unit: &str, rank: u32, other: &str, other_rank: u32, region: &str) {
        vi: "`{unit}` được ghi xếp thứ {rank} còn `{other}` xếp thứ {other_rank} trong vùng `{region}`, trái với điểm của hai đơn vị",
        en: "`{unit}` is stated as rank {rank} and `{other}` as {other_rank} in region `{region}`, against the two units' scores",
    }
    of_differs_in_scheme(region: &str, of: u32, other: &str, other_of: u32) {
        vi: "vùng `{region}` được ghi xếp hạng trên {of} vùng, còn `{other}` cùng cách phân vùng trên {other_of}",
        en: "region `{region}` is stated as ranked among {of} regions, but `{other}` of the same scheme among {other_of}",
    }
    regional_of_differs(unit: &str, of: u32, other: &str, other_of: u32, region: &str) {
        vi: "trong vùng `{region}`, `{unit}` được ghi xếp hạng trên {of} đơn vị còn `{other}` trên {other_of}",
        en: "in region `{region}`, `{unit}` is stated as ranked among {of} units and `{other}` among {other_of}",
    }
    hint_same_of() {
        vi: "các thứ hạng trong cùng một bảng xếp hạng có cùng số đơn vị được xếp hạng (`of`)",
        en: "ranks in one ranking share the number ranked (`of`)",
    }
}
