//! Messages about the tile-grid maps (`data/tiles.*`): layouts and their
//! year spans, squares and their units, places and labels.

use super::{language, Language};

/// A layout's years in words, after "the map layout": "các năm 2022–2024"
/// / "for 2022–2024", "đến năm 2024" / "up to 2024", "từ năm 2025" / "from
/// 2025", "mọi năm" / "for every year".
pub fn tile_span(from: Option<i32>, to: Option<i32>) -> String {
    match (language(), from, to) {
        (Language::Vietnamese, Some(f), Some(t)) if f == t => format!("năm {f}"),
        (Language::Vietnamese, Some(f), Some(t)) => format!("các năm {f}–{t}"),
        (Language::Vietnamese, None, Some(t)) => format!("đến năm {t}"),
        (Language::Vietnamese, Some(f), None) => format!("từ năm {f}"),
        (Language::Vietnamese, None, None) => "mọi năm".to_owned(),
        (Language::English, Some(f), Some(t)) if f == t => format!("for {f}"),
        (Language::English, Some(f), Some(t)) => format!("for {f}–{t}"),
        (Language::English, None, Some(t)) => format!("up to {t}"),
        (Language::English, Some(f), None) => format!("from {f}"),
        (Language::English, None, None) => "for every year".to_owned(),
    }
}

messages! {
    tile_unknown_unit(unit: &str) {
        let unit = super::quoted(unit);
        vi: "ô của bản đồ ghi đơn vị `{unit}`, nhưng đơn vị này chưa được khai báo",
        en: "a tile of the map names the unit `{unit}`, which is not defined",
    }
    tile_coordinate_out_of_range(key: &str, value: i64, max: u32) {
        vi: "`{key} = {value}` nằm ngoài lưới của bản đồ (từ 0 đến {max})",
        en: "`{key} = {value}` is outside the map's grid (0 to {max})",
    }
    hint_tile_coordinates(max: u32) {
        vi: "`row` là hàng tính từ 0 ở trên cùng (phía bắc), `col` là cột tính từ 0 ở bên trái (phía tây); mỗi số từ 0 đến {max}",
        en: "`row` counts rows from 0 at the top (north), `col` columns from 0 at the left (west); each from 0 to {max}",
    }
    tile_cell_taken(unit: &str, other: &str, row: i64, col: i64) {
        vi: "ô của `{unit}` đặt vào hàng {row}, cột {col}, nơi đã có ô của `{other}`",
        en: "the tile of `{unit}` is put at row {row}, column {col}, where the tile of `{other}` already is",
    }
    hint_tile_cell_taken() {
        vi: "mỗi vị trí của lưới chỉ có một ô: dời một trong hai ô sang một vị trí trống bên cạnh",
        en: "each place on the grid holds one tile: move one of the two to a free place next to it",
    }
    tile_unit_twice(unit: &str, row: i64, col: i64) {
        vi: "đơn vị `{unit}` có hai ô trong cùng một bố cục (ô kia ở hàng {row}, cột {col})",
        en: "the unit `{unit}` has two tiles in one layout (the other at row {row}, column {col})",
    }
    hint_tile_unit_twice() {
        vi: "mỗi đơn vị có đúng một ô trong mỗi bố cục: xóa một trong hai ô",
        en: "each unit has exactly one tile per layout: remove one of the two",
    }
    tile_label_length(label: &str, max: usize) {
        let label = super::quoted(label);
        vi: "nhãn ô `{label}` phải có từ 1 đến {max} ký tự để vừa trong ô vuông",
        en: "the tile label `{label}` must have 1 to {max} characters to fit in its square",
    }
    hint_tile_label() {
        vi: "ghi chữ viết tắt 2–3 chữ cái: `label = \"HN\"`, `label = \"HCM\"`; bỏ `label` thì chiso dùng chữ cái đầu của tên đơn vị",
        en: "write an abbreviation of 2–3 letters: `label = \"HN\"`, `label = \"HCM\"`; without `label`, chiso uses the initials of the unit's name",
    }
    tile_span_reversed(from: i32, to: i32) {
        vi: "bố cục bản đồ có `from = {from}` sau `to = {to}`",
        en: "the map layout has `from = {from}` after `to = {to}`",
    }
    hint_tile_span() {
        vi: "`from` là năm đầu tiên, `to` là năm cuối cùng dùng bố cục này (tính cả hai năm)",
        en: "`from` is the first year and `to` the last year the layout is used for (both included)",
    }
    tile_spans_overlap(span: &str, other: &str, file: &str) {
        vi: "bố cục bản đồ {span} trùng năm với bố cục {other} (trong `{file}`)",
        en: "the map layout {span} shares years with the layout {other} (in `{file}`)",
    }
    hint_tile_spans_overlap() {
        vi: "mỗi năm dùng một bố cục: cho bố cục cũ kết thúc (`to = 2024`) trước khi bố cục mới bắt đầu (`from = 2025`)",
        en: "each year uses one layout: end the old one (`to = 2024`) before the new one starts (`from = 2025`)",
    }
    tile_unit_missing(unit: &str, year: i32, table: &str, span: &str) {
        vi: "`{unit}` có kết quả năm {year} (`{table}`) nhưng không có ô trong bố cục bản đồ {span}: bản đồ sẽ thiếu đơn vị này",
        en: "`{unit}` has a result in {year} (`{table}`) but no tile in the map layout {span}: the map will miss it",
    }
    hint_tile_unit_missing(unit: &str) {
        vi: "thêm một ô cho đơn vị này: `{{ unit = \"{unit}\", row = …, col = … }}`",
        en: "add a tile for this unit: `{{ unit = \"{unit}\", row = …, col = … }}`",
    }
    tile_label_twice(label: &str, unit: &str, other: &str) {
        let label = super::quoted(label);
        vi: "ô của `{unit}` và ô của `{other}` cùng ghi `{label}`: người đọc không phân biệt được hai ô",
        en: "the tiles of `{unit}` and `{other}` both read `{label}`: readers cannot tell them apart",
    }
    hint_tile_label_twice() {
        vi: "ghi cho một trong hai ô một nhãn khác (`label = \"HNa\"`); không ghi `label` thì chiso dùng chữ cái đầu của tên, có thể trùng nhau",
        en: "give one of the two another label (`label = \"HNa\"`); without `label`, chiso uses the initials of the name, which may clash",
    }
    tile_unit_inactive(unit: &str, span: &str) {
        vi: "`{unit}` có ô trong bố cục bản đồ {span}, nhưng đơn vị này không còn hoặc chưa có trong những năm đó (`active_from`, `active_to` trong tệp đơn vị)",
        en: "`{unit}` has a tile in the map layout {span}, but the unit did not exist in those years (`active_from`, `active_to` in the units file)",
    }
    hint_tile_unit_inactive() {
        vi: "bố cục sau khi sáp nhập chỉ ghi các đơn vị còn hoạt động: xóa ô này, hoặc sửa `from`/`to` của bố cục",
        en: "a layout after a merger lists the units that still exist: remove this tile, or correct the layout's `from`/`to`",
    }
}
