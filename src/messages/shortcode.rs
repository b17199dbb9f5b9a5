//! What a bad shortcode (`<!-- chiso:… -->` in an article) is told; shown
//! after "cannot expand a shortcode: ".

use super::terms::{choices as say_choices, term};

messages! {
    not_closed(open: &str, close: &str) {
        vi: "`{open}` chưa được đóng bằng `{close}`",
        en: "`{open}` is not closed with `{close}`",
    }
    in_call(open: &str, call: &str, close: &str, cause: &str) {
        vi: "tại `{open}{call} {close}`: {cause}",
        en: "in `{open}{call} {close}`: {cause}",
    }
    key_value(word: &str) {
        vi: "`{word}` phải viết dạng khóa=giá-trị (key=value)",
        en: "`{word}` should be written key=value",
    }
    comma_between_arguments(word: &str) {
        vi: "`{word}`: các tham số cách nhau bằng dấu cách, không dùng dấu phẩy (`chi-so=par-index nam=2024`)",
        en: "`{word}`: arguments are separated by spaces, not commas (`chi-so=par-index nam=2024`)",
    }
    argument_twice(argument: &str, first: &str, second: &str) {
        vi: "tham số `{argument}` được ghi hai lần (`{argument}={first}` và `{argument}={second}`): chỉ được ghi một lần",
        en: "the argument `{argument}` is given twice (`{argument}={first}` and `{argument}={second}`): give it once",
    }
    unknown(name: &str) {
        vi: "không có mã chèn `{name}`; các mã chèn là ket-qua, khoi và bang-xep-hang",
        en: "unknown shortcode `{name}`; the shortcodes are ket-qua, khoi and bang-xep-hang",
    }
    unknown_argument(argument: &str, name: &str, allowed: &str) {
        vi: "`{name}` không có tham số `{argument}`; các tham số của nó là {allowed}",
        en: "unknown argument `{argument}`; `{name}` takes {allowed}",
    }
    /// `argument` is named by what it gives: "the year" for `nam`.
    missing_argument(argument: &str, what: &str) {
        let what = term(what);
        vi: "thiếu {what} `{argument}=…`",
        en: "{what} `{argument}=…` is missing",
    }
    bad_year() {
        vi: "`nam` phải là một năm, ví dụ 2023",
        en: "`nam` must be a year such as 2023",
    }
    id_not_name(argument: &str, id: &str) {
        vi: "`{argument}` nhận mã (id), không nhận tên: viết `{argument}={id}`",
        en: "`{argument}` takes an id, not a name: write `{argument}={id}`",
    }
    no_such(what: &str, id: &str) {
        let what = term(what);
        vi: "không có {what} `{id}`",
        en: "there is no {what} `{id}`",
    }
    no_such_near(what: &str, id: &str, near: &str) {
        let what = term(what);
        vi: "không có {what} `{id}`; có phải ý bạn là `{near}`?",
        en: "there is no {what} `{id}`; did you mean `{near}`?",
    }
    table_waiting(year: i32, file: &str) {
        vi: "bảng năm {year} ({file}) chưa có dòng kết quả nào nên chưa được đăng: thêm kết quả vào tệp đó, hoặc viết bài sau khi có kết quả",
        en: "the table of {year} ({file}) has no result yet, so it is not published: add the results to that file, or write the article once they are out",
    }
    no_table(group: &str, year: i32) {
        vi: "không có bảng xếp hạng của {group} năm {year}",
        en: "there is no table for {group} in {year}",
    }
    no_table_in_year(group: &str, year: i32, years: &str) {
        vi: "không có bảng xếp hạng của {group} năm {year}; các năm có bảng: {years}",
        en: "there is no table for {group} in {year}; the years with one: {years}",
    }
    several_indices() {
        vi: "năm đó khối này được xếp hạng theo nhiều chỉ số: chọn một bằng `chi-so=…`",
        en: "several indices ranked this group that year: name one with `chi-so=…`",
    }
    no_unit_named() {
        vi: "chọn đơn vị bằng `don-vi=…` (trang không khai báo home_unit)",
        en: "name the unit with `don-vi=…` (the site has no home_unit)",
    }
    not_ranked(unit: &str, year: i32, reason: &str) {
        vi: "`{unit}` không được xếp hạng trong bảng chỉ số này năm {year} ({reason}): bảng chỉ in điểm đã công bố của dòng này, nếu có (hien=diem)",
        en: "`{unit}` is not ranked in this index's {year} table ({reason}): the table prints only its line's published score, if any (hien=diem)",
    }
    no_result(unit: &str, what: &str, year: i32) {
        let what = term(what);
        vi: "`{unit}` không có {what} của chỉ số này năm {year}",
        en: "`{unit}` has no {what} for this index in {year}",
    }
    no_points(unit: &str, year: i32) {
        vi: "dòng của `{unit}` năm {year} không ghi điểm đạt (`points`), chỉ ghi điểm chỉ số: dùng `hien=diem`",
        en: "the line of `{unit}` in {year} has no points (`points`), only the index score: use `hien=diem`",
    }
    no_max_points(unit: &str, year: i32) {
        vi: "dòng của `{unit}` năm {year} có điểm đạt nhưng không ghi điểm tối đa (`max_points`): ghi `max_points` trên dòng đó nếu có công bố, hoặc dùng `hien=diem`",
        en: "the line of `{unit}` in {year} has points but no maximum (`max_points`): write `max_points` on that line if one was published, or use `hien=diem`",
    }
    no_change_first_result(unit: &str, year: i32) {
        vi: "`{unit}` không có thay đổi năm {year}: đây là kết quả đầu tiên của đơn vị trong chỉ số này (các năm trước đơn vị chưa có trong bảng)",
        en: "`{unit}` has no change in {year}: this is the unit's first result in this index (earlier tables do not list it)",
    }
    no_change_no_earlier(unit: &str, year: i32) {
        vi: "`{unit}` không có thay đổi năm {year}: chưa có bảng đầy đủ nào của năm trước để so sánh; nếu văn bản có công bố thay đổi, ghi nó trên dòng kết quả (`change = {{ places = … }}`)",
        en: "`{unit}` has no change in {year}: no complete table of an earlier year to compare with; if the document published a change, write it on the result line (`change = {{ places = … }}`)",
    }
    no_change_other_group(unit: &str, year: i32, then: i32, group: &str) {
        vi: "`{unit}` không có thay đổi năm {year}: năm {then} đơn vị được xếp hạng trong {group}, không so sánh được",
        en: "`{unit}` has no change in {year}: in {then} it was ranked in {group}, which does not compare",
    }
    no_change_not_ranked_then(unit: &str, year: i32, then: i32) {
        vi: "`{unit}` không có thay đổi năm {year}: năm {then} đơn vị không được xếp hạng",
        en: "`{unit}` has no change in {year}: it was not ranked in {then}",
    }
    no_change_not_in_table_then(unit: &str, year: i32, then: i32) {
        vi: "`{unit}` không có thay đổi năm {year}: đơn vị không có trong bảng năm {then}",
        en: "`{unit}` has no change in {year}: the table of {then} does not list it",
    }
    two_names(first: &str, second: &str) {
        vi: "{first} và {second}",
        en: "{first} and {second}",
    }
    name_and_more(first: &str, more: u32) {
        vi: "{first} và {more} đơn vị khác",
        en: "{first} and {more} other units",
    }
    no_change_absorbed(unit: &str, year: i32, then: i32, merged: &str) {
        vi: "`{unit}` không có thay đổi năm {year}: sau năm {then}, {merged} đã sáp nhập vào đơn vị, nên kết quả không so sánh được",
        en: "`{unit}` has no change in {year}: after {then}, {merged} joined it in a merger, so its results do not compare",
    }
    stated_change_in_places_only(unit: &str, year: i32) {
        vi: "thay đổi đã công bố của `{unit}` năm {year} chỉ ghi số bậc (`places`), không ghi điểm: dùng `hien=thay-doi`, hoặc ghi thêm `points` nếu văn bản có công bố",
        en: "the published change of `{unit}` in {year} gives places (`places`), not points: use `hien=thay-doi`, or add `points` if the document published them",
    }
    stated_change_in_points_only(unit: &str, year: i32) {
        vi: "thay đổi đã công bố của `{unit}` năm {year} chỉ ghi điểm (`points`), không ghi số bậc: dùng `hien=thay-doi-diem`, hoặc ghi thêm `places` nếu văn bản có công bố",
        en: "the published change of `{unit}` in {year} gives points (`points`), not places: use `hien=thay-doi-diem`, or add `places` if the document published them",
    }
    no_result_in_year(unit: &str, year: i32, years: &str) {
        vi: "`{unit}` không có kết quả của chỉ số này năm {year}; các năm có kết quả: {years}",
        en: "`{unit}` has no result for this index in {year}; the years with one: {years}",
    }
    no_result_merged(unit: &str, year: i32, into: &str, into_name: &str) {
        vi: "`{unit}` không có kết quả năm {year}: đơn vị đã sáp nhập vào {into_name} (`{into}`); dùng `don-vi={into}`",
        en: "`{unit}` has no result in {year}: it was merged into {into_name} (`{into}`); use `don-vi={into}`",
    }
    places_not_compared(unit: &str, year: i32, previous_year: i32, then: u32, now: u32) {
        vi: "`{unit}` không có thay đổi thứ hạng năm {year}: năm {previous_year} xếp hạng {then} đơn vị, năm {year} xếp hạng {now}, thứ hạng không so sánh được; dùng `hien=thay-doi-diem` hoặc ghi thay đổi đã công bố (`change = {{ places = … }}`)",
        en: "`{unit}` has no change in rank in {year}: {previous_year} ranked {then} units, {year} ranked {now}, so places are not compared; use `hien=thay-doi-diem` or write the published change (`change = {{ places = … }}`)",
    }
    ties_numbered_two_ways(unit: &str, year: i32, previous_year: i32) {
        vi: "`{unit}` không có thay đổi thứ hạng năm {year}: năm {previous_year} và năm {year} đánh số đồng hạng khác nhau (một năm 1, 1, 2, năm kia 1, 1, 3), thứ hạng không so sánh được; dùng `hien=thay-doi-diem` hoặc ghi thay đổi đã công bố (`change = {{ places = … }}`)",
        en: "`{unit}` has no change in rank in {year}: {previous_year} and {year} number ties differently (1, 1, 2 one year, 1, 1, 3 the other), so places are not compared; use `hien=thay-doi-diem` or write the published change (`change = {{ places = … }}`)",
    }
    bad_show(value: &str, choices: &str) {
        let choices = say_choices(choices);
        vi: "`hien={value}`: hãy chọn {choices}",
        en: "`hien={value}`: choose {choices}",
    }
    show_with_component(value: &str) {
        vi: "`hien={value}` không dùng được cùng `linh-vuc`",
        en: "`hien={value}` cannot go with `linh-vuc`",
    }
    no_component(index: &str, component: &str) {
        vi: "chỉ số `{index}` không có lĩnh vực `{component}`",
        en: "index `{index}` has no component `{component}`",
    }
    no_component_score(component: &str) {
        vi: "kết quả này không có điểm của lĩnh vực `{component}`",
        en: "this result has no score for component `{component}`",
    }
    table_lacks(what: &str) {
        let what = term(what);
        vi: "bảng không có {what}",
        en: "the table has no {what}",
    }
    no_bands() {
        vi: "chỉ số không có các mức xếp loại",
        en: "the index has no bands",
    }
}
