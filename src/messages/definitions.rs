//! Messages about the definitions in data/: ids of units, groups, regions
//! and indices, scales and decimals.

use super::term;

messages! {
    duplicate_id(what: &str, id: &str) {
        let what = term(what);
        let id = super::quoted(id);
        vi: "mã {what} `{id}` được khai báo hai lần",
        en: "the {what} id `{id}` is defined twice",
    }
    index_id_takes_excel_name(id: &str, stem: &str) {
        let id = super::quoted(id);
        let stem = super::quoted(stem);
        vi: "mã chỉ số `{id}` làm tệp tải về của chỉ số này trùng tên với bản CSV cho Excel của chỉ số `{stem}` (`{stem}-excel.csv`): một tệp sẽ ghi đè tệp kia",
        en: "the index id `{id}` gives this index's download the name of index `{stem}`'s Excel CSV (`{stem}-excel.csv`): one file would replace the other",
    }
    hint_index_id_not_excel() {
        vi: "đặt cho chỉ số này một mã không kết thúc bằng `-excel`",
        en: "give this index an id that does not end in `-excel`",
    }
    assessed_after_abolished(unit: &str, abolished: &crate::date::Date, to: i32) {
        let unit = super::quoted(unit);
        let day = crate::vi::format_date_short(abolished.year, abolished.month, abolished.day);
        let year = abolished.year;
        vi: "đơn vị `{unit}` đã bị giải thể ngày {day} (`abolished`), nhưng vẫn được đánh giá đến năm {to} (`active_to`), sau năm {year}",
        en: "unit `{unit}` was abolished on {day} (`abolished`), but is assessed until {to} (`active_to`), after {year}",
    }
    hint_abolished() {
        vi: "kiểm tra ngày giải thể và năm đánh giá cuối cùng của đơn vị; kết quả sau ngày đó có lẽ thuộc đơn vị kế tục (`merged_into`)",
        en: "check the day the unit was abolished and its last assessed year; results after that day likely belong to its successor (`merged_into`)",
    }
    merged_into_merged(unit: &str, successor: &str, next: &str) {
        let unit = super::quoted(unit);
        vi: "đơn vị `{unit}` sáp nhập vào `{successor}`, nhưng `{successor}` cũng kết thúc cùng năm và sáp nhập vào `{next}`: kết quả của `{unit}` sẽ chỉ hiện trên trang của `{successor}`, một đơn vị không còn nữa",
        en: "unit `{unit}` is merged into `{successor}`, but `{successor}` ended the same year, merged into `{next}`: the results of `{unit}` would show only on the page of `{successor}`, a unit that is gone",
    }
    hint_merged_into_last(next: &str) {
        vi: "nếu cả hai cùng sáp nhập vào `{next}`, ghi `merged_into = \"{next}\"`",
        en: "if both joined `{next}`, write `merged_into = \"{next}\"`",
    }
    name_blank(unit: &str) {
        let unit = super::quoted(unit);
        vi: "tên của đơn vị `{unit}` chỉ có khoảng trắng: mọi trang sẽ in nó trống",
        en: "the name of unit `{unit}` is only spaces: every page would print it blank",
    }
    hint_name_blank() {
        vi: "ghi tên đầy đủ của đơn vị, như văn bản công bố ghi (ví dụ `name = \"Sở Nội vụ\"`)",
        en: "write the unit's full name, as the publication writes it (e.g. `name = \"Sở Nội vụ\"`)",
    }
    renamed_empty(unit: &str) {
        let unit = super::quoted(unit);
        vi: "một tên cũ trong `renamed` của đơn vị `{unit}` để trống",
        en: "a former name in the `renamed` of unit `{unit}` is empty",
    }
    renamed_before_active(unit: &str, until: i32, from: i32) {
        let unit = super::quoted(unit);
        vi: "tên cũ của đơn vị `{unit}` dùng đến năm {until}, trước năm đầu tiên đơn vị được đánh giá ({from}, `active_from`): tên này không được in ở đâu",
        en: "the former name of unit `{unit}` lasts until {until}, before the unit's first assessed year ({from}, `active_from`): it is never printed",
    }
    renamed_year_twice(unit: &str, year: i32) {
        let unit = super::quoted(unit);
        vi: "`renamed` của đơn vị `{unit}` có hai tên đến cùng năm {year}",
        en: "the `renamed` of unit `{unit}` has two names until the same year {year}",
    }
    hint_renamed() {
        vi: "mỗi tên cũ một dòng: tên như các bảng năm đó đã in, và năm cuối cùng đơn vị mang tên đó (`{{ name = \"UBND huyện Kỳ Anh\", until = 2014 }}`)",
        en: "one line per former name: the name as that year's tables printed it, and the last year the unit had it (`{{ name = \"UBND huyện Kỳ Anh\", until = 2014 }}`)",
    }
    hint_distinct_ids() {
        vi: "đặt cho mỗi mục một mã khác nhau",
        en: "give each one a different id",
    }
    invalid_id(what: &str, id: &str) {
        let what = term(what);
        let id = super::quoted(id);
        vi: "mã {what} `{id}` không phải là mã hợp lệ",
        en: "the {what} id `{id}` is not a valid id",
    }
    id_too_long(what: &str, id: &str) {
        let what = term(what);
        let bytes = id.len();
        let max = crate::vi::MAX_NAME_BYTES;
        let id = super::quoted(id);
        vi: "mã {what} `{id}` dài {bytes} byte, quá {max} byte: mã là tên thư mục hay tệp của trang đã dựng, và tên quá dài thì không ghi được",
        en: "the {what} id `{id}` is {bytes} bytes long, more than {max}: ids name folders and files of the built site, and a name that long cannot be written",
    }
    hint_shorter_id() {
        vi: "rút ngắn mã này (mã xuất hiện trong địa chỉ trang), ví dụ chỉ giữ vài từ chính",
        en: "shorten this id (it appears in URLs), e.g. keep a few main words",
    }
    hint_id_form(suggestion: &str) {
        let suggestion = super::quoted(suggestion);
        vi: "mã xuất hiện trong địa chỉ trang: chỉ dùng chữ thường không dấu, chữ số và '-', ví dụ `{suggestion}`",
        en: "ids appear in URLs: use lowercase letters without diacritics, digits and '-', e.g. `{suggestion}`",
    }
    undefined(what: &str, id: &str) {
        let what = term(what);
        let id = super::quoted(id);
        vi: "{what} `{id}` chưa được khai báo",
        en: "{what} `{id}` is not defined",
    }
    hint_define_first(what: &str) {
        let what = term(what);
        vi: "hãy khai báo {what} này trước, hoặc kiểm tra lại chính tả",
        en: "define the {what} first, or check the spelling",
    }
    hint_id_not_name(id: &str) {
        vi: "ở đây cần ghi mã của đơn vị, không phải tên: `{id}`",
        en: "write the unit's id here, not its name: `{id}`",
    }
    scale_inverted(index: &str) {
        vi: "thang điểm của chỉ số `{index}` có min không nhỏ hơn max",
        en: "index `{index}` has a scale whose min is not below its max",
    }
    percent_of_a_fraction(index: &str) {
        vi: "chỉ số `{index}` có thang điểm từ 0 tới 1 nhưng đơn vị là `%`: điểm 0,85 sẽ được in thành 0,85%",
        en: "index `{index}` has a scale from 0 to 1 but `%` as its unit: a score of 0,85 would print as 0,85%",
    }
    hint_percent_of_a_fraction() {
        vi: "nếu nguồn in tỷ lệ phần trăm (85%), đặt scale = {{ min = 0, max = 100 }} và ghi điểm như nguồn in (85); nếu nguồn in 0,85, bỏ unit_label",
        en: "if the source prints percentages (85%), set scale = {{ min = 0, max = 100 }} and write the scores as printed (85); if it prints 0,85, remove unit_label",
    }
    hint_scale() {
        vi: "viết thang điểm dạng {{ min = 0, max = 100 }}",
        en: "write the scale as {{ min = 0, max = 100 }}",
    }
    too_many_decimals(decimals: u32) {
        vi: "{decimals} chữ số thập phân là nhiều hơn mức chiso hỗ trợ (tối đa 6)",
        en: "{decimals} decimals is more than chiso supports (at most 6)",
    }
    not_a_number(key: &str) {
        let key = super::quoted(key);
        vi: "`{key}` không phải là một số hữu hạn",
        en: "`{key}` is not a finite number",
    }
    hint_write_number() {
        vi: "viết một số như 88.35 (nan và inf không phải là điểm)",
        en: "write a number such as 88.35 (nan and inf are not scores)",
    }
}
